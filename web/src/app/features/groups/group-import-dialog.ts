import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { GroupImportMatch, GroupImportResult, GroupView } from '@parc/contracts';
import { finalize } from 'rxjs';
import { errorAlreadyShown } from '../../core/api/request-context';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { GroupsApi } from './groups.api';

export const IMPORT_MATCHES: readonly GroupImportMatch[] = ['name', 'serial', 'uuid'];

/**
 * Adds computers to a static group from a text file, one name, serial number or UUID a line; then says how many
 * were added, were already members, and which lines matched no computer. Closes with true when members were added.
 */
@Component({
  selector: 'parc-group-import-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, Icon, TPipe],
  template: `
    <h2 mat-dialog-title>{{ 'groups.importTitle' | t: { name: group.name } }}</h2>
    <mat-dialog-content>
      @if (result(); as done) {
        <dl class="parc-properties" data-testid="group-import-result">
          <dt>{{ 'groups.importLines' | t }}</dt>
          <dd data-testid="group-import-lines">{{ done.lines }}</dd>
          <dt>{{ 'groups.importAdded' | t }}</dt>
          <dd data-testid="group-import-added">{{ done.added }}</dd>
          <dt>{{ 'groups.importAlready' | t }}</dt>
          <dd data-testid="group-import-already">{{ done.alreadyMembers }}</dd>
          <dt>{{ 'groups.importUnmatched' | t }}</dt>
          <dd data-testid="group-import-unmatched-count">{{ done.unmatchedCount }}</dd>
        </dl>
        @if (done.unmatched.length > 0) {
          <p class="hint">{{ 'groups.importUnmatchedList' | t }}</p>
          <pre class="unmatched" data-testid="group-import-unmatched">{{ done.unmatched.join('\\n') }}</pre>
          @if (done.unmatchedCount > done.unmatched.length) {
            <p class="hint">{{ 'groups.importMoreUnmatched' | t: { count: done.unmatchedCount - done.unmatched.length } }}</p>
          }
        }
      } @else {
        <p class="hint">{{ 'groups.importHelp' | t }}</p>
        <div class="file">
          <input #fileInput type="file" accept=".txt,.csv,.lst,text/plain,text/csv" hidden (change)="pick(fileInput.files)" data-testid="group-import-file" />
          <button mat-stroked-button type="button" (click)="fileInput.click()" data-testid="group-import-choose">
            <parc-icon matButtonIcon name="upload" />
            {{ 'groups.importChoose' | t }}
          </button>
          <span class="file-name" data-testid="group-import-file-name">{{ file()?.name ?? ('groups.importNoFile' | t) }}</span>
        </div>
        <mat-form-field appearance="outline" class="match">
          <mat-label>{{ 'groups.importMatch' | t }}</mat-label>
          <mat-select [value]="match()" (selectionChange)="match.set($event.value)" data-testid="group-import-match">
            @for (option of matches; track option) {
              <mat-option [value]="option" data-testid="group-import-match-option" [attr.data-value]="option">
                {{ 'groups.importBy.' + option | t }}
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (importing()) {
          <mat-progress-bar mode="indeterminate" />
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (result()) {
        <button mat-flat-button type="button" (click)="close()" data-testid="group-import-close">{{ 'common.close' | t }}</button>
      } @else {
        <button mat-button type="button" (click)="close()">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="button" [disabled]="!file() || importing()" (click)="run()" data-testid="group-import-submit">
          {{ 'groups.import' | t }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .hint {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .file {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 16px;
    }
    .file-name {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .match {
      width: 100%;
    }
    .unmatched {
      max-height: 200px;
      overflow: auto;
      margin: 0;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupImportDialog {
  private readonly api = inject(GroupsApi);
  private readonly dialogRef = inject(MatDialogRef<GroupImportDialog, boolean>);
  protected readonly group = inject<GroupView>(MAT_DIALOG_DATA);
  protected readonly matches = IMPORT_MATCHES;

  protected readonly file = signal<File | null>(null);
  protected readonly match = signal<GroupImportMatch>('name');
  protected readonly importing = signal(false);
  protected readonly result = signal<GroupImportResult | null>(null);

  protected pick(files: FileList | null): void {
    this.file.set(files?.item(0) ?? null);
  }

  protected run(): void {
    const file = this.file();
    if (!file) return;
    this.importing.set(true);
    this.api
      .importMembers(this.group.id, file, this.match(), file.name)
      .pipe(finalize(() => this.importing.set(false)))
      .subscribe({ next: (result) => this.result.set(result), error: errorAlreadyShown });
  }

  protected close(): void {
    this.dialogRef.close((this.result()?.added ?? 0) > 0);
  }
}
