import { Injectable, inject } from '@angular/core';
import type {
  GroupImportMatch,
  GroupImportResult,
  GroupInput,
  GroupKind,
  GroupMembershipChange,
  GroupPreview,
  GroupRefreshResult,
  GroupView,
  Page,
  ProfileView,
  SearchCriterion,
  UserView,
} from '@parc/contracts';
import { Observable } from 'rxjs';
import { ApiClient, type RequestOptions } from '../../core/api/api-client';
import type { ListQuery } from '../../core/api/list-query';

/** Filters of GET /api/groups besides the quick filter. */
export interface GroupFilter {
  kind?: GroupKind;
  /** Only the groups shown in the navigation. */
  visible?: boolean;
}

/** What the editor's live count evaluates. */
export interface GroupPreviewRequest {
  /** The group's entity (the active one when absent). */
  entityId?: number;
  criteria: readonly SearchCriterion[];
  expression: string;
}

/** The criterion selecting a group's members in the computers endpoints. */
export function memberCriterion(groupId: number): SearchCriterion {
  return { field: 'group', operator: 'equals', value: String(groupId) };
}

/** The groups endpoints in one place; members are listed with the computers endpoints (memberCriterion). */
@Injectable({ providedIn: 'root' })
export class GroupsApi {
  private readonly api = inject(ApiClient);

  list(query: ListQuery, filter: GroupFilter = {}, options?: RequestOptions): Observable<Page<GroupView>> {
    return this.api.list<GroupView>('/groups', query, { kind: filter.kind, visible: filter.visible }, options);
  }

  /** Every group matching the filter, by name (pickers). */
  all(filter: GroupFilter = {}): Observable<GroupView[]> {
    return this.api.all<GroupView>('/groups', { kind: filter.kind, visible: filter.visible }, 'name');
  }

  get(id: number): Observable<GroupView> {
    return this.api.get<GroupView>(`/groups/${id}`);
  }

  create(input: GroupInput): Observable<GroupView> {
    return this.api.post<GroupView>('/groups', input);
  }

  /** The kind is fixed at creation: everything else may change. */
  update(id: number, changes: Partial<Omit<GroupInput, 'kind'>>): Observable<GroupView> {
    return this.api.patch<GroupView>(`/groups/${id}`, changes);
  }

  remove(id: number): Observable<void> {
    return this.api.delete(`/groups/${id}`);
  }

  /** How many computers the criteria match now; the caller shows the errors (an expression being typed). */
  preview(request: GroupPreviewRequest): Observable<GroupPreview> {
    return this.api.post<GroupPreview>('/groups/preview', request, { silent: true });
  }

  refresh(id: number): Observable<GroupRefreshResult> {
    return this.api.post<GroupRefreshResult>(`/groups/${id}/refresh`);
  }

  addMembers(id: number, ids: readonly number[]): Observable<GroupMembershipChange> {
    return this.api.post<GroupMembershipChange>(`/groups/${id}/members`, { ids });
  }

  removeMembers(id: number, ids: readonly number[]): Observable<GroupMembershipChange> {
    return this.api.post<GroupMembershipChange>(`/groups/${id}/members/remove`, { ids });
  }

  /** Adds the computers named in a text file, one name, serial or UUID a line. */
  importMembers(id: number, file: Blob, match: GroupImportMatch, fileName = 'members.txt'): Observable<GroupImportResult> {
    const body = new FormData();
    body.append('match', match);
    body.append('file', file, fileName);
    return this.api.post<GroupImportResult>(`/groups/${id}/import`, body);
  }

  /** Users a group can be shared with, by login or name; the caller shows the errors (no right to list users). */
  users(q: string): Observable<Page<UserView>> {
    return this.api.list<UserView>('/users', { q: q || undefined, limit: 20, sort: 'login' }, undefined, { silent: true });
  }

  profiles(): Observable<Page<ProfileView>> {
    return this.api.list<ProfileView>('/profiles', { limit: 500, sort: 'name' }, undefined, { silent: true });
  }
}
