// npm run bench -- <name> [options]: runs one benchmark against the built server (npm run build:server first).
import { existsSync } from 'node:fs';
import { MAIN_JS } from './lib.mjs';

const BENCHES = { api: './api.bench.mjs', inventory: './inventory.bench.mjs', fleet: './fleet.bench.mjs', groups: './groups.bench.mjs', files: './files.bench.mjs' };
const [name, ...args] = process.argv.slice(2);
if (!name || !BENCHES[name]) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [options]`);
  process.exit(2);
}
if (!existsSync(MAIN_JS)) {
  console.error(`${MAIN_JS} is missing: run npm run build:server first`);
  process.exit(2);
}
const { run } = await import(BENCHES[name]);
await run(args);
