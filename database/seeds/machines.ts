import { createHash } from 'node:crypto';
import type { ComputerFields, CpuItem, DiskItem, NetworkItem } from '../../server/src/modules/inventory/protocol/inventory-document';
import type { Platform } from './catalogue';
import type { SitePlan } from './entity-tree';
import {
  AGENT_FLAVOURS,
  AGENT_HTTP_PORT,
  AGENT_KINDS,
  type HardwareProfile,
  HARDWARE,
  type NicModel,
  OS,
  type OsRelease,
  PEOPLE,
  type SeededAgentKind,
  type SerialFormat,
  SERVICE_ACCOUNTS,
} from './hardware';
import { Random, scramble24, scramble32, Stream } from './random';
import type { SoftwareEnvironment } from './software-picker';

export interface SeededAgent {
  deviceId: string;
  kind: SeededAgentKind;
  version: string;
  userAgent: string;
  remoteAddress: string;
  httpPort: number | null;
  tag: string;
  lastContactAt: Date;
  createdAt: Date;
}

/** One generated computer with its inventory children and its agent; the software is picked separately. */
export interface SeededComputer {
  /** Sequence number: makes the name, serial, UUID and MAC addresses unique. */
  number: number;
  site: SitePlan;
  environment: SoftwareEnvironment;
  fields: ComputerFields & { lastInventoryAt: Date; lastContactAt: Date; createdAt: Date };
  cpus: CpuItem[];
  disks: DiskItem[];
  networks: NetworkItem[];
  users: string[];
  agent: SeededAgent;
}

/** Hands out addresses on each site's subnet 10.<site>.0.0/16, in order: .1 is the gateway. */
export class SiteAddresses {
  private readonly used = new Map<number, number>();

  next(site: SitePlan): string {
    const count = this.used.get(site.index) ?? 0;
    this.used.set(site.index, count + 1);
    // 250 hosts per /24 from .10, third byte 1 to 254; a site past 63 500 interfaces reuses addresses.
    const host = count % (254 * 250);
    return `10.${site.index}.${1 + Math.floor(host / 250)}.${10 + (host % 250)}`;
  }
}

