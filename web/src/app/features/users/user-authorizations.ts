import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { AuthorizationView, ProfileView } from '@parc/contracts';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { IconButton } from '../../shared/buttons/icon-button';
import { Notifier } from '../../core/notify/notifier';
import { remoteData } from '../../shared/data/remote-data';
import { UsersApi } from './users.api';
import { errorAlreadyShown } from '../../core/api/request-context';

/** A user's authorizations (profile on an entity, optionally with its sub-entities): list, add, remove. */
@Component({
  selector: 'parc-user-authorizations',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatSelectModule, Icon, IconButton, TPipe],
  templateUrl: './user-authorizations.html',
  styleUrl: './user-authorizations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserAuthorizations {
  private readonly usersApi = inject(UsersApi);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly activeEntity = inject(ActiveEntityStore);

  readonly userId = input.required<number>();

  protected readonly authorizations = remoteData(
    () => this.userId(),
    (userId) => this.usersApi.authorizations(userId),
    [] as AuthorizationView[],
  );
  protected readonly profiles = remoteData(
    () => null,
    () => this.usersApi.profiles(),
    [] as ProfileView[],
  );
  protected readonly sortedProfiles = computed(() =>
    [...this.profiles.value()].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly adding = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    profileId: [null as number | null, Validators.required],
    entityId: [this.activeEntity.choice()?.entityId ?? (null as number | null), Validators.required],
    recursive: [false],
  });

  protected add(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { profileId, entityId, recursive } = this.form.getRawValue();
    this.adding.set(true);
    this.usersApi
      .addAuthorization(this.userId(), { profileId: profileId as number, entityId: entityId as number, recursive })
      .subscribe({
        next: () => {
          this.adding.set(false);
          this.notifier.success(this.i18n.t('authorizations.added'));
          this.form.controls.profileId.reset(null);
          this.authorizations.reload();
        },
        error: () => this.adding.set(false),
      });
  }

  protected remove(authorization: AuthorizationView): void {
    this.usersApi.removeAuthorization(this.userId(), authorization.id).subscribe({
      next: () => {
        this.notifier.success(this.i18n.t('authorizations.removed'));
        this.authorizations.reload();
      },
      error: errorAlreadyShown,
    });
  }
}
