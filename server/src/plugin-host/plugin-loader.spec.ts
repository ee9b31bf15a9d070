import { checkManifest, PluginLoadError } from './plugin-loader';

const base = { name: 'stock', version: '1.2.0', coreRange: '^0.1.0', description: 'Stock' };

describe('checkManifest', () => {
  it('accepts a plugin whose range includes the core version', () => {
    expect(() => checkManifest(base, '0.1.0')).not.toThrow();
    expect(() => checkManifest({ ...base, coreRange: '>=0.1.0 <1.0.0' }, '0.9.3')).not.toThrow();
  });

  it('refuses a plugin written for another core, saying how to proceed', () => {
    expect(() => checkManifest({ ...base, coreRange: '^2.0.0' }, '0.1.0')).toThrow(
      new PluginLoadError("Plugin 'stock' 1.2.0 supports core ^2.0.0, but this core is 0.1.0. Upgrade the plugin, or leave it out of PLUGINS to start without it."),
    );
  });

  it('requires names of rights, actions, jobs and queues to carry the plugin prefix', () => {
    const manifest = {
      ...base,
      version: 'one',
      rights: [{ name: 'computer', label: { en: 'x' }, bits: 1 }],
      periodicJobs: [{ name: 'cleanup', everySeconds: 1, handler: class {} as never }],
      agentPaths: ['stock/items/{*path}', 'files/{*path}'],
      rawRoutes: [
        { prefix: '/stock/parts/', methods: ['GET' as const], handler: class {} as never },
        { prefix: '/parts/', methods: ['GET' as const], handler: class {} as never },
      ],
    };
    expect(() => checkManifest(manifest, '0.1.0')).toThrow(
      /version 'one' is not a semantic version[\s\S]*right 'computer' must be named 'stock.<something>'[\s\S]*periodic job 'cleanup'[\s\S]*agent path 'files\/\{\*path\}' must start with 'stock\/'\n  - raw route prefix '\/parts\/' must start with '\/stock\/' and end with '\/'$/,
    );
  });
});
