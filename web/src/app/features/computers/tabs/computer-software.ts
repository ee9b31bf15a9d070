import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { ComputerSoftwareView } from '@parc/contracts';
import { TPipe } from '../../../core/i18n/t.pipe';
import { remoteData } from '../../../shared/data/remote-data';
import { ListPaginator } from '../../../shared/list/list-paginator';
import { ListState, emptyPage } from '../../../shared/list/list-state';
import { SearchField } from '../../../shared/list/search-field';
import { ComputersApi } from '../computers.api';

/** Software tab: installed software, paged on the server, filtered and sorted by name, publisher or version. */
@Component({
  selector: 'parc-computer-software',
  imports: [MatProgressBarModule, MatSortModule, MatTableModule, TPipe, ListPaginator, SearchField],
  template: `
    <div class="parc-filters">
      <parc-search-field [label]="'software.search' | t" testId="software-q" (search)="list.setFilter($event)" />
    </div>
    <div class="parc-table-card">
      @if (software.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table
        mat-table
        [dataSource]="software.value().items"
        matSort
        matSortDisableClear
        [matSortActive]="list.sortActive()"
        [matSortDirection]="list.sortDirection()"
        (matSortChange)="list.onSort($event)"
        data-testid="software-table"
      >
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'software.name' | t }}</th>
          <td mat-cell *matCellDef="let item" class="strong">{{ item.name }}</td>
        </ng-container>
        <ng-container matColumnDef="publisher">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'software.publisher' | t }}</th>
          <td mat-cell *matCellDef="let item">{{ item.publisher }}</td>
        </ng-container>
        <ng-container matColumnDef="version">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'software.version' | t }}</th>
          <td mat-cell *matCellDef="let item"><code>{{ item.version }}</code></td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let item; columns: columns" data-testid="software-row" [attr.data-name]="item.name"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell parc-empty" [attr.colspan]="columns.length">
            {{ (software.loading() ? 'common.loading' : 'software.empty') | t }}
          </td>
        </tr>
      </table>
      <parc-list-paginator [state]="list" [total]="software.value().total" />
    </div>
  `,
  styles: `
    .strong {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerSoftware {
  private readonly api = inject(ComputersApi);

  readonly computerId = input.required<number>();

  protected readonly list = new ListState({ sort: 'name' });
  protected readonly columns = ['name', 'publisher', 'version'];
  protected readonly software = remoteData(
    () => ({ id: this.computerId(), query: this.list.query() }),
    ({ id, query }) => this.api.software(id, query),
    emptyPage<ComputerSoftwareView>(),
  );
}
