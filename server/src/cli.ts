import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, type DatabaseConfig, loadConfig } from './common/config/config';
import { dataSourceOptions } from './common/database/data-source-options';
import { ensureInitialData } from './common/database/initial-data';
import { pendingSchemaChanges, runMigrations } from './common/database/migrations';
import { coreVersion, repoRoot } from './common/paths';
import { coreContributions } from './core-manifest';
import { Contributions } from './plugin-host/contributions';
import { loadPlugins } from './plugin-host/plugin-loader';

const USAGE = `Usage: node dist/server/src/cli.js <command>
  migrate                         apply pending migrations of the core and enabled plugins (DATABASE_URL)
  check-schema                    exit 1 if the migrated schema differs from the entities
  generate-migration <Name> [--plugin <name>]
                                  write the migrations that bring a migrated database to the entities, for
                                  SQLite (scratch file) and MariaDB (GENERATE_MARIADB_URL, a scratch database
                                  that is emptied first), under database/migrations or plugins/<name>/migrations`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const plugins = loadPlugins(config.plugins, coreVersion());
  const contributions = new Contributions(coreContributions(config), plugins);
  const open = (db: DatabaseConfig) => new DataSource(dataSourceOptions(db, plugins)).initialize();

  switch (command) {
    case 'migrate': {
      const ds = await open(config.database);
      const applied = await runMigrations(ds);
      await ensureInitialData(ds, config, contributions.rights);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date');
      await ds.destroy();
      return 0;
    }
    case 'check-schema': {
      const ds = await open(config.database);
      await runMigrations(ds);
      const { up } = await pendingSchemaChanges(ds);
      await ds.destroy();
      if (up.length) {
        console.error(`The entities differ from the migrated schema:\n${up.join(';\n')}`);
        return 1;
      }
      console.log('The migrated schema matches the entities');
      return 0;
    }
    case 'generate-migration': {
      const name = rest[0];
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('generate-migration needs a PascalCase name');
      const pluginIndex = rest.indexOf('--plugin');
      const plugin = pluginIndex >= 0 ? rest[pluginIndex + 1] : undefined;
      if (plugin && !plugins.some((p) => p.manifest.name === plugin)) throw new Error(`Plugin '${plugin}' is not enabled`);
      const baseDir = plugin ? join(repoRoot(), 'plugins', plugin, 'migrations') : join(repoRoot(), 'database', 'migrations');
      const timestamp = Date.now();
      const scratch = join(repoRoot(), 'data', `generate-${timestamp}.sqlite`);
      await generate(await open({ driver: 'sqlite', file: scratch }), join(baseDir, 'sqlite'), name, timestamp, 'SQLITE');
      const mariaUrl = process.env.GENERATE_MARIADB_URL;
      if (!mariaUrl) {
        console.error('GENERATE_MARIADB_URL is not set: only the SQLite migration was written');
        return 1;
      }
      const mariaConfig = loadConfig({ ...process.env, DATABASE_URL: mariaUrl }).database;
      const maria = await open(mariaConfig);
      await emptyDatabase(maria);
      await generate(maria, join(baseDir, 'mysql'), name, timestamp, 'MYSQL');
      return 0;
    }
    default:
      console.error(USAGE);
      return command ? 1 : 0;
  }
}

async function emptyDatabase(ds: DataSource): Promise<void> {
  const tables: { name: string }[] = await ds.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
  await ds.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const t of tables) await ds.query(`DROP TABLE \`${t.name}\``);
  await ds.query('SET FOREIGN_KEY_CHECKS = 1');
}

async function generate(ds: DataSource, dir: string, name: string, timestamp: number, exportPrefix: string): Promise<void> {
  await runMigrations(ds);
  const { up, down } = await pendingSchemaChanges(ds);
  await ds.destroy();
  if (!up.length) {
    console.log(`${dir}: no change`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  const className = `${name}${timestamp}`;
  const q = (sql: string) => `    await queryRunner.query(\`${sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\`);`;
  writeFileSync(
    join(dir, `${timestamp}-${name}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...down].reverse().map(q).join('\n')}
  }
}
`,
  );
  writeIndex(dir, exportPrefix);
  console.log(`Wrote ${join(dir, `${timestamp}-${name}.ts`)}`);
}

/** Each migrations folder has an index listing its migrations in order, so bundling needs no globbing. */
export function writeIndex(dir: string, exportPrefix: string): void {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort() : [];
  const imports = files.map((f) => {
    const [ts, name] = f.replace(/\.ts$/, '').split('-');
    return { cls: `${name}${ts}`, file: f.replace(/\.ts$/, '') };
  });
  writeFileSync(
    join(dir, 'index.ts'),
    `// Generated by \`npm run db:generate\`: the migrations of this folder, oldest first.\n` +
      `import type { MigrationInterface } from 'typeorm';\n` +
      imports.map((i) => `import { ${i.cls} } from './${i.file}';`).join('\n') +
      `\n\nexport const ${exportPrefix}_MIGRATIONS: (new () => MigrationInterface)[] = [${imports.map((i) => i.cls).join(', ')}];\n`,
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
