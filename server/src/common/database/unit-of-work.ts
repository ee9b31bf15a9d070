import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import { dialectOf } from './dialect';

/**
 * Units of work: each HTTP request and each background job runs in one (see runUnitOfWork). With SQLite this is
 * what keeps concurrent requests correct: TypeORM's better-sqlite3 driver hands every caller the same single query
 * runner, so without it a second transaction fails ("cannot start a transaction within a transaction"), and a
 * plain write issued while someone else's transaction is open silently joins it (and is lost if it rolls back).
 * MariaDB uses a connection pool and needs none of this.
 */
const units = new AsyncLocalStorage<symbol>();

/** Work outside any unit (start-up, migrations) shares this one identity. */
const OUTSIDE = Symbol('outside any unit of work');

export function runUnitOfWork<T>(work: () => T): T {
  return units.run(Symbol('unit of work'), work);
}

/**
 * Makes the shared SQLite query runner serve one unit's transaction at a time: while a unit holds a transaction,
 * the queries and transactions of other units wait for its commit or rollback. Nested transactions of the owner
 * (savepoints) go through.
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  if (dialectOf(dataSource) !== 'sqlite') return;
  const runner: QueryRunner = dataSource.driver.createQueryRunner('master');
  const original = {
    query: runner.query.bind(runner),
    startTransaction: runner.startTransaction.bind(runner),
    commitTransaction: runner.commitTransaction.bind(runner),
    rollbackTransaction: runner.rollbackTransaction.bind(runner),
  };
  let owner: symbol | null = null;
  let waiting: (() => void)[] = [];
  const current = () => units.getStore() ?? OUTSIDE;
  /** Waits until no other unit holds a transaction; with `claim`, takes it in the same step (no race). */
  const waitTurn = async (claim = false) => {
    const me = current();
    while (owner !== null && owner !== me) await new Promise<void>((resume) => waiting.push(resume));
    if (claim) owner = me;
  };
  const releaseIfDone = () => {
    if (runner.isTransactionActive) return;
    owner = null;
    const resume = waiting;
    waiting = [];
    resume.forEach((r) => r());
  };

  runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
    await waitTurn();
    return original.query(...args);
  }) as QueryRunner['query'];
  runner.startTransaction = async (...args) => {
    await waitTurn(true);
    try {
      await original.startTransaction(...args);
    } catch (error) {
      releaseIfDone();
      throw error;
    }
  };
  runner.commitTransaction = async () => {
    try {
      await original.commitTransaction();
    } finally {
      releaseIfDone();
    }
  };
  runner.rollbackTransaction = async () => {
    try {
      await original.rollbackTransaction();
    } finally {
      releaseIfDone();
    }
  };
}
