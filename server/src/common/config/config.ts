import { isAbsolute, resolve } from 'node:path';
import { repoRoot } from '../paths';

export type Role = 'all' | 'api' | 'worker';

export type DatabaseConfig =
  | { driver: 'sqlite'; file: string }
  | { driver: 'mariadb'; host: string; port: number; username: string; password: string; database: string };

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Absent: background work runs in-process. */
  redisUrl?: string;
  queuePrefix: string;
  role: Role;
  /** HTTP processes sharing the port (node:cluster); the first runs the background work when role is all. */
  apiProcesses: number;
  admin: { login: string; password?: string };
  /** Plugin names or paths; undefined means every plugin under plugins/. */
  plugins?: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  login: { maxFailuresPerLogin: number; maxFailuresPerAddress: number; windowSeconds: number };
  housekeepingIntervalSeconds: number;
  /** Period of the full re-evaluation of dynamic groups (inventories refresh them incrementally in between). */
  groupRefreshIntervalSeconds: number;
  /** Largest JSON body the API accepts, in bytes. */
  jsonBodyLimit: number;
  trustProxy: boolean;
  /** Argon2id cost; defaults follow the OWASP minimum (19 MiB, 2 passes). */
  argon2: { memoryKiB: number; timeCost: number };
  /** Agent messages: largest body as received, and once decompressed (checked while inflating). */
  agentMaxBodyBytes: number;
  agentMaxXmlBytes: number;
  /** How often gathered "last contact" times are written. */
  lastContactFlushSeconds: number;
  /** The environment the configuration was read from: plugins read their own settings from it (EnvReader). */
  env: Readonly<Record<string, string | undefined>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads typed settings from the environment, gathering every problem instead of stopping at the first. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  string(name: string, fallback: string): string {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? fallback : raw;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got '${raw}')`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got '${raw}')`);
      return fallback;
    }
    return raw as T;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got '${raw}')`);
    return fallback;
  }

  /** Throws one ConfigError listing every problem met so far. */
  assertValid(): void {
    if (this.problems.length) throw new ConfigError(this.problems);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the environment once, listing every problem rather than the first one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const reader = new EnvReader(env);
  const { problems } = reader;
  const int = reader.int.bind(reader);
  const oneOf = reader.oneOf.bind(reader);
  const bool = reader.bool.bind(reader);

  const dataDir = resolvePath(env.DATA_DIR || 'data');
  const database = parseDatabaseUrl(env.DATABASE_URL, dataDir, problems);

  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push(`REDIS_URL must look like redis://host:port[/db] (got '${redisUrl}')`);
  }

  const role = oneOf('ROLE', ['all', 'api', 'worker'] as const, 'all');
  if (role !== 'all' && !redisUrl) {
    problems.push(`ROLE=${role} needs REDIS_URL: API and worker processes share their queues through Redis`);
  }

  const apiProcesses = int('API_PROCESSES', 1, 1, 64);
  if (apiProcesses > 1 && (!redisUrl || database.driver !== 'mariadb')) {
    problems.push('API_PROCESSES above 1 needs REDIS_URL and a MariaDB DATABASE_URL: the processes share their queues, sessions and data');
  }
  if (apiProcesses > 1 && role === 'worker') problems.push('API_PROCESSES applies to HTTP processes: a ROLE=worker process serves no HTTP');

  const adminLogin = env.ADMIN_LOGIN || 'admin';
  if (!/^[\w.@-]{1,100}$/.test(adminLogin)) problems.push(`ADMIN_LOGIN may hold letters, digits and . _ @ - (got '${adminLogin}')`);
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must be at least 8 characters');

  const plugins = env.PLUGINS === undefined || env.PLUGINS.trim() === '*' ? undefined : splitList(env.PLUGINS);

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir,
    database,
    redisUrl,
    queuePrefix: env.QUEUE_PREFIX || 'parc',
    role,
    apiProcesses,
    admin: { login: adminLogin, password: adminPassword },
    plugins,
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 365),
    login: {
      maxFailuresPerLogin: int('LOGIN_MAX_FAILURES_PER_LOGIN', 10, 1, 1_000_000),
      maxFailuresPerAddress: int('LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 1_000_000),
      windowSeconds: int('LOGIN_FAILURE_WINDOW_SECONDS', 900, 1, 86_400),
    },
    housekeepingIntervalSeconds: int('HOUSEKEEPING_INTERVAL_SECONDS', 3600, 1, 7 * 86_400),
    groupRefreshIntervalSeconds: int('GROUP_REFRESH_INTERVAL_SECONDS', 3600, 60, 7 * 86_400),
    jsonBodyLimit: int('JSON_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 512 * 1024 * 1024),
    trustProxy: bool('TRUST_PROXY', false),
    argon2: {
      memoryKiB: int('ARGON2_MEMORY_KIB', 19_456, 1024, 4 * 1024 * 1024),
      timeCost: int('ARGON2_TIME_COST', 2, 1, 20),
    },
    agentMaxBodyBytes: int('AGENT_MAX_BODY_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    agentMaxXmlBytes: int('AGENT_MAX_XML_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    lastContactFlushSeconds: int('LAST_CONTACT_FLUSH_SECONDS', 5, 1, 3600),
    env: Object.freeze({ ...env }),
  };
  reader.assertValid();
  return config;
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function resolvePath(p: string): string {
  return isAbsolute(p) ? p : resolve(repoRoot(), p);
}

function parseDatabaseUrl(raw: string | undefined, dataDir: string, problems: string[]): DatabaseConfig {
  if (!raw) return { driver: 'sqlite', file: resolve(dataDir, 'parc.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) problems.push(`DATABASE_URL sqlite:<file> needs a file name (got '${raw}')`);
    return { driver: 'sqlite', file: file === ':memory:' ? file : resolvePath(file) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`DATABASE_URL must be mysql://user:pass@host:port/db or sqlite:<file> (got '${raw}')`);
    return { driver: 'sqlite', file: resolve(dataDir, 'parc.sqlite') };
  }
  if (!['mysql:', 'mariadb:'].includes(url.protocol)) {
    problems.push(`DATABASE_URL scheme must be mysql:, mariadb: or sqlite: (got '${url.protocol}')`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) problems.push('DATABASE_URL must name a database, as in mysql://user:pass@host:3306/parc');
  return {
    driver: 'mariadb',
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
  };
}
