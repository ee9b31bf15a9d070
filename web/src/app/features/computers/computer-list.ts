import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import type { ComputerRow, SearchCriterion, SearchFieldView } from '@parc/contracts';
import { type Observable, finalize, of } from 'rxjs';
import { errorAlreadyShown } from '../../core/api/request-context';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { Notifier } from '../../core/notify/notifier';
import { remoteData } from '../../shared/data/remote-data';
import { dateStamp, saveFile } from '../../shared/files/save-file';
import { ListPaginator } from '../../shared/list/list-paginator';
import { syncWithUrl } from '../../shared/list/list-params';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { RowSelection } from '../../shared/list/row-selection';
import { SearchField } from '../../shared/list/search-field';
import { MassActionBar } from '../../shared/mass-actions/mass-action-bar';
import { ColumnChooser } from './column-chooser';
import { ColumnPreferences, csvColumns } from './computer-columns';
import {
  type ComputerFilter,
  type ComputerSearch,
  DEFAULT_COMPUTER_LIMIT,
  DEFAULT_COMPUTER_SORT,
  sameCriteria,
  searchFromParams,
  searchToParams,
  withBaseCriteria,
} from './computer-search';
import { ComputersApi, type ComputerExport } from './computers.api';
import { CriteriaBuilder, type CriteriaQuery } from './criteria-builder';
import { searchProblems } from './criteria-expression';

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
 * A list of computers: server-side paging and sorting, quick filter and criteria search with their expression
 * (all kept in the URL of the page showing it, so a search can be bookmarked or saved), chosen columns, CSV
 * export, selection across pages and mass actions. The computers page shows it as is; a group's page gives it
 * the membership as `baseCriteria`, which are applied but not shown. Buttons projected into it join the
 * selection bar; they act on `selectedIds()` and call `reload()`.
 */
@Component({
  selector: 'parc-computer-list',
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
    SearchField,
    ListPaginator,
    MassActionBar,
    ColumnChooser,
    CriteriaBuilder,
  ],
  templateUrl: './computer-list.html',
  styleUrl: './computer-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerList {
  private readonly api = inject(ComputersApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  /** Criteria always applied and never shown (a group's membership). */
  readonly baseCriteria = input<readonly SearchCriterion[]>([]);
  /** Start of the exported files' names. */
  readonly exportName = input('computers');

  protected readonly list = new ListState({ sort: DEFAULT_COMPUTER_SORT, limit: DEFAULT_COMPUTER_LIMIT });
  protected readonly criteria = signal<readonly SearchCriterion[]>([]);
  protected readonly expression = signal('');
  readonly selection = new RowSelection();
  protected readonly columns = new ColumnPreferences();

  protected readonly criteriaQuery = computed<CriteriaQuery>(() => ({ criteria: this.criteria(), expression: this.expression() }));
  /** What the user chose (the URL's part). */
  private readonly userFilter = computed<ComputerFilter>(() => ({ q: this.list.q(), criteria: this.criteria(), expression: this.expression() }));
  /** What the API is asked for. */
  private readonly filter = computed<ComputerFilter>(() => withBaseCriteria(this.userFilter(), this.baseCriteria()));
  private readonly paging = computed(() => ({ sort: this.list.sort() ?? DEFAULT_COMPUTER_SORT, offset: this.list.offset(), limit: this.list.limit() }));

  protected readonly computers = remoteData(
    () => ({ ...this.filter(), ...this.paging() }),
    (search) => this.api.list(search),
    emptyPage<ComputerRow>(),
  );
  protected readonly fields = remoteData(() => null, () => this.api.searchFields(), [] as SearchFieldView[]);
  protected readonly problems = computed(() => searchProblems(this.computers.error()));
  protected readonly displayedColumns = computed(() => ['select', ...this.columns.visible()]);
  protected readonly pageIds = computed(() => this.computers.value().items.map((computer) => computer.id));
  protected readonly exporting = signal<'search' | 'selection' | null>(null);
  protected readonly resolveAllIds = () => this.api.ids(this.filter());
  /** Computers matching the search (for a page's header). */
  readonly total = computed(() => this.computers.value().total);

  constructor() {
    syncWithUrl<ComputerSearch>({
      state: () => ({ ...this.userFilter(), ...this.paging() }),
      fromParams: searchFromParams,
      toParams: searchToParams,
      apply: (search) => this.apply(search),
    });
    // A different set of computers: the picked rows no longer mean anything.
    effect(() => {
      this.filter();
      untracked(() => this.selection.clear());
    });
  }

  /** Ids of the selected computers (every matching one for an "all matching" selection). */
  selectedIds(): Observable<number[]> {
    return this.selection.allMatching() ? this.api.ids(this.filter()) : of(this.selection.ids());
  }

  /** Loads the page again (after a change made elsewhere on the page), forgetting the selection. */
  reload(): void {
    this.selection.clear();
    this.computers.reload();
  }

  protected onQuickFilter(q: string): void {
    this.list.setFilter(q);
  }

  protected onCriteria(query: CriteriaQuery): void {
    if (!sameCriteria(query.criteria, this.criteria())) this.criteria.set(query.criteria);
    this.expression.set(query.expression);
    this.list.offset.set(0);
  }

  protected open(computer: ComputerRow): void {
    void this.router.navigate(['/computers', computer.id]);
  }

  protected afterMassAction(): void {
    this.reload();
  }

  /** The CSV of the current search, with the visible columns. */
  protected exportSearch(): void {
    this.download('search', { filter: this.filter(), sort: this.paging().sort, columns: csvColumns(this.columns.visible()) });
  }

  /** The CSV of the selected rows; a selection too big for one request exports the search instead, and says so. */
  protected exportSelection(): void {
    const choice = selectionExport(this.selection.ids(), this.selection.allMatching());
    if (choice.kind === 'ids') {
      return this.download('selection', { ids: choice.ids, sort: this.paging().sort, columns: csvColumns(this.columns.visible()) });
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
      .subscribe({ next: (blob) => saveFile(blob, `${this.exportName()}-${dateStamp()}.csv`), error: errorAlreadyShown });
  }

  private apply(search: ComputerSearch): void {
    if (this.list.q() !== search.q) this.list.q.set(search.q);
    if (!sameCriteria(this.criteria(), search.criteria)) this.criteria.set(search.criteria);
    this.expression.set(search.expression);
    this.list.sort.set(search.sort);
    this.list.limit.set(search.limit);
    this.list.offset.set(search.offset);
  }
}
