import type { DataSource } from 'typeorm';
import { dialectOf } from './dialect';

const LOCK_NAME = 'parc_migrations';

/**
 * Runs pending migrations, each in its own transaction. On MariaDB a named lock serialises processes starting
 * together (API and workers), so two of them never run the same migration; SQLite's file lock does that there.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  });
}

export async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dialectOf(dataSource) !== 'mariadb') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = await runner.query(`SELECT GET_LOCK(?, 300) AS got`, [LOCK_NAME]);
    if (Number(row?.got) !== 1) throw new Error('Timed out waiting for another process to finish migrating the database');
    try {
      return await work();
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(?)`, [LOCK_NAME]);
    }
  } finally {
    await runner.release();
  }
}

/** The DDL TypeORM would still run to make the schema match the entities: empty when migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
}
