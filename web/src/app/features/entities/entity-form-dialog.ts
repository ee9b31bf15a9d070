import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { EntityView } from '@parc/contracts';
import { ApiClient } from '../../core/api/api-client';
import { toApiError } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Notifier } from '../../core/notify/notifier';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';

export type EntityFormData = { mode: 'create'; parent: EntityView } | { mode: 'rename'; entity: EntityView };

/** Creates a child entity (POST /api/entities) or renames one (PATCH name and comment). Closes with true on success. */
@Component({
  selector: 'parc-entity-form-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TPipe, FieldErrorPipe],
  template: `
    <h2 mat-dialog-title>
      {{ (data.mode === 'create' ? 'entities.createTitle' : 'entities.renameTitle') | t }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="parc-form">
        @if (data.mode === 'create') {
          <p class="parent">{{ 'entities.parent' | t }}: <strong>{{ data.parent.completeName }}</strong></p>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'entities.name' | t }}</mat-label>
          <input matInput formControlName="name" cdkFocusInitial data-testid="entity-form-name" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'entities.comment' | t }}</mat-label>
          <textarea matInput formControlName="comment" rows="3" data-testid="entity-form-comment"></textarea>
          <mat-error>{{ form.controls.comment | fieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="entity-form-save">
          {{ 'common.save' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .parent {
      margin: 0 0 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntityFormDialog {
  private readonly api = inject(ApiClient);
  private readonly dialogRef = inject(MatDialogRef<EntityFormDialog, boolean>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<EntityFormData>(MAT_DIALOG_DATA);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.mode === 'rename' ? this.data.entity.name : '', [Validators.required, Validators.maxLength(255)]],
    comment: [this.data.mode === 'rename' ? this.data.entity.comment : ''],
  });
  protected readonly saving = signal(false);

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { name, comment } = this.form.getRawValue();
    const request =
      this.data.mode === 'create'
        ? this.api.post<EntityView>('/entities', { name: name.trim(), parentId: this.data.parent.id, comment })
        : this.api.patch<EntityView>(`/entities/${this.data.entity.id}`, { name: name.trim(), comment });
    this.saving.set(true);
    request.subscribe({
      next: (entity) => {
        this.notifier.success(this.i18n.t('entities.saved', { name: entity?.name ?? name }));
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
