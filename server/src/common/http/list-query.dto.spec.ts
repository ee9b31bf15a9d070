import { BadRequestException } from '@nestjs/common';
import Database from 'better-sqlite3';
import { containsCondition, resolveList } from './list-query.dto';

describe('resolveList', () => {
  const sortable = { name: 'u.name', createdAt: 'u.created_at' };

  it('maps public sort names to columns, with defaults', () => {
    expect(resolveList({}, sortable, 'name')).toEqual({ offset: 0, limit: 50, orderBy: 'u.name', direction: 'ASC' });
    expect(resolveList({ sort: '-createdAt', offset: 10, limit: 5 }, sortable, 'name')).toEqual({ offset: 10, limit: 5, orderBy: 'u.created_at', direction: 'DESC' });
  });

  it('refuses an unknown sort field, listing the accepted ones', () => {
    expect(() => resolveList({ sort: 'password' }, sortable, 'name')).toThrow(BadRequestException);
    expect(() => resolveList({ sort: 'password' }, sortable, 'name')).toThrow('sort must be one of: name, createdAt (prefix - for descending)');
  });
});

describe('containsCondition', () => {
  it('matches LIKE wildcards literally', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('100%'), ('100 percent'), ('a_b'), ('axb'), ('x!y')");
    const find = (q: string) => {
      const { sql, params } = containsCondition('v', 'q', q);
      return (db.prepare(`SELECT v FROM t WHERE ${sql.replace(':q', '@q')} ORDER BY v`).all(params) as { v: string }[]).map((r) => r.v);
    };
    expect(find('0%')).toEqual(['100%']);
    expect(find('a_b')).toEqual(['a_b']);
    expect(find('!')).toEqual(['x!y']);
    expect(find('percent')).toEqual(['100 percent']);
  });
});
