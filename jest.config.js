// One Jest configuration, four tiers: unit tests beside the code, API end-to-end tests on MariaDB + Redis,
// the real FusionInventory and OCS agents against the built server, and browser tests driving Debian's Chromium. swc compiles TypeScript (with decorator metadata) and the
// ESM-only Nest 12 packages, which Jest cannot require natively on Node 20.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)'],
  moduleNameMapper: {
    '^@parc/sdk$': '<rootDir>/server/src/sdk/index.ts',
    '^@parc/contracts$': '<rootDir>/contracts/index.ts',
  },
  rootDir: __dirname,
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/plugins/*/server/**/*.spec.ts', '<rootDir>/contracts/**/*.spec.ts', '<rootDir>/database/**/*.spec.ts'] },
    { ...shared, displayName: 'api', testMatch: ['<rootDir>/e2e/api/**/*.e2e-spec.ts'], setupFilesAfterEnv: ['<rootDir>/e2e/jest.setup.ts'] },
    { ...shared, displayName: 'agents', testMatch: ['<rootDir>/e2e/agents/**/*.e2e-spec.ts'], setupFilesAfterEnv: ['<rootDir>/e2e/jest.setup.ts'] },
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/e2e/web/**/*.e2e-spec.ts'], setupFilesAfterEnv: ['<rootDir>/e2e/jest.setup.ts'] },
  ],
};
