// npm run bench -- api: logins/s and authenticated list requests/s (100 rows) at concurrency 32, on SQLite
// and on MariaDB (+ Redis), against the built server in its own process.
import { ADMIN_PASSWORD, api, load, printTable, startServer } from './lib.mjs';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const USERS = 150;

async function benchDriver(driver) {
  const server = await startServer(driver);
  try {
    const admin = (await api(server.base, 'POST', '/api/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } })).accessToken;
    for (let i = 0; i < USERS; i++) {
      await api(server.base, 'POST', '/api/users', { token: admin, body: { login: `bench-${String(i).padStart(4, '0')}`, name: `Bench user ${i}`, email: `bench${i}@example.org`, entityId: 1 } });
    }
    const login = await load({
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      request: () => api(server.base, 'POST', '/api/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } }),
    });
    const list = await load({
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      request: async () => {
        const page = await api(server.base, 'GET', '/api/users?limit=100&sort=login', { token: admin });
        if (page.items.length !== 100) throw new Error(`expected 100 rows, got ${page.items.length}`);
      },
    });
    return [
      { database: driver, scenario: 'POST /api/auth/login (argon2id)', 'req/s': login.rps.toFixed(1), 'p50 ms': login.p50.toFixed(1), 'p99 ms': login.p99.toFixed(1), errors: login.errors },
      { database: driver, scenario: 'GET /api/users?limit=100 (authenticated)', 'req/s': list.rps.toFixed(1), 'p50 ms': list.p50.toFixed(1), 'p99 ms': list.p99.toFixed(1), errors: list.errors },
    ];
  } finally {
    await server.stop();
  }
}

export async function run(args) {
  const drivers = args.includes('--sqlite-only') ? ['sqlite'] : args.includes('--mariadb-only') ? ['mariadb'] : ['sqlite', 'mariadb'];
  console.log(`API benchmark: concurrency ${CONCURRENCY}, ${SECONDS} s per scenario after a 2 s warm-up, ${USERS + 1} users`);
  const rows = [];
  for (const d of drivers) rows.push(...(await benchDriver(d)));
  printTable(rows);
}
