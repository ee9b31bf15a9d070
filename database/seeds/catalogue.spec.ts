import { createHash } from 'node:crypto';
import { buildCatalogue, LINUX_RELEASES, releaseVersions, softwareKey, versionKey } from './catalogue';
import { Random } from './random';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('buildCatalogue', () => {
  const catalogue = buildCatalogue(3000, 1);

  it('has exactly the requested number of distinct (name, publisher) entries', () => {
    for (const size of [1, 10, 3000, 20_000]) {
      const entries = buildCatalogue(size, 5);
      expect(entries).toHaveLength(size);
      expect(new Set(entries.map((e) => `${e.name}\u0000${e.publisher}`)).size).toBe(size);
    }
  });

  it('starts with well-known software, most common first, then generated names', () => {
    expect(catalogue[0]).toMatchObject({ name: 'Microsoft Edge', publisher: 'Microsoft Corporation', platforms: ['windows'] });
    const names = catalogue.map((e) => e.name);
    for (const known of ['Google Chrome', 'Mozilla Firefox (x64 en-US)', '7-Zip 23.01 (x64)', 'Microsoft 365 Apps for enterprise - en-us', 'openssh-client', 'libc6', 'Safari']) {
      expect(names).toContain(known);
    }
    expect(names.indexOf('libc6')).toBeLessThan(names.indexOf('tmux'));
  });

  it('is the same for the same seed; another seed keeps the well-known names and generates others', () => {
    expect(buildCatalogue(3000, 1)).toEqual(catalogue);
    const other = buildCatalogue(3000, 2);
    const identity = (e: { name: string; publisher: string }) => `${e.name} / ${e.publisher}`;
    expect(other.slice(0, 100).map(identity)).toEqual(catalogue.slice(0, 100).map(identity));
    expect(other.slice(-100).map(identity)).not.toEqual(catalogue.slice(-100).map(identity));
  });

  it('covers every platform, with realistic shares', () => {
    const share = (platform: string) => catalogue.filter((e) => e.platforms.includes(platform as never)).length / catalogue.length;
    expect(share('windows')).toBeGreaterThan(0.4);
    expect(share('linux')).toBeGreaterThan(0.3);
    expect(share('macos')).toBeGreaterThan(0.1);
  });

  it('fits the columns: names and publishers ≤ 255, versions ≤ 128, at least one version each', () => {
    const misfits = buildCatalogue(20_000, 9).filter(
      (e) => !e.name || e.name.length > 255 || e.publisher.length > 255 || !e.versions.length || e.versions.some((v) => !v.version || v.version.length > 128),
    );
    expect(misfits).toEqual([]);
  });

  it('gives Linux packages versions per release, spelled the way each distribution does', () => {
    const packages = catalogue.filter((e) => e.platforms.includes('linux'));
    expect(packages.filter((p) => p.versions.some((v) => !LINUX_RELEASES.includes(v.channel as never)))).toEqual([]);
    const openssh = catalogue.find((e) => e.name === 'openssh-client')!;
    expect(openssh.versions.find((v) => v.channel === 'debian-12')!.version).toMatch(/deb12u/);
    expect(openssh.versions.find((v) => v.channel === 'ubuntu-22.04')!.version).toMatch(/ubuntu/);
    const generated = packages.slice(-200);
    expect(generated.some((p) => p.versions.some((v) => /ubuntu0\.\d+$/.test(v.version)))).toBe(true);
    expect(catalogue.filter((e) => !e.platforms.includes('linux') && e.versions.some((v) => v.channel !== ''))).toEqual([]);
  });
});

describe('releaseVersions', () => {
  it('gives 1 to 4 distinct versions, oldest first', () => {
    const random = new Random(11);
    const increasing = (a: number[], b: number[]) => a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
    const wrong = Array.from({ length: 1000 }, () => releaseVersions(random)).filter((versions) => {
      const numbers = versions.map((v) => v.split('.').slice(0, 3).map(Number));
      return versions.length < 1 || versions.length > 4 || numbers.some((n, j) => j > 0 && !increasing(numbers[j - 1], n));
    });
    expect(wrong).toEqual([]);
  });
});

describe('dictionary keys', () => {
  it('are the SHA-1 of the exact text, as the inventory dictionary computes them', () => {
    expect(softwareKey('Mozilla Firefox', 'Mozilla')).toBe(sha1('Mozilla Firefox\u0000Mozilla'));
    expect(versionKey(42, '131.0.3')).toBe(sha1('42\u0000131.0.3'));
    expect(softwareKey('foo', '')).not.toBe(softwareKey('Foo', ''));
  });
});
