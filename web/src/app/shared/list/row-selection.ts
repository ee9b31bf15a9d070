import { computed, signal } from '@angular/core';

/**
 * Selected rows of a server-side list: ids picked on the visible pages, or "all N matching the filter"
 * (`allMatching`), which the mass-action bar resolves to ids when an action runs.
 */
export class RowSelection {
  private readonly picked = signal<ReadonlySet<number>>(new Set());
  readonly allMatching = signal(false);

  readonly ids = computed(() => [...this.picked()]);
  readonly isEmpty = computed(() => this.picked().size === 0 && !this.allMatching());

  /** How many rows the selection stands for, given the list's total. */
  count(total: number): number {
    return this.allMatching() ? total : this.picked().size;
  }

  isSelected(id: number): boolean {
    return this.allMatching() || this.picked().has(id);
  }

  toggle(id: number, selected = !this.isSelected(id)): void {
    if (this.allMatching()) return; // rows of an "all matching" selection are not picked one by one
    const next = new Set(this.picked());
    if (selected) next.add(id);
    else next.delete(id);
    this.picked.set(next);
  }

  /** State of the header checkbox for the visible page. */
  pageState(pageIds: readonly number[]): 'all' | 'some' | 'none' {
    if (pageIds.length === 0) return 'none';
    const selected = pageIds.filter((id) => this.isSelected(id)).length;
    return selected === 0 ? 'none' : selected === pageIds.length ? 'all' : 'some';
  }

  togglePage(pageIds: readonly number[]): void {
    if (this.allMatching()) return this.clear();
    const selectAll = this.pageState(pageIds) !== 'all';
    const next = new Set(this.picked());
    for (const id of pageIds) {
      if (selectAll) next.add(id);
      else next.delete(id);
    }
    this.picked.set(next);
  }

  selectAllMatching(): void {
    this.allMatching.set(true);
  }

  clear(): void {
    this.picked.set(new Set());
    this.allMatching.set(false);
  }
}
