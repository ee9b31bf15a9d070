import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
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
import { ListState, emptyPage } from '../../shared/list/list-state';
import { PageHeader } from '../../shared/page-header/page-header';
import { AuditDiffTable } from './audit-diff-table';

interface AuditFilters {
  itemType?: string;
  itemId?: number;
  action?: AuditAction;
}

/**
 * Who changed what (GET /api/audit), newest first, filtered by item type, item id and action; a row opens the
 * before/after comparison. Query parameters `itemType` and `itemId` preset the filters (links from other pages).
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
  ],
  templateUrl: './audit.page.html',
  styleUrl: './audit.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly destroyRef = inject(DestroyRef);

  /** Query parameters. */
  readonly itemType = input<string>();
  readonly itemId = input<string>();

  protected readonly actions: readonly AuditAction[] = ['create', 'update', 'delete'];
  protected readonly list = new ListState(); // the server's order: newest first
  private readonly filters = signal<AuditFilters>({});
  protected readonly events = remoteData(
    () => ({ ...this.list.query(), ...this.filters() }),
    ({ itemType, itemId, action, ...query }) => this.api.list<AuditEventView>('/audit', query, { itemType, itemId, action }),
    emptyPage<AuditEventView>(),
  );
  protected readonly expandedId = signal<number | null>(null);
  protected readonly columns = ['at', 'user', 'action', 'item', 'changes'];
  protected readonly hasFilters = computed(() => Object.values(this.filters()).some((value) => value !== undefined));

  protected readonly form = inject(NonNullableFormBuilder).group({
    itemType: [''],
    itemId: [''],
    action: ['' as AuditAction | ''],
  });

  ngOnInit(): void {
    this.form.patchValue({ itemType: this.itemType() ?? '', itemId: this.itemId() ?? '' });
    this.applyFilters();
    this.form.valueChanges.pipe(debounceTime(300), takeUntilDestroyed(this.destroyRef)).subscribe(() => this.applyFilters());
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

  private applyFilters(): void {
    const { itemType, itemId, action } = this.form.getRawValue();
    const id = Number.parseInt(itemId, 10);
    this.filters.set({
      itemType: itemType.trim() || undefined,
      itemId: Number.isFinite(id) ? id : undefined,
      action: action || undefined,
    });
    this.list.offset.set(0);
  }
}
