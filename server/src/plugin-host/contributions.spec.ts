import { Contributions } from './contributions';
import type { LoadedPlugin } from './plugin-loader';

const plugin = (name: string, extra: object = {}): LoadedPlugin => ({
  manifest: { name, version: '1.0.0', coreRange: '*', description: name, ...extra },
  module: class {},
  dir: `/plugins/${name}`,
});

describe('Contributions', () => {
  it('merges core and plugin contributions, tagging each with its plugin, menu sorted by order', () => {
    const c = new Contributions(
      { rights: [{ name: 'user', label: { en: 'Users' }, bits: 31 }], menu: [{ path: '/users', label: { en: 'Users' }, icon: 'group', order: 20 }] },
      [plugin('stock', { rights: [{ name: 'stock.item', label: { en: 'Items' }, bits: 1 }], menu: [{ path: '/stock', label: { en: 'Stock' }, icon: 'inventory', order: 5 }] })],
    );
    expect(c.rights).toEqual([
      { name: 'user', label: { en: 'Users' }, bits: 31 },
      { name: 'stock.item', label: { en: 'Items' }, bits: 1, plugin: 'stock' },
    ]);
    expect(c.menu.map((m) => m.path)).toEqual(['/stock', '/users']);
    expect(c.pluginViews()[0]).toMatchObject({ name: 'stock', rights: [{ name: 'stock.item' }], menu: [{ path: '/stock' }] });
  });

  it('refuses two contributions with the same name', () => {
    const right = { rights: [{ name: 'x.shared', label: { en: 'X' }, bits: 1 }] };
    expect(() => new Contributions({}, [plugin('a', right), plugin('b', right)])).toThrow("Two contributions declare the right 'x.shared'");
  });
});
