import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';
import { ApiClient } from '../api/api-client';
import { toApiError } from '../api/api-error';
import { I18n } from '../i18n/i18n.service';
import { TPipe } from '../i18n/t.pipe';
import { Notifier } from '../notify/notifier';

function sameAsNewPassword(control: AbstractControl): ValidationErrors | null {
  const newPassword = control.parent?.get('newPassword')?.value as string | undefined;
  return control.value && control.value !== newPassword ? { mismatch: true } : null;
}

/** PUT /api/auth/me/password with {currentPassword, newPassword}. */
@Component({
  selector: 'parc-change-password-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TPipe, FieldErrorPipe],
  template: `
    <h2 mat-dialog-title>{{ 'password.title' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="parc-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'password.current' | t }}</mat-label>
          <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" data-testid="password-current" />
          <mat-error>{{ form.controls.currentPassword | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'password.new' | t }}</mat-label>
          <input matInput type="password" formControlName="newPassword" autocomplete="new-password" data-testid="password-new" />
          <mat-error>{{ form.controls.newPassword | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'password.confirm' | t }}</mat-label>
          <input matInput type="password" formControlName="confirmation" autocomplete="new-password" data-testid="password-confirm" />
          <mat-error>{{ form.controls.confirmation | fieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="password-save">{{ 'common.save' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordDialog {
  private readonly api = inject(ApiClient);
  private readonly dialogRef = inject(MatDialogRef<ChangePasswordDialog>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(8)]],
    confirmation: ['', [Validators.required, sameAsNewPassword]],
  });
  protected readonly saving = signal(false);

  protected save(): void {
    this.form.controls.confirmation.updateValueAndValidity();
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.api.put<void>('/auth/me/password', { currentPassword, newPassword }).subscribe({
      next: () => {
        this.notifier.success(this.i18n.t('password.changed'));
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
