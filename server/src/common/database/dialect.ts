import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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

/**
 * The query with row locks (FOR UPDATE, FOR SHARE) where the database has them: MariaDB. SQLite has none and needs
 * none, since it runs one writing transaction at a time.
 */
export function withRowLock<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, mode: 'pessimistic_read' | 'pessimistic_write'): SelectQueryBuilder<T> {
  return qb.connection.options.type === 'better-sqlite3' ? qb : qb.setLock(mode);
}
