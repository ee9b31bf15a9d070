// Shared helpers of the benchmarks: start the built server on a fresh database, and drive HTTP load.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';

const here = fileURLToPath(new URL('.', import.meta.url));
export const MAIN_JS = resolve(here, '../../dist/server/src/main.js');
export const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://parc:parc@127.0.0.1:3306';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_PASSWORD = 'bench-admin-password';

/** Starts dist/server on a fresh SQLite file or MariaDB database; resolves once /api/health answers. */
export async function startServer(driver, extraEnv = {}) {
  const port = 21000 + Math.floor(Math.random() * 20000);
  let databaseUrl;
  let drop = async () => {};
  const dataDir = mkdtempSync(join(tmpdir(), 'parc-bench-'));
  if (extraEnv.DATABASE_URL) {
    databaseUrl = extraEnv.DATABASE_URL;
  } else if (driver === 'sqlite') {
    databaseUrl = `sqlite:${join(dataDir, 'bench.sqlite')}`;
  } else {
    const name = `parc_bench_${randomBytes(4).toString('hex')}`;
    const c = await createConnection(`${MARIADB_URL}/`);
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    databaseUrl = `${MARIADB_URL}/${name}`;
    drop = async () => {
      const d = await createConnection(`${MARIADB_URL}/`);
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
    };
  }
  const env = {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    // As npm start and the quick start run it (see docs/deploy.md, memory).
    MALLOC_ARENA_MAX: '2',
    ...(driver === 'mariadb' ? { REDIS_URL, QUEUE_PREFIX: `parc-bench-${randomBytes(3).toString('hex')}` } : {}),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [MAIN_JS], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the ${driver} server did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: child.pid,
    dataDir,
    databaseUrl,
    stop: async () => {
      await new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      });
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(base, method, path, options = {}, retried = false) {
  try {
    return await request(base, method, path, options);
  } catch (error) {
    // A kept-alive connection the server closed while the client was busy: one retry on a fresh one.
    if (!retried && error?.cause?.code === 'UND_ERR_SOCKET') return api(base, method, path, options, true);
    throw error;
  }
}

async function request(base, method, path, { token, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Runs `request` from `concurrency` loops for `seconds` after a warm-up, and returns requests per second and
 * latency percentiles. Each loop awaits its request before sending the next one (closed model).
 */
export async function load({ concurrency, seconds, warmupSeconds = 2, request }) {
  const latencies = [];
  let errors = 0;
  let measuring = false;
  let stop = false;
  const loop = async () => {
    while (!stop) {
      const t0 = performance.now();
      try {
        await request();
        if (measuring) latencies.push(performance.now() - t0);
      } catch (e) {
        if (measuring) errors++;
        if (errors === 1 && measuring) console.error(`  first error: ${e.message}`);
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
  measuring = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(loops);
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
  return { rps: latencies.length / elapsed, count: latencies.length, errors, p50: pct(50), p99: pct(99) };
}

export function printTable(rows) {
  const headers = Object.keys(rows[0]);
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(headers.map((h) => r[h])));
}

/** A fresh MariaDB database filled by the fleet seeder; returns its URL and a drop function. */
export async function seededDatabase(computers) {
  const { spawnSync } = await import('node:child_process');
  const name = `parc_bench_${randomBytes(4).toString('hex')}`;
  const c = await createConnection(`${MARIADB_URL}/`);
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  const url = `${MARIADB_URL}/${name}`;
  const started = performance.now();
  const seed = spawnSync(process.execPath, [resolve(here, '../../dist/database/seeds/fleet.js'), '--computers', String(computers)], {
    env: { ...process.env, DATABASE_URL: url, ADMIN_PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (seed.status !== 0) throw new Error(`the fleet seeder failed (${seed.status})`);
  console.log(`Seeded ${computers} computers in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return {
    url,
    drop: async () => {
      const d = await createConnection(`${MARIADB_URL}/`);
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
    },
  };
}

/** Starts the server on an existing database (see startServer). */
export async function startServerOn(databaseUrl, extraEnv = {}) {
  return startServer('mariadb', { DATABASE_URL: databaseUrl, ...extraEnv });
}

export async function queryDb(databaseUrl, sql) {
  const c = await createConnection(databaseUrl);
  try {
    const [rows] = await c.query(sql);
    return rows;
  } finally {
    await c.end();
  }
}
