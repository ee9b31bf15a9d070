import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Type } from '@nestjs/common';
import * as semver from 'semver';
import { codeRoot, repoRoot } from '../common/paths';
import { type PluginManifest, pluginManifestOf } from '../sdk/plugin';

export interface LoadedPlugin {
  manifest: PluginManifest;
  module: Type<unknown>;
  dir: string;
}

export class PluginLoadError extends Error {}

const NAME = /^[a-z][a-z0-9-]{0,40}$/;

/** Directories of the plugins shipped under plugins/, in the tree the running code was compiled into. */
export function bundledPluginDirs(): string[] {
  const root = join(codeRoot(), 'plugins');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && hasEntry(join(root, d.name)))
    .map((d) => join(root, d.name))
    .sort();
}

function hasEntry(dir: string): boolean {
  return ['index.js', 'index.ts'].some((f) => existsSync(join(dir, 'server', f)));
}

/** A spec is a plugin name (under plugins/) or a path to a plugin directory. */
function resolveSpec(spec: string): string {
  if (NAME.test(spec)) return join(codeRoot(), 'plugins', spec);
  return isAbsolute(spec) ? spec : resolve(repoRoot(), spec);
}

/**
 * Loads the enabled plugins before the Nest application is built (their modules, entities and migrations
 * shape it), and refuses any plugin whose manifest is invalid or whose core range excludes this core.
 */
export function loadPlugins(specs: string[] | undefined, coreVersion: string): LoadedPlugin[] {
  const dirs = specs === undefined ? bundledPluginDirs() : specs.map(resolveSpec);
  const plugins = dirs.map((dir) => loadOne(dir, coreVersion));
  const seen = new Set<string>();
  for (const p of plugins) {
    if (seen.has(p.manifest.name)) throw new PluginLoadError(`Plugin '${p.manifest.name}' is enabled twice`);
    seen.add(p.manifest.name);
  }
  return plugins;
}

function loadOne(dir: string, coreVersion: string): LoadedPlugin {
  if (!hasEntry(dir)) {
    throw new PluginLoadError(`No plugin at ${dir}: expected ${join(dir, 'server', 'index')}.js (or .ts when running sources)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(join(dir, 'server')) as Record<string, unknown>;
  const found = Object.values(exports).filter((v) => pluginManifestOf(v));
  if (found.length !== 1) {
    throw new PluginLoadError(`${join(dir, 'server')} must export exactly one class decorated with @Plugin (found ${found.length})`);
  }
  const module = found[0] as Type<unknown>;
  const manifest = pluginManifestOf(module)!;
  checkManifest(manifest, coreVersion);
  return { manifest, module, dir };
}

export function checkManifest(m: PluginManifest, coreVersion: string): void {
  const problems: string[] = [];
  if (!NAME.test(m.name ?? '')) problems.push(`name '${m.name}' must be lower-case letters, digits and dashes`);
  if (!semver.valid(m.version)) problems.push(`version '${m.version}' is not a semantic version`);
  if (!semver.validRange(m.coreRange)) problems.push(`coreRange '${m.coreRange}' is not a semver range`);
  else if (!semver.satisfies(coreVersion, m.coreRange, { includePrerelease: true })) {
    throw new PluginLoadError(
      `Plugin '${m.name}' ${m.version} supports core ${m.coreRange}, but this core is ${coreVersion}. ` +
        `Upgrade the plugin, or leave it out of PLUGINS to start without it.`,
    );
  }
  const prefixed = (kind: string, names: string[]) => {
    for (const n of names) if (!n.startsWith(`${m.name}.`)) problems.push(`${kind} '${n}' must be named '${m.name}.<something>'`);
  };
  prefixed('right', (m.rights ?? []).map((r) => r.name));
  prefixed('mass action', (m.massActions ?? []).map((a) => a.key));
  prefixed('periodic job', (m.periodicJobs ?? []).map((j) => j.name));
  prefixed('queue', (m.queues ?? []).map((q) => q.name));
  for (const p of m.agentPaths ?? []) if (!p.startsWith(`${m.name}/`)) problems.push(`agent path '${p}' must start with '${m.name}/'`);
  for (const r of m.rawRoutes ?? []) {
    if (!r.prefix.startsWith(`/${m.name}/`) || !r.prefix.endsWith('/')) problems.push(`raw route prefix '${r.prefix}' must start with '/${m.name}/' and end with '/'`);
  }
  if (problems.length) throw new PluginLoadError(`Plugin '${m.name}' has an invalid manifest:\n  - ${problems.join('\n  - ')}`);
}
