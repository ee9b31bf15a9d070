import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Bits, type ProfileView, type RightDefinition } from '@parc/contracts';
import { EMPTY, catchError, forkJoin, switchMap } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { toApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Notifier } from '../../core/notify/notifier';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';
import { PageHeader } from '../../shared/page-header/page-header';
import { RightsMatrix } from './rights-matrix';

/** One profile: name, comment and the rights matrix, saved together with PATCH {name, comment, rights}. */
@Component({
  selector: 'parc-profile-edit-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TPipe, FieldErrorPipe, PageHeader, RightsMatrix],
  templateUrl: './profile-edit.page.html',
  styleUrl: './profile-edit.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileEditPage {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly profile = signal<ProfileView | null>(null);
  protected readonly rightDefinitions = signal<RightDefinition[]>([]);
  /** The matrix being edited; compared with the profile to know whether there is something to save. */
  protected readonly rights = signal<Readonly<Record<string, number>>>({});
  protected readonly saving = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly canUpdate = computed(() => this.auth.me() !== null && this.auth.can('profile', Bits.UPDATE));
  protected readonly rightsChanged = computed(() => {
    const saved = this.profile()?.rights ?? {};
    const edited = this.rights();
    return this.rightDefinitions().some((right) => (saved[right.name] ?? 0) !== (edited[right.name] ?? 0));
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(255)]],
    comment: [''],
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) =>
          forkJoin([this.api.get<ProfileView>(`/profiles/${id}`), this.api.items<RightDefinition>('/rights')]).pipe(
            // The interceptor showed why (404, 403…); the page says it has nothing to show.
            catchError(() => {
              this.loadFailed.set(true);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(([profile, rights]) => {
        this.rightDefinitions.set(rights);
        this.show(profile);
      });
  }

  protected save(): void {
    const profile = this.profile();
    if (!profile) return;
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { name, comment } = this.form.getRawValue();
    // Every known right is sent, zeros included, so that cleared rights are removed.
    const rights = Object.fromEntries(this.rightDefinitions().map((right) => [right.name, this.rights()[right.name] ?? 0]));
    this.saving.set(true);
    this.api.patch<ProfileView>(`/profiles/${profile.id}`, { name: name.trim(), comment, rights }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.show(saved);
        this.notifier.success(this.i18n.t('profiles.saved', { name: saved.name }));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }

  protected revert(): void {
    const profile = this.profile();
    if (profile) this.show(profile);
  }

  private show(profile: ProfileView): void {
    this.profile.set(profile);
    this.rights.set({ ...profile.rights });
    this.form.reset({ name: profile.name, comment: profile.comment ?? '' });
  }
}
