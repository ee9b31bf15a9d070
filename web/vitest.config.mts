// Extra Vitest settings merged by `ng test` (the Angular builder owns test discovery and the TestBed setup).
// WEB_TEST_JSON=<path> adds Vitest's JSON reporter so CI can count passed/failed tests
// (numTotalTests, numPassedTests, numFailedTests). A relative path is taken from where npm was invoked.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const jsonReport = process.env['WEB_TEST_JSON'];
const invokedFrom = process.env['INIT_CWD'] ?? process.cwd();

export default defineConfig({
  test: {
    reporters: jsonReport ? ['default', ['json', { outputFile: resolve(invokedFrom, jsonReport) }]] : ['default'],
  },
});
