import { Bits, type BitName, type RightDefinition } from '@parc/contracts';

/** The matrix columns, in GLPI's order. */
export const RIGHT_COLUMNS: readonly { name: BitName; bit: number }[] = [
  { name: 'READ', bit: Bits.READ },
  { name: 'UPDATE', bit: Bits.UPDATE },
  { name: 'CREATE', bit: Bits.CREATE },
  { name: 'DELETE', bit: Bits.DELETE },
  { name: 'PURGE', bit: Bits.PURGE },
];

/** Whether a column means something for a right (its `bits` mask), e.g. only READ for the audit log. */
export function appliesTo(right: Pick<RightDefinition, 'bits'>, bit: number): boolean {
  return (right.bits & bit) === bit;
}

export function isSet(value: number | undefined, bit: number): boolean {
  return ((value ?? 0) & bit) === bit;
}

/** Sets or clears one bit, leaving the others (including right-specific bits ≥ 256) untouched. */
export function withBit(value: number | undefined, bit: number, on: boolean): number {
  return on ? (value ?? 0) | bit : (value ?? 0) & ~bit;
}

/** The row toggle: every column the right uses, on or off, other bits untouched. */
export function withAllColumns(value: number | undefined, right: Pick<RightDefinition, 'bits'>, on: boolean): number {
  const columns = RIGHT_COLUMNS.filter((column) => appliesTo(right, column.bit)).reduce((mask, column) => mask | column.bit, 0);
  return on ? (value ?? 0) | columns : (value ?? 0) & ~columns;
}

/** State of the row toggle. */
export function rowState(value: number | undefined, right: Pick<RightDefinition, 'bits'>): 'all' | 'some' | 'none' {
  const columns = RIGHT_COLUMNS.filter((column) => appliesTo(right, column.bit));
  const held = columns.filter((column) => isSet(value, column.bit)).length;
  return held === 0 ? 'none' : held === columns.length ? 'all' : 'some';
}

/** Core rights first (in the server's order), then each plugin's, grouped under the plugin name. */
export function groupRights(rights: readonly RightDefinition[]): { plugin: string | null; rights: RightDefinition[] }[] {
  const groups = new Map<string | null, RightDefinition[]>();
  for (const right of rights) {
    const plugin = right.plugin ?? null;
    groups.set(plugin, [...(groups.get(plugin) ?? []), right]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([plugin, list]) => ({ plugin, rights: list }));
}
