import type { LocalizedText, RightDefinition } from './rights';

/** Every list endpoint answers this shape. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The one error body of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

export interface LoginRequest {
  login: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  expiresAt: string;
}

/** Request headers choosing the active entity; absent means the user's default. */
export const ENTITY_HEADER = 'x-entity-id';
export const ENTITY_RECURSIVE_HEADER = 'x-entity-recursive';

export interface EntityView {
  id: number;
  name: string;
  parentId: number | null;
  level: number;
  completeName: string;
  comment: string;
  createdAt: string;
  updatedAt: string;
}

export interface AuthorizationView {
  id: number;
  userId: number;
  profileId: number;
  profileName: string;
  entityId: number;
  entityName: string;
  recursive: boolean;
}

export interface MeView {
  id: number;
  login: string;
  name: string;
  email: string | null;
  authorizations: AuthorizationView[];
  /** Entities the user may choose as active (each authorization's entity and, if recursive, its sub-tree). */
  entities: EntityView[];
  activeEntityId: number;
  activeRecursive: boolean;
  /** Rights held on the active entity. */
  rights: Record<string, number>;
}

export interface UserView {
  id: number;
  login: string;
  name: string;
  email: string | null;
  active: boolean;
  entityId: number;
  entityName: string;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProfileView {
  id: number;
  name: string;
  comment: string;
  rights: Record<string, number>;
  createdAt: string;
  updatedAt: string;
}

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface CreatedApiToken extends ApiTokenView {
  /** Shown once, never stored in clear. */
  token: string;
}

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditEventView {
  id: number;
  at: string;
  userId: number | null;
  userLogin: string;
  action: AuditAction;
  itemType: string;
  itemId: number;
  entityId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface MenuEntry {
  /** Route in the web UI, e.g. `/deploy` */
  path: string;
  label: LocalizedText;
  /** Material icon name */
  icon: string;
  /** The entry shows only to users holding READ on this right in the active entity. */
  right?: string;
  /** Sort order inside the navigation, lower first. */
  order?: number;
  plugin?: string;
}

export interface MassActionView {
  key: string;
  itemType: string;
  label: LocalizedText;
  /** Set when the action needs a confirmation in the UI. */
  confirm?: LocalizedText;
  plugin?: string;
}

export type MassActionItemStatus = 'ok' | 'failed' | 'no-right';

export interface MassActionItemResult {
  id: number;
  status: MassActionItemStatus;
  message?: string;
}

/** The most ids one mass-action call accepts; the web UI sends bigger selections in batches. */
export const MAX_MASS_ACTION_ITEMS = 10_000;

export interface MassActionResult {
  ok: number;
  failed: number;
  noRight: number;
  items: MassActionItemResult[];
}

export interface TabView {
  itemType: string;
  key: string;
  label: LocalizedText;
  right?: string;
  plugin: string;
}

export interface PluginView {
  name: string;
  version: string;
  coreRange: string;
  description: string;
  rights: RightDefinition[];
  menu: MenuEntry[];
  massActions: MassActionView[];
  tabs: TabView[];
  periodicJobs: string[];
  queues: string[];
}

export interface HealthView {
  status: 'ok' | 'degraded';
  version: string;
  role: 'all' | 'api' | 'worker';
  database: { status: 'up' | 'down'; driver: 'sqlite' | 'mariadb' };
  queue: { status: 'up' | 'down'; driver: 'memory' | 'redis' };
}

export interface JobRunView {
  id: number;
  name: string;
  tick: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'ok' | 'failed';
  message: string | null;
  worker: string;
}
