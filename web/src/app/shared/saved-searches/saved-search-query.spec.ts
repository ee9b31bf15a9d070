import type { SavedSearchView } from '@parc/contracts';
import { searchFromParams, searchToParams } from '../../features/computers/computer-search';
import { orderSavedSearches, paramsOf, sameQuery, savedQuery } from './saved-search-query';

const saved = (id: number, name: string, ownerId: number, query: Record<string, string> = {}): SavedSearchView => ({
  id,
  itemType: 'computer',
  name,
  query,
  shared: ownerId !== 1,
  ownerId,
  ownerLogin: ownerId === 1 ? 'admin' : 'alice',
  entityId: 1,
  createdAt: '',
  can: { edit: ownerId === 1 },
});

describe('saved search queries', () => {
  it('saves what the list searches, not where it is in the results', () => {
    expect(savedQuery({ q: 'pc', page: '4', sort: '-serial', limit: 50, expression: '', tab: 'x' })).toEqual({ q: 'pc', sort: '-serial', limit: '50' });
  });

  it('gives back the same computer search, criteria and expression included, from page 1', () => {
    const search = {
      q: 'desk',
      criteria: [
        { field: 'software', operator: 'contains' as const, value: 'Firefox*' },
        { field: 'name', operator: 'contains' as const, value: 'server' },
      ],
      expression: 'AND(1, NOT(2))',
      sort: '-lastContactAt',
      offset: 75,
      limit: 25,
    };
    const query = savedQuery(searchToParams(search));
    // Stored as JSON by the server and sent back: only strings survive.
    const restored = paramsOf(saved(1, 'Desks', 1, JSON.parse(JSON.stringify(query)) as Record<string, string>));
    expect(searchFromParams(restored)).toEqual({ ...search, offset: 0 });
    expect(sameQuery(restored, searchToParams(search))).toBe(true);
    expect(sameQuery(restored, { ...searchToParams(search), q: 'other' })).toBe(false);
  });

  it('lists own searches first, then shared ones, each by name', () => {
    const { own, shared } = orderSavedSearches([saved(1, 'b', 1), saved(2, 'z', 7), saved(3, 'a', 1), saved(4, 'c', 7)], 1);
    expect(own.map((s) => s.name)).toEqual(['a', 'b']);
    expect(shared.map((s) => s.name)).toEqual(['c', 'z']);
  });
});
