import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { AuditAction, AuditEventView } from '@parc/contracts';
import { debounceTime } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { remoteData } from '../../shared/data/remote-data';
import { ListPaginator } from '../../shared/list/list-paginator';
import { syncWithUrl } from '../../shared/list/list-params';
import { ListState, emptyPage } from '../../shared/list/list-state';
import { PageHeader } from '../../shared/page-header/page-header';
import { SavedSearches } from '../../shared/saved-searches/saved-searches';
import { AuditDiffTable } from './audit-diff-table';
import {
  AUDIT_ACTIONS,
  type AuditFilters,
  type AuditSearch,
  DEFAULT_AUDIT_LIMIT,
  auditFiltersOf,
  auditSearchFromParams,
  auditSearchToParams,
  sameAuditFilters,
} from './audit-search';

/**
 * Who changed what (GET /api/audit), newest first, filtered by item type, item id and action; a row opens the
 * before/after comparison. The filters and the page live in the URL (`?itemType=user&itemId=12` from links on
 * other pages), so that searches can be saved.
 */
@Component({
  selector: 'parc-audit-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ListPaginator,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    Icon,
    TPipe,
    DateTimePipe,
    PageHeader,
    AuditDiffTable,
    SavedSearches,
  ],
  templateUrl: './audit.page.html',
  styleUrl: './audit.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly api = inject(ApiClient);

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly list = new ListState({ limit: DEFAULT_AUDIT_LIMIT }); // the server's order: newest first
  // One signal per filter: re-applying the same value (from the URL) is no change, hence no new request.
  private readonly itemType = signal('');
  private readonly itemId = signal<number | null>(null);
  private readonly action = signal<AuditAction | ''>('');
  private readonly filters = computed<AuditFilters>(() => ({ itemType: this.itemType(), itemId: this.itemId(), action: this.action() }));
  protected readonly events = remoteData(
    () => ({ ...this.list.query(), ...this.filters() }),
    ({ itemType, itemId, action, ...query }) =>
      this.api.list<AuditEventView>('/audit', query, { itemType: itemType || undefined, itemId: itemId ?? undefined, action: action || undefined }),
    emptyPage<AuditEventView>(),
  );
  protected readonly expandedId = signal<number | null>(null);
  protected readonly columns = ['at', 'user', 'action', 'item', 'changes'];
  protected readonly hasFilters = computed(() => {
    const { itemType, itemId, action } = this.filters();
    return itemType !== '' || itemId !== null || action !== '';
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    itemType: [''],
    itemId: [''],
    action: ['' as AuditAction | ''],
  });

  constructor() {
    syncWithUrl<AuditSearch>({
      state: () => ({ ...this.filters(), offset: this.list.offset(), limit: this.list.limit() }),
      fromParams: auditSearchFromParams,
      toParams: auditSearchToParams,
      apply: (search) => this.apply(search),
    });
    this.form.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe(() => this.applyForm());
  }

  protected toggle(event: AuditEventView): void {
    this.expandedId.update((id) => (id === event.id ? null : event.id));
  }

  protected clearFilters(): void {
    this.form.reset();
  }

  /** How many fields the event touched, for the summary column. */
  protected changedFieldCount(event: AuditEventView): number {
    const fields = new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})]);
    return [...fields].filter((field) => JSON.stringify(event.before?.[field]) !== JSON.stringify(event.after?.[field])).length;
  }

  /** The user changed the form: other events, from the first page. */
  private applyForm(): void {
    const filters = auditFiltersOf(this.form.getRawValue());
    if (sameAuditFilters(filters, this.filters())) return;
    this.setFilters(filters);
    this.list.offset.set(0);
  }

  /** The URL changed (a link, back/forward, a saved search): the list and the form follow. */
  private apply(search: AuditSearch): void {
    this.setFilters(search);
    this.list.limit.set(search.limit);
    this.list.offset.set(search.offset);
    // The form is left alone when it already says the same (`12 ` while typing is item 12): no text is lost.
    if (!sameAuditFilters(auditFiltersOf(this.form.getRawValue()), search)) {
      this.form.setValue(
        { itemType: search.itemType, itemId: search.itemId === null ? '' : String(search.itemId), action: search.action },
        { emitEvent: false },
      );
    }
  }

  private setFilters(filters: AuditFilters): void {
    this.itemType.set(filters.itemType);
    this.itemId.set(filters.itemId);
    this.action.set(filters.action);
  }
}
