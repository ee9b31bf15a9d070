import type { Params } from '@angular/router';
import type { SearchCriterion, SearchOperator } from '@parc/contracts';
import { MAX_PAGE_SIZE } from '../../core/api/list-query';
import { positiveInt } from '../../shared/list/list-params';

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
  /** How the numbered criteria combine (`AND(1, OR(2, 3))`); empty = all must match. */
  expression: string;
  /** `field` or `-field`. */
  sort: string;
  offset: number;
  limit: number;
}

/** What selects computers, without paging (for "all matching ids" and exports). */
export interface ComputerFilter {
  q: string;
  criteria: readonly SearchCriterion[];
  expression: string;
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

function validSort(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  return COMPUTER_SORTS.includes(raw.replace(/^-/, '')) ? raw : null;
}

/**
 * The search a URL stands for: `?q=…&criteria=[…]&expression=OR(1,2)&sort=-lastContactAt&page=2&limit=50`; bad
 * values fall back to defaults. An expression without criteria means nothing and is dropped.
 */
export function searchFromParams(params: Params): ComputerSearch {
  const limitParam = positiveInt(params['limit']);
  const limit = limitParam !== null && limitParam <= MAX_PAGE_SIZE ? limitParam : DEFAULT_COMPUTER_LIMIT;
  const page = positiveInt(params['page']) ?? 1;
  const criteria = parseCriteria(params['criteria']);
  return {
    q: typeof params['q'] === 'string' ? params['q'].trim() : '',
    criteria,
    expression: criteria.length && typeof params['expression'] === 'string' ? params['expression'].trim() : '',
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
  if (criteria && search.expression) params['expression'] = search.expression;
  if (search.sort && search.sort !== DEFAULT_COMPUTER_SORT) params['sort'] = search.sort;
  const page = Math.floor(search.offset / search.limit) + 1;
  if (page > 1) params['page'] = String(page);
  if (search.limit !== DEFAULT_COMPUTER_LIMIT) params['limit'] = String(search.limit);
  return params;
}

export function sameCriteria(a: readonly SearchCriterion[], b: readonly SearchCriterion[]): boolean {
  return serializeCriteria(a) === serializeCriteria(b);
}

/**
 * The filter with criteria the user does not see (a group's membership) added: they come after the user's, so
 * that the numbers in the user's expression still mean the same rows, and must match whatever that expression.
 */
export function withBaseCriteria(filter: ComputerFilter, base: readonly SearchCriterion[]): ComputerFilter {
  if (base.length === 0) return filter;
  const criteria = [...filter.criteria, ...base];
  const baseNumbers = base.map((_, index) => filter.criteria.length + index + 1);
  const expression = filter.expression.trim() ? `AND(${filter.expression.trim()}, ${baseNumbers.join(', ')})` : '';
  return { q: filter.q, criteria, expression };
}
