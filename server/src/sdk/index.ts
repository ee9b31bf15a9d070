/**
 * The public surface for plugins: the only core module a plugin imports (as `@parc/sdk`). Everything else in
 * server/src is internal and may change without notice.
 */
export { ALL_STANDARD_BITS, Bits, CoreRight, hasBits } from '@parc/contracts';
export type { LocalizedText, MassActionItemResult, MenuEntry, Page, RightDefinition } from '@parc/contracts';

export { Plugin, pluginManifestOf } from './plugin';
export type {
  AgentTaskDefinition,
  AgentTaskHandler,
  MassActionDefinition,
  MassActionHandler,
  PeriodicJob,
  PeriodicJobDefinition,
  PluginManifest,
  PluginMetadata,
  PluginMigrations,
  QueueDefinition,
  QueueProcessor,
  RawRouteDefinition,
  RawRouteHandler,
  SearchFieldDefinition,
  TabDefinition,
} from './plugin';

export { RequestContext } from './request-context';
export type { EntityRef, Grant, Principal } from './request-context';
export { entityScopeWhere, isVisible, requireVisible } from './entity-scope';
export { entityNodes, pathIds } from './entity-lookup';
export type { EntityNodeRef } from './entity-lookup';
export type { ScopeOptions } from './entity-scope';
export { AnyUser, Ctx, Public, RequireRight } from './access.decorators';

export { AuditService } from '../modules/audit/audit.service';
export type { AuditRecord } from '../modules/audit/audit.service';
export { QueueService } from '../common/queue/queue.service';
export type { AddJobOptions } from '../common/queue/queue.service';
export { ListQueryDto, resolveList, fetchPage, containsCondition, MAX_PAGE_SIZE } from '../common/http/list-query.dto';
export type { ResolvedList } from '../common/http/list-query.dto';
export { APP_CONFIG } from '../common/config/config.module';
export { ConfigError, EnvReader } from '../common/config/config';
export type { AppConfig } from '../common/config/config';
export { ROOT_ENTITY_ID } from '../modules/entities/entity-node.entity';
export { Bulk } from '../common/database/bulk';
export { dateFromDb } from '../common/database/dates';
export { isUniqueViolation, withRowLock } from '../common/database/dialect';
export { validateAsBody } from '../common/errors/validation';
export { IdPipe } from '../common/http/id-param.pipe';
