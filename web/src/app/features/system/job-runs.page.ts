import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { JobRunView } from '@parc/contracts';
import { ApiClient } from '../../core/api/api-client';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { remoteData } from '../../shared/data/remote-data';
import { ListPaginator } from '../../shared/list/list-paginator';
import { type ListParamsOptions, bindListToUrl } from '../../shared/list/list-params';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { PageHeader } from '../../shared/page-header/page-header';
import { SavedSearches } from '../../shared/saved-searches/saved-searches';

/** Sort fields of GET /api/system/job-runs; the server's order, most recent first, is the default. */
export const JOB_RUN_LIST: ListParamsOptions = { sorts: ['startedAt', 'name', 'status'], sort: '-startedAt', limit: 25 };

/**
 * Runs of the background jobs (GET /api/system/job-runs): when, where, and how each one ended. Sort and page
 * live in the URL, so that a view of the runs (failed ones first, by job…) can be saved.
 */
@Component({
  selector: 'parc-job-runs-page',
  imports: [MatButtonModule, ListPaginator, MatProgressBarModule, MatSortModule, MatTableModule, Icon, TPipe, DateTimePipe, PageHeader, SavedSearches],
  template: `
    <parc-page-header [title]="'system.title' | t" [subtitle]="'system.subtitle' | t">
      <parc-saved-searches itemType="job-run" />
      <button mat-stroked-button type="button" (click)="runs.reload()" data-testid="job-runs-refresh">
        <parc-icon matButtonIcon name="refresh" />
        {{ 'common.refresh' | t }}
      </button>
    </parc-page-header>

    <div class="parc-table-card">
      @if (runs.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table
        mat-table
        [dataSource]="runs.value().items"
        matSort
        matSortDisableClear
        [matSortActive]="list.sortActive()"
        [matSortDirection]="list.sortDirection()"
        (matSortChange)="list.onSort($event)"
        data-testid="job-runs-table"
      >
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'system.job' | t }}</th>
          <td mat-cell *matCellDef="let run"><code>{{ run.name }}</code></td>
        </ng-container>
        <ng-container matColumnDef="tick">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.tick' | t }}</th>
          <td mat-cell *matCellDef="let run">{{ run.tick | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="startedAt">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'system.started' | t }}</th>
          <td mat-cell *matCellDef="let run">{{ run.startedAt | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="finishedAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'system.finished' | t }}</th>
          <td mat-cell *matCellDef="let run">{{ run.finishedAt | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'system.status' | t }}</th>
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

  protected readonly list = new ListState({ sort: JOB_RUN_LIST.sort, limit: JOB_RUN_LIST.limit });
  protected readonly runs = remoteData(() => this.list.query(), (query) => this.api.list<JobRunView>('/system/job-runs', query), emptyPage<JobRunView>());
  protected readonly columns = ['name', 'tick', 'startedAt', 'finishedAt', 'status', 'message', 'worker'];

  constructor() {
    bindListToUrl(this.list, JOB_RUN_LIST);
  }
}
