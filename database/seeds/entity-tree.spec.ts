import { CITIES, MAX_SITES, planEntityTree } from './entity-tree';

describe('planEntityTree', () => {
  it('puts the requested number of real cities under the regions that have one', () => {
    const regions = planEntityTree(20);
    const sites = regions.flatMap((r) => r.sites);
    expect(sites).toHaveLength(20);
    expect(sites.map((s) => s.name)).toEqual(expect.arrayContaining(['Paris', 'Lyon', 'Berlin', 'London', 'New York']));
    expect(regions.map((r) => r.name)).toEqual(['Europe', 'Americas', 'Asia-Pacific', 'Middle East & Africa']);
    for (const region of regions) for (const site of region.sites) expect(site.region).toBe(region.name);
    expect(planEntityTree(1).map((r) => r.name)).toEqual(['Europe']);
  });

  it('numbers the sites 1…N for their subnets, with unique names and codes', () => {
    const sites = planEntityTree(MAX_SITES).flatMap((r) => r.sites);
    expect(sites.map((s) => s.index).sort((a, b) => a - b)).toEqual(Array.from({ length: MAX_SITES }, (_, i) => i + 1));
    expect(new Set(sites.map((s) => s.name)).size).toBe(MAX_SITES);
    expect(new Set(sites.map((s) => s.code)).size).toBe(MAX_SITES);
    expect(sites.find((s) => s.index === CITIES.length + 1)!.name).toBe(`Site ${CITIES.length + 1}`);
  });

  it('refuses counts the subnets cannot hold', () => {
    expect(() => planEntityTree(0)).toThrow(RangeError);
    expect(() => planEntityTree(MAX_SITES + 1)).toThrow(RangeError);
  });
});
