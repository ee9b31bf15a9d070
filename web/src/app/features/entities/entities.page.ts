import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Bits, type EntityView } from '@parc/contracts';
import { filter, switchMap } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { entityTree } from '../../core/entity/entity-tree';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { IconButton } from '../../shared/buttons/icon-button';
import { Notifier } from '../../core/notify/notifier';
import { remoteData } from '../../shared/data/remote-data';
import { ConfirmService } from '../../shared/dialogs/confirm-dialog';
import { syncWithUrl } from '../../shared/list/list-params';
import { SearchField } from '../../shared/list/search-field';
import { PageHeader } from '../../shared/page-header/page-header';
import { SavedSearches } from '../../shared/saved-searches/saved-searches';
import { EntityFormDialog, type EntityFormData } from './entity-form-dialog';
import { type EntitySearch, entitySearchFromParams, entitySearchToParams, filterEntityTree } from './entity-search';
import { MoveEntityDialog, type MoveEntityData } from './move-entity-dialog';
import { errorAlreadyShown } from '../../core/api/request-context';

/**
 * The entity tree of the active scope (GET /api/entities, every page): create a child, rename, move, delete.
 * The server refuses to delete an entity that still holds sub-entities or items (409); its message is shown.
 * The quick filter lives in the URL, so that searches can be saved.
 */
@Component({
  selector: 'parc-entities-page',
  imports: [MatButtonModule, MatProgressBarModule, Icon, IconButton, TPipe, PageHeader, SearchField, SavedSearches],
  templateUrl: './entities.page.html',
  styleUrl: './entities.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntitiesPage {
  private readonly api = inject(ApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthService);

  protected readonly entities = remoteData(
    () => null,
    () => this.api.all<EntityView>('/entities'),
    [] as EntityView[],
  );
  protected readonly q = signal('');
  private readonly collapsed = signal<ReadonlySet<number>>(new Set());

  protected readonly rows = computed(() => {
    const collapsed = this.collapsed();
    return filterEntityTree(entityTree(this.entities.value()), this.q()).filter((row) => !row.ancestorIds.some((id) => collapsed.has(id)));
  });
  protected readonly canCreate = computed(() => this.auth.me() !== null && this.auth.can('entity', Bits.CREATE));
  protected readonly canUpdate = computed(() => this.auth.me() !== null && this.auth.can('entity', Bits.UPDATE));
  protected readonly canDelete = computed(() => this.auth.me() !== null && this.auth.can('entity', Bits.DELETE));

  constructor() {
    syncWithUrl<EntitySearch>({
      state: () => ({ q: this.q() }),
      fromParams: entitySearchFromParams,
      toParams: entitySearchToParams,
      apply: (search) => this.q.set(search.q),
    });
    // Another filter: every match is shown, even under a branch collapsed before.
    effect(() => {
      this.q();
      untracked(() => this.collapsed.set(new Set()));
    });
  }

  protected search(q: string): void {
    this.q.set(q.trim());
  }

  protected isCollapsed(id: number): boolean {
    return this.collapsed().has(id);
  }

  protected toggle(id: number): void {
    const next = new Set(this.collapsed());
    if (!next.delete(id)) next.add(id);
    this.collapsed.set(next);
  }

  protected addChild(parent: EntityView): void {
    this.openForm({ mode: 'create', parent });
  }

  protected rename(entity: EntityView): void {
    this.openForm({ mode: 'rename', entity });
  }

  protected move(entity: EntityView): void {
    this.dialog
      .open<MoveEntityDialog, MoveEntityData, boolean>(MoveEntityDialog, {
        data: { entity, entities: this.entities.value() },
        width: '480px',
      })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.afterChange());
  }

  protected remove(entity: EntityView): void {
    this.confirm
      .ask({
        title: this.i18n.t('entities.deleteTitle'),
        message: this.i18n.t('entities.deleteConfirm', { name: entity.completeName }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.delete(`/entities/${entity.id}`)),
      )
      .subscribe({
        next: () => {
          this.notifier.success(this.i18n.t('entities.deleted', { name: entity.name }));
          this.afterChange();
        },
        // A 409 (sub-entities or items left) was shown by the error interceptor with the server's reason.
        error: errorAlreadyShown,
      });
  }

  /** The tree changed: reload it, and /auth/me too, whose entity list feeds the entity selector and pickers. */
  private afterChange(): void {
    this.entities.reload();
    this.auth.loadMe().subscribe({ error: errorAlreadyShown });
  }

  private openForm(data: EntityFormData): void {
    this.dialog
      .open<EntityFormDialog, EntityFormData, boolean>(EntityFormDialog, { data, width: '480px' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.afterChange());
  }
}
