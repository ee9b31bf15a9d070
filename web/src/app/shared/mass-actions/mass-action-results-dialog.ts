import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { LocalizedText, MassActionItemStatus, MassActionResult } from '@parc/contracts';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';

export interface MassActionResultsData {
  label: LocalizedText;
  result: MassActionResult;
}

const STATUS_KEYS: Record<MassActionItemStatus, string> = {
  ok: 'massActions.status.ok',
  failed: 'massActions.status.failed',
  'no-right': 'massActions.status.noRight',
};

/** Per-item outcome of a mass action: the counters, then the items that did not succeed first. */
@Component({
  selector: 'parc-mass-action-results-dialog',
  imports: [MatButtonModule, MatDialogModule, TPipe, LocalizePipe],
  template: `
    <h2 mat-dialog-title>{{ data.label | localize }}</h2>
    <mat-dialog-content data-testid="mass-action-results">
      <div class="counters">
        <span class="counter ok" data-testid="mass-result-ok">{{ 'massActions.status.ok' | t }}: {{ data.result.ok }}</span>
        <span class="counter failed" data-testid="mass-result-failed">{{ 'massActions.status.failed' | t }}: {{ data.result.failed }}</span>
        <span class="counter no-right" data-testid="mass-result-no-right">{{ 'massActions.status.noRight' | t }}: {{ data.result.noRight }}</span>
      </div>
      @if (items().length) {
        <table class="parc-simple-table">
          <thead>
            <tr>
              <th>{{ 'massActions.item' | t }}</th>
              <th>{{ 'massActions.status' | t }}</th>
              <th>{{ 'massActions.message' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (item of items(); track item.id) {
              <tr [class]="item.status" data-testid="mass-result-item">
                <td>#{{ item.id }}</td>
                <td>{{ statusKeys[item.status] | t }}</td>
                <td>{{ item.message ?? '' }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close data-testid="mass-results-close">{{ 'common.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .counters {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
      margin-bottom: 12px;
      font: var(--mat-sys-title-small);
    }
    .ok {
      color: var(--parc-success);
    }
    .failed,
    .no-right {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MassActionResultsDialog {
  protected readonly data = inject<MassActionResultsData>(MAT_DIALOG_DATA);
  protected readonly statusKeys = STATUS_KEYS;
  /** Problems first: that is what the admin has to look at. */
  protected readonly items = computed(() =>
    [...this.data.result.items].sort((a, b) => Number(a.status === 'ok') - Number(b.status === 'ok') || a.id - b.id),
  );
}
