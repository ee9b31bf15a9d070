import type { QueryRunner } from 'typeorm';
import type { Dialect } from '../../server/src/common/database/dialect';
import { sqlFor } from '../../server/src/common/database/dialect';
import { COMMIT, type TableTimer } from './fleet-writer';

export const SEEDED_TABLES = [
  'entities', 'software', 'software_versions', 'computers', 'computer_cpus', 'computer_disks', 'network_interfaces', 'computer_users',
  'computer_software', 'agents',
] as const;

export interface Check {
  label: string;
  /** Offending rows: 0 when the data is right. */
  count: number;
}

export interface Verification {
  counts: Record<string, number>;
  checks: Check[];
  seconds: number;
}

/**
 * The constraints the data must meet, checked on the whole database after seeding: those the schema enforces
 * (unique keys, foreign keys) are checked too, since the load may have switched them off for its session.
 */
export async function verify(runner: QueryRunner, dialect: Dialect): Promise<Verification> {
  const started = performance.now();
  const scalar = async (sql: string) => Number((await runner.query(sql))[0].n);
  const counts: Record<string, number> = {};
  for (const table of SEEDED_TABLES) counts[table] = await scalar(`SELECT COUNT(*) AS n FROM ${table}`);

  const duplicates = (table: string, column: string) =>
    scalar(`SELECT COUNT(*) AS n FROM (SELECT ${column} FROM ${table} WHERE ${column} <> '' GROUP BY ${column} HAVING COUNT(*) > 1) d`);
  const orphans = (table: string) => scalar(`SELECT COUNT(*) AS n FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM computers c WHERE c.id = t.computer_id)`);
  const concat = sqlFor(dialect).concat;

  const checks: Check[] = [];
  const check = async (label: string, sql: Promise<number>) => checks.push({ label, count: await sql });
  await check('duplicate MAC addresses', duplicates('network_interfaces', 'mac'));
  await check('duplicate serial numbers', duplicates('computers', 'serial'));
  await check('duplicate UUIDs', duplicates('computers', 'uuid'));
  await check('duplicate computer names', duplicates('computers', 'name'));
  await check('duplicate agent device ids', duplicates('agents', 'device_id'));
  await check('computers without an agent', scalar('SELECT COUNT(*) AS n FROM computers c WHERE NOT EXISTS (SELECT 1 FROM agents a WHERE a.computer_id = c.id)'));
  await check(
    'agents in another entity than their computer',
    scalar('SELECT COUNT(*) AS n FROM agents a JOIN computers c ON c.id = a.computer_id WHERE a.entity_id <> c.entity_id'),
  );
  await check('computers whose software_count is wrong', scalar(
    'SELECT COUNT(*) AS n FROM computers c WHERE c.software_count <> (SELECT COUNT(*) FROM computer_software cs WHERE cs.computer_id = c.id)',
  ));
  await check('computers in a missing entity', scalar('SELECT COUNT(*) AS n FROM computers c WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.entity_id)'));
  for (const table of ['computer_cpus', 'computer_disks', 'network_interfaces', 'computer_users', 'agents']) await check(`${table} rows of a missing computer`, orphans(table));
  // Over the distinct keys only (an index range each), rather than over every installation row.
  await check('installations of a missing computer', scalar(
    `SELECT COUNT(*) AS n FROM (SELECT DISTINCT computer_id FROM computer_software) d
     WHERE NOT EXISTS (SELECT 1 FROM computers c WHERE c.id = d.computer_id)`,
  ));
  await check('installations of a missing version', scalar(
    `SELECT COUNT(*) AS n FROM (SELECT DISTINCT software_version_id FROM computer_software) d
     WHERE NOT EXISTS (SELECT 1 FROM software_versions v WHERE v.id = d.software_version_id)`,
  ));
  await check('versions of a missing software', scalar('SELECT COUNT(*) AS n FROM software_versions v WHERE NOT EXISTS (SELECT 1 FROM software s WHERE s.id = v.software_id)'));
  await check('entities whose path, level or complete name disagrees with their parent', scalar(
    `SELECT COUNT(*) AS n FROM entities e JOIN entities p ON p.id = e.parent_id
     WHERE e.path <> ${concat('p.path', 'e.id', "'/'")} OR e.level <> p.level + 1 OR e.complete_name <> ${concat('p.complete_name', "' > '", 'e.name')}`,
  ));
  return { counts, checks, seconds: (performance.now() - started) / 1000 };
}

/** The per-table figures of the load, the other steps, the totals and the verification. */
export function formatSummary(timer: TableTimer, verification: Verification, timings: { generationSeconds: number; totalSeconds: number }): string {
  const row = (label: string, rows: number | null, seconds: number, inTable: number | null = null) =>
    `${label.padEnd(24)}${(rows === null ? '' : fmt(rows)).padStart(14)}${seconds.toFixed(2).padStart(12)}` +
    `${(rows ? fmt(Math.round(rows / seconds)) : '').padStart(13)}${(inTable === null ? '' : fmt(inTable)).padStart(18)}`.trimEnd();
  const lines = ['', 'table                      rows written     seconds       rows/s     rows in table'];
  for (const table of SEEDED_TABLES) {
    const t = timer.tables.get(table) ?? { rows: 0, ms: 0 };
    lines.push(row(table, t.rows, t.ms / 1000, verification.counts[table] ?? 0));
  }
  lines.push(row(COMMIT, null, (timer.tables.get(COMMIT)?.ms ?? 0) / 1000));
  lines.push(row('(generation in memory)', null, timings.generationSeconds));
  lines.push(row('(verification)', null, verification.seconds));
  const written = SEEDED_TABLES.reduce((sum, table) => sum + (timer.tables.get(table)?.rows ?? 0), 0);
  lines.push(row('total, elapsed', written, timings.totalSeconds));
  lines.push('', 'Verification:');
  for (const c of verification.checks) lines.push(`  ${c.count === 0 ? 'ok  ' : 'FAIL'} ${c.label}${c.count ? `: ${fmt(c.count)}` : ''}`);
  return lines.join('\n');
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
