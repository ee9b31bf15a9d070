import { computed, signal } from '@angular/core';
import type { MessageKey } from '../../core/i18n/en';
import { StorageKeys, readStored, writeStored } from '../../core/storage/local-storage';

export type ComputerColumnKey =
  | 'name'
  | 'entity'
  | 'serial'
  | 'uuid'
  | 'manufacturer'
  | 'model'
  | 'os'
  | 'ip'
  | 'lastInventoryAt'
  | 'lastContactAt'
  | 'agentKind'
  | 'agentVersion';

export interface ComputerColumn {
  key: ComputerColumnKey;
  label: MessageKey;
  /** Sort field of the API, when the column can sort the list. */
  sort?: string;
  /** Columns of export.csv showing the same data. */
  csv: readonly string[];
}

/** The optional columns of the computers list, in display order. */
export const COMPUTER_COLUMNS: readonly ComputerColumn[] = [
  { key: 'name', label: 'computers.name', sort: 'name', csv: ['name'] },
  { key: 'entity', label: 'computers.entity', csv: ['entity'] },
  { key: 'serial', label: 'computers.serial', sort: 'serial', csv: ['serial'] },
  { key: 'uuid', label: 'computers.uuid', csv: ['uuid'] },
  { key: 'manufacturer', label: 'computers.manufacturer', sort: 'manufacturer', csv: ['manufacturer'] },
  { key: 'model', label: 'computers.model', sort: 'model', csv: ['model'] },
  { key: 'os', label: 'computers.os', sort: 'osName', csv: ['os', 'osVersion'] },
  { key: 'ip', label: 'computers.ip', csv: ['ip'] },
  { key: 'lastInventoryAt', label: 'computers.lastInventory', sort: 'lastInventoryAt', csv: ['lastInventoryAt'] },
  { key: 'lastContactAt', label: 'computers.lastContact', sort: 'lastContactAt', csv: ['lastContactAt'] },
  { key: 'agentKind', label: 'computers.agentKind', csv: ['agentKind'] },
  { key: 'agentVersion', label: 'computers.agentVersion', csv: ['agentVersion'] },
];

export const DEFAULT_COMPUTER_COLUMNS: readonly ComputerColumnKey[] = [
  'name',
  'entity',
  'serial',
  'manufacturer',
  'model',
  'os',
  'ip',
  'lastInventoryAt',
];

const KNOWN = new Set<string>(COMPUTER_COLUMNS.map((column) => column.key));

/** The export.csv `columns` showing the given list columns. */
export function csvColumns(visible: readonly ComputerColumnKey[]): string[] {
  return COMPUTER_COLUMNS.filter((column) => visible.includes(column.key)).flatMap((column) => column.csv);
}

/**
 * Which columns of the computers list are shown, remembered in localStorage. Always at least one, always in
 * the display order of COMPUTER_COLUMNS whatever the order they were ticked in.
 */
export class ColumnPreferences {
  private readonly chosen = signal<readonly ComputerColumnKey[]>(ColumnPreferences.load());

  readonly visible = computed(() => COMPUTER_COLUMNS.map((column) => column.key).filter((key) => this.chosen().includes(key)));

  isVisible(key: ComputerColumnKey): boolean {
    return this.chosen().includes(key);
  }

  toggle(key: ComputerColumnKey, shown = !this.isVisible(key)): void {
    const current = this.chosen();
    if (shown === current.includes(key)) return;
    const next = shown ? [...current, key] : current.filter((k) => k !== key);
    if (next.length === 0) return; // a table without columns would be a dead end
    this.save(next);
  }

  reset(): void {
    this.save(DEFAULT_COMPUTER_COLUMNS);
  }

  private save(keys: readonly ComputerColumnKey[]): void {
    const ordered = COMPUTER_COLUMNS.map((column) => column.key).filter((key) => keys.includes(key));
    this.chosen.set(ordered);
    writeStored(StorageKeys.computerColumns, ordered);
  }

  private static load(): readonly ComputerColumnKey[] {
    const stored = readStored<unknown>(StorageKeys.computerColumns);
    if (!Array.isArray(stored)) return DEFAULT_COMPUTER_COLUMNS;
    const keys = stored.filter((key): key is ComputerColumnKey => typeof key === 'string' && KNOWN.has(key));
    return keys.length > 0 ? keys : DEFAULT_COMPUTER_COLUMNS;
  }
}
