import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { JobRunView } from '@parc/contracts';
import { ApiClient } from '../../core/api/api-client';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { remoteData } from '../../shared/data/remote-data';
import { ListPaginator } from '../../shared/list/list-paginator';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { PageHeader } from '../../shared/page-header/page-header';

/** Runs of the background jobs (GET /api/system/job-runs): when, where, and how each one ended. */
@Component({
  selector: 'parc-job-runs-page',
  imports: [MatButtonModule, ListPaginator, MatProgressBarModule, MatTableModule, Icon, TPipe, DateTimePipe, PageHeader],
  template: `
    <parc-page-header [title]="'system.title' | t" [subtitle]="'system.subtitle' | t">
      <button mat-stroked-button type="button" (click)="runs.reload()" data-testid="job-runs-refresh">
        <parc-icon matButtonIcon name="refresh" />
        {{ 'common.refresh' | t }}
      </button>
    </parc-page-header>

    <div class="parc-table-card">
      @if (runs.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="runs.value().items" data-testid="job-runs-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.job' | t }}</th>
          <td mat-cell *matCellDef="let run"><code>{{ run.name }}</code></td>
        </ng-container>
        <ng-container matColumnDef="tick">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.tick' | t }}</th>
          <td mat-cell *matCellDef="let run">{{ run.tick | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="startedAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.started' | t }}</th>
          <td mat-cell *matCellDef="let run">{{ run.startedAt | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="finishedAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.finished' | t }}</th>
          <td mat-cell *matCellDef="let run">{{ run.finishedAt | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.status' | t }}</th>
          <td mat-cell *matCellDef="let run">
            <span class="parc-badge" [class]="'status-' + run.status">{{ 'system.statuses.' + run.status | t }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="message">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.message' | t }}</th>
          <td mat-cell *matCellDef="let run" class="message">{{ run.message ?? '' }}</td>
        </ng-container>
        <ng-container matColumnDef="worker">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.worker' | t }}</th>
          <td mat-cell *matCellDef="let run">{{ run.worker }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let run; columns: columns" data-testid="job-run-row"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell parc-empty" [attr.colspan]="columns.length">
            {{ (runs.loading() ? 'common.loading' : 'system.empty') | t }}
          </td>
        </tr>
      </table>
      <parc-list-paginator [state]="list" [total]="runs.value().total" />
    </div>
  `,
  styles: `
    .message {
      max-width: 420px;
      overflow-wrap: anywhere;
    }
    .status-ok {
      background: color-mix(in srgb, var(--parc-success) 18%, transparent);
    }
    .status-failed {
      background: color-mix(in srgb, var(--mat-sys-error) 18%, transparent);
    }
    .status-running {
      background: var(--mat-sys-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobRunsPage {
  private readonly api = inject(ApiClient);

  protected readonly list = new ListState(); // the server's order: most recent first
  protected readonly runs = remoteData(() => this.list.query(), (query) => this.api.list<JobRunView>('/system/job-runs', query), emptyPage<JobRunView>());
  protected readonly columns = ['name', 'tick', 'startedAt', 'finishedAt', 'status', 'message', 'worker'];
}
