import type { SearchCriterion } from '@parc/contracts';
import { parseCriteria, sameParams, searchFromParams, searchToParams, serializeCriteria } from './computer-search';

describe('computer search ↔ URL', () => {
  const criteria: SearchCriterion[] = [
    { field: 'software', operator: 'contains', value: 'Firefox*' },
    { field: 'lastContact', operator: 'more', value: '-7d' },
    { field: 'ip', operator: 'equals', value: '10.1.2.3' },
  ];

  it('round-trips q, criteria, sort and page through the query parameters', () => {
    const search = { q: 'pc-', criteria, sort: '-lastContactAt', offset: 100, limit: 50 };
    const params = searchToParams(search);
    expect(params).toEqual({
      q: 'pc-',
      criteria: JSON.stringify(criteria),
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
    expect(plain).toEqual({ q: '', criteria: [], sort: 'name', offset: 0, limit: 25 });
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
});
