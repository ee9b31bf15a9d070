// npm run bench -- fleet [--computers 100000]: seeds a fleet on MariaDB, then measures, against the built server:
// - agent check-in: PROLOG of known agents (each a different computer) at concurrency 16, 32 and 64;
// - the computers list: first page with its total, with and without criteria (software name among them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OCS_UA, prologFor } from './agent-payloads.mjs';
import { ADMIN_PASSWORD, api, load, printTable, queryDb, seededDatabase, startServerOn } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

/** wrk (C, from Debian) leaves the server the CPU a Node load generator would take on a 2-core machine. */
function hasWrk() {
  return spawnSync('wrk', ['--version']).error === undefined;
}

function wrkProlog(base, bodies, concurrency) {
  const dir = mkdtempSync(join(tmpdir(), 'parc-wrk-'));
  const file = join(dir, 'bodies.bin');
  writeFileSync(file, Buffer.concat(bodies.flatMap((b) => [Buffer.from(String(b.length).padStart(6, '0')), b])));
  const out = spawnSync('wrk', ['-t2', `-c${concurrency}`, `-d${SECONDS}s`, '-s', fileURLToPath(new URL('./prolog.lua', import.meta.url)), base, '--', file], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk failed: ${out.stderr || out.stdout}`);
  const r = JSON.parse(line.slice(7));
  return { generator: 'wrk', rps: r.requests / (r.duration_us / 1e6), p50: r.p50_us / 1000, p99: r.p99_us / 1000, errors: r.errors + r.non2xx };
}

async function nodeProlog(base, bodies, concurrency) {
  let k = 0;
  const r = await load({
    concurrency,
    seconds: SECONDS,
    request: async () => {
      const res = await fetch(`${base}/ocsinventory`, { method: 'POST', headers: { 'user-agent': OCS_UA, 'content-type': 'application/x-compress' }, body: bodies[k++ % bodies.length] });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`PROLOG → ${res.status}`);
    },
  });
  return { generator: 'node', ...r };
}

const criteria = (c) => `criteria=${encodeURIComponent(JSON.stringify(c))}`;

async function timed(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)], p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))], max: times[runs - 1] };
}

export async function run(args) {
  const at = args.indexOf('--computers');
  const computers = at >= 0 ? Number(args[at + 1]) : 100_000;
  const db = await seededDatabase(computers);
  const server = await startServerOn(db.url);
  try {
    const deviceIds = (await queryDb(db.url, 'SELECT device_id FROM agents ORDER BY id')).map((r) => r.device_id);
    const bodies = deviceIds.map(prologFor);
    console.log(`Fleet: ${deviceIds.length} agents; PROLOG ${SECONDS} s per level after a 2 s warm-up`);

    const prologRows = [];
    for (const concurrency of [16, 32, 64]) {
      const r = hasWrk() ? wrkProlog(server.base, bodies, concurrency) : await nodeProlog(server.base, bodies, concurrency);
      prologRows.push({ scenario: `PROLOG, known agents, concurrency ${concurrency}`, generator: r.generator, 'req/s': r.rps.toFixed(0), 'p50 ms': r.p50.toFixed(1), 'p99 ms': r.p99.toFixed(1), errors: r.errors });
    }
    printTable(prologRows);

    const admin = (await api(server.base, 'POST', '/api/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } })).accessToken;
    const list = (query) => () => api(server.base, 'GET', `/api/computers?limit=50&${query}`, { token: admin });
    const total = async (query) => (await list(query)()).total;
    const scenarios = [
      ['first page + total, sorted by name', 'sort=name'],
      ['sorted by last contact, newest first', 'sort=-lastContactAt'],
      ['software name contains "firefox"', criteria([{ field: 'software', operator: 'contains', value: 'firefox' }])],
      ['software name equals "7-Zip*"', criteria([{ field: 'software', operator: 'equals', value: '7-Zip*' }])],
      ['software + version on the same package', criteria([{ field: 'software', operator: 'contains', value: 'chrome' }, { field: 'softwareVersion', operator: 'equals', value: '1*' }])],
      ['OS, memory, last contact, entity, software', criteria([{ field: 'os', operator: 'contains', value: 'windows' }, { field: 'memory', operator: 'more', value: '8000' }, { field: 'lastContact', operator: 'more', value: '-7d' }, { field: 'entity', operator: 'contains', value: 'e' }, { field: 'software', operator: 'contains', value: 'office' }])],
      ['quick filter q (name, serial, IP)', 'q=10.1'],
    ];
    const listRows = [];
    for (const [name, query] of scenarios) {
      await list(query)();
      const t = await timed(list(query), 15);
      listRows.push({ 'computers list (limit 50)': name, matches: await total(query), 'p50 ms': t.p50.toFixed(0), 'p95 ms': t.p95.toFixed(0), 'max ms': t.max.toFixed(0) });
    }
    printTable(listRows);
  } finally {
    await server.stop();
    await db.drop();
  }
}
