import { Injectable, inject } from '@angular/core';
import type {
  AgentView,
  ComputerDiskView,
  ComputerRow,
  ComputerSoftwareView,
  ComputerView,
  InventoryChangeView,
  NetworkInterfaceView,
  Page,
  SearchFieldView,
  TabView,
} from '@parc/contracts';
import { Observable, map } from 'rxjs';
import { ApiClient, type RequestOptions } from '../../core/api/api-client';
import type { ListQuery, QueryParams } from '../../core/api/list-query';
import { type ComputerFilter, type ComputerSearch, serializeCriteria } from './computer-search';

/** What export.csv exports: the search (filter + sort), or the given ids; `columns` as in the list. */
export interface ComputerExport {
  filter?: ComputerFilter;
  ids?: readonly number[];
  sort?: string;
  columns: readonly string[];
}

export interface ComputerChanges {
  name?: string;
  entityId?: number;
  /** Fields inventories may set again (a name set by hand is locked). */
  unlock?: 'name'[];
}

/** The computers endpoints in one place (docs/api.md, "Computers, agents, inventory"). */
@Injectable({ providedIn: 'root' })
export class ComputersApi {
  private readonly api = inject(ApiClient);

  list(search: ComputerSearch): Observable<Page<ComputerRow>> {
    const { offset, limit, sort, q, criteria, expression } = search;
    return this.api.list<ComputerRow>('/computers', { offset, limit, sort, q: q || undefined }, filterParams({ q, criteria, expression }));
  }

  /** Every id matching the filter (a selection across pages). */
  ids(filter: ComputerFilter): Observable<number[]> {
    return this.api.get<{ ids: number[]; total: number }>('/computers/ids', filterParams(filter)).pipe(map((answer) => answer.ids));
  }

  /** How many computers match (the list's total, one row fetched). */
  count(filter: ComputerFilter, options?: RequestOptions): Observable<number> {
    return this.api.list<ComputerRow>('/computers', { limit: 1 }, filterParams(filter), options).pipe(map((page) => page.total));
  }

  /** The CSV of a search or of a selection, as a file to save. */
  exportCsv(request: ComputerExport): Observable<Blob> {
    const params: Record<string, string | undefined> = {
      ...(request.filter ? filterParams(request.filter) : {}),
      sort: request.sort,
      columns: request.columns.join(','),
      ids: request.ids?.length ? request.ids.join(',') : undefined,
    };
    return this.api.download('/computers/export.csv', params);
  }

  searchFields(): Observable<SearchFieldView[]> {
    return this.api.items<SearchFieldView>('/computers/search-fields');
  }

  get(id: number): Observable<ComputerView> {
    return this.api.get<ComputerView>(`/computers/${id}`);
  }

  update(id: number, changes: ComputerChanges): Observable<ComputerView> {
    return this.api.patch<ComputerView>(`/computers/${id}`, changes);
  }

  remove(id: number): Observable<void> {
    return this.api.delete(`/computers/${id}`);
  }

  software(id: number, query: ListQuery): Observable<Page<ComputerSoftwareView>> {
    return this.api.list<ComputerSoftwareView>(`/computers/${id}/software`, query);
  }

  disks(id: number): Observable<ComputerDiskView[]> {
    return this.api.items<ComputerDiskView>(`/computers/${id}/disks`);
  }

  network(id: number): Observable<NetworkInterfaceView[]> {
    return this.api.items<NetworkInterfaceView>(`/computers/${id}/network`);
  }

  agents(id: number): Observable<AgentView[]> {
    return this.api.items<AgentView>(`/computers/${id}/agents`);
  }

  history(id: number, query: ListQuery): Observable<Page<InventoryChangeView>> {
    return this.api.list<InventoryChangeView>(`/computers/${id}/history`, query);
  }

  /** Plugin tabs the server lists for the user on an item type's pages. */
  tabs(itemType: string): Observable<TabView[]> {
    return this.api.items<TabView>('/ui/tabs', { itemType });
  }
}

/** `q`, `criteria` and `expression` as the API takes them (absent when empty). */
export function filterParams(filter: ComputerFilter): QueryParams {
  const criteria = serializeCriteria(filter.criteria);
  return { q: filter.q || undefined, criteria, expression: criteria && filter.expression.trim() ? filter.expression.trim() : undefined };
}
