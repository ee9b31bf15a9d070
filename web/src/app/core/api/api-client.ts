import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page } from '@parc/contracts';
import { EMPTY, Observable, expand, map, reduce } from 'rxjs';
import { MAX_PAGE_SIZE, itemsOf, type ListQuery, type QueryParams } from './list-query';
import { API_BASE, SILENT_ERRORS } from './request-context';

export interface RequestOptions {
  /** The caller shows the error itself: no snackbar. */
  silent?: boolean;
  context?: HttpContext;
}

function toHttpParams(params: QueryParams | undefined): HttpParams {
  let result = new HttpParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') result = result.set(name, String(value));
  }
  return result;
}

/**
 * The one way the UI talks to the server: paths are relative to `/api` (`'/users'`), and the interceptors add
 * the token, the active entity headers and the error reporting.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(path: string, params?: QueryParams, options?: RequestOptions): Observable<T> {
    return this.http.get<T>(API_BASE + path, { params: toHttpParams(params), context: this.context(options) });
  }

  /** One page of a list endpoint. */
  list<T>(path: string, query: ListQuery, filters?: QueryParams, options?: RequestOptions): Observable<Page<T>> {
    return this.get<Page<T>>(path, { ...filters, ...query }, options);
  }

  /** Endpoints answering either an array or a Page (small catalogues: rights, plugins, menu). */
  items<T>(path: string, params?: QueryParams, options?: RequestOptions): Observable<T[]> {
    return this.get<T[] | Page<T>>(path, params, options).pipe(map((body) => itemsOf(body)));
  }

  /** Every item of a list endpoint, fetched page after page (for trees and "select all across pages"). */
  all<T>(path: string, filters?: QueryParams, sort?: string): Observable<T[]> {
    const page = (offset: number) =>
      this.list<T>(path, { offset, limit: MAX_PAGE_SIZE, sort }, filters).pipe(map((result) => ({ offset, result })));
    return page(0).pipe(
      expand(({ offset, result }) => {
        const next = offset + result.items.length;
        return result.items.length > 0 && next < result.total ? page(next) : EMPTY;
      }),
      reduce((all, { result }) => all.concat(result.items), [] as T[]),
    );
  }

  /**
   * A file answer (CSV export…) as a Blob, through the interceptors like any call, so that it carries the token
   * and the active entity (a plain link could not). Save it with `saveFile`.
   */
  download(path: string, params?: QueryParams, options?: RequestOptions): Observable<Blob> {
    return this.http.get(API_BASE + path, { params: toHttpParams(params), responseType: 'blob', context: this.context(options) });
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Observable<T> {
    return this.http.post<T>(API_BASE + path, body ?? {}, { context: this.context(options) });
  }

  put<T>(path: string, body?: unknown, options?: RequestOptions): Observable<T> {
    return this.http.put<T>(API_BASE + path, body ?? {}, { context: this.context(options) });
  }

  patch<T>(path: string, body: unknown, options?: RequestOptions): Observable<T> {
    return this.http.patch<T>(API_BASE + path, body, { context: this.context(options) });
  }

  delete<T = void>(path: string, options?: RequestOptions): Observable<T> {
    return this.http.delete<T>(API_BASE + path, { context: this.context(options) });
  }

  private context(options: RequestOptions | undefined): HttpContext | undefined {
    if (!options?.silent) return options?.context;
    return (options.context ?? new HttpContext()).set(SILENT_ERRORS, true);
  }
}
