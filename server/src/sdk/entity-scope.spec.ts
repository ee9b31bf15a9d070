import { Bits } from '@parc/contracts';
import Database from 'better-sqlite3';
import { entityScopeWhere, isVisible } from './entity-scope';
import { type EntityRef, RequestContext } from './request-context';

const root: EntityRef = { id: 1, path: '/1/' };
const a: EntityRef = { id: 2, path: '/1/2/' };
const b: EntityRef = { id: 3, path: '/1/2/3/' };
const c: EntityRef = { id: 4, path: '/1/2/4/' };

/** Runs the WHERE fragment on a real SQLite table, binding its named parameters. */
function visibleTitles(ctx: RequestContext, rows: { title: string; entity_id: number; is_recursive: number }[]): string[] {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (title TEXT, entity_id INTEGER, is_recursive INTEGER)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
  rows.forEach((r) => insert.run(r.title, r.entity_id, r.is_recursive));
  const { sql, params } = entityScopeWhere(ctx, { entityColumn: 't.entity_id', recursiveColumn: 't.is_recursive', right: 'note' });
  const values: unknown[] = [];
  const bound = sql.replace(/:(\.\.\.)?(\w+)/g, (_, spread: string | undefined, name: string) => {
    const v = params[name];
    if (spread) {
      (v as unknown[]).forEach((x) => values.push(x));
      return (v as unknown[]).map(() => '?').join(', ');
    }
    values.push(v === true ? 1 : v);
    return '?';
  });
  return (db.prepare(`SELECT title FROM t WHERE ${bound} ORDER BY title`).all(...values) as { title: string }[]).map((r) => r.title);
}

const rows = [
  { title: 'root shared', entity_id: 1, is_recursive: 1 },
  { title: 'root private', entity_id: 1, is_recursive: 0 },
  { title: 'a shared', entity_id: 2, is_recursive: 1 },
  { title: 'b own', entity_id: 3, is_recursive: 0 },
  { title: 'c own', entity_id: 4, is_recursive: 0 },
  { title: 'c shared', entity_id: 4, is_recursive: 1 },
];

describe('the visibility rule', () => {
  it('shows the active scope plus recursive objects of ancestors, never siblings', () => {
    const ctx = RequestContext.forUser({ id: 9, login: 'b' }, b, true, [b], [{ entity: b, recursive: true, rights: { note: Bits.READ } }]);
    expect(visibleTitles(ctx, rows)).toEqual(['a shared', 'b own', 'root shared']);
    expect(isVisible(ctx, { entityId: 2, recursive: true }, 'note')).toBe(true);
    expect(isVisible(ctx, { entityId: 4, recursive: true }, 'note')).toBe(false);
  });

  it('shows nothing without the right', () => {
    const ctx = RequestContext.forUser({ id: 9, login: 'b' }, b, true, [b], [{ entity: b, recursive: true, rights: { other: Bits.READ } }]);
    expect(entityScopeWhere(ctx, { entityColumn: 'x', right: 'note' }).sql).toBe('1=0');
    expect(visibleTitles(ctx, rows)).toEqual([]);
  });

  it('a recursive scope from A includes B and C', () => {
    const ctx = RequestContext.forUser({ id: 9, login: 'a' }, a, true, [a, b, c], [{ entity: a, recursive: true, rights: { note: Bits.READ } }]);
    expect(visibleTitles(ctx, rows)).toEqual(['a shared', 'b own', 'c own', 'c shared', 'root shared']);
  });

  it('the system sees everything', () => {
    expect(visibleTitles(RequestContext.system(root), rows)).toHaveLength(rows.length);
  });
});
