import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Params } from '@angular/router';
import { Router, RouterLink } from '@angular/router';
import { Bits, type GroupKind, type GroupView } from '@parc/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { remoteData } from '../../shared/data/remote-data';
import { ListPaginator } from '../../shared/list/list-paginator';
import { type ListParamsOptions, type ListSnapshot, applyListSnapshot, listFromParams, listToParams, syncWithUrl } from '../../shared/list/list-params';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { SearchField } from '../../shared/list/search-field';
import { PageHeader } from '../../shared/page-header/page-header';
import { SavedSearches } from '../../shared/saved-searches/saved-searches';
import { kindKeys } from './group-form';
import { GroupsApi } from './groups.api';

/** Sort fields of GET /api/groups. */
export const GROUP_LIST: ListParamsOptions = { sorts: ['name', 'kind', 'memberCount', 'updatedAt', 'refreshedAt'], sort: 'name', limit: 25 };

interface GroupListSearch extends ListSnapshot {
  kind: GroupKind | '';
}

/** `?q=…&kind=dynamic&sort=-memberCount&page=2`: the groups list as the URL says it. */
export function groupSearchFromParams(params: Params): GroupListSearch {
  const kind = params['kind'] === 'static' || params['kind'] === 'dynamic' ? params['kind'] : '';
  return { ...listFromParams(params, GROUP_LIST), kind };
}

export function groupSearchToParams(search: GroupListSearch): Params {
  return { ...listToParams(search, GROUP_LIST), ...(search.kind ? { kind: search.kind } : {}) };
}

/**
 * Computer groups of the active scope the user may see (own, shared with them, or all with the "every group"
 * right): server-side paging, sorting and filters kept in the URL, so that the list's searches can be saved.
 */
@Component({
  selector: 'parc-groups-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    Icon,
    TPipe,
    DateTimePipe,
    PageHeader,
    SearchField,
    ListPaginator,
    SavedSearches,
  ],
  templateUrl: './groups.page.html',
  styleUrl: './groups.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupsPage {
  private readonly api = inject(GroupsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly list = new ListState({ sort: GROUP_LIST.sort, limit: GROUP_LIST.limit });
  protected readonly kind = signal<GroupKind | ''>('');
  protected readonly groups = remoteData(
    () => ({ query: this.list.query(), kind: this.kind() }),
    ({ query, kind }) => this.api.list(query, { kind: kind || undefined }),
    emptyPage<GroupView>(),
  );
  protected readonly columns = ['name', 'kind', 'memberCount', 'entity', 'owner', 'visible', 'refreshedAt'];
  protected readonly canCreate = computed(() => this.auth.me() !== null && this.auth.can('group', Bits.CREATE));
  protected readonly kindKeys = kindKeys;

  constructor() {
    syncWithUrl<GroupListSearch>({
      state: () => ({ q: this.list.q(), sort: this.list.sort() ?? GROUP_LIST.sort, offset: this.list.offset(), limit: this.list.limit(), kind: this.kind() }),
      fromParams: groupSearchFromParams,
      toParams: groupSearchToParams,
      apply: (search) => {
        applyListSnapshot(this.list, search);
        this.kind.set(search.kind);
      },
    });
  }

  protected setKind(kind: GroupKind | ''): void {
    this.kind.set(kind);
    this.list.offset.set(0);
  }

  protected create(): void {
    void this.router.navigate(['/groups', 'new']);
  }

  protected open(group: GroupView): void {
    void this.router.navigate(['/groups', group.id]);
  }
}
