import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Bits, type UserView } from '@parc/contracts';
import { filter } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { remoteData } from '../../shared/data/remote-data';
import { ListPaginator } from '../../shared/list/list-paginator';
import { type ListParamsOptions, bindListToUrl } from '../../shared/list/list-params';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { RowSelection } from '../../shared/list/row-selection';
import { SearchField } from '../../shared/list/search-field';
import { MassActionBar } from '../../shared/mass-actions/mass-action-bar';
import { PageHeader } from '../../shared/page-header/page-header';
import { SavedSearches } from '../../shared/saved-searches/saved-searches';
import { UserDialog, type UserDialogData } from './user-dialog';
import { UsersApi } from './users.api';

/** Sort fields of GET /api/users. */
const USER_LIST: ListParamsOptions = { sorts: ['id', 'login', 'name', 'email', 'active', 'lastLoginAt', 'createdAt'], sort: 'login', limit: 25 };

/**
 * Users of the active scope: server-side paging, sorting and quick filter (in the URL, so that searches can be
 * saved), selection and mass actions.
 */
@Component({
  selector: 'parc-users-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    ListPaginator,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    Icon,
    TPipe,
    DateTimePipe,
    PageHeader,
    SearchField,
    MassActionBar,
    SavedSearches,
  ],
  templateUrl: './users.page.html',
  styleUrl: './users.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly usersApi = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthService);

  protected readonly list = new ListState({ sort: USER_LIST.sort, limit: USER_LIST.limit });
  protected readonly selection = new RowSelection();
  protected readonly users = remoteData(() => this.list.query(), (query) => this.usersApi.list(query), emptyPage<UserView>());
  protected readonly pageIds = computed(() => this.users.value().items.map((user) => user.id));
  protected readonly canCreate = computed(() => this.auth.me() !== null && this.auth.can('user', Bits.CREATE));

  protected readonly columns = ['select', 'login', 'name', 'email', 'entityName', 'active', 'lastLoginAt'];
  protected readonly resolveAllIds = () => this.usersApi.allIds(this.list.q() || undefined);

  constructor() {
    bindListToUrl(this.list, USER_LIST);
    // Other users (a search applied from the URL or a saved search): the picked rows no longer mean anything.
    effect(() => {
      this.list.q();
      untracked(() => this.selection.clear());
    });
  }

  protected search(q: string): void {
    this.selection.clear();
    this.list.setFilter(q);
  }

  protected create(): void {
    this.openDialog({});
  }

  protected edit(user: UserView): void {
    this.openDialog({ user });
  }

  protected afterMassAction(): void {
    this.selection.clear();
    this.users.reload();
  }

  private openDialog(data: UserDialogData): void {
    this.dialog
      .open<UserDialog, UserDialogData, boolean>(UserDialog, { data, width: '720px', maxWidth: '96vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.users.reload());
  }
}
