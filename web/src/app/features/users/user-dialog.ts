import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { UserView } from '@parc/contracts';
import { filter } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Notifier } from '../../core/notify/notifier';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';
import { UserAuthorizations } from './user-authorizations';
import { UsersApi } from './users.api';

export interface UserDialogData {
  /** Absent to create a user. */
  user?: UserView;
}

/**
 * Creates or edits a user. After a creation the dialog stays open on the new user so that authorizations can
 * be added right away; it closes with true whenever something was saved (the list then reloads).
 */
@Component({
  selector: 'parc-user-dialog',
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
    UserAuthorizations,
  ],
  templateUrl: './user-dialog.html',
  styleUrl: './user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  private readonly usersApi = inject(UsersApi);
  private readonly dialogRef = inject(MatDialogRef<UserDialog, boolean>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly activeEntity = inject(ActiveEntityStore);

  /** The user being edited; set after a creation too. */
  protected readonly user = signal<UserView | null>(inject<UserDialogData>(MAT_DIALOG_DATA).user ?? null);
  protected readonly saving = signal(false);
  /** Whether the list behind should reload when the dialog closes. */
  private changed = false;

  protected readonly form = inject(NonNullableFormBuilder).group({
    login: [this.user()?.login ?? '', [Validators.required, Validators.maxLength(255)]],
    name: [this.user()?.name ?? '', [Validators.required, Validators.maxLength(255)]],
    email: [this.user()?.email ?? '', Validators.email],
    password: ['', Validators.minLength(8)],
    active: [this.user()?.active ?? true],
    entityId: [this.user()?.entityId ?? this.activeEntity.choice()?.entityId ?? (null as number | null), Validators.required],
  });

  protected readonly title = computed(() => {
    const user = this.user();
    return user ? this.i18n.t('users.editTitle', { login: user.login }) : this.i18n.t('users.createTitle');
  });

  constructor() {
    if (this.user()) this.form.controls.login.disable();
    // Escape and the backdrop close like the Close button, so that the list still learns about a creation.
    this.dialogRef.disableClose = true;
    this.dialogRef.backdropClick().subscribe(() => this.close());
    this.dialogRef
      .keydownEvents()
      .pipe(filter((event) => event.key === 'Escape'))
      .subscribe(() => this.close());
  }

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const email = value.email.trim();
    const common = {
      name: value.name.trim(),
      active: value.active,
      entityId: value.entityId as number,
      ...(value.password ? { password: value.password } : {}),
    };
    const existing = this.user();
    this.saving.set(true);
    // The login is fixed once the user exists (the server refuses to change it).
    const request = existing
      ? this.usersApi.update(existing.id, { ...common, email: email || null })
      : this.usersApi.create({ ...common, login: value.login.trim(), ...(email ? { email } : {}) });

    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.changed = true;
        if (existing) {
          this.notifier.success(this.i18n.t('users.saved', { login: saved.login }));
          this.dialogRef.close(true);
        } else {
          // Stay open on the new user: the next step is usually to give it authorizations.
          this.notifier.success(this.i18n.t('users.created', { login: saved.login }));
          this.user.set(saved);
          this.form.controls.login.disable();
          this.form.controls.password.reset('');
          this.form.markAsPristine();
        }
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }

  protected close(): void {
    this.dialogRef.close(this.changed);
  }
}
