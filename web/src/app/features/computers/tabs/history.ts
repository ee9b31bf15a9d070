import type { InventoryChangeView } from '@parc/contracts';

export interface HistoryFieldChange {
  field: string;
  before: string;
  after: string;
}

export interface HistorySectionChange {
  section: string;
  added: readonly string[];
  removed: readonly string[];
  addedCount: number;
  removedCount: number;
  /** Names the server counted but did not list (long lists are cut). */
  moreAdded: number;
  moreRemoved: number;
}

/** Values as an admin reads them: strings bare, empty as a dash, the rest as compact JSON. */
export function historyValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The computer's own fields the inventory changed, by field name. */
export function historyFields(change: InventoryChangeView): HistoryFieldChange[] {
  return Object.entries(change.fields ?? {})
    .map(([field, [before, after]]) => ({ field, before: historyValue(before), after: historyValue(after) }))
    .sort((a, b) => a.field.localeCompare(b.field));
}

/** Sections (software, disks…) where something was added or removed, in a stable order. */
export function historySections(change: InventoryChangeView): HistorySectionChange[] {
  const order = ['software', 'disks', 'networks', 'cpus', 'users'];
  const rank = (section: string) => (order.includes(section) ? order.indexOf(section) : order.length);
  return Object.entries(change.sections ?? {})
    .map(([section, diff]) => {
      const added = diff.added ?? [];
      const removed = diff.removed ?? [];
      const addedCount = diff.addedCount ?? added.length;
      const removedCount = diff.removedCount ?? removed.length;
      return {
        section,
        added,
        removed,
        addedCount,
        removedCount,
        moreAdded: Math.max(0, addedCount - added.length),
        moreRemoved: Math.max(0, removedCount - removed.length),
      };
    })
    .filter((section) => section.addedCount > 0 || section.removedCount > 0)
    .sort((a, b) => rank(a.section) - rank(b.section) || a.section.localeCompare(b.section));
}
