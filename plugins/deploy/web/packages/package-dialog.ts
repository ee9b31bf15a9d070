import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActiveEntityStore, I18n, Notifier, TPipe, applyServerErrors, toApiError } from '@parc/web-sdk';
import { DeployApi } from '../deploy.api';
import type { PackageInput, PackageView } from '../deploy.model';
import { DeployErrorPipe } from '../shared/deploy-error.pipe';
import { EntitySelect } from '../shared/entity-select';

export interface PackageDialogData {
  /** Absent to create a package (in the active entity by default). */
  pkg?: PackageView;
  /** The package's entity name, when editing one whose entity the user cannot choose. */
  entityName?: string;
}

/** Creates a package (its revision 1 is an empty draft) or edits its name, description and entity; closes with the saved package. */
@Component({
  selector: 'parc-deploy-package-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule, TPipe, DeployErrorPipe, EntitySelect],
  template: `
    <h2 mat-dialog-title>{{ (pkg ? 'deploy.packages.editTitle' : 'deploy.packages.createTitle') | t }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" (ngSubmit)="save()" id="package-form" class="parc-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'deploy.packages.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="package-name" />
          <mat-error>{{ form.controls.name | deployError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'deploy.packages.description' | t }}</mat-label>
          <textarea matInput formControlName="description" rows="3" data-testid="package-description"></textarea>
          <mat-error>{{ form.controls.description | deployError }}</mat-error>
        </mat-form-field>
        <parc-deploy-entity-select [control]="form.controls.entityId" [label]="'deploy.entity' | t" testId="package-entity" [outsideName]="data.entityName ?? ''" />
        <mat-checkbox formControlName="recursive" data-testid="package-recursive">{{ 'deploy.recursive' | t }}</mat-checkbox>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="package-form" [disabled]="saving()" data-testid="package-save">
        {{ (pkg ? 'common.save' : 'common.create') | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .parc-form {
      padding-top: 8px;
      gap: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PackageDialog {
  private readonly api = inject(DeployApi);
  private readonly dialogRef = inject(MatDialogRef<PackageDialog, PackageView>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<PackageDialogData>(MAT_DIALOG_DATA);
  protected readonly pkg = this.data.pkg;
  protected readonly saving = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.pkg?.name ?? '', [Validators.required, Validators.maxLength(255)]],
    description: [this.pkg?.description ?? '', Validators.maxLength(4000)],
    entityId: [this.pkg?.entityId ?? inject(ActiveEntityStore).choice()?.entityId ?? (null as number | null), Validators.required],
    recursive: [this.pkg?.recursive ?? false],
  });

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const input: PackageInput = { name: value.name.trim(), description: value.description.trim(), entityId: value.entityId as number, recursive: value.recursive };
    this.saving.set(true);
    const request = this.pkg ? this.api.updatePackage(this.pkg.id, input) : this.api.createPackage(input);
    request.subscribe({
      next: (saved) => {
        this.notifier.success(this.i18n.t(this.pkg ? 'deploy.packages.saved' : 'deploy.packages.created', { name: saved.name }));
        this.dialogRef.close(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
