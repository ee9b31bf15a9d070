import { Injectable, inject } from '@angular/core';
import type { GroupView, SavedSearchInput, SavedSearchView } from '@parc/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { MAX_PAGE_SIZE } from '../../core/api/list-query';

export type SavedSearchChanges = Partial<Pick<SavedSearchInput, 'name' | 'query' | 'shared'>>;

/** The saved-searches endpoints: one's own searches and those shared with one, by list. */
@Injectable({ providedIn: 'root' })
export class SavedSearchesApi {
  private readonly api = inject(ApiClient);

  /** Own and shared searches of a list (`computer`, `agent`, `user`, `group`…). */
  list(itemType: string): Observable<SavedSearchView[]> {
    return this.api.items<SavedSearchView>('/saved-searches', { itemType, limit: MAX_PAGE_SIZE, sort: 'name' });
  }

  create(input: SavedSearchInput): Observable<SavedSearchView> {
    return this.api.post<SavedSearchView>('/saved-searches', input);
  }

  update(id: number, changes: SavedSearchChanges): Observable<SavedSearchView> {
    return this.api.patch<SavedSearchView>(`/saved-searches/${id}`, changes);
  }

  remove(id: number): Observable<void> {
    return this.api.delete(`/saved-searches/${id}`);
  }

  /** A dynamic group (query mode) from a computer search's criteria and expression. */
  makeGroup(id: number, name?: string): Observable<GroupView> {
    return this.api.post<GroupView>(`/saved-searches/${id}/group`, name ? { name } : {});
  }
}
