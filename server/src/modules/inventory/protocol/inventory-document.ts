import { createHash } from 'node:crypto';
import { listOf, textOf, type XmlValue } from './agent-xml';

/** An inventory in the shape we store, whatever agent sent it. Strings are clipped to their column sizes. */
export interface InventoryDocument {
  computer: ComputerFields;
  cpus: CpuItem[];
  disks: DiskItem[];
  networks: NetworkItem[];
  software: SoftwareItem[];
  users: string[];
  /** The agent's TAG (ACCOUNTINFO), used by the entity rules; '' when none. */
  tag: string;
  /** OCS packages the agent lists as installed (DOWNLOAD/HISTORY), for the deploy plugin. */
  packageHistory: string[];
}

export interface ComputerFields {
  name: string;
  serial: string;
  uuid: string;
  manufacturer: string;
  model: string;
  type: string;
  biosManufacturer: string;
  biosVersion: string;
  biosDate: string;
  osName: string;
  osVersion: string;
  osArch: string;
  osKernel: string;
  cpuModel: string;
  cpuCount: number;
  cpuCores: number;
  memoryMb: number;
  swapMb: number;
  workgroup: string;
  lastLoggedUser: string;
  ip: string;
}

export interface CpuItem {
  manufacturer: string;
  model: string;
  speedMhz: number;
  cores: number;
  threads: number;
  arch: string;
}

export interface DiskItem {
  mountPoint: string;
  device: string;
  fileSystem: string;
  totalMb: number;
  freeMb: number;
  label: string;
}

export interface NetworkItem {
  name: string;
  mac: string;
  ipv4: string;
  ipv4Mask: string;
  ipv4Gateway: string;
  ipv6: string;
  status: string;
  type: string;
  virtual: boolean;
}

export interface SoftwareItem {
  name: string;
  publisher: string;
  version: string;
}

/** Sections hashed and rewritten independently. */
export const SECTIONS = ['computer', 'cpus', 'disks', 'networks', 'software', 'users'] as const;
export type Section = (typeof SECTIONS)[number];

