import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActiveEntityStore, I18n, Icon, Notifier, TPipe, toApiError } from '@parc/web-sdk';
import { finalize } from 'rxjs';
import { DeployApi } from '../deploy.api';
import type { PackageView } from '../deploy.model';
import { EntitySelect } from '../shared/entity-select';

/**
 * Imports a package exported from this or another Parc (a tar holding its definition and files) into an entity;
 * the server checks every file against its SHA-512. Closes with the new package, whose revision 1 is a draft.
 */
@Component({
  selector: 'parc-deploy-package-import-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatProgressBarModule, Icon, TPipe, EntitySelect],
  template: `
    <h2 mat-dialog-title>{{ 'deploy.import.title' | t }}</h2>
    <mat-dialog-content>
      <p class="hint">{{ 'deploy.import.help' | t }}</p>
      <div class="archive">
        <input #archiveInput type="file" accept=".tar,application/x-tar" hidden (change)="pick(archiveInput.files)" data-testid="package-import-file" />
        <button mat-stroked-button type="button" (click)="archiveInput.click()" data-testid="package-import-choose">
          <parc-icon matButtonIcon name="upload" />
          {{ 'deploy.import.choose' | t }}
        </button>
        <span class="archive-name" data-testid="package-import-file-name">{{ archive()?.name ?? ('deploy.import.noFile' | t) }}</span>
      </div>
      <parc-deploy-entity-select [control]="entityId" [label]="'deploy.entity' | t" testId="package-import-entity" />
      @if (problem(); as message) {
        <p class="problem" role="alert" data-testid="package-import-error">{{ message }}</p>
      }
      @if (importing()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [disabled]="!archive() || entityId.invalid || importing()" (click)="run()" data-testid="package-import-submit">
        {{ 'deploy.import.submit' | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .hint {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .archive {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 16px;
    }
    .archive-name {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PackageImportDialog {
  private readonly api = inject(DeployApi);
  private readonly dialogRef = inject(MatDialogRef<PackageImportDialog, PackageView>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly archive = signal<File | null>(null);
  protected readonly entityId = new FormControl<number | null>(inject(ActiveEntityStore).choice()?.entityId ?? null, Validators.required);
  protected readonly importing = signal(false);
  /** The server's reason (a file whose hash does not verify…), kept in the dialog beside the snackbar. */
  protected readonly problem = signal<string | null>(null);

  protected pick(files: FileList | null): void {
    this.archive.set(files?.item(0) ?? null);
    this.problem.set(null);
  }

  protected run(): void {
    const archive = this.archive();
    const entityId = this.entityId.value;
    if (!archive || entityId === null) return;
    this.importing.set(true);
    this.problem.set(null);
    this.api
      .importPackage(archive, entityId)
      .pipe(finalize(() => this.importing.set(false)))
      .subscribe({
        next: (pkg) => {
          this.notifier.success(this.i18n.t('deploy.import.done', { name: pkg.name }));
          this.dialogRef.close(pkg);
        },
        error: (error: unknown) => this.problem.set(toApiError(error).message),
      });
  }
}
