import { savedQuery } from '../../shared/saved-searches/saved-search-query';
import { type AuditSearch, auditFiltersOf, auditSearchFromParams, auditSearchToParams, sameAuditFilters } from './audit-search';

describe('audit search ↔ URL', () => {
  it('round-trips the filters and the page', () => {
    const search: AuditSearch = { itemType: 'entity', itemId: 12, action: 'update', offset: 50, limit: 25 };
    const params = auditSearchToParams(search);
    expect(params).toEqual({ itemType: 'entity', itemId: '12', action: 'update', page: '3' });
    expect(auditSearchFromParams(params)).toEqual(search);
    // A saved search keeps the filters, not the page.
    expect(auditSearchFromParams(savedQuery(params))).toEqual({ ...search, offset: 0 });
  });

  it('leaves empty filters out, and drops what a hand-edited URL gets wrong', () => {
    expect(auditSearchToParams({ itemType: '', itemId: null, action: '', offset: 0, limit: 25 })).toEqual({});
    expect(auditSearchFromParams({ itemType: ' user ', itemId: '-3', action: 'drop', limit: '9999' })).toEqual({
      itemType: 'user',
      itemId: null,
      action: '',
      offset: 0,
      limit: 25,
    });
  });

  it('reads the form as filters: an item id that is not a positive number filters nothing', () => {
    expect(auditFiltersOf({ itemType: ' user ', itemId: ' 7 ', action: 'delete' })).toEqual({ itemType: 'user', itemId: 7, action: 'delete' });
    expect(auditFiltersOf({ itemType: '', itemId: 'abc', action: '' }).itemId).toBeNull();
    expect(sameAuditFilters({ itemType: 'user', itemId: 7, action: '' }, { itemType: 'user', itemId: 7, action: '' })).toBe(true);
    expect(sameAuditFilters({ itemType: 'user', itemId: 7, action: '' }, { itemType: 'user', itemId: 8, action: '' })).toBe(false);
  });
});
