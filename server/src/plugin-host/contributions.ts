import type { MassActionView, MenuEntry, PluginView, RightDefinition, TabView } from '@parc/contracts';
import type {
  AgentTaskDefinition,
  MassActionDefinition,
  PeriodicJobDefinition,
  PluginManifest,
  QueueDefinition,
  RawRouteDefinition,
  SearchFieldDefinition,
} from '../sdk/plugin';
import type { LoadedPlugin } from './plugin-loader';

/** What the core itself contributes, in the same shape as a plugin manifest. */
export type CoreContributions = Pick<PluginManifest, 'rights' | 'menu' | 'massActions' | 'periodicJobs' | 'queues' | 'searchFields'>;

type Owned<T> = T & { plugin?: string };

/**
 * Everything the core and the enabled plugins contribute (rights, menu, mass actions, tabs, search fields,
 * agent tasks, queues, periodic jobs), merged once at start. Core features and later issues read from here;
 * nothing else needs to know which plugins exist.
 */
export class Contributions {
  readonly rights: RightDefinition[] = [];
  readonly menu: MenuEntry[] = [];
  readonly massActions: Owned<MassActionDefinition>[] = [];
  readonly tabs: TabView[] = [];
  readonly searchFields: Owned<SearchFieldDefinition>[] = [];
  readonly agentTasks: Owned<AgentTaskDefinition>[] = [];
  readonly periodicJobs: Owned<PeriodicJobDefinition>[] = [];
  readonly queues: Owned<QueueDefinition>[] = [];
  /** Paths plugins serve outside /api. */
  readonly agentPaths: string[] = [];
  /** Prefixes plugins serve ahead of the framework. */
  readonly rawRoutes: Owned<RawRouteDefinition>[] = [];

  constructor(
    core: CoreContributions,
    readonly plugins: LoadedPlugin[],
  ) {
    this.add(core, undefined);
    for (const p of plugins) this.add(p.manifest, p.manifest.name);
    this.assertUnique('right', this.rights.map((r) => r.name));
    this.assertUnique('mass action', this.massActions.map((a) => a.key));
    this.assertUnique('periodic job', this.periodicJobs.map((j) => j.name));
    this.assertUnique('queue', this.queues.map((q) => q.name));
    this.assertUnique('raw route prefix', this.rawRoutes.map((r) => r.prefix));
    this.assertUnique('search field', this.searchFields.map((f) => `${f.itemType}.${f.key}`));
    this.menu.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  }

  rightNames(): Set<string> {
    return new Set(this.rights.map((r) => r.name));
  }

  massActionView(a: Owned<MassActionDefinition>): MassActionView {
    return { key: a.key, itemType: a.itemType, label: a.label, confirm: a.confirm, plugin: a.plugin };
  }

  pluginViews(): PluginView[] {
    return this.plugins.map(({ manifest: m }) => ({
      name: m.name,
      version: m.version,
      coreRange: m.coreRange,
      description: m.description,
      rights: this.rights.filter((r) => r.plugin === m.name),
      menu: this.menu.filter((e) => e.plugin === m.name),
      massActions: this.massActions.filter((a) => a.plugin === m.name).map((a) => this.massActionView(a)),
      tabs: this.tabs.filter((t) => t.plugin === m.name),
      periodicJobs: (m.periodicJobs ?? []).map((j) => j.name),
      queues: (m.queues ?? []).map((q) => q.name),
    }));
  }

  private add(m: CoreContributions & Partial<PluginManifest>, plugin: string | undefined): void {
    const own = <T extends object>(items: T[] | undefined) => (items ?? []).map((i) => (plugin ? { ...i, plugin } : { ...i }));
    this.rights.push(...own(m.rights));
    this.menu.push(...own(m.menu));
    this.massActions.push(...own(m.massActions));
    this.periodicJobs.push(...own(m.periodicJobs));
    this.queues.push(...own(m.queues));
    this.searchFields.push(...own(m.searchFields));
    if (plugin) {
      this.tabs.push(...(m.tabs ?? []).map((t) => ({ ...t, plugin })));
      this.agentTasks.push(...own(m.agentTasks));
      this.agentPaths.push(...(m.agentPaths ?? []));
      this.rawRoutes.push(...own(m.rawRoutes));
    }
  }

  private assertUnique(kind: string, names: string[]): void {
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new Error(`Two contributions declare the ${kind} '${dup}'`);
  }
}
