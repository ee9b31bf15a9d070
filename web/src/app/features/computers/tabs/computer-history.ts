import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { InventoryChangeView } from '@parc/contracts';
import { TPipe } from '../../../core/i18n/t.pipe';
import { remoteData } from '../../../shared/data/remote-data';
import { ListPaginator } from '../../../shared/list/list-paginator';
import { ListState, emptyPage } from '../../../shared/list/list-state';
import { ComputersApi } from '../computers.api';
import { HistoryEntry } from './history-entry';

/** History tab: what each accepted inventory changed, newest first (the server's order), paged. */
@Component({
  selector: 'parc-computer-history',
  imports: [MatProgressBarModule, TPipe, ListPaginator, HistoryEntry],
  template: `
    <div class="parc-table-card">
      @if (history.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <div class="entries" data-testid="history-list">
        @for (change of history.value().items; track change.id) {
          <parc-history-entry [change]="change" data-testid="history-entry" [attr.data-change-id]="change.id" />
        } @empty {
          <p class="parc-empty">{{ (history.loading() ? 'common.loading' : 'history.empty') | t }}</p>
        }
      </div>
      <parc-list-paginator [state]="list" [total]="history.value().total" />
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerHistory {
  private readonly api = inject(ComputersApi);

  readonly computerId = input.required<number>();

  protected readonly list = new ListState({ limit: 10 });
  protected readonly history = remoteData(
    () => ({ id: this.computerId(), query: this.list.query() }),
    ({ id, query }) => this.api.history(id, query),
    emptyPage<InventoryChangeView>(),
  );
}
