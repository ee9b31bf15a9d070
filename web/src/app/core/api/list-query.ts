import type { Page } from '@parc/contracts';

/** What every list endpoint takes (see docs/api.md, "Lists"). */
export interface ListQuery {
  offset?: number;
  limit?: number;
  /** A field name, `-field` for descending. */
  sort?: string;
  /** Quick filter. */
  q?: string;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** The server caps `limit` at 500. */
export const MAX_PAGE_SIZE = 500;

/** Some endpoints answer a bare array, lists answer a Page: accept both. */
export function itemsOf<T>(body: T[] | Page<T> | null | undefined): T[] {
  if (!body) return [];
  return Array.isArray(body) ? body : body.items;
}
