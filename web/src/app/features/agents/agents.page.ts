import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { Bits, type AgentView, type InventorySettingsView } from '@parc/contracts';
import { catchError, of } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { remoteData } from '../../shared/data/remote-data';
import { ListPaginator } from '../../shared/list/list-paginator';
import { type ListParamsOptions, bindListToUrl } from '../../shared/list/list-params';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { SearchField } from '../../shared/list/search-field';
import { PageHeader } from '../../shared/page-header/page-header';
import { SavedSearches } from '../../shared/saved-searches/saved-searches';
import { isStale, staleAfterHours } from './agent-staleness';

/** Sort fields of GET /api/agents. */
const AGENT_LIST: ListParamsOptions = { sorts: ['lastContactAt', 'deviceId', 'version', 'kind', 'createdAt'], sort: '-lastContactAt', limit: 25 };

/**
 * The inventory agents seen by the server, latest contact first (filter, sort and page in the URL, so that
 * searches can be saved). An agent silent for twice the inventory frequency is marked stale (48 h when the user
 * may not read the inventory settings).
 */
@Component({
  selector: 'parc-agents-page',
  imports: [
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    Icon,
    TPipe,
    DateTimePipe,
    PageHeader,
    SearchField,
    ListPaginator,
    SavedSearches,
  ],
  template: `
    <parc-page-header [title]="'agents.title' | t" [subtitle]="'agents.subtitle' | t">
      <parc-saved-searches itemType="agent" />
    </parc-page-header>

    <div class="parc-filters">
      <parc-search-field [label]="'agents.search' | t" testId="agents-q" [value]="list.q()" (search)="list.setFilter($event)" />
    </div>

    <div class="parc-table-card">
      @if (agents.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table
        mat-table
        [dataSource]="agents.value().items"
        matSort
        matSortDisableClear
        [matSortActive]="list.sortActive()"
        [matSortDirection]="list.sortDirection()"
        (matSortChange)="list.onSort($event)"
        data-testid="agents-table"
      >
        <ng-container matColumnDef="deviceId">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'agents.deviceId' | t }}</th>
          <td mat-cell *matCellDef="let agent"><code>{{ agent.deviceId }}</code></td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'agents.kind' | t }}</th>
          <td mat-cell *matCellDef="let agent">{{ 'agents.kinds.' + agent.kind | t }}</td>
        </ng-container>
        <ng-container matColumnDef="version">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'agents.version' | t }}</th>
          <td mat-cell *matCellDef="let agent">{{ agent.version }}</td>
        </ng-container>
        <ng-container matColumnDef="computer">
          <th mat-header-cell *matHeaderCellDef>{{ 'agents.computer' | t }}</th>
          <td mat-cell *matCellDef="let agent">
            @if (agent.computerId !== null) {
              <a class="parc-link" [routerLink]="['/computers', agent.computerId]" data-testid="agent-computer-link">
                {{ agent.computerName || '#' + agent.computerId }}
              </a>
            } @else {
              <span class="muted">{{ 'agents.noComputer' | t }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="entity">
          <th mat-header-cell *matHeaderCellDef>{{ 'agents.entity' | t }}</th>
          <td mat-cell *matCellDef="let agent">{{ agent.entityName }}</td>
        </ng-container>
        <ng-container matColumnDef="remoteAddress">
          <th mat-header-cell *matHeaderCellDef>{{ 'agents.remoteAddress' | t }}</th>
          <td mat-cell *matCellDef="let agent"><code>{{ agent.remoteAddress }}</code></td>
        </ng-container>
        <ng-container matColumnDef="tag">
          <th mat-header-cell *matHeaderCellDef>{{ 'agents.tag' | t }}</th>
          <td mat-cell *matCellDef="let agent">{{ agent.tag }}</td>
        </ng-container>
        <ng-container matColumnDef="lastContactAt">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'agents.lastContact' | t }}</th>
          <td mat-cell *matCellDef="let agent" class="contact">
            {{ agent.lastContactAt | dateTime }}
            @if (stale(agent)) {
              <span
                class="stale"
                [matTooltip]="'agents.staleHint' | t: { hours: staleHours() }"
                data-testid="agent-stale"
              >
                <parc-icon name="warning" />
                {{ 'agents.stale' | t }}
              </span>
            }
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr
          mat-row
          *matRowDef="let agent; columns: columns"
          [class.is-stale]="stale(agent)"
          data-testid="agents-row"
          [attr.data-device-id]="agent.deviceId"
          [attr.data-stale]="stale(agent)"
        ></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell parc-empty" [attr.colspan]="columns.length">
            {{ (agents.loading() ? 'common.loading' : 'agents.empty') | t }}
          </td>
        </tr>
      </table>
      <parc-list-paginator [state]="list" [total]="agents.value().total" />
    </div>
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .contact {
      white-space: nowrap;
    }
    .stale {
      --parc-icon-size: 18px;
      display: inline-flex;
      align-items: center;
      gap: 2px;
      margin-inline-start: 8px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentsPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);

  protected readonly list = new ListState({ sort: AGENT_LIST.sort, limit: AGENT_LIST.limit });
  protected readonly columns = ['deviceId', 'kind', 'version', 'computer', 'entity', 'remoteAddress', 'tag', 'lastContactAt'];
  protected readonly agents = remoteData(() => this.list.query(), (query) => this.api.list<AgentView>('/agents', query), emptyPage<AgentView>());
  /** The inventory frequency, when the user may read it (settings live on the root entity). */
  private readonly settings = remoteData(
    () => this.auth.me() !== null && this.auth.can('inventory', Bits.READ),
    (allowed) =>
      allowed
        ? this.api.get<InventorySettingsView>('/inventory/settings', undefined, { silent: true }).pipe(catchError(() => of(null)))
        : of(null),
    null as InventorySettingsView | null,
  );
  protected readonly staleHours = computed(() => staleAfterHours(this.settings.value()?.frequencyHours));

  constructor() {
    bindListToUrl(this.list, AGENT_LIST);
  }

  protected stale(agent: AgentView): boolean {
    return isStale(agent.lastContactAt, this.staleHours());
  }
}
