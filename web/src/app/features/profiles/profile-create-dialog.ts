import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ProfileView } from '@parc/contracts';
import { ApiClient } from '../../core/api/api-client';
import { toApiError } from '../../core/api/api-error';
import { TPipe } from '../../core/i18n/t.pipe';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';

/** A new, empty profile; the page then opens its rights editor. Closes with the created profile. */
@Component({
  selector: 'parc-profile-create-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TPipe, FieldErrorPipe],
  template: `
    <h2 mat-dialog-title>{{ 'profiles.create' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="parc-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'profiles.name' | t }}</mat-label>
          <input matInput formControlName="name" data-testid="profile-form-name" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'profiles.comment' | t }}</mat-label>
          <textarea matInput formControlName="comment" rows="3" data-testid="profile-form-comment"></textarea>
          <mat-error>{{ form.controls.comment | fieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="profile-form-save">{{ 'common.create' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileCreateDialog {
  private readonly api = inject(ApiClient);
  private readonly dialogRef = inject(MatDialogRef<ProfileCreateDialog, ProfileView>);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(255)]],
    comment: [''],
  });
  protected readonly saving = signal(false);

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { name, comment } = this.form.getRawValue();
    this.saving.set(true);
    this.api.post<ProfileView>('/profiles', { name: name.trim(), comment }).subscribe({
      next: (profile) => this.dialogRef.close(profile),
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
