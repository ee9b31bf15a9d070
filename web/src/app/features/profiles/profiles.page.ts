import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { Bits, type ProfileView } from '@parc/contracts';
import { filter, switchMap } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { IconButton } from '../../shared/buttons/icon-button';
import { Notifier } from '../../core/notify/notifier';
import { remoteData } from '../../shared/data/remote-data';
import { ConfirmService } from '../../shared/dialogs/confirm-dialog';
import { ListPaginator } from '../../shared/list/list-paginator';
import { type ListParamsOptions, bindListToUrl } from '../../shared/list/list-params';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { SearchField } from '../../shared/list/search-field';
import { PageHeader } from '../../shared/page-header/page-header';
import { SavedSearches } from '../../shared/saved-searches/saved-searches';
import { ProfileCreateDialog } from './profile-create-dialog';
import { errorAlreadyShown } from '../../core/api/request-context';

/** Sort fields of GET /api/profiles. */
export const PROFILE_LIST: ListParamsOptions = { sorts: ['id', 'name', 'createdAt'], sort: 'name', limit: 25 };

/**
 * Profiles (named sets of rights): list, create, open the rights editor, delete (409 while in use). The quick
 * filter, sort and page live in the URL, so that searches can be saved.
 */
@Component({
  selector: 'parc-profiles-page',
  imports: [
    MatButtonModule,
    ListPaginator,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    Icon, IconButton,
    TPipe,
    DateTimePipe,
    PageHeader,
    SearchField,
    SavedSearches,
  ],
  templateUrl: './profiles.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilesPage {
  private readonly api = inject(ApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  protected readonly list = new ListState({ sort: PROFILE_LIST.sort, limit: PROFILE_LIST.limit });
  protected readonly profiles = remoteData(() => this.list.query(), (query) => this.api.list<ProfileView>('/profiles', query), emptyPage<ProfileView>());
  protected readonly columns = ['name', 'comment', 'rights', 'updatedAt', 'actions'];
  protected readonly canCreate = computed(() => this.auth.me() !== null && this.auth.can('profile', Bits.CREATE));

  constructor() {
    bindListToUrl(this.list, PROFILE_LIST);
  }

  /** How many rights the profile grants at all. */
  protected grantedCount(profile: ProfileView): number {
    return Object.values(profile.rights ?? {}).filter((bits) => bits > 0).length;
  }

  protected create(): void {
    this.dialog
      .open<ProfileCreateDialog, void, ProfileView>(ProfileCreateDialog, { width: '480px' })
      .afterClosed()
      .pipe(filter((profile): profile is ProfileView => !!profile))
      .subscribe((profile) => void this.router.navigate(['/profiles', profile.id]));
  }

  protected remove(profile: ProfileView): void {
    this.confirm
      .ask({
        title: this.i18n.t('profiles.deleteTitle'),
        message: this.i18n.t('profiles.deleteConfirm', { name: profile.name }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.delete(`/profiles/${profile.id}`)),
      )
      .subscribe({
        next: () => {
          this.notifier.success(this.i18n.t('profiles.deleted', { name: profile.name }));
          this.profiles.reload();
        },
        error: errorAlreadyShown,
      });
  }
}
