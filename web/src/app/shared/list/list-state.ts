import { computed, signal } from '@angular/core';
import type { PageEvent } from '@angular/material/paginator';
import type { Sort } from '@angular/material/sort';
import type { Page } from '@parc/contracts';
import type { ListQuery } from '../../core/api/list-query';

/** The value of a list before its first answer. */
export function emptyPage<T>(): Page<T> {
  return { items: [], total: 0 };
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/**
 * Paging, sorting and quick filter of a server-side list, as signals. Bind it to MatPaginator / MatSort and pass
 * `query()` to the API; changing the filter or the sort goes back to the first page.
 */
export class ListState {
  readonly offset = signal(0);
  readonly limit = signal<number>(25);
  /** `field` or `-field`. */
  readonly sort = signal<string | undefined>(undefined);
  readonly q = signal('');

  readonly query = computed<ListQuery>(() => ({
    offset: this.offset(),
    limit: this.limit(),
    sort: this.sort(),
    q: this.q() || undefined,
  }));
  readonly pageIndex = computed(() => Math.floor(this.offset() / this.limit()));
  /** For `matSortActive` / `matSortDirection`. */
  readonly sortActive = computed(() => this.sort()?.replace(/^-/, '') ?? '');
  readonly sortDirection = computed<'asc' | 'desc' | ''>(() => {
    const sort = this.sort();
    return sort ? (sort.startsWith('-') ? 'desc' : 'asc') : '';
  });

  constructor(options: { sort?: string; limit?: number } = {}) {
    this.sort.set(options.sort);
    if (options.limit) this.limit.set(options.limit);
  }

  onPage(event: PageEvent): void {
    this.limit.set(event.pageSize);
    this.offset.set(event.pageIndex * event.pageSize);
  }

  onSort(event: Sort): void {
    this.sort.set(event.direction ? `${event.direction === 'desc' ? '-' : ''}${event.active}` : undefined);
    this.offset.set(0);
  }

  setFilter(q: string): void {
    this.q.set(q.trim());
    this.offset.set(0);
  }
}
