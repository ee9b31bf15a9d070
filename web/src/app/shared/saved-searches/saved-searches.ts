import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import { ActivatedRoute, Router } from '@angular/router';
import { Bits, type SavedSearchView } from '@parc/contracts';
import { filter, of, switchMap } from 'rxjs';
import { errorAlreadyShown } from '../../core/api/request-context';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { Notifier } from '../../core/notify/notifier';
import { IconButton } from '../buttons/icon-button';
import { remoteData } from '../data/remote-data';
import { ConfirmService } from '../dialogs/confirm-dialog';
import { SavedSearchDialog, type SavedSearchDialogData } from './saved-search-dialog';
import { orderSavedSearches, paramsOf, sameQuery, savedQuery } from './saved-search-query';
import { SavedSearchesApi } from './saved-searches.api';

/**
 * "Saved searches" menu of a list whose search lives in the URL (`<parc-saved-searches itemType="agent" />` in
 * its page header): applies one's own and shared searches (their query parameters replace the URL's), saves the
 * current one under a name, privately or shared, and renames or deletes one's own. For computers, a saved search
 * can also become a dynamic group. The list is fetched when the menu opens, so it shows others' latest shares.
 */
@Component({
  selector: 'parc-saved-searches',
  imports: [MatButtonModule, MatDividerModule, MatMenuModule, Icon, IconButton, TPipe],
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="menu" (menuOpened)="load()" data-testid="saved-searches-menu">
      <parc-icon matButtonIcon name="bookmark" />
      {{ 'savedSearches.title' | t }}
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="parc-wide-menu">
      <button mat-menu-item type="button" (click)="save()" data-testid="saved-search-save">
        <parc-icon name="add" />
        <span>{{ 'savedSearches.saveCurrent' | t }}</span>
      </button>
      <mat-divider />
      @if (searches.value().length === 0) {
        <p class="note" data-testid="saved-searches-empty">
          {{ (searches.loading() ? 'common.loading' : 'savedSearches.none') | t }}
        </p>
      }
      @for (section of sections(); track section.key) {
        @if (section.items.length > 0) {
          <p class="section">{{ section.label | t }}</p>
          @for (search of section.items; track search.id) {
            <div class="item" data-testid="saved-search" [attr.data-name]="search.name" [attr.data-shared]="search.shared">
              <button mat-menu-item type="button" class="apply" (click)="apply(search)" data-testid="saved-search-apply">
                <parc-icon [name]="isCurrent(search) ? 'check' : search.shared ? 'group' : 'bookmark'" />
                <span class="name">{{ search.name }}</span>
                @if (section.key === 'shared') {
                  <span class="owner">{{ search.ownerLogin }}</span>
                }
              </button>
              @if (canMakeGroup()) {
                <parc-icon-button icon="workspaces" label="savedSearches.makeGroup" (pressed)="makeGroup(search)" data-testid="saved-search-group" />
              }
              @if (search.can.edit) {
                <parc-icon-button icon="edit" label="savedSearches.edit" (pressed)="edit(search)" data-testid="saved-search-edit" />
                <parc-icon-button icon="delete" label="savedSearches.delete" (pressed)="remove(search)" data-testid="saved-search-delete" />
              }
            </div>
          }
        }
      }
    </mat-menu>
  `,
  styles: `
    .note,
    .section {
      margin: 0;
      padding: 8px 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .section {
      padding-bottom: 0;
    }
    .item {
      display: flex;
      align-items: center;
      padding-inline-end: 4px;
    }
    .apply {
      flex: 1 1 auto;
      min-width: 0;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .owner {
      margin-inline-start: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SavedSearches {
  private readonly api = inject(SavedSearchesApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  /** The list's item type: `computer`, `agent`, `user`, `group`… */
  readonly itemType = input.required<string>();

  private readonly params = toSignal(this.route.queryParams, { initialValue: this.route.snapshot.queryParams });
  private readonly loads = signal(0);
  protected readonly searches = remoteData(
    () => ({ itemType: this.itemType(), load: this.loads() }),
    ({ itemType, load }) => (load > 0 ? this.api.list(itemType) : of([] as SavedSearchView[])),
    [] as SavedSearchView[],
  );
  protected readonly sections = computed(() => {
    const { own, shared } = orderSavedSearches(this.searches.value(), this.auth.me()?.id ?? null);
    return [
      { key: 'own', label: 'savedSearches.own', items: own },
      { key: 'shared', label: 'savedSearches.sharedWithMe', items: shared },
    ];
  });
  protected readonly canMakeGroup = computed(() => this.itemType() === 'computer' && this.auth.me() !== null && this.auth.can('group', Bits.CREATE));

  /** (Re)loads the list when the menu opens. */
  protected load(): void {
    this.loads.update((n) => n + 1);
  }

  protected isCurrent(search: SavedSearchView): boolean {
    return sameQuery(paramsOf(search), this.params());
  }

  protected apply(search: SavedSearchView): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsOf(search) });
  }

  protected save(): void {
    this.openDialog({ itemType: this.itemType(), query: savedQuery(this.params()), canShare: this.canShare() });
  }

  protected edit(search: SavedSearchView): void {
    this.openDialog({ itemType: this.itemType(), query: savedQuery(this.params()), search, canShare: this.canShare() });
  }

  protected remove(search: SavedSearchView): void {
    this.confirm
      .ask({
        title: this.i18n.t('savedSearches.deleteTitle'),
        message: this.i18n.t('savedSearches.deleteConfirm', { name: search.name }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.remove(search.id)),
      )
      .subscribe({
        next: () => {
          this.notifier.success(this.i18n.t('savedSearches.deleted', { name: search.name }));
          this.searches.reload();
        },
        error: errorAlreadyShown,
      });
  }

  /** A dynamic group from the search's criteria, then its page. */
  protected makeGroup(search: SavedSearchView): void {
    this.api.makeGroup(search.id).subscribe({
      next: (group) => {
        this.notifier.success(this.i18n.t('savedSearches.groupCreated', { name: group.name }));
        void this.router.navigate(['/groups', group.id]);
      },
      error: errorAlreadyShown,
    });
  }

  private canShare(): boolean {
    return this.auth.me() !== null && this.auth.can('savedsearch', Bits.CREATE);
  }

  private openDialog(data: SavedSearchDialogData): void {
    this.dialog
      .open<SavedSearchDialog, SavedSearchDialogData, SavedSearchView>(SavedSearchDialog, { data, width: '460px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.searches.reload());
  }
}
