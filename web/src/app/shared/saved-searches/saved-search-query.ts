import type { Params } from '@angular/router';
import type { SavedSearchView } from '@parc/contracts';

/**
 * Parameters that say where one is in a list rather than what it searches: a saved search starts at its first
 * page, and opens on the list's default tab.
 */
const NOT_SAVED: ReadonlySet<string> = new Set(['page', 'tab']);

/**
 * The query of a saved search from the list's URL parameters: strings only (as the URL holds them), empty
 * values and paging left out, keys in a stable order so that equal searches compare equal.
 */
export function savedQuery(params: Params): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of Object.keys(params).sort()) {
    const value: unknown = params[key];
    if (NOT_SAVED.has(key) || value === undefined || value === null || Array.isArray(value) || typeof value === 'object') continue;
    const text = String(value);
    if (text !== '') query[key] = text;
  }
  return query;
}

/** The URL parameters that apply a saved search (what was saved, nothing else; back on page 1). */
export function paramsOf(search: Pick<SavedSearchView, 'query'>): Params {
  return savedQuery(search.query ?? {});
}

export function sameQuery(a: Params, b: Params): boolean {
  return JSON.stringify(savedQuery(a)) === JSON.stringify(savedQuery(b));
}

/** Own searches first, then those shared by others; each part by name. */
export function orderSavedSearches(searches: readonly SavedSearchView[], userId: number | null): { own: SavedSearchView[]; shared: SavedSearchView[] } {
  const byName = (a: SavedSearchView, b: SavedSearchView) => a.name.localeCompare(b.name) || a.id - b.id;
  return {
    own: searches.filter((search) => search.ownerId === userId).sort(byName),
    shared: searches.filter((search) => search.ownerId !== userId).sort(byName),
  };
}
