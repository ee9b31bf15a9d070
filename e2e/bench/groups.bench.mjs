// npm run bench -- groups [--computers 100000]: seeds a fleet on MariaDB (or reuses BENCH_DATABASE_URL), then
// measures, against the built server:
// - full evaluation of a dynamic group with a 5-criterion AND/OR/NOT expression, without and with a software name;
// - what the incremental refresh of 100 dynamic groups adds to one inventory intake (an inventory whose software
//   changes every time, so that the software-based groups are re-evaluated for that computer).
import { inventoryFor, postAgent } from './agent-payloads.mjs';
import { ADMIN_PASSWORD, api, printTable, queryDb, seededDatabase, startServerOn } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INTAKES = Number(process.env.BENCH_INTAKES ?? 200);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** Inventories of `count` computers, each in two versions whose software differs by one package. */
function alternatingInventories(count) {
  return Array.from({ length: count }, (_, i) => [inventoryFor('grp', i), inventoryFor('grp', i, [{ name: `Bench tool ${i}`, version: '1.0' }])]);
}

async function intakeTimes(base, payloads) {
  const times = [];
  for (let round = 0; round < 2; round++) {
    for (const pair of payloads) {
      const t0 = performance.now();
      await postAgent(base, pair[(round + 1) % 2]);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

export async function run(args) {
  const at = args.indexOf('--computers');
  const computers = at >= 0 ? Number(args[at + 1]) : 100_000;
  // BENCH_DATABASE_URL reuses a fleet seeded before (npm run seed:fleet), for repeated runs; its groups are reset.
  const reuse = process.env.BENCH_DATABASE_URL;
  const db = reuse ? { url: reuse, drop: async () => undefined } : await seededDatabase(computers);
  if (reuse) await queryDb(reuse, 'DELETE FROM computer_groups');
  const server = await startServerOn(db.url);
  try {
    const token = (await api(server.base, 'POST', '/api/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } })).accessToken;
    const call = (method, path, body) => api(server.base, method, path, { token, body });
    const software = (await queryDb(db.url, 'SELECT name FROM software ORDER BY id LIMIT 400')).map((r) => r.name);
    const oses = (await queryDb(db.url, 'SELECT DISTINCT os_name AS name FROM computers ORDER BY os_name')).map((r) => r.name);
    const sites = (await queryDb(db.url, 'SELECT name FROM entities WHERE parent_id IS NOT NULL ORDER BY id')).map((r) => r.name);
    const popular = software[5];

    // Baseline intake: no dynamic group yet. The computers are created first (new computers cost more).
    const payloads = alternatingInventories(INTAKES / 2);
    for (const pair of payloads) await postAgent(server.base, pair[0]);
    const before = await intakeTimes(server.base, payloads);

    const expressions = [
      {
        scenario: '5 criteria, AND/OR/NOT, no software',
        criteria: [
          { field: 'os', operator: 'contains', value: 'Windows' },
          { field: 'memory', operator: 'more', value: '8000' },
          { field: 'lastContact', operator: 'more', value: '-30d' },
          { field: 'entity', operator: 'contains', value: sites[0] ?? 'Paris' },
          { field: 'manufacturer', operator: 'equals', value: 'Dell*' },
        ],
        expression: 'AND(OR(1, 5), NOT(2), OR(3, 4))',
      },
      {
        scenario: `5 criteria with software name '${popular}'`,
        criteria: [
          { field: 'software', operator: 'equals', value: popular },
          { field: 'os', operator: 'contains', value: 'Windows' },
          { field: 'ip', operator: 'equals', value: '10.*' },
          { field: 'memory', operator: 'less', value: '4000' },
          { field: 'lastInventory', operator: 'more', value: '-90d' },
        ],
        expression: 'AND(1, OR(2, 3), NOT(4), 5)',
      },
      {
        scenario: 'software A and not software B, or member of OS',
        criteria: [
          { field: 'software', operator: 'contains', value: software[10].slice(0, 6) },
          { field: 'software', operator: 'equals', value: software[20] },
          { field: 'os', operator: 'equals', value: oses[0] ?? '*' },
          { field: 'model', operator: 'contains', value: 'a' },
          { field: 'serial', operator: 'equals', value: '*' },
        ],
        expression: 'OR(AND(1, NOT(2)), AND(3, 4, 5))',
      },
    ];
    const rows = [];
    for (const e of expressions) {
      const group = await call('POST', '/api/groups', { name: e.scenario, kind: 'dynamic', criteria: e.criteria, expression: e.expression });
      const server = [];
      const client = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const r = await call('POST', `/api/groups/${group.id}/refresh`);
        client.push(performance.now() - t0);
        server.push(r.ms);
      }
      rows.push({ scenario: e.scenario, expression: e.expression, members: group.memberCount, 'evaluate p50 ms': median(server).toFixed(0), 'request p50 ms': median(client).toFixed(0), 'request max ms': Math.max(...client).toFixed(0) });
      await call('DELETE', `/api/groups/${group.id}`);
    }
    console.log(`Full evaluation of a dynamic group (${RUNS} runs each; evaluate = evaluation plus writing the difference)`);
    printTable(rows);

    // 100 dynamic groups of the kinds admins make: by software, OS, site, memory, network.
    const kinds = [
      (i) => ({ criteria: [{ field: 'software', operator: 'equals', value: software[i % software.length] }], expression: '' }),
      (i) => ({ criteria: [{ field: 'software', operator: 'contains', value: software[(i * 7) % software.length].slice(0, 8) }, { field: 'os', operator: 'contains', value: 'Windows' }], expression: 'AND(1, NOT(2))' }),
      (i) => ({ criteria: [{ field: 'os', operator: 'equals', value: oses[i % oses.length] }, { field: 'memory', operator: 'more', value: String(2000 * (i % 8)) }], expression: '' }),
      (i) => ({ criteria: [{ field: 'entity', operator: 'contains', value: sites[i % sites.length] ?? 'A' }, { field: 'ip', operator: 'equals', value: `10.${i % 40}.*` }], expression: 'OR(1, 2)' }),
    ];
    const started = performance.now();
    for (let i = 0; i < 100; i++) await call('POST', '/api/groups', { name: `bench group ${i}`, kind: 'dynamic', ...kinds[i % kinds.length](i) });
    console.log(`\nCreated and evaluated 100 dynamic groups in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const after = await intakeTimes(server.base, payloads);
    printTable([
      { dynamic_groups: 0, intakes: before.length, 'p50 ms': median(before).toFixed(1), 'p95 ms': p95(before).toFixed(1) },
      { dynamic_groups: 100, intakes: after.length, 'p50 ms': median(after).toFixed(1), 'p95 ms': p95(after).toFixed(1) },
    ]);
    console.log(`Incremental refresh of 100 dynamic groups adds ${(median(after) - median(before)).toFixed(1)} ms (p50) to an inventory intake whose software changed`);
  } finally {
    await server.stop();
    await db.drop();
  }
}