/** Placeholder serial numbers and UUIDs that firmwares ship: they identify nothing. */
const JUNK_SERIALS = new Set([
  'to be filled by o.e.m.', 'default string', 'system serial number', 'not specified', 'not applicable', 'none', 'n/a',
  'na', '0', '00000000', '0000000000', '0123456789', '123456789', '1234567890', 'serial number', 'chassis serial number',
  'invalid', 'unknown', 'xxxxxxxxxx',
]);
const JUNK_UUIDS = new Set(['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '03000200-0400-0500-0006-000700080009']);
const JUNK_MACS = new Set(['00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff']);

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const text = (v: XmlValue | undefined, name: string, max = 255) => clip(textOf(v, name).trim(), max);
const int = (v: XmlValue | undefined, name: string) => {
  const n = Number.parseInt(textOf(v, name), 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 2_147_483_647) : 0;
};

export function cleanSerial(serial: string): string {
  const s = serial.trim();
  return JUNK_SERIALS.has(s.toLowerCase()) || /^0+$/.test(s) ? '' : s;
}

export function cleanUuid(uuid: string): string {
  const u = uuid.trim().toLowerCase();
  return JUNK_UUIDS.has(u) ? '' : u;
}

export function cleanMac(mac: string): string {
  const m = mac.trim().toLowerCase().replace(/-/g, ':');
  return /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(m) && !JUNK_MACS.has(m) ? m : '';
}

/**
 * Reads the CONTENT of an INVENTORY message. FusionInventory/GLPI agents and the OCS agent share most sections;
 * the OS comes from OPERATINGSYSTEM when present (FusionInventory), else from HARDWARE (OCS).
 */
export function readInventory(content: unknown): InventoryDocument {
  const hardware = listOf(content, 'HARDWARE')[0];
  const bios = listOf(content, 'BIOS')[0];
  const os = listOf(content, 'OPERATINGSYSTEM')[0];

  const cpus: CpuItem[] = listOf(content, 'CPUS').map((c) => ({
    manufacturer: text(c, 'MANUFACTURER'),
    model: text(c, 'NAME') || text(c, 'TYPE'),
    speedMhz: int(c, 'SPEED'),
    cores: int(c, 'CORES') || int(c, 'CORE'),
    threads: int(c, 'THREADS') || int(c, 'THREAD'),
    arch: text(c, 'CPUARCH', 32) || text(c, 'ARCH', 32),
  }));

  const disks: DiskItem[] = listOf(content, 'DRIVES')
    .map((d) => ({
      mountPoint: text(d, 'TYPE') || text(d, 'LETTER'),
      device: text(d, 'VOLUMN'),
      fileSystem: text(d, 'FILESYSTEM', 64),
      totalMb: int(d, 'TOTAL'),
      freeMb: int(d, 'FREE'),
      label: text(d, 'LABEL'),
    }))
    .filter((d) => d.mountPoint || d.device);

  const networks: NetworkItem[] = listOf(content, 'NETWORKS').map((n) => ({
    name: text(n, 'DESCRIPTION'),
    mac: cleanMac(textOf(n, 'MACADDR')),
    ipv4: text(n, 'IPADDRESS', 45),
    ipv4Mask: text(n, 'IPMASK', 45),
    ipv4Gateway: text(n, 'IPGATEWAY', 45),
    ipv6: text(n, 'IPADDRESS6', 64),
    status: text(n, 'STATUS', 16),
    type: text(n, 'TYPE', 32),
    virtual: textOf(n, 'VIRTUALDEV') === '1',
  }));

  const software = dedupe(
    listOf(content, 'SOFTWARES')
      .map((s) => ({ name: text(s, 'NAME'), publisher: text(s, 'PUBLISHER'), version: text(s, 'VERSION', 128) }))
      .filter((s) => s.name),
    (s) => `${s.name}\u0000${s.publisher}\u0000${s.version}`,
  );

  const users = [...new Set(listOf(content, 'USERS').map((u) => text(u, 'LOGIN')).filter(Boolean))];

  const tag = listOf(content, 'ACCOUNTINFO')
    .filter((a) => textOf(a, 'KEYNAME') === 'TAG')
    .map((a) => text(a, 'KEYVALUE'))
    .find((v) => v && v !== 'NA') ?? '';

  const packageHistory = listOf(listOf(listOf(content, 'DOWNLOAD')[0], 'HISTORY')[0], 'PACKAGE')
    .map((p) => textOf(p, 'ID'))
    .filter(Boolean);

  const primary = networks.find((n) => n.ipv4 && !n.ipv4.startsWith('127.') && !n.virtual);
  const vm = text(hardware, 'VMSYSTEM', 64);
  const description = textOf(hardware, 'DESCRIPTION');

  const computer: ComputerFields = {
    name: text(hardware, 'NAME') || text(os, 'HOSTNAME') || text(os, 'FQDN'),
    serial: clip(cleanSerial(textOf(bios, 'SSN')), 255),
    uuid: clip(cleanUuid(textOf(hardware, 'UUID')), 64),
    manufacturer: text(bios, 'SMANUFACTURER') || text(bios, 'MMANUFACTURER'),
    model: text(bios, 'SMODEL') || text(bios, 'MMODEL'),
    type: vm && vm !== 'Physical' ? vm : text(hardware, 'CHASSIS_TYPE', 64) || text(bios, 'TYPE', 64),
    biosManufacturer: text(bios, 'BMANUFACTURER'),
    biosVersion: text(bios, 'BVERSION'),
    biosDate: text(bios, 'BDATE', 32),
    osName: os ? text(os, 'FULL_NAME') || text(os, 'NAME') : text(hardware, 'OSNAME'),
    osVersion: os ? text(os, 'VERSION', 100) : text(hardware, 'OSVERSION', 100),
    // The OCS agent reports the architecture as the first part of HARDWARE/DESCRIPTION (x86_64/uptime).
    osArch: os ? text(os, 'ARCH', 32) : clip(description.includes('/') ? description.split('/')[0] : '', 32),
    osKernel: os ? text(os, 'KERNEL_VERSION', 100) : '',
    cpuModel: cpus[0]?.model || text(hardware, 'PROCESSORT'),
    cpuCount: cpus.length || int(hardware, 'PROCESSORN'),
    cpuCores: cpus.reduce((sum, c) => sum + (c.cores || 1), 0),
    memoryMb: int(hardware, 'MEMORY'),
    swapMb: int(hardware, 'SWAP'),
    workgroup: text(hardware, 'WORKGROUP'),
    lastLoggedUser: text(hardware, 'LASTLOGGEDUSER'),
    ip: primary?.ipv4 ?? clip(textOf(hardware, 'IPADDR').trim(), 45),
  };
  return { computer, cpus, disks, networks, software, users, tag, packageHistory };
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** One hash per section, order-insensitive: equal hashes mean nothing to rewrite. */
export function sectionHashes(doc: InventoryDocument): Record<Section, string> {
  const hash = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');
  const sorted = <T>(items: T[]) => items.map((i) => JSON.stringify(i)).sort();
  return {
    computer: hash(doc.computer),
    cpus: hash(sorted(doc.cpus)),
    disks: hash(sorted(doc.disks)),
    networks: hash(sorted(doc.networks)),
    software: hash(sorted(doc.software)),
    users: hash([...doc.users].sort()),
  };
}
