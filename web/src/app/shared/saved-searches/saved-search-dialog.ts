import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { SavedSearchView } from '@parc/contracts';
import { toApiError } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Notifier } from '../../core/notify/notifier';
import { FieldErrorPipe, applyServerErrors } from '../forms/server-errors';
import { type SavedSearchChanges, SavedSearchesApi } from './saved-searches.api';

export interface SavedSearchDialogData {
  itemType: string;
  /** The list's current query. */
  query: Record<string, string>;
  /** Absent to save the current search under a new name. */
  search?: SavedSearchView;
  /** Whether the user may share searches with others. */
  canShare: boolean;
}

/**
 * Saves the current search under a name, or renames one (and optionally gives it the current search). Closes
 * with the saved search once the server accepted it; the server's problems show on the fields.
 */
@Component({
  selector: 'parc-saved-search-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule, TPipe, FieldErrorPipe],
  template: `
    <h2 mat-dialog-title>{{ (data.search ? 'savedSearches.editTitle' : 'savedSearches.saveTitle') | t }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" (ngSubmit)="save()" id="saved-search-form" class="parc-form" data-testid="saved-search-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'savedSearches.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" cdkFocusInitial data-testid="saved-search-name" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="shared" data-testid="saved-search-shared">{{ 'savedSearches.shared' | t }}</mat-checkbox>
        <p class="hint">{{ 'savedSearches.sharedHint' | t }}</p>
        @if (data.search) {
          <mat-checkbox formControlName="replaceQuery" data-testid="saved-search-replace">
            {{ 'savedSearches.replaceQuery' | t }}
          </mat-checkbox>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="saved-search-cancel">{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="saved-search-form" [disabled]="saving()" data-testid="saved-search-submit">
        {{ 'common.save' | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .parc-form {
      padding-top: 8px;
    }
    .hint {
      margin: 0 0 8px 40px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SavedSearchDialog {
  private readonly api = inject(SavedSearchesApi);
  private readonly dialogRef = inject(MatDialogRef<SavedSearchDialog, SavedSearchView>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<SavedSearchDialogData>(MAT_DIALOG_DATA);
  protected readonly saving = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.search?.name ?? '', [Validators.required, Validators.maxLength(255)]],
    shared: [this.data.search?.shared ?? false],
    replaceQuery: [false],
  });

  constructor() {
    // Sharing needs the right; a search already shared can still be made private again.
    if (!this.data.canShare && !this.data.search?.shared) this.form.controls.shared.disable();
  }

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { name, shared, replaceQuery } = this.form.getRawValue();
    const existing = this.data.search;
    this.saving.set(true);
    let request;
    if (existing) {
      const changes: SavedSearchChanges = { name: name.trim(), shared };
      if (replaceQuery) changes.query = this.data.query;
      request = this.api.update(existing.id, changes);
    } else {
      request = this.api.create({ itemType: this.data.itemType, name: name.trim(), query: this.data.query, shared });
    }
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.notifier.success(this.i18n.t('savedSearches.saved', { name: saved.name }));
        this.dialogRef.close(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
