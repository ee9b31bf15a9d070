import { Injectable, inject } from '@angular/core';
import type { AuthorizationView, Page, ProfileView, UserView } from '@parc/contracts';
import { Observable, map } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import type { ListQuery } from '../../core/api/list-query';

export interface UserInput {
  login: string;
  name: string;
  email?: string | null;
  password?: string;
  active: boolean;
  entityId: number;
}

export interface AuthorizationInput {
  profileId: number;
  entityId: number;
  recursive: boolean;
}

/** The users endpoints in one place (docs/api.md, "Routes"). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly api = inject(ApiClient);

  list(query: ListQuery): Observable<Page<UserView>> {
    return this.api.list<UserView>('/users', query);
  }

  /** Ids of every user matching the quick filter (for "select all across pages"). */
  allIds(q: string | undefined): Observable<number[]> {
    return this.api.all<UserView>('/users', { q }).pipe(map((users) => users.map((user) => user.id)));
  }

  create(input: UserInput): Observable<UserView> {
    return this.api.post<UserView>('/users', input);
  }

  /** Everything but the login, which cannot change. */
  update(id: number, changes: Partial<Omit<UserInput, 'login'>>): Observable<UserView> {
    return this.api.patch<UserView>(`/users/${id}`, changes);
  }

  authorizations(userId: number): Observable<AuthorizationView[]> {
    return this.api.items<AuthorizationView>(`/users/${userId}/authorizations`);
  }

  addAuthorization(userId: number, input: AuthorizationInput): Observable<AuthorizationView> {
    return this.api.post<AuthorizationView>(`/users/${userId}/authorizations`, input);
  }

  removeAuthorization(userId: number, authorizationId: number): Observable<void> {
    return this.api.delete(`/users/${userId}/authorizations/${authorizationId}`);
  }

  /** Profiles that can be granted (the whole catalogue; the server checks one holds their rights). */
  profiles(): Observable<ProfileView[]> {
    return this.api.all<ProfileView>('/profiles');
  }
}
