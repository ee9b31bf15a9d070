// Sums the JSON reports of every test tier (Jest and Vitest write the same counters) into one line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'reports';
const tiers = ['unit', 'web-unit', 'api', 'agents', 'browser'];
let passed = 0;
let failed = 0;
const missing = [];
for (const tier of tiers) {
  const file = join(dir, `${tier}.json`);
  if (!existsSync(file)) {
    missing.push(tier);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  // A suite that failed to run counts as one failure even when it reported no test.
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  console.log(`  ${tier}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed`);
}
for (const tier of missing) console.log(`  ${tier}: no report (the tier did not run)`);
console.log(`${passed} passed, ${failed + missing.length} failed`);
process.exit(failed + missing.length > 0 ? 1 : 0);
