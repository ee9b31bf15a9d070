import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ComputerView } from '@parc/contracts';
import { toApiError } from '../../core/api/api-error';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Notifier } from '../../core/notify/notifier';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';
import { type ComputerChanges, ComputersApi } from './computers.api';

/** Renames a computer and/or moves it to another entity (PATCH with what changed); closes with true once saved. */
@Component({
  selector: 'parc-computer-edit-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, TPipe, FieldErrorPipe],
  template: `
    <h2 mat-dialog-title>{{ 'computers.editTitle' | t: { name: computer.name } }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" (ngSubmit)="save()" id="computer-form" class="parc-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'computers.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="computer-edit-name" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'computers.entity' | t }}</mat-label>
          <mat-select formControlName="entityId" data-testid="computer-edit-entity">
            @if (!inTree) {
              <mat-option [value]="computer.entityId">{{ computer.entityName }}</mat-option>
            }
            @for (row of entities.tree(); track row.entity.id) {
              <mat-option
                [value]="row.entity.id"
                data-testid="computer-edit-entity-option"
                [attr.data-entity-name]="row.entity.completeName"
              >
                <span [style.padding-inline-start.px]="row.depth * 16">{{ row.entity.name }}</span>
              </mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.entityId | fieldError }}</mat-error>
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="computer-form" [disabled]="saving()" data-testid="computer-edit-save">
        {{ 'common.save' | t }}
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
export class ComputerEditDialog {
  private readonly api = inject(ComputersApi);
  private readonly dialogRef = inject(MatDialogRef<ComputerEditDialog, boolean>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly entities = inject(ActiveEntityStore);
  protected readonly computer = inject<ComputerView>(MAT_DIALOG_DATA);
  /** The computer's entity may be outside the choosable ones (a recursive view from above): still show it. */
  protected readonly inTree = this.entities.entities().some((entity) => entity.id === this.computer.entityId);
  protected readonly saving = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.computer.name, [Validators.required, Validators.maxLength(255)]],
    entityId: [this.computer.entityId, Validators.required],
  });

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { name, entityId } = this.form.getRawValue();
    const changes: ComputerChanges = {};
    if (name.trim() !== this.computer.name) changes.name = name.trim();
    if (entityId !== this.computer.entityId) changes.entityId = entityId;
    if (Object.keys(changes).length === 0) return this.dialogRef.close(false);
    this.saving.set(true);
    this.api.update(this.computer.id, changes).subscribe({
      next: () => {
        this.notifier.success(this.i18n.t('computers.saved', { name: changes.name ?? this.computer.name }));
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
