import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DateTimePipe, ListPaginator, ListState, SearchField, TPipe, emptyPage, remoteData } from '@parc/web-sdk';
import { DeployApi } from '../deploy.api';
import type { FileView } from '../deploy.model';
import { FileSizePipe } from '../shared/file-size.pipe';

/** Picks a file already in the repository (uploaded for another package); closes with it. */
@Component({
  selector: 'parc-deploy-file-picker-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressBarModule, TPipe, DateTimePipe, SearchField, ListPaginator, FileSizePipe],
  template: `
    <h2 mat-dialog-title>{{ 'deploy.files.pickTitle' | t }}</h2>
    <mat-dialog-content>
      <parc-search-field [label]="'deploy.files.search' | t" testId="file-picker-q" [value]="list.q()" (search)="list.setFilter($event)" />
      @if (files.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table class="parc-simple-table" data-testid="file-picker-table">
        <thead>
          <tr>
            <th>{{ 'deploy.files.name' | t }}</th>
            <th class="number">{{ 'deploy.files.size' | t }}</th>
            <th class="number">{{ 'deploy.files.usedBy' | t }}</th>
            <th>{{ 'common.createdAt' | t }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (file of files.value().items; track file.sha512) {
            <tr data-testid="file-picker-row" [attr.data-sha512]="file.sha512" [attr.data-name]="file.name">
              <td>
                <span class="name">{{ file.name }}</span>
                <code class="sha">{{ file.sha512.slice(0, 16) }}…</code>
              </td>
              <td class="number">{{ file.size | fileSize }}</td>
              <td class="number">{{ file.references }}</td>
              <td>{{ file.createdAt | dateTime }}</td>
              <td>
                <button mat-button type="button" (click)="choose(file)" data-testid="file-picker-choose">{{ 'deploy.files.choose' | t }}</button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5" class="parc-empty">{{ (files.loading() ? 'common.loading' : 'deploy.files.noneInRepository') | t }}</td>
            </tr>
          }
        </tbody>
      </table>
      <parc-list-paginator [state]="list" [total]="files.value().total" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="file-picker-close">{{ 'common.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .name {
      display: block;
      font-weight: 500;
    }
    .sha {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.8em;
    }
    .number {
      text-align: end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilePickerDialog {
  private readonly api = inject(DeployApi);
  private readonly dialogRef = inject(MatDialogRef<FilePickerDialog, FileView>);

  protected readonly list = new ListState({ limit: 10 });
  protected readonly files = remoteData(() => this.list.query(), (query) => this.api.files(query), emptyPage<FileView>());

  protected choose(file: FileView): void {
    this.dialogRef.close(file);
  }
}
