import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { EntityRuleKind, EntityRuleView } from '@parc/contracts';
import { toApiError } from '../../core/api/api-error';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Notifier } from '../../core/notify/notifier';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';
import { type EntityRuleInput, InventoryApi } from './inventory.api';

export interface EntityRuleDialogData {
  /** Absent to create a rule (it goes last). */
  rule?: EntityRuleView;
}

/** Creates or edits an entity rule; closes with true once saved. The server's field problems show under the fields. */
@Component({
  selector: 'parc-entity-rule-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ (rule ? 'rules.editTitle' : 'rules.createTitle') | t }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" (ngSubmit)="save()" id="rule-form" class="parc-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rules.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="rule-name" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rules.kind' | t }}</mat-label>
          <mat-select formControlName="kind" data-testid="rule-kind">
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind" data-testid="rule-kind-option" [attr.data-value]="kind">{{ 'rules.kinds.' + kind | t }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.kind | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rules.pattern' | t }}</mat-label>
          <input matInput formControlName="pattern" autocomplete="off" data-testid="rule-pattern" />
          <mat-hint>{{ (form.controls.kind.value === 'ip' ? 'rules.ipHint' : 'rules.tagHint') | t }}</mat-hint>
          <mat-error>{{ form.controls.pattern | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rules.entity' | t }}</mat-label>
          <mat-select formControlName="entityId" data-testid="rule-entity">
            @for (row of entities.tree(); track row.entity.id) {
              <mat-option
                [value]="row.entity.id"
                data-testid="rule-entity-option"
                [attr.data-entity-id]="row.entity.id"
                [attr.data-entity-name]="row.entity.completeName"
              >
                <span [style.padding-inline-start.px]="row.depth * 16">{{ row.entity.name }}</span>
              </mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.entityId | fieldError }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="active" data-testid="rule-active">{{ 'rules.active' | t }}</mat-checkbox>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="rule-form" [disabled]="saving()" data-testid="rule-save">
        {{ (rule ? 'common.save' : 'common.create') | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .parc-form {
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntityRuleDialog {
  private readonly api = inject(InventoryApi);
  private readonly dialogRef = inject(MatDialogRef<EntityRuleDialog, boolean>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly entities = inject(ActiveEntityStore);
  protected readonly rule = inject<EntityRuleDialogData>(MAT_DIALOG_DATA).rule;
  protected readonly kinds: readonly EntityRuleKind[] = ['tag', 'ip'];
  protected readonly saving = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.rule?.name ?? '', [Validators.required, Validators.maxLength(255)]],
    kind: [this.rule?.kind ?? ('tag' as EntityRuleKind), Validators.required],
    pattern: [this.rule?.pattern ?? '', [Validators.required, Validators.maxLength(255)]],
    entityId: [this.rule?.entityId ?? (null as number | null), Validators.required],
    active: [this.rule?.active ?? true],
  });

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const input: EntityRuleInput = {
      name: value.name.trim(),
      kind: value.kind,
      pattern: value.pattern.trim(),
      entityId: value.entityId as number,
      active: value.active,
    };
    this.saving.set(true);
    const request = this.rule ? this.api.updateRule(this.rule.id, input) : this.api.createRule(input);
    request.subscribe({
      next: () => {
        this.notifier.success(this.i18n.t('rules.saved', { name: input.name }));
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
