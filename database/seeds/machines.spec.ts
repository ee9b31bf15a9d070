import { agentFromUserAgent, assertDeviceId } from '../../server/src/modules/inventory/protocol/agent-message';
import { cleanMac, cleanSerial, cleanUuid } from '../../server/src/modules/inventory/protocol/inventory-document';
import { planEntityTree } from './entity-tree';
import { HARDWARE } from './hardware';
import { deviceIdFor, generateComputer, linkLocalIpv6, type MachineContext, macFor, type SeededComputer, serialFor, SiteAddresses, uuidFor } from './machines';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const sites = planEntityTree(20).flatMap((r) => r.sites);
const context = (seed = 1): MachineContext => ({ seed, sites, addresses: new SiteAddresses(), now: NOW });
const fleet = (count: number, first = 1, seed = 1) => {
  const ctx = context(seed);
  return Array.from({ length: count }, (_, i) => generateComputer(first + i, ctx));
};

describe('generateComputer', () => {
  const computers = fleet(20_000);

  it('is the same for the same seed and number', () => {
    expect(fleet(50, 1000)).toEqual(fleet(50, 1000));
    const other = fleet(50, 1000, 2);
    expect(other.map((c) => c.fields.uuid)).not.toEqual(fleet(50, 1000).map((c) => c.fields.uuid));
  });

  it('gives unique names, serials, UUIDs, MAC addresses and device ids', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(computers.map((c) => c.fields.name));
    unique(computers.map((c) => c.fields.serial));
    unique(computers.map((c) => c.fields.uuid));
    unique(computers.flatMap((c) => c.networks.map((n) => n.mac)));
    unique(computers.map((c) => c.agent.deviceId));
  });

  it('produces values the inventory intake accepts unchanged', () => {
    const rejected = computers.slice(0, 2000).filter((c) => {
      const agent = agentFromUserAgent(c.agent.userAgent);
      return (
        cleanSerial(c.fields.serial) !== c.fields.serial ||
        cleanUuid(c.fields.uuid) !== c.fields.uuid ||
        c.networks.some((n) => cleanMac(n.mac) !== n.mac) ||
        agent?.kind !== c.agent.kind ||
        agent?.version !== c.agent.version
      );
    });
    expect(rejected.map((c) => c.fields.name)).toEqual([]);
    for (const c of computers.slice(0, 50)) expect(() => assertDeviceId(c.agent.deviceId)).not.toThrow();
  });

  it('names computers after their site and number', () => {
    const c = computers[122];
    expect(c.fields.name).toMatch(new RegExp(`^(PC|LT|SRV|VM|MAC)-${c.site.code}-000123$`, 'i'));
    expect(c.agent.tag).toBe(c.site.code);
  });

  it('keeps children within their ranges, consistent with the computer', () => {
    // Problems are gathered and compared once: an expect per computer and rule takes seconds.
    const problems: string[] = [];
    const rule = (c: SeededComputer, ok: boolean, what: string) => ok || problems.push(`${c.fields.name}: ${what}`);
    for (const c of computers) {
      rule(c, c.cpus.length >= 1 && c.cpus.length <= 2 && c.fields.cpuCount === c.cpus.length, 'CPU count');
      rule(c, c.fields.cpuCores === c.cpus.reduce((s, cpu) => s + cpu.cores, 0), 'core count');
      rule(c, c.disks.length >= 1 && c.disks.length <= 3 && c.disks.every((d) => d.freeMb <= d.totalMb), 'disks');
      rule(c, c.networks.length >= 1 && c.networks.length <= 2, 'interface count');
      rule(c, c.networks.every((n) => n.ipv4.startsWith(`10.${c.site.index}.`)), 'site subnet');
      rule(c, c.fields.ip === c.networks[0].ipv4 && c.agent.remoteAddress === c.fields.ip, 'primary address');
      rule(c, c.users.length <= 2 && c.fields.lastLoggedUser === (c.users[0] ?? ''), 'users');
    }
    expect(problems).toEqual([]);
  });

  it('orders the dates: created ≤ last inventory ≤ last contact ≤ now, most contacts recent, some stale', () => {
    const ordered = ({ fields: f, agent }: SeededComputer) =>
      f.createdAt <= f.lastInventoryAt && f.lastInventoryAt <= f.lastContactAt && f.lastContactAt.getTime() <= NOW && agent.lastContactAt === f.lastContactAt;
    const wrong = computers.filter((c) => !ordered(c));
    expect(wrong.map((c) => c.fields.name)).toEqual([]);
    const age = (c: SeededComputer) => (NOW - c.fields.lastContactAt.getTime()) / 86_400_000;
    expect(computers.filter((c) => age(c) < 1).length / computers.length).toBeGreaterThan(0.6);
    expect(computers.filter((c) => age(c) > 30).length / computers.length).toBeGreaterThan(0.02);
  });

  it('mixes operating systems, machine types and agents as a real fleet does', () => {
    const share = (test: (c: SeededComputer) => boolean) => computers.filter(test).length / computers.length;
    expect(share((c) => c.fields.osName.startsWith('Microsoft Windows 11'))).toBeGreaterThan(0.3);
    expect(share((c) => c.fields.osName.startsWith('Microsoft Windows 10'))).toBeGreaterThan(0.2);
    for (const os of ['Ubuntu 22.04', 'Ubuntu 24.04', 'Debian GNU/Linux 12', 'macOS']) expect(share((c) => c.fields.osName.startsWith(os))).toBeGreaterThan(0.03);
    expect(share((c) => c.fields.osName === 'macOS')).toBe(share((c) => c.fields.manufacturer === 'Apple Inc.'));
    expect(share((c) => c.fields.type === 'VMware')).toBeGreaterThan(0.1);
    expect(share((c) => c.agent.kind === 'fusioninventory')).toBeCloseTo(0.5, 1);
    expect(share((c) => c.agent.kind === 'glpi-agent')).toBeCloseTo(0.2, 1);
    expect(share((c) => c.agent.kind === 'ocs')).toBeCloseTo(0.3, 1);
    expect(share((c) => c.site.name === 'Paris')).toBeGreaterThan(share((c) => c.site.name === 'Warsaw'));
  });

  it('fits every text column', () => {
    const limits: [keyof SeededComputer['fields'], number][] = [
      ['name', 255], ['serial', 255], ['uuid', 64], ['type', 64], ['biosDate', 32], ['osVersion', 100], ['osArch', 32], ['osKernel', 100], ['ip', 45],
    ];
    const tooLong = computers.flatMap((c) => [
      ...limits.filter(([field, max]) => String(c.fields[field]).length > max).map(([field]) => `${c.fields.name} ${field}`),
      ...(c.networks.some((n) => n.ipv6.length > 64) || c.agent.version.length > 50 ? [`${c.fields.name} ipv6 or agent version`] : []),
    ]);
    expect(tooLong).toEqual([]);
  });
});

