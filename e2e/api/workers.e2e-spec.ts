import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { type ServerProcess, startServer, waitFor } from './support/processes';
import { ADMIN_PASSWORD, freshDatabaseUrl, REDIS_URL } from './support/test-app';

interface RunRow {
  tick: string;
  worker: string;
  status: string;
}

async function housekeepingRuns(url: string): Promise<RunRow[]> {
  const c = await createConnection(url);
  try {
    const [rows] = await c.query("SELECT tick, worker, status FROM job_runs WHERE name = 'core.housekeeping' ORDER BY id");
    return rows as RunRow[];
  } finally {
    await c.end();
  }
}

/**
 * Several processes on one MariaDB and one Redis: an API process and two workers. Each housekeeping tick
 * (every second here) must run exactly once in the cluster.
 */
describe('API and worker processes on one MariaDB + Redis', () => {
  const processes: ServerProcess[] = [];
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.stop()));
  });

  it('runs a periodic job once per tick, not once per worker', async () => {
    const db = await freshDatabaseUrl('mariadb');
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: `parc-workers-${randomBytes(4).toString('hex')}`,
      ADMIN_PASSWORD,
      HOUSEKEEPING_INTERVAL_SECONDS: '1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-workers-')),
    };
    const port = 20000 + Math.floor(Math.random() * 20000);
    // Started together: they also race for the migrations, which the migration lock serialises.
    processes.push(startServer({ ...env, ROLE: 'api', PORT: String(port) }), startServer({ ...env, ROLE: 'worker' }), startServer({ ...env, ROLE: 'worker' }));
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, 60_000, 'the API process');
      const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
      expect(health).toMatchObject({ role: 'api', database: { driver: 'mariadb', status: 'up' }, queue: { driver: 'redis', status: 'up' } });
      await waitFor(async () => (await housekeepingRuns(db.url)).length >= 1, 30_000, 'a first housekeeping run');
      const startRuns = (await housekeepingRuns(db.url)).length;
      await new Promise((r) => setTimeout(r, 6000));
      const runs = await housekeepingRuns(db.url);
      const ticks = runs.map((r) => r.tick);
      expect(new Set(ticks).size).toBe(ticks.length);
      // About one run per second over 6 s: twice that would mean each worker ran every tick.
      expect(runs.length - startRuns).toBeGreaterThanOrEqual(3);
      expect(runs.length - startRuns).toBeLessThanOrEqual(8);
      expect(runs.every((r) => r.status === 'ok' || r.status === 'running')).toBe(true);
      // The API process only produces work: every run came from a worker.
      expect(runs.every((r) => /:\d+$/.test(r.worker))).toBe(true);
      const migrations = await createConnection(db.url).then(async (c) => {
        const [rows] = await c.query('SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS d FROM migrations');
        await c.end();
        return (rows as { n: number; d: number }[])[0];
      });
      expect(Number(migrations.n)).toBe(Number(migrations.d));
    } catch (e) {
      throw new Error(`${(e as Error).message}\n--- process output ---\n${processes.map((p) => p.output()).join('\n---\n')}`);
    } finally {
      await Promise.all(processes.splice(0).map((p) => p.stop()));
      await db.drop();
    }
  });

  it('without Redis, two processes would each run it: why clusters need REDIS_URL (the check above can fail)', async () => {
    const db = await freshDatabaseUrl('mariadb');
    const env = { DATABASE_URL: db.url, ADMIN_PASSWORD, HOUSEKEEPING_INTERVAL_SECONDS: '1', DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-workers-')) };
    const ports = [0, 1].map(() => 20000 + Math.floor(Math.random() * 20000));
    processes.push(...ports.map((p) => startServer({ ...env, PORT: String(p) })));
    try {
      for (const p of ports) await waitFor(async () => (await fetch(`http://127.0.0.1:${p}/api/health`)).ok, 60_000, 'the processes');
      await new Promise((r) => setTimeout(r, 4000));
      const runs = await housekeepingRuns(db.url);
      expect(new Set(runs.map((r) => r.worker)).size).toBe(2);
    } finally {
      await Promise.all(processes.splice(0).map((p) => p.stop()));
      await db.drop();
    }
  });

  it('serves HTTP from several processes on one port with API_PROCESSES, and stops them all', async () => {
    const db = await freshDatabaseUrl('mariadb');
    try {
      const port = 24000 + Math.floor(Math.random() * 10000);
      const p = startServer({ API_PROCESSES: '2', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: `parc-test-${randomBytes(4).toString('hex')}`, ADMIN_PASSWORD, DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-cluster-')) });
      processes.push(p);
      const children = () => readFileSync(`/proc/${p.child.pid}/task/${p.child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      await waitFor(async () => children().length === 2 && (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, 60_000, 'two HTTP processes');
      // Both answer: a login on one is a session everywhere (sessions are in the database).
      const login = (await (await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }) })).json()) as { accessToken: string };
      for (let i = 0; i < 20; i++) expect((await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { authorization: `Bearer ${login.accessToken}` } })).status).toBe(200);
      const pids = children();
      await p.stop();
      expect(p.child.exitCode).toBe(0);
      for (const pid of pids) expect(existsSync(`/proc/${pid}`)).toBe(false);
    } finally {
      await db.drop();
    }
  });

  it('refuses API_PROCESSES above 1 without Redis and MariaDB', async () => {
    const p = startServer({ API_PROCESSES: '2', DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-workers-')) });
    processes.push(p);
    await new Promise<void>((done) => p.child.once('exit', () => done()));
    expect(p.child.exitCode).toBe(1);
    expect(p.output()).toMatch(/API_PROCESSES above 1 needs REDIS_URL and a MariaDB DATABASE_URL/);
  });

  it('refuses ROLE=worker without REDIS_URL, with a clear message', async () => {
    const p = startServer({ ROLE: 'worker', DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-workers-')) });
    processes.push(p);
    await new Promise<void>((done) => p.child.once('exit', () => done()));
    expect(p.child.exitCode).toBe(1);
    expect(p.output()).toMatch(/ROLE=worker needs REDIS_URL/);
  });
});
