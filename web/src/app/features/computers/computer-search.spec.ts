import type { SearchCriterion } from '@parc/contracts';
import { sameParams } from '../../shared/list/list-params';
import { parseCriteria, searchFromParams, searchToParams, serializeCriteria, withBaseCriteria } from './computer-search';
import { filterParams } from './computers.api';

describe('computer search ↔ URL', () => {
  const criteria: SearchCriterion[] = [
    { field: 'software', operator: 'contains', value: 'Firefox*' },
    { field: 'lastContact', operator: 'more', value: '-7d' },
    { field: 'ip', operator: 'equals', value: '10.1.2.3' },
  ];

  it('round-trips q, criteria, expression, sort and page through the query parameters', () => {
    const search = { q: 'pc-', criteria, expression: 'AND(1, OR(2, NOT(3)))', sort: '-lastContactAt', offset: 100, limit: 50 };
    const params = searchToParams(search);
    expect(params).toEqual({
      q: 'pc-',
      criteria: JSON.stringify(criteria),
      expression: 'AND(1, OR(2, NOT(3)))',
      sort: '-lastContactAt',
      page: '3',
      limit: '50',
    });
    expect(searchFromParams(params)).toEqual(search);
    // What the router gives back after encoding the URL is the same strings.
    const url = new URLSearchParams(params as Record<string, string>).toString();
    expect(searchFromParams(Object.fromEntries(new URLSearchParams(url)))).toEqual(search);
  });

  it('leaves defaults out so that the plain list has a plain URL', () => {
    const plain = searchFromParams({});
    expect(plain).toEqual({ q: '', criteria: [], expression: '', sort: 'name', offset: 0, limit: 25 });
    expect(searchToParams(plain)).toEqual({});
  });

  it('sends criteria as the JSON array the API takes', () => {
    expect(serializeCriteria([])).toBeUndefined();
    expect(JSON.parse(serializeCriteria(criteria)!)).toEqual(criteria);
  });

  it('drops what a hand-edited URL gets wrong', () => {
    expect(parseCriteria('not json')).toEqual([]);
    expect(parseCriteria('{"field":"name"}')).toEqual([]);
    expect(
      parseCriteria(
        JSON.stringify([
          { field: 'name', operator: 'contains', value: 'pc' },
          { field: 'name', operator: 'like', value: 'x' },
          { operator: 'equals', value: 'x' },
          { field: 'cpuCount', operator: 'more', value: 4 },
          'junk',
        ]),
      ),
    ).toEqual([
      { field: 'name', operator: 'contains', value: 'pc' },
      { field: 'cpuCount', operator: 'more', value: '4' },
    ]);
    expect(searchFromParams({ sort: 'password', page: '-2', limit: '100000' })).toEqual({
      q: '',
      criteria: [],
      expression: '',
      sort: 'name',
      offset: 0,
      limit: 25,
    });
  });

  it('compares parameters whatever their order', () => {
    expect(sameParams({ q: 'a', page: '2' }, { page: 2, q: 'a' })).toBe(true);
    expect(sameParams({ q: 'a' }, { q: 'a', page: '2' })).toBe(false);
    expect(sameParams({ q: 'a', sort: undefined }, { q: 'a' })).toBe(true);
  });

  it('drops an expression that has no criteria to combine', () => {
    expect(searchFromParams({ expression: 'NOT(1)' }).expression).toBe('');
    expect(searchToParams({ q: '', criteria: [], expression: 'NOT(1)', sort: 'name', offset: 0, limit: 25 })).toEqual({});
    expect(filterParams({ q: '', criteria: [], expression: 'NOT(1)' })).toEqual({ q: undefined, criteria: undefined, expression: undefined });
  });

  it('sends the expression beside the criteria it numbers', () => {
    expect(filterParams({ q: 'pc', criteria, expression: ' OR(1, 2, 3) ' })).toEqual({
      q: 'pc',
      criteria: JSON.stringify(criteria),
      expression: 'OR(1, 2, 3)',
    });
  });
});

describe('hidden base criteria (a group page)', () => {
  const member: SearchCriterion = { field: 'group', operator: 'equals', value: '12' };
  const user: SearchCriterion[] = [
    { field: 'software', operator: 'contains', value: 'firefox' },
    { field: 'name', operator: 'contains', value: 'lab' },
  ];

  it('puts them after the user criteria, so that the numbers the user typed still mean the same rows', () => {
    expect(withBaseCriteria({ q: 'x', criteria: user, expression: 'OR(1, NOT(2))' }, [member])).toEqual({
      q: 'x',
      criteria: [...user, member],
      expression: 'AND(OR(1, NOT(2)), 3)',
    });
  });

  it('needs no expression when the user wrote none (all must match)', () => {
    expect(withBaseCriteria({ q: '', criteria: user, expression: '' }, [member])).toEqual({ q: '', criteria: [...user, member], expression: '' });
    expect(withBaseCriteria({ q: '', criteria: [], expression: '' }, [member])).toEqual({ q: '', criteria: [member], expression: '' });
  });

  it('changes nothing without base criteria', () => {
    const filter = { q: '', criteria: user, expression: 'OR(1, 2)' };
    expect(withBaseCriteria(filter, [])).toBe(filter);
  });
});
