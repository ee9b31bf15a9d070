import type { DataSource } from 'typeorm';

export type Dialect = 'sqlite' | 'mariadb';

export function dialectOf(dataSource: DataSource): Dialect {
  return dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb';
}

/** The few SQL spellings that differ between SQLite and MariaDB, in one place. */
export function sqlFor(dialect: Dialect) {
  return {
    concat: (...parts: string[]) => (dialect === 'sqlite' ? parts.join(' || ') : `CONCAT(${parts.join(', ')})`),
  };
}

/** True when the error is a unique-key violation in either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
