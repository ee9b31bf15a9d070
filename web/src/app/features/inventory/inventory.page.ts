import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Bits, type EntityRuleView, type InventorySettingsView } from '@parc/contracts';
import { concat, filter, finalize, switchMap } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { errorAlreadyShown } from '../../core/api/request-context';
import { AuthService } from '../../core/auth/auth.service';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { Notifier } from '../../core/notify/notifier';
import { IconButton } from '../../shared/buttons/icon-button';
import { remoteData } from '../../shared/data/remote-data';
import { ConfirmService } from '../../shared/dialogs/confirm-dialog';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';
import { PageHeader } from '../../shared/page-header/page-header';
import { EntityRuleDialog, type EntityRuleDialogData } from './entity-rule-dialog';
import { InventoryApi } from './inventory.api';

export const MAX_FREQUENCY_HOURS = 8760;

/**
 * The PATCHes that move a rule one step (-1 up, 1 down) in a list sorted by position: the rules numbered 1…n
 * in their new order, keeping only those whose position changes, in ascending position.
 */
export function reorderPositions(
  rules: readonly Pick<EntityRuleView, 'id' | 'position'>[],
  ruleId: number,
  direction: -1 | 1,
): { id: number; position: number }[] {
  const index = rules.findIndex((rule) => rule.id === ruleId);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= rules.length) return [];
  const order = [...rules];
  [order[index], order[target]] = [order[target], order[index]];
  return order.flatMap((rule, i) => (rule.position === i + 1 ? [] : [{ id: rule.id, position: i + 1 }]));
}

/**
 * Where new computers go and how often agents report: the default entity and the inventory frequency, then
 * the entity rules tried in order (TAG or IP range → entity), which can be created, edited, reordered, deleted.
 */
@Component({
  selector: 'parc-inventory-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    Icon,
    IconButton,
    TPipe,
    FieldErrorPipe,
    PageHeader,
  ],
  templateUrl: './inventory.page.html',
  styleUrl: './inventory.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InventoryPage {
  private readonly api = inject(InventoryApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly entities = inject(ActiveEntityStore);

  protected readonly settings = remoteData(() => null, () => this.api.settings(), null as InventorySettingsView | null);
  protected readonly rules = remoteData(() => null, () => this.api.rules(), [] as EntityRuleView[]);
  protected readonly savingSettings = signal(false);
  /** A rule being moved: the arrows wait for the reload. */
  protected readonly moving = signal(false);
  protected readonly maxFrequency = MAX_FREQUENCY_HOURS;

  protected readonly canUpdate = computed(() => this.auth.me() !== null && this.auth.can('inventory', Bits.UPDATE));
  protected readonly canCreate = computed(() => this.auth.me() !== null && this.auth.can('inventory', Bits.CREATE));
  protected readonly canDelete = computed(() => this.auth.me() !== null && this.auth.can('inventory', Bits.DELETE));
  /** The default entity, even when it is not among the entities the user may choose. */
  protected readonly defaultEntityOutsideTree = computed(() => {
    const id = this.settings.value()?.defaultEntityId;
    return id !== undefined && !this.entities.entities().some((entity) => entity.id === id) ? id : null;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    defaultEntityId: [null as number | null, Validators.required],
    frequencyHours: [24, [Validators.required, Validators.min(1), Validators.max(MAX_FREQUENCY_HOURS), Validators.pattern(/^\d+$/)]],
  });

  constructor() {
    effect(() => {
      const settings = this.settings.value();
      if (settings) untracked(() => this.form.reset({ defaultEntityId: settings.defaultEntityId, frequencyHours: settings.frequencyHours }));
    });
    effect(() => {
      const allowed = this.canUpdate();
      untracked(() => (allowed ? this.form.enable() : this.form.disable()));
    });
  }

  protected saveSettings(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { defaultEntityId, frequencyHours } = this.form.getRawValue();
    this.savingSettings.set(true);
    this.api
      .saveSettings({ defaultEntityId: defaultEntityId as number, frequencyHours: Number(frequencyHours) })
      .pipe(finalize(() => this.savingSettings.set(false)))
      .subscribe({
        next: () => {
          this.notifier.success(this.i18n.t('inventory.saved'));
          this.settings.reload();
        },
        error: (error: unknown) => applyServerErrors(this.form, toApiError(error)),
      });
  }

  protected createRule(): void {
    this.openRule({});
  }

  protected editRule(rule: EntityRuleView): void {
    this.openRule({ rule });
  }

  /**
   * Moves a rule one step up or down: the rules are numbered 1…n in their new order and each rule whose
   * position changes gets a PATCH position (the two swapped ones, when positions are already 1…n). Sent one
   * after the other in ascending order, which also suits a server that shifts the others on each change.
   */
  protected move(rule: EntityRuleView, direction: -1 | 1): void {
    const changes = reorderPositions(this.rules.value(), rule.id, direction);
    if (changes.length === 0) return;
    this.moving.set(true);
    concat(...changes.map(({ id, position }) => this.api.updateRule(id, { position })))
      .pipe(finalize(() => this.moving.set(false)))
      .subscribe({ complete: () => this.rules.reload(), error: () => this.rules.reload() });
  }

  protected deleteRule(rule: EntityRuleView): void {
    this.confirm
      .ask({
        title: this.i18n.t('rules.deleteTitle'),
        message: this.i18n.t('rules.deleteConfirm', { name: rule.name }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.deleteRule(rule.id)),
      )
      .subscribe({
        next: () => {
          this.notifier.success(this.i18n.t('rules.deleted', { name: rule.name }));
          this.rules.reload();
        },
        error: errorAlreadyShown,
      });
  }

  private openRule(data: EntityRuleDialogData): void {
    this.dialog
      .open<EntityRuleDialog, EntityRuleDialogData, boolean>(EntityRuleDialog, { data, width: '520px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.rules.reload());
  }
}
