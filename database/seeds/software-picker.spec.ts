import { buildCatalogue, type CatalogueEntry } from './catalogue';
import { Random, Stream } from './random';
import { SoftwarePicker, zipfWeightFor } from './software-picker';

/** Version ids as the database would hand them out: 1, 2, 3… in catalogue order. */
function idsFor(catalogue: readonly CatalogueEntry[]): number[][] {
  let next = 1;
  return catalogue.map((e) => e.versions.map(() => next++));
}

describe('SoftwarePicker', () => {
  const catalogue = buildCatalogue(3000, 1);
  const ids = idsFor(catalogue);
  const picker = new SoftwarePicker(catalogue, ids, 150);
  const pickMany = (environment: Parameters<SoftwarePicker['pick']>[1], count: number) =>
    Array.from({ length: count }, (_, n) => picker.pick(new Random(1, Stream.software, n), environment));

  it('averages the requested count, each computer between about 80 % and 120 % of it', () => {
    for (const environment of [{ platform: 'windows' as const }, { platform: 'linux' as const, release: 'debian-12' as const }, { platform: 'macos' as const }]) {
      const lists = pickMany(environment, 2000);
      const average = lists.reduce((sum, l) => sum + l.length, 0) / lists.length;
      expect(average).toBeGreaterThan(140);
      expect(average).toBeLessThan(160);
      expect(Math.min(...lists.map((l) => l.length))).toBeGreaterThan(90);
      expect(Math.max(...lists.map((l) => l.length))).toBeLessThan(220);
    }
  });

  it('returns distinct version ids in ascending order, one version per software', () => {
    const owner = new Map<number, number>();
    ids.forEach((versionIds, entry) => versionIds.forEach((id) => owner.set(id, entry)));
    const wrong = pickMany({ platform: 'windows' }, 200).filter(
      (list) => list.some((id, i) => i > 0 && list[i - 1] >= id) || new Set(list.map((id) => owner.get(id))).size !== list.length,
    );
    expect(wrong).toEqual([]);
  });

  it('puts common software on most computers and the long tail on few', () => {
    const lists = pickMany({ platform: 'windows' }, 2000);
    const share = (name: string) => {
      const entry = catalogue.findIndex((e) => e.name === name);
      const versionIds = new Set(ids[entry]);
      return lists.filter((l) => l.some((id) => versionIds.has(id))).length / lists.length;
    };
    expect(share('Microsoft Edge')).toBeGreaterThan(0.9);
    expect(share('Google Chrome')).toBeGreaterThan(0.75);
    const lastWindowsEntry = catalogue.map((e, i) => [e, i] as const).filter(([e]) => e.platforms.includes('windows')).at(-1)![0];
    expect(share(lastWindowsEntry.name)).toBeLessThan(0.1);
  });

  it('installs only software of the platform, in versions built for the Linux release', () => {
    const channelOf = new Map<number, { platforms: string[]; channel: string }>();
    catalogue.forEach((e, i) => e.versions.forEach((v, j) => channelOf.set(ids[i][j], { platforms: e.platforms, channel: v.channel })));
    const linux = pickMany({ platform: 'linux', release: 'ubuntu-24.04' }, 200).flat().map((id) => channelOf.get(id)!);
    expect(linux.filter((v) => !v.platforms.includes('linux') || !['', 'ubuntu-24.04'].includes(v.channel))).toEqual([]);
    const macos = pickMany({ platform: 'macos' }, 200).flat().map((id) => channelOf.get(id)!);
    expect(macos.filter((v) => !v.platforms.includes('macos'))).toEqual([]);
  });

  it('prefers the newest version of a software', () => {
    const chrome = catalogue.findIndex((e) => e.name === 'Google Chrome');
    const [oldest, , newest] = ids[chrome];
    const lists = pickMany({ platform: 'windows' }, 2000);
    const count = (id: number) => lists.filter((l) => l.includes(id)).length;
    expect(count(newest)).toBeGreaterThan(count(oldest) * 2);
  });

  it('caps the count when the platform catalogue is too small, and says so', () => {
    const small = buildCatalogue(60, 1);
    const smallPicker = new SoftwarePicker(small, idsFor(small), 150);
    const available = smallPicker.availableCount({ platform: 'macos' });
    expect(smallPicker.expectedCount({ platform: 'macos' })).toBeLessThanOrEqual(available);
    expect(smallPicker.pick(new Random(1), { platform: 'macos' }).length).toBeLessThanOrEqual(available);
  });
});

describe('zipfWeightFor', () => {
  it('is 0 for an empty pool or target, and grows with the target', () => {
    expect(zipfWeightFor(0, 150)).toBe(0);
    expect(zipfWeightFor(1000, 0)).toBe(0);
    expect(zipfWeightFor(1000, 100)).toBeLessThan(zipfWeightFor(1000, 200));
  });
});
