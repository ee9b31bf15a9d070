import { Injectable, computed, inject } from '@angular/core';
import type { GroupView } from '@parc/contracts';
import { catchError, map, of } from 'rxjs';
import { remoteData } from '../../shared/data/remote-data';
import { ApiClient } from '../api/api-client';
import { MenuService } from './menu.service';

/** Path of the groups entry of the server's menu: visible groups are listed under it. */
export const GROUPS_PATH = '/groups';
/** The navigation lists at most this many groups (the groups page has them all). */
export const MAX_NAV_GROUPS = 50;

/**
 * Groups marked "visible in navigation", listed under the Groups entry of the side menu. Fetched once the menu
 * has that entry (the user may read groups), again when the active entity changes, and when a group page saves
 * one (`reload()`). Provided by the shell, like the menu.
 */
@Injectable()
export class VisibleGroups {
  private readonly api = inject(ApiClient);
  private readonly menu = inject(MenuService);
  private readonly enabled = computed(() => this.menu.entries().some((entry) => entry.path === GROUPS_PATH));
  private readonly groups = remoteData(
    () => this.enabled(),
    (enabled) =>
      enabled
        ? this.api
            .list<GroupView>('/groups', { limit: MAX_NAV_GROUPS, sort: 'name' }, { visible: true }, { silent: true })
            .pipe(
              map((page) => page.items.map(({ id, name }) => ({ id, name }))),
              // The menu still works without them.
              catchError(() => of([])),
            )
        : of([]),
    [] as { id: number; name: string }[],
  );

  readonly entries = this.groups.value;

  reload(): void {
    this.groups.reload();
  }
}
