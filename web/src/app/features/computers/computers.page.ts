import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ComputerRow, SearchCriterion, SearchFieldView } from '@parc/contracts';
import { finalize } from 'rxjs';
import { errorAlreadyShown } from '../../core/api/request-context';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { Notifier } from '../../core/notify/notifier';
import { remoteData } from '../../shared/data/remote-data';
import { dateStamp, saveFile } from '../../shared/files/save-file';
import { ListPaginator } from '../../shared/list/list-paginator';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { RowSelection } from '../../shared/list/row-selection';
import { SearchField } from '../../shared/list/search-field';
import { MassActionBar } from '../../shared/mass-actions/mass-action-bar';
import { PageHeader } from '../../shared/page-header/page-header';
import { ColumnChooser } from './column-chooser';
import { ColumnPreferences, csvColumns } from './computer-columns';
import {
  type ComputerFilter,
  type ComputerSearch,
  DEFAULT_COMPUTER_LIMIT,
  DEFAULT_COMPUTER_SORT,
  sameCriteria,
  sameParams,
  searchFromParams,
  searchToParams,
} from './computer-search';
import { ComputersApi, type ComputerExport } from './computers.api';
import { CriteriaBuilder } from './criteria-builder';

/**
 * Above this many picked rows, "Export selection" exports the current search instead: the ids travel in the
 * URL of a GET, and splitting them would give several files.
 */
export const MAX_EXPORT_IDS = 2000;

/** What "Export selection" exports: the picked ids, or the search (all matching, or too many ids for one URL). */
export function selectionExport(
  ids: readonly number[],
  allMatching: boolean,
  max = MAX_EXPORT_IDS,
): { kind: 'ids'; ids: readonly number[] } | { kind: 'search'; tooMany: boolean } {
  if (allMatching) return { kind: 'search', tooMany: false };
  return ids.length > max ? { kind: 'search', tooMany: true } : { kind: 'ids', ids };
}

/**
 * Computers of the active scope: server-side paging and sorting, quick filter and criteria search (all kept in
 * the URL, so a search can be bookmarked), chosen columns, CSV export, selection across pages and mass actions.
 */
@Component({
  selector: 'parc-computers-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
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
    MassActionBar,
    ColumnChooser,
    CriteriaBuilder,
  ],
  templateUrl: './computers.page.html',
  styleUrl: './computers.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputersPage {
  private readonly api = inject(ComputersApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly list = new ListState({ sort: DEFAULT_COMPUTER_SORT, limit: DEFAULT_COMPUTER_LIMIT });
  protected readonly criteria = signal<readonly SearchCriterion[]>([]);
  protected readonly selection = new RowSelection();
  protected readonly columns = new ColumnPreferences();

  private readonly filter = computed<ComputerFilter>(() => ({ q: this.list.q(), criteria: this.criteria() }));
  private readonly search = computed<ComputerSearch>(() => ({
    ...this.filter(),
    sort: this.list.sort() ?? DEFAULT_COMPUTER_SORT,
    offset: this.list.offset(),
    limit: this.list.limit(),
  }));

  protected readonly computers = remoteData(() => this.search(), (search) => this.api.list(search), emptyPage<ComputerRow>());
  protected readonly fields = remoteData(() => null, () => this.api.searchFields(), [] as SearchFieldView[]);
  protected readonly displayedColumns = computed(() => ['select', ...this.columns.visible()]);
  protected readonly pageIds = computed(() => this.computers.value().items.map((computer) => computer.id));
  protected readonly exporting = signal<'search' | 'selection' | null>(null);
  protected readonly resolveAllIds = () => this.api.ids(this.filter());

  constructor() {
    // The URL is where a search comes from (bookmarks, reload, back/forward) and where it goes back to.
    this.apply(searchFromParams(this.route.snapshot.queryParams));
    this.route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => this.apply(searchFromParams(params)));
    effect(() => {
      const params = searchToParams(this.search());
      untracked(() => {
        const current = this.route.snapshot.queryParams;
        if (sameParams(params, current)) return;
        // The same search spelled otherwise (`?page=1&sort=name`) is rewritten without a history entry.
        const replaceUrl = sameParams(searchToParams(searchFromParams(current)), params);
        void this.router.navigate([], { relativeTo: this.route, queryParams: params, replaceUrl });
      });
    });
    // A different set of computers: the picked rows no longer mean anything.
    effect(() => {
      this.filter();
      untracked(() => this.selection.clear());
    });
  }

  protected onQuickFilter(q: string): void {
    this.list.setFilter(q);
  }

  protected onCriteria(criteria: SearchCriterion[]): void {
    if (!sameCriteria(criteria, this.criteria())) this.criteria.set(criteria);
    this.list.offset.set(0);
  }

  protected open(computer: ComputerRow): void {
    void this.router.navigate(['/computers', computer.id]);
  }

  protected afterMassAction(): void {
    this.selection.clear();
    this.computers.reload();
  }

  /** The CSV of the current search, with the visible columns. */
  protected exportSearch(): void {
    this.download('search', { filter: this.filter(), sort: this.search().sort, columns: csvColumns(this.columns.visible()) });
  }

  /** The CSV of the selected rows; a selection too big for one request exports the search instead, and says so. */
  protected exportSelection(): void {
    const choice = selectionExport(this.selection.ids(), this.selection.allMatching());
    if (choice.kind === 'ids') {
      return this.download('selection', { ids: choice.ids, sort: this.search().sort, columns: csvColumns(this.columns.visible()) });
    }
    if (choice.tooMany) {
      this.notifier.info(this.i18n.t('computers.exportTooMany', { count: this.selection.ids().length, max: MAX_EXPORT_IDS }));
    }
    this.exportSearch();
  }

  private download(kind: 'search' | 'selection', request: ComputerExport): void {
    this.exporting.set(kind);
    this.api
      .exportCsv(request)
      .pipe(finalize(() => this.exporting.set(null)))
      .subscribe({ next: (blob) => saveFile(blob, `computers-${dateStamp()}.csv`), error: errorAlreadyShown });
  }

  private apply(search: ComputerSearch): void {
    if (this.list.q() !== search.q) this.list.q.set(search.q);
    if (!sameCriteria(this.criteria(), search.criteria)) this.criteria.set(search.criteria);
    this.list.sort.set(search.sort);
    this.list.limit.set(search.limit);
    this.list.offset.set(search.offset);
  }
}