export interface MachineContext {
  seed: number;
  /** Sites with their share of the computers. */
  sites: readonly SitePlan[];
  addresses: SiteAddresses;
  /** Reference time for "last contact" and such. */
  now: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Computer number `n` of the fleet: the same for the same seed and number, whatever was generated before. */
export function generateComputer(n: number, context: MachineContext): SeededComputer {
  const random = new Random(context.seed, Stream.computer, n);
  const site = random.weighted(context.sites.map((s) => [s, s.weight] as const));
  const profile = random.weighted(HARDWARE.map((p) => [p, p.weight] as const));
  const osKey = random.weighted(profile.os);
  const os: OsRelease = OS[osKey];
  const osVariant = random.weighted(os.variants.map((v) => [v, v.weight] as const));
  const uuid = uuidFor(context.seed, n);
  const name = computerName(profile, os.platform, site, n);

  const cpus = cpusFor(random, profile);
  const memoryGb = random.weighted(profile.memoryGb);
  const networks = networksFor(random, profile, os.platform, site, n, context.addresses);
  const users = usersFor(random, profile, site);
  const times = timesFor(random, context.now);
  const [biosVersion, biosDate] = random.pick(profile.bios.releases);
  const ip = networks[0].ipv4;

  const fields: SeededComputer['fields'] = {
    name,
    serial: serialFor(profile.serial, n, uuid),
    uuid,
    manufacturer: profile.manufacturer,
    model: random.pick(profile.models),
    type: profile.type,
    biosManufacturer: profile.bios.manufacturer,
    biosVersion,
    biosDate,
    osName: osVariant.name,
    osVersion: osVariant.version,
    osArch: os.arch,
    osKernel: osVariant.kernel,
    cpuModel: cpus[0].model,
    cpuCount: cpus.length,
    cpuCores: cpus.reduce((sum, c) => sum + c.cores, 0),
    // Firmware and integrated graphics keep a little of physical memory.
    memoryMb: memoryGb * 1024 - (profile.kind === 'vm' ? 0 : random.int(64, 512)),
    swapMb: swapFor(random, os.platform, memoryGb),
    workgroup: os.platform === 'windows' ? (random.chance(0.85) || profile.kind !== 'laptop' ? 'CORP' : 'WORKGROUP') : '',
    lastLoggedUser: users[0] ?? '',
    ip,
    ...times,
  };
  return {
    number: n,
    site,
    environment: { platform: os.platform, release: os.release },
    fields,
    cpus,
    disks: disksFor(random, profile, os.platform),
    networks,
    users,
    agent: agentFor(random, os.platform, name, site, ip, times),
  };
}

/** LT-PAR-000123 on Windows and Macs; Linux hosts are named in lower case, as they usually are. */
export function computerName(profile: HardwareProfile, platform: Platform, site: SitePlan, n: number): string {
  const name = `${profile.prefix}-${site.code}-${String(n).padStart(6, '0')}`;
  return platform === 'linux' ? name.toLowerCase() : name;
}

/** Version-5-shaped UUID from the seed and number: unique in practice, stable for a seed. */
export function uuidFor(seed: number, n: number): string {
  const hex = createHash('sha1').update(`parc-fleet:${seed}:${n}`).digest('hex');
  const variantNibble = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variantNibble}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Serial numbers in each manufacturer's shape. The variable part is a bijection of the sequence number, and
 * the shapes differ in prefix or length, so serials never repeat (up to 2^32 computers).
 */
export function serialFor(format: SerialFormat, n: number, uuid: string): string {
  const tag = scramble32(n).toString(36).toUpperCase().padStart(7, '0');
  switch (format) {
    case 'dell':
      return tag;
    case 'hp':
      return `5CG${tag}`;
    case 'lenovo':
      return `PF${tag}`;
    case 'apple':
      return `C02${tag}`;
    case 'hpe':
      return `CZJ${tag}`;
    case 'vmware': {
      const bytes = uuid.replace(/-/g, '').match(/../g)!;
      return `VMware-${bytes.slice(0, 8).join(' ')}-${bytes.slice(8).join(' ')}`;
    }
    case 'hyperv': {
      const digits = String(scramble32(n)).padStart(10, '0');
      return `0000-0014-${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}00-0000-00`;
    }
  }
}

/**
 * A vendor prefix and a 24-bit device part that is a bijection of (computer, interface): MAC addresses are
 * unique across the fleet. Past 2^23 computers, locally administered addresses carry the number instead.
 */
export function macFor(oui: string, n: number, interfaceIndex: number): string {
  const index = n * 2 + interfaceIndex;
  if (index >= 2 ** 24) {
    const hex = index.toString(16).padStart(10, '0').slice(-10);
    return `02:${hex.match(/../g)!.join(':')}`;
  }
  const device = scramble24(index).toString(16).padStart(6, '0');
  return `${oui}:${device.slice(0, 2)}:${device.slice(2, 4)}:${device.slice(4, 6)}`;
}

/** The link-local IPv6 address derived from a MAC address (EUI-64), as interfaces configure it. */
export function linkLocalIpv6(mac: string): string {
  const b = mac.split(':').map((h) => Number.parseInt(h, 16));
  const words = [(b[0] ^ 0x02) * 256 + b[1], b[2] * 256 + 0xff, 0xfe00 + b[3], b[4] * 256 + b[5]];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

/** `<hostname>-YYYY-MM-DD-HH-MM-SS`: the agent's installation time, as every agent builds its device id. */
export function deviceIdFor(hostname: string, installedAt: Date): string {
  const [date, time] = installedAt.toISOString().slice(0, 19).split('T');
  return `${hostname}-${date}-${time.replace(/:/g, '-')}`;
}

function cpusFor(random: Random, profile: HardwareProfile): CpuItem[] {
  const model = random.pick(profile.cpus);
  const sockets = random.weighted(profile.sockets);
  return Array.from({ length: sockets }, () => ({ ...model }));
}

function swapFor(random: Random, platform: Platform, memoryGb: number): number {
  if (platform === 'windows') return Math.round(memoryGb * 1024 * (0.12 + 0.1 * random.next()));
  if (platform === 'macos') return random.pick([0, 1024, 2048, 3072]);
  return random.pick([0, 1023, 2047, 4095]);
}

type Space = { totalMb: number; freeMb: number };

/** A total size for a disk of `gb`, in MiB as agents report it, and a free part: a few computers run nearly full. */
function space(random: Random, gb: number): Space {
  const totalMb = Math.round(gb * 953.67 * (0.97 + 0.02 * random.next()));
  const freeShare = random.chance(0.08) ? 0.01 + 0.07 * random.next() : 0.15 + 0.7 * random.next();
  return { totalMb, freeMb: Math.round(totalMb * freeShare) };
}

const disk = (mountPoint: string, device: string, fileSystem: string, label: string, size: Space): DiskItem => ({ mountPoint, device, fileSystem, label, ...size });

/** 1 to 3 volumes: C: (and D:) on Windows, / (and /boot/efi, /home or /data) on Linux, the APFS pair on macOS. */
function disksFor(random: Random, profile: HardwareProfile, platform: Platform): DiskItem[] {
  const gb = random.weighted(profile.diskGb);
  const physical = profile.kind !== 'vm';
  if (platform === 'macos') {
    const data = space(random, gb);
    return [disk('/', '/dev/disk3s1s1', 'apfs', 'Macintosh HD', data), disk('/System/Volumes/Data', '/dev/disk3s5', 'apfs', 'Data', data)];
  }
  if (platform === 'windows') {
    const disks = [disk('C:', '', 'NTFS', physical ? 'Windows' : '', space(random, gb))];
    if (profile.kind !== 'laptop' && random.chance(0.3)) disks.push(disk('D:', '', 'NTFS', 'Data', space(random, random.pick([500, 1000, 2000]))));
    return disks;
  }
  const disks = [disk('/', physical ? '/dev/nvme0n1p2' : '/dev/sda1', 'ext4', '', space(random, physical ? gb * 0.4 : gb))];
  if (physical) disks.push(disk('/boot/efi', '/dev/nvme0n1p1', 'vfat', '', { totalMb: 511, freeMb: 505 }));
  if (random.chance(0.4)) {
    disks.push(physical ? disk('/home', '/dev/nvme0n1p3', 'ext4', '', space(random, gb * 0.6)) : disk('/data', '/dev/sdb1', 'xfs', '', space(random, random.pick([100, 500, 1000]))));
  }
  return disks;
}

/** 1 or 2 interfaces, each with a unique MAC and an address on the site's subnet; the first one is primary. */
function networksFor(random: Random, profile: HardwareProfile, platform: Platform, site: SitePlan, n: number, addresses: SiteAddresses): NetworkItem[] {
  const models: NicModel[] = [profile.nics[0]];
  if (profile.nics.length > 1 && random.chance(profile.secondNic)) models.push(profile.nics[1]);
  // Laptops on Wi-Fi most of the time: list the wireless interface first then.
  if (models.length === 2 && models[1].type === 'wifi' && random.chance(0.6)) models.reverse();
  return models.map((model, i) => {
    const mac = macFor(random.pick(model.ouis), n, i);
    const baseName = model.names[platform] ?? model.names.linux ?? model.names.windows ?? 'eth0';
    const name = i === 1 && model === models[0] ? secondName(baseName) : baseName;
    return {
      name,
      mac,
      ipv4: addresses.next(site),
      ipv4Mask: '255.255.0.0',
      ipv4Gateway: `10.${site.index}.0.1`,
      ipv6: linkLocalIpv6(mac),
      status: 'Up',
      type: model.type,
      virtual: false,
    };
  });
}

/** Two interfaces of the same model: ens192 / ens224, eth0 / eth1, "… #2" on Windows. */
function secondName(name: string): string {
  if (name === 'ens192') return 'ens224';
  if (/\d$/.test(name) && !name.includes(' ')) return name.replace(/\d+$/, (d) => String(Number(d) + 1));
  return `${name} #2`;
}

function usersFor(random: Random, profile: HardwareProfile, site: SitePlan): string[] {
  const count = random.weighted<number>([
    [0, 0.1],
    [1, 0.78],
    [2, 0.12],
  ]);
  const server = profile.kind === 'server' || profile.kind === 'vm';
  const logins = new Set<string>();
  for (let i = 0; i < count; i++) logins.add(server ? random.pick(SERVICE_ACCOUNTS) : personLogin(random, site));
  return [...logins];
}

/** jdupont-style login, without accents or spaces. */
function personLogin(random: Random, site: SitePlan): string {
  const people = PEOPLE[site.locale] ?? PEOPLE.en;
  const login = `${random.pick(people.first)[0]}${random.pick(people.last)}`;
  return login
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/**
 * Most agents contacted the server within the day, some within the month, a few are stale (up to four months).
 * The last inventory is at most a day older than the last contact; the computer was first seen months or years before.
 */
function timesFor(random: Random, now: number): { lastContactAt: Date; lastInventoryAt: Date; createdAt: Date } {
  const age = random.weighted<[number, number]>([
    [[0, DAY], 0.7],
    [[DAY, 7 * DAY], 0.15],
    [[7 * DAY, 30 * DAY], 0.1],
    [[30 * DAY, 120 * DAY], 0.05],
  ]);
  const lastContact = now - age[0] - Math.floor(random.next() * (age[1] - age[0]));
  const created = lastContact - DAY - Math.floor(random.next() * 3 * 365 * DAY * random.next());
  const lastInventory = Math.max(created, lastContact - Math.floor(random.next() * 20 * HOUR));
  // Whole seconds, as DATETIME columns store them.
  const second = (t: number) => new Date(Math.floor(t / 1000) * 1000);
  return { lastContactAt: second(lastContact), lastInventoryAt: second(lastInventory), createdAt: second(created) };
}

function agentFor(random: Random, platform: Platform, hostname: string, site: SitePlan, ip: string, times: { lastContactAt: Date; createdAt: Date }): SeededAgent {
  const kind = random.weighted(AGENT_KINDS);
  const { userAgent } = random.weighted(AGENT_FLAVOURS[kind][platform].map((f) => [f, f.weight] as const));
  const installedAt = new Date(times.createdAt.getTime() - random.int(60, 1800) * 1000);
  return {
    deviceId: deviceIdFor(hostname, installedAt),
    kind,
    version: userAgent.slice(userAgent.indexOf('_v') + 2),
    userAgent,
    remoteAddress: ip,
    httpPort: kind === 'ocs' ? null : AGENT_HTTP_PORT,
    tag: site.code,
    lastContactAt: times.lastContactAt,
    createdAt: times.createdAt,
  };
}