describe('identifiers', () => {
  it('serials differ between manufacturers and numbers', () => {
    const uuid = uuidFor(1, 7);
    const formats = [...new Set(HARDWARE.map((p) => p.serial))];
    const serials = formats.flatMap((f) => [serialFor(f, 7, uuid), serialFor(f, 8, uuidFor(1, 8))]);
    expect(new Set(serials).size).toBe(serials.length);
    expect(serialFor('vmware', 7, uuid)).toMatch(/^VMware-([0-9a-f]{2} ){7}[0-9a-f]{2}-([0-9a-f]{2} ){7}[0-9a-f]{2}$/);
  });

  it('UUIDs are well formed', () => {
    expect(uuidFor(1, 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('MAC addresses stay unique past 2^23 computers, as locally administered addresses', () => {
    const high = macFor('00:50:56', 2 ** 23 + 5, 1);
    expect(high).toMatch(/^02(:[0-9a-f]{2}){5}$/);
    expect(cleanMac(high)).toBe(high);
    expect(macFor('00:50:56', 2 ** 23 + 5, 0)).not.toBe(high);
  });

  it('derives the link-local IPv6 address from the MAC address', () => {
    expect(linkLocalIpv6('00:50:56:aa:bb:cc')).toBe('fe80::250:56ff:feaa:bbcc');
  });

  it('builds device ids as agents do', () => {
    expect(deviceIdFor('PC-PAR-000123', new Date(Date.UTC(2024, 2, 5, 9, 7, 3)))).toBe('PC-PAR-000123-2024-03-05-09-07-03');
  });

  it('hands out site addresses in order, the gateway excepted', () => {
    const addresses = new SiteAddresses();
    const [paris, lyon] = sites;
    expect([addresses.next(paris), addresses.next(paris), addresses.next(lyon)]).toEqual(['10.1.1.10', '10.1.1.11', '10.2.1.10']);
  });
});
