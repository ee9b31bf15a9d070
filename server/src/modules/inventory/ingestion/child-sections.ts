import type { CpuItem, DiskItem, InventoryDocument, NetworkItem } from '../protocol/inventory-document';

/** How each child section of an inventory maps to its table, and how an item is named in the history. */
export interface ChildSection<T> {
  table: string;
  columns: string[];
  row: (item: T) => unknown[];
  fromRow: (row: Record<string, unknown>) => T;
  /** What the history shows; items with equal labels are the same item. Volatile values (free space) stay out. */
  label: (item: T) => string;
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const n = (v: unknown) => Number(v ?? 0);

const cpus: ChildSection<CpuItem> = {
  table: 'computer_cpus',
  columns: ['manufacturer', 'model', 'speed_mhz', 'cores', 'threads', 'arch'],
  row: (c) => [c.manufacturer, c.model, c.speedMhz, c.cores, c.threads, c.arch],
  fromRow: (r) => ({ manufacturer: s(r.manufacturer), model: s(r.model), speedMhz: n(r.speed_mhz), cores: n(r.cores), threads: n(r.threads), arch: s(r.arch) }),
  label: (c) => [c.model || c.manufacturer, c.cores ? `${c.cores} cores` : ''].filter(Boolean).join(', '),
};

const disks: ChildSection<DiskItem> = {
  table: 'computer_disks',
  columns: ['mount_point', 'device', 'file_system', 'total_mb', 'free_mb', 'label'],
  row: (d) => [d.mountPoint, d.device, d.fileSystem, d.totalMb, d.freeMb, d.label],
  fromRow: (r) => ({ mountPoint: s(r.mount_point), device: s(r.device), fileSystem: s(r.file_system), totalMb: n(r.total_mb), freeMb: n(r.free_mb), label: s(r.label) }),
  label: (d) => `${d.mountPoint || d.device} (${[d.fileSystem, d.totalMb ? `${d.totalMb} MB` : ''].filter(Boolean).join(', ')})`,
};

const networks: ChildSection<NetworkItem> = {
  table: 'network_interfaces',
  columns: ['name', 'mac', 'ipv4', 'ipv4_mask', 'ipv4_gateway', 'ipv6', 'status', 'type', 'virtual'],
  row: (i) => [i.name, i.mac, i.ipv4, i.ipv4Mask, i.ipv4Gateway, i.ipv6, i.status, i.type, i.virtual],
  fromRow: (r) => ({
    name: s(r.name),
    mac: s(r.mac),
    ipv4: s(r.ipv4),
    ipv4Mask: s(r.ipv4_mask),
    ipv4Gateway: s(r.ipv4_gateway),
    ipv6: s(r.ipv6),
    status: s(r.status),
    type: s(r.type),
    virtual: Boolean(Number(r.virtual)),
  }),
  label: (i) => [i.name, i.mac, i.ipv4 || i.ipv6].filter(Boolean).join(' '),
};

const users: ChildSection<string> = {
  table: 'computer_users',
  columns: ['login'],
  row: (login) => [login],
  fromRow: (r) => s(r.login),
  label: (login) => login,
};

export const CHILD_SECTIONS = { cpus, disks, networks, users } as const;
export type ChildSectionName = keyof typeof CHILD_SECTIONS;

export function itemsOf<K extends ChildSectionName>(doc: InventoryDocument, name: K): unknown[] {
  return doc[name] as unknown[];
}
