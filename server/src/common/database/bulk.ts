import type { DataSource, EntityManager } from 'typeorm';
import { type Dialect, dialectOf } from './dialect';

type Runner = Pick<EntityManager, 'query'>;

/** Rows per multi-row statement: far below both databases' parameter limits, large enough to amortise round trips. */
export const ROWS_PER_STATEMENT = 1000;

/**
 * Set-based writes for the hot paths (inventory intake, seeding), in raw SQL both databases accept. Values are
 * always bound parameters.
 */
export class Bulk {
  readonly dialect: Dialect;

  constructor(dataSource: DataSource) {
    this.dialect = dialectOf(dataSource);
  }

  /** Values as the driver can bind them: better-sqlite3 takes neither booleans nor Dates. */
  value(v: unknown): unknown {
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof Date && this.dialect === 'sqlite') return v.toISOString().replace('T', ' ').replace('Z', '');
    return v ?? null;
  }

  /** An identifier quoted for the dialect (some column names, like `before`, are reserved words in MariaDB). */
  quote(identifier: string): string {
    return this.dialect === 'sqlite' ? `"${identifier}"` : `\`${identifier}\``;
  }

  /** INSERT (optionally ignoring duplicates) of many rows, in statements of ROWS_PER_STATEMENT. */
  async insert(runner: Runner, table: string, columns: string[], rows: unknown[][], options: { ignoreDuplicates?: boolean } = {}): Promise<void> {
    const verb = options.ignoreDuplicates ? (this.dialect === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE') : 'INSERT';
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `${verb} INTO ${this.quote(table)} (${columns.map((c) => this.quote(c)).join(', ')}) VALUES `;
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      const params = chunk.flatMap((row) => row.map((v) => this.value(v)));
      await runner.query(head + chunk.map(() => tuple).join(', '), params);
    }
  }

  /** Runs `sqlBeforeIn (?, …)` over many values in chunks (SELECT, UPDATE or DELETE); returns the concatenated rows. */
  async queryIn<T>(runner: Runner, sqlBeforeIn: string, values: unknown[], leadingParams: unknown[] = []): Promise<T[]> {
    const rows: T[] = [];
    const leading = leadingParams.map((v) => this.value(v));
    for (let i = 0; i < values.length; i += ROWS_PER_STATEMENT) {
      const chunk = values.slice(i, i + ROWS_PER_STATEMENT);
      const result = await runner.query(`${sqlBeforeIn} (${chunk.map(() => '?').join(', ')})`, [...leading, ...chunk.map((v) => this.value(v))]);
      if (Array.isArray(result)) rows.push(...(result as T[]));
    }
    return rows;
  }
}

/** MariaDB may choose a transaction as a deadlock victim; the whole unit is then retried a few times. */
export async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
      const retryable = code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}
