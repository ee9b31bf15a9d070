import { type ListParamsOptions, listFromParams, listToParams, pageFromParams, pageToParams, sameParams } from './list-params';

const AGENTS: ListParamsOptions = { sorts: ['lastContactAt', 'deviceId'], sort: '-lastContactAt', limit: 25 };

describe('list ↔ URL', () => {
  it('round-trips q, sort, page and limit', () => {
    const list = { q: 'glpi', sort: 'deviceId', offset: 100, limit: 50 };
    const params = listToParams(list, AGENTS);
    expect(params).toEqual({ q: 'glpi', sort: 'deviceId', page: '3', limit: '50' });
    expect(listFromParams(params, AGENTS)).toEqual(list);
  });

  it('leaves the defaults out, and falls back to them on values a hand-edited URL gets wrong', () => {
    expect(listToParams({ q: '', sort: '-lastContactAt', offset: 0, limit: 25 }, AGENTS)).toEqual({});
    expect(listFromParams({ sort: '-password', page: 'x', limit: '9999', q: '  a ' }, AGENTS)).toEqual({
      q: 'a',
      sort: '-lastContactAt',
      offset: 0,
      limit: 25,
    });
  });

  it('round-trips the page alone, for lists whose other parameters are their own', () => {
    expect(pageToParams({ offset: 40, limit: 20 }, 25)).toEqual({ page: '3', limit: '20' });
    expect(pageFromParams({ page: '3', limit: '20' }, 25)).toEqual({ offset: 40, limit: 20 });
    expect(pageToParams({ offset: 0, limit: 25 }, 25)).toEqual({});
    expect(pageFromParams({ page: '0', limit: '-5' }, 25)).toEqual({ offset: 0, limit: 25 });
  });

  it('compares parameters whatever their order', () => {
    expect(sameParams({ q: 'a', page: '2' }, { page: 2, q: 'a' })).toBe(true);
    expect(sameParams({ q: 'a' }, { q: 'a', page: '2' })).toBe(false);
    expect(sameParams({ q: 'a', sort: undefined }, { q: 'a' })).toBe(true);
  });
});
