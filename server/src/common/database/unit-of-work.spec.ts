import { DataSource } from 'typeorm';
import { runUnitOfWork, serializeSqliteTransactions } from './unit-of-work';

describe('SQLite units of work', () => {
  let ds: DataSource;
  beforeEach(async () => {
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [] }).initialize();
    serializeSqliteTransactions(ds);
    await ds.query('CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER)');
    await ds.query("INSERT INTO t VALUES ('a', 0)");
  });
  afterEach(() => ds.destroy());

  const increment = () =>
    runUnitOfWork(() =>
      ds.transaction(async (m) => {
        const [row] = await m.query("SELECT n FROM t WHERE k = 'a'");
        await new Promise((r) => setTimeout(r, 2));
        await m.query("UPDATE t SET n = ? WHERE k = 'a'", [row.n + 1]);
      }),
    );

  it('runs concurrent transactions one after the other, losing no update', async () => {
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await ds.query('SELECT n FROM t')).toEqual([{ n: 20 }]);
  });

  it('keeps writes of other units out of a transaction that rolls back', async () => {
    const failing = runUnitOfWork(() =>
      ds.transaction(async (m) => {
        await m.query("UPDATE t SET n = 100 WHERE k = 'a'");
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('rolled back');
      }),
    );
    // Starts while the transaction above is open: it must wait, not join it.
    await new Promise((r) => setTimeout(r, 5));
    const outside = runUnitOfWork(() => ds.query("INSERT INTO t VALUES ('b', 1)"));
    await expect(failing).rejects.toThrow('rolled back');
    await outside;
    expect(await ds.query('SELECT k, n FROM t ORDER BY k')).toEqual([
      { k: 'a', n: 0 },
      { k: 'b', n: 1 },
    ]);
  });

  it('lets a unit nest transactions (savepoints) without waiting on itself', async () => {
    await runUnitOfWork(() =>
      ds.transaction(async (m) => {
        await m.transaction(async (inner) => inner.query("UPDATE t SET n = 5 WHERE k = 'a'"));
      }),
    );
    expect(await ds.query('SELECT n FROM t')).toEqual([{ n: 5 }]);
  });
});
