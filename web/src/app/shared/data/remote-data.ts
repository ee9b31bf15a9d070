import { Signal, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Observable, catchError, map, of, switchMap, tap } from 'rxjs';
import { toApiError, type ApiError } from '../../core/api/api-error';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';

export interface RemoteData<T> {
  /** The last loaded value (kept while reloading, so lists do not flicker). */
  readonly value: Signal<T>;
  readonly loading: Signal<boolean>;
  readonly error: Signal<ApiError | null>;
  /** Loads again with the same query (after a change made by the user). */
  reload(): void;
}

/**
 * Server data that follows signals: `fetch` runs again when `query()` changes, when `reload()` is called and
 * when the active entity changes (every API call depends on it). A newer load cancels the older one.
 * Call it in an injection context (a component field).
 *
 * ```ts
 * protected readonly users = remoteData(() => this.list.query(), (query) => this.api.list<UserView>('/users', query), EMPTY_PAGE);
 * ```
 */
export function remoteData<Q, T>(query: () => Q, fetch: (query: Q) => Observable<T>, initial: T): RemoteData<T> {
  const scope = inject(ActiveEntityStore).choice;
  const reloads = signal(0);
  const loading = signal(false);
  const error = signal<ApiError | null>(null);
  const trigger = computed(() => ({ query: query(), scope: scope(), reload: reloads() }));
  let last = initial;

  const value = toSignal(
    toObservable(trigger).pipe(
      tap(() => loading.set(true)),
      switchMap(({ query: current }) =>
        fetch(current).pipe(
          map((result) => {
            error.set(null);
            return (last = result);
          }),
          catchError((failure: unknown) => {
            error.set(toApiError(failure));
            return of(last);
          }),
        ),
      ),
      tap(() => loading.set(false)),
    ),
    { initialValue: initial },
  );

  return { value, loading: loading.asReadonly(), error: error.asReadonly(), reload: () => reloads.update((n) => n + 1) };
}
