import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CreatedApiToken } from '@parc/contracts';
import { ApiClient } from '../../core/api/api-client';
import { toApiError } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { Notifier } from '../../core/notify/notifier';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Two steps: name and lifetime, then the token itself, shown once (the server only keeps its hash) with a copy
 * button. Closes with true once a token exists.
 */
@Component({
  selector: 'parc-create-token-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, Icon, TPipe, FieldErrorPipe],
  template: `
    <h2 mat-dialog-title>{{ 'tokens.create' | t }}</h2>
    @if (created(); as token) {
      <mat-dialog-content>
        <p class="warning">{{ 'tokens.shownOnce' | t }}</p>
        <div class="secret">
          <code data-testid="token-value">{{ token.token }}</code>
          <button mat-icon-button type="button" (click)="copy(token.token)" [attr.aria-label]="'tokens.copy' | t" data-testid="token-copy">
            <parc-icon name="content_copy" />
          </button>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="token-done">{{ 'common.done' | t }}</button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="save()">
        <mat-dialog-content class="parc-form">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'tokens.name' | t }}</mat-label>
            <input matInput formControlName="name" data-testid="token-name" />
            <mat-hint>{{ 'tokens.nameHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.name | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'tokens.lifetime' | t }}</mat-label>
            <mat-select formControlName="days" data-testid="token-lifetime">
              @for (days of lifetimes; track days) {
                <mat-option [value]="days">{{ (days ? 'tokens.days' : 'tokens.noExpiry') | t: { days } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
          <button mat-flat-button type="submit" [disabled]="saving()" data-testid="token-save">{{ 'common.create' | t }}</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .warning {
      color: var(--mat-sys-on-surface-variant);
    }
    .secret {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 8px 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-high);
    }
    .secret code {
      flex: 1 1 auto;
      word-break: break-all;
      user-select: all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateTokenDialog {
  private readonly api = inject(ApiClient);
  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject(MatDialogRef<CreateTokenDialog, boolean>);

  /** 0 = never expires. */
  protected readonly lifetimes = [30, 90, 365, 0];
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(255)]],
    days: [90],
  });
  protected readonly saving = signal(false);
  protected readonly created = signal<CreatedApiToken | null>(null);

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { name, days } = this.form.getRawValue();
    const expiresAt = days ? new Date(Date.now() + days * DAY_MS).toISOString() : undefined;
    this.saving.set(true);
    this.api.post<CreatedApiToken>('/auth/tokens', { name: name.trim(), ...(expiresAt ? { expiresAt } : {}) }).subscribe({
      next: (token) => {
        this.saving.set(false);
        this.created.set(token);
        // The token is shown once: leave only through "Done", which also refreshes the list.
        this.dialogRef.disableClose = true;
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }

  protected copy(token: string): void {
    if (this.clipboard.copy(token)) this.notifier.success(this.i18n.t('tokens.copied'));
  }
}
