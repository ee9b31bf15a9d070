// npm run bench -- inventory: full inventories (the real OCS agent's, 367 KB, 923 packages) of new computers at
// concurrency 1 to 16 against the built server on MariaDB + Redis. Counts the computers stored, not HTTP 200s.
import { inventoryFor, postAgent } from './agent-payloads.mjs';
import { ADMIN_PASSWORD, api, load, printTable, startServer } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const LEVELS = (process.env.BENCH_LEVELS ?? '1,2,4,8,16').split(',').map(Number);

export async function run(args) {
  const driver = args.includes('--sqlite') ? 'sqlite' : 'mariadb';
  const server = await startServer(driver);
  try {
    const admin = (await api(server.base, 'POST', '/api/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } })).accessToken;
    const stored = async () => (await api(server.base, 'GET', '/api/computers?limit=1', { token: admin })).total;
    console.log(`Inventory benchmark on ${driver}: ${SECONDS} s per level after a 2 s warm-up; each request is a new computer`);
    const rows = [];
    let n = 0;
    const capacity = Number(process.env.BENCH_MAX_RATE ?? 120) * (SECONDS + 3);
    for (const concurrency of LEVELS) {
      // Payloads are compressed ahead of time: compressing inside the measured window would take the CPU the
      // server needs (client and server share this machine).
      const pool = Array.from({ length: capacity }, () => inventoryFor('bench', n++));
      let taken = 0;
      const next = () => {
        if (taken >= pool.length) throw new Error('payload pool exhausted: raise BENCH_MAX_RATE');
        return pool[taken++];
      };
      const before = await stored();
      let sent = 0;
      const result = await load({
        concurrency,
        seconds: SECONDS,
        request: async () => {
          await postAgent(server.base, next());
          sent++;
        },
      });
      const after = await stored();
      rows.push({
        concurrency,
        'inventories/s': result.rps.toFixed(1),
        'p50 ms': result.p50.toFixed(0),
        'p99 ms': result.p99.toFixed(0),
        'HTTP 200': sent,
        'computers stored': after - before,
        lost: sent - (after - before),
        errors: result.errors,
      });
    }
    // The same computers again, unchanged: the cheap path.
    const again = [];
    for (let i = 0; i < 200; i++) again.push(inventoryFor('bench', i));
    let k = 0;
    const unchanged = await load({ concurrency: 8, seconds: SECONDS, request: () => postAgent(server.base, again[k++ % again.length]) });
    rows.push({ concurrency: '8 (unchanged re-send)', 'inventories/s': unchanged.rps.toFixed(1), 'p50 ms': unchanged.p50.toFixed(0), 'p99 ms': unchanged.p99.toFixed(0), 'HTTP 200': unchanged.count, 'computers stored': '-', lost: '-', errors: unchanged.errors });
    printTable(rows);
  } finally {
    await server.stop();
  }
}
