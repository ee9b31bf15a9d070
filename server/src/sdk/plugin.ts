import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { LocalizedText, MassActionItemResult, MenuEntry, RightDefinition } from '@parc/contracts';
import type { RequestContext } from './request-context';

export const PLUGIN_MANIFEST = 'parc:plugin-manifest';

/** Migrations for each database the core supports: MariaDB/MySQL and SQLite spell DDL differently. */
export interface PluginMigrations {
  mysql: Type<unknown>[];
  sqlite: Type<unknown>[];
}

export interface MassActionHandler<TInput = unknown> {
  /** Acts on each id and says, per id, ok / failed / no-right. Rights must be checked per item here. */
  run(ctx: RequestContext, ids: number[], input: TInput): Promise<MassActionItemResult[]>;
}

export interface MassActionDefinition<TInput = unknown> {
  /** Unique key, `<plugin>.<action>` for plugins. */
  key: string;
  /** The list it applies to: `user`, `computer`, … */
  itemType: string;
  label: LocalizedText;
  /** Question the UI asks before running it. */
  confirm?: LocalizedText;
  /** The action shows only to users holding these bits of this right. */
  right: { name: string; bits: number };
  /** Optional class-validator DTO for the action's form. */
  input?: Type<TInput>;
  handler: Type<MassActionHandler<TInput>>;
}

/** A tab the plugin adds to another item type's page (the web part provides the component under the same key). */
export interface TabDefinition {
  itemType: string;
  key: string;
  label: LocalizedText;
  right?: string;
}

/**
 * A search field of an item type's criteria search. The SQL is declared, never built from user input: values
 * are always bound parameters. For computers the row alias is `c`.
 * - `column`: an expression on the row itself, e.g. `c.name`;
 * - `in`: a child table: the row matches when `c.id IN (SELECT <select> FROM <from> WHERE <column> matches)`.
 *   Criteria whose `in.from` is the same are combined on the same child row (software name AND version).
 */
export interface SearchFieldDefinition {
  itemType: string;
  key: string;
  label: LocalizedText;
  /** `group`: the value is a group id (equals / not equals), for "member of group". */
  type: 'string' | 'number' | 'date' | 'group';
  column?: string;
  in?: { select: string; from: string; column: string };
  /**
   * What can change the field's value, so that dynamic groups are re-evaluated only when it may matter: inventory
   * sections (`computer`, `software`, `networks`, `disks`, `cpus`, `users`), `contact` (inventory dates), `agent`,
   * `entity`. Without it, every change of a computer re-evaluates the groups using the field.
   */
  sections?: string[];
}

export interface PeriodicJob {
  /** Runs once per tick across the whole cluster; the returned text is kept in the job's run history. */
  run(ctx: RequestContext): Promise<string | void>;
}

export interface PeriodicJobDefinition {
  /** Unique name, `<plugin>.<job>` for plugins. */
  name: string;
  everySeconds: number;
  handler: Type<PeriodicJob>;
}

export interface QueueProcessor<TData = unknown> {
  process(data: TData, job: { id: string; attempt: number }): Promise<void>;
}

export interface QueueDefinition {
  /** Unique name, `<plugin>.<queue>` for plugins. */
  name: string;
  concurrency?: number;
  /** Attempts before a job is given up (default 3), with exponential backoff. */
  attempts?: number;
  handler: Type<QueueProcessor>;
}

/** A task a plugin offers to agents of one protocol (FusionInventory getConfig tasks, OCS PROLOG options). */
export interface AgentTaskHandler {
  /** The task name the agent knows, e.g. `Deploy` for FusionInventory, `DOWNLOAD` for OCS. */
  readonly task: string;
}

export interface AgentTaskDefinition {
  protocol: 'fusioninventory' | 'ocs';
  task: string;
  handler: Type<AgentTaskHandler>;
}

/**
 * Answers requests under a path prefix with plain Node HTTP, before the framework: no guard, no body parsing, no
 * validation, no request log, no unit of work. Only for public, high-rate reads that need none of those, such as
 * the file parts thousands of agents download (about twice the rate of the same handler as a controller).
 */
export interface RawRouteHandler {
  /** `path` is the part of the URL path after the prefix, query string removed, not decoded. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): void | Promise<void>;
}

export interface RawRouteDefinition {
  /** URL path prefix outside /api, `/<plugin>/…/`, e.g. `/deploy/repository/`. */
  prefix: string;
  /** Methods it answers; other methods go on to the framework (and its 404). */
  methods: ('GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE')[];
  handler: Type<RawRouteHandler>;
}

/** What the core needs to know about a plugin, besides its Nest module. */
export interface PluginManifest {
  name: string;
  version: string;
  /** Semver range of core versions this plugin supports, e.g. `^0.1.0`. */
  coreRange: string;
  description: string;
  entities?: Type<unknown>[];
  migrations?: PluginMigrations;
  rights?: Omit<RightDefinition, 'plugin'>[];
  menu?: Omit<MenuEntry, 'plugin'>[];
  massActions?: MassActionDefinition<any>[];
  tabs?: TabDefinition[];
  searchFields?: SearchFieldDefinition[];
  agentTasks?: AgentTaskDefinition[];
  periodicJobs?: PeriodicJobDefinition[];
  queues?: QueueDefinition[];
  /**
   * Route paths the plugin serves outside /api, for agents and mirrors that fetch fixed URLs, e.g.
   * `deploy/files/{*path}`. Each must start with the plugin's name.
   */
  agentPaths?: string[];
  /** Public, high-rate reads served ahead of the framework (see RawRouteHandler). */
  rawRoutes?: RawRouteDefinition[];
}

export type PluginMetadata = PluginManifest & Pick<ModuleMetadata, 'imports' | 'controllers' | 'providers' | 'exports'>;

/**
 * Declares a plugin: a Nest module plus its manifest. Entities get their TypeORM repositories, and every
 * handler class named in the manifest becomes a provider of the module, so the plugin lists them once.
 */
export function Plugin(metadata: PluginMetadata): ClassDecorator {
  const { imports = [], controllers = [], providers = [], exports: moduleExports = [], ...manifest } = metadata;
  const handlers = [
    ...(manifest.massActions ?? []).map((a) => a.handler),
    ...(manifest.periodicJobs ?? []).map((j) => j.handler),
    ...(manifest.queues ?? []).map((q) => q.handler),
    ...(manifest.agentTasks ?? []).map((t) => t.handler),
    ...(manifest.rawRoutes ?? []).map((r) => r.handler),
  ];
  const allProviders = [...new Set([...providers, ...handlers])];
  return (target) => {
    Module({
      imports: [...(manifest.entities?.length ? [TypeOrmModule.forFeature(manifest.entities)] : []), ...imports],
      controllers,
      providers: allProviders,
      exports: moduleExports,
    })(target);
    Reflect.defineMetadata(PLUGIN_MANIFEST, manifest, target);
  };
}

export function pluginManifestOf(target: unknown): PluginManifest | undefined {
  return typeof target === 'function' ? Reflect.getMetadata(PLUGIN_MANIFEST, target) : undefined;
}
