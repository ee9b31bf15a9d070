import { effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import { MAX_PAGE_SIZE } from '../../core/api/list-query';
import type { ListState } from './list-state';

/** Same parameters, whatever their order (and numbers or strings alike). */
export function sameParams(a: Params, b: Params): boolean {
  const keys = (params: Params) => Object.keys(params).filter((key) => params[key] !== undefined && params[key] !== null);
  const aKeys = keys(a);
  const bKeys = keys(b);
  return aKeys.length === bKeys.length && aKeys.every((key) => String(a[key]) === String(b[key]));
}

export function positiveInt(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null;
  const value = Number.parseInt(raw, 10);
  return value > 0 ? value : null;
}

/** Paging, sorting and quick filter of a list, as the URL says them. */
export interface ListSnapshot {
  q: string;
  /** `field` or `-field`. */
  sort: string;
  offset: number;
  limit: number;
}

/** What a list accepts from a URL, and its defaults (left out of the URL). */
export interface ListParamsOptions {
  /** Sort fields the API takes for this list. */
  sorts: readonly string[];
  sort: string;
  limit: number;
}

/** Where a list is in its results, as the URL says it. */
export interface PageSnapshot {
  offset: number;
  limit: number;
}

/** `?page=2&limit=50`; a bad value falls back to the first page or the default size (the URL may have been edited). */
export function pageFromParams(params: Params, defaultLimit: number): PageSnapshot {
  const limitParam = positiveInt(params['limit']);
  const limit = limitParam !== null && limitParam <= MAX_PAGE_SIZE ? limitParam : defaultLimit;
  const page = positiveInt(params['page']) ?? 1;
  return { offset: (page - 1) * limit, limit };
}

/** `page` and `limit`, each left out when it is the default. */
export function pageToParams(snapshot: PageSnapshot, defaultLimit: number): Record<string, string> {
  const params: Record<string, string> = {};
  const page = Math.floor(snapshot.offset / snapshot.limit) + 1;
  if (page > 1) params['page'] = String(page);
  if (snapshot.limit !== defaultLimit) params['limit'] = String(snapshot.limit);
  return params;
}

/** `?q=…&sort=-field&page=2&limit=50`; bad values fall back to the defaults (the URL may have been edited). */
export function listFromParams(params: Params, options: ListParamsOptions): ListSnapshot {
  const sort = typeof params['sort'] === 'string' && options.sorts.includes(params['sort'].replace(/^-/, '')) ? params['sort'] : options.sort;
  return { q: typeof params['q'] === 'string' ? params['q'].trim() : '', sort, ...pageFromParams(params, options.limit) };
}

/** The query parameters of a list; defaults are left out so that the plain list has a plain URL. */
export function listToParams(list: ListSnapshot, options: ListParamsOptions): Record<string, string> {
  const params: Record<string, string> = {};
  if (list.q) params['q'] = list.q;
  if (list.sort && list.sort !== options.sort) params['sort'] = list.sort;
  return { ...params, ...pageToParams(list, options.limit) };
}

/**
 * Keeps what a list shows and the URL's query parameters in step, both ways: the URL is where a search comes
 * from (bookmarks, reload, back/forward, a saved search) and where it goes back to. `state` is read in an
 * effect; `apply` sets the list from the URL. Call it in an injection context (a component's constructor).
 */
export function syncWithUrl<S>(options: {
  state: () => S;
  fromParams: (params: Params) => S;
  toParams: (state: S) => Params;
  apply: (state: S) => void;
}): void {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  options.apply(options.fromParams(route.snapshot.queryParams));
  route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => options.apply(options.fromParams(params)));
  effect(() => {
    const params = options.toParams(options.state());
    untracked(() => {
      const current = route.snapshot.queryParams;
      if (sameParams(params, current)) return;
      // The same search spelled otherwise (`?page=1&sort=name`) is rewritten without a history entry.
      const replaceUrl = sameParams(options.toParams(options.fromParams(current)), params);
      void router.navigate([], { relativeTo: route, queryParams: params, replaceUrl });
    });
  });
}

/** A ListState mirrored in the URL (`q`, `sort`, `page`, `limit`). */
export function bindListToUrl(list: ListState, options: ListParamsOptions): void {
  syncWithUrl<ListSnapshot>({
    state: () => ({ q: list.q(), sort: list.sort() ?? options.sort, offset: list.offset(), limit: list.limit() }),
    fromParams: (params) => listFromParams(params, options),
    toParams: (snapshot) => listToParams(snapshot, options),
    apply: (snapshot) => applyListSnapshot(list, snapshot),
  });
}

export function applyListSnapshot(list: ListState, snapshot: ListSnapshot): void {
  if (list.q() !== snapshot.q) list.q.set(snapshot.q);
  list.sort.set(snapshot.sort);
  list.limit.set(snapshot.limit);
  list.offset.set(snapshot.offset);
}
