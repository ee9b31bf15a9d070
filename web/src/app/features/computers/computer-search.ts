import type { Params } from '@angular/router';
import type { SearchCriterion, SearchOperator } from '@parc/contracts';
import { MAX_PAGE_SIZE } from '../../core/api/list-query';

/** Operators of the criteria search, in the order the builder offers them. */
export const SEARCH_OPERATORS: readonly SearchOperator[] = ['contains', 'equals', 'notequals', 'less', 'more'];

/** Sort fields of GET /api/computers (docs/api.md). */
export const COMPUTER_SORTS: readonly string[] = ['id', 'name', 'serial', 'osName', 'manufacturer', 'model', 'lastInventoryAt', 'lastContactAt'];
export const DEFAULT_COMPUTER_SORT = 'name';
export const DEFAULT_COMPUTER_LIMIT = 25;

/** Everything that defines what the computers list shows; mirrored in the URL so a search can be shared. */
export interface ComputerSearch {
  q: string;
  criteria: readonly SearchCriterion[];
  /** `field` or `-field`. */
  sort: string;
  offset: number;
  limit: number;
}

/** What selects computers, without paging (for "all matching ids" and exports). */
export interface ComputerFilter {
  q: string;
  criteria: readonly SearchCriterion[];
}

function isOperator(value: unknown): value is SearchOperator {
  return SEARCH_OPERATORS.includes(value as SearchOperator);
}

/**
 * Criteria from the `criteria` query parameter (a JSON array of `{field, operator, value}`). Whatever is not a
 * well-formed criterion is dropped: the parameter comes from a URL anyone may have edited.
 */
export function parseCriteria(raw: unknown): SearchCriterion[] {
  if (typeof raw !== 'string' || !raw.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item): SearchCriterion[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, operator, value } = item as Record<string, unknown>;
    if (typeof field !== 'string' || !field || !isOperator(operator)) return [];
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    return [{ field, operator, value: text }];
  });
}

/** The `criteria` parameter of the API and of the URL; undefined when there is none. */
export function serializeCriteria(criteria: readonly SearchCriterion[]): string | undefined {
  if (criteria.length === 0) return undefined;
  return JSON.stringify(criteria.map(({ field, operator, value }) => ({ field, operator, value })));
}

function positiveInt(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null;
  const value = Number.parseInt(raw, 10);
  return value > 0 ? value : null;
}

function validSort(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  return COMPUTER_SORTS.includes(raw.replace(/^-/, '')) ? raw : null;
}

/** The search a URL stands for: `?q=…&criteria=[…]&sort=-lastContactAt&page=2&limit=50`; bad values fall back to defaults. */
export function searchFromParams(params: Params): ComputerSearch {
  const limitParam = positiveInt(params['limit']);
  const limit = limitParam !== null && limitParam <= MAX_PAGE_SIZE ? limitParam : DEFAULT_COMPUTER_LIMIT;
  const page = positiveInt(params['page']) ?? 1;
  return {
    q: typeof params['q'] === 'string' ? params['q'].trim() : '',
    criteria: parseCriteria(params['criteria']),
    sort: validSort(params['sort']) ?? DEFAULT_COMPUTER_SORT,
    offset: (page - 1) * limit,
    limit,
  };
}

/** The query parameters of a search; defaults are left out so that plain /computers stays plain. */
export function searchToParams(search: ComputerSearch): Params {
  const params: Record<string, string> = {};
  if (search.q) params['q'] = search.q;
  const criteria = serializeCriteria(search.criteria);
  if (criteria) params['criteria'] = criteria;
  if (search.sort && search.sort !== DEFAULT_COMPUTER_SORT) params['sort'] = search.sort;
  const page = Math.floor(search.offset / search.limit) + 1;
  if (page > 1) params['page'] = String(page);
  if (search.limit !== DEFAULT_COMPUTER_LIMIT) params['limit'] = String(search.limit);
  return params;
}

/** Same parameters, whatever their order (and numbers or strings alike). */
export function sameParams(a: Params, b: Params): boolean {
  const keys = (params: Params) => Object.keys(params).filter((key) => params[key] !== undefined && params[key] !== null);
  const aKeys = keys(a);
  const bKeys = keys(b);
  return aKeys.length === bKeys.length && aKeys.every((key) => String(a[key]) === String(b[key]));
}

export function sameCriteria(a: readonly SearchCriterion[], b: readonly SearchCriterion[]): boolean {
  return serializeCriteria(a) === serializeCriteria(b);
}
