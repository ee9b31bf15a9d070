import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MYSQL_MIGRATIONS } from '../../../../database/migrations/mysql';
import { SQLITE_MIGRATIONS } from '../../../../database/migrations/sqlite';
import type { LoadedPlugin } from '../../plugin-host/plugin-loader';
import type { DatabaseConfig } from '../config/config';
import { CORE_ENTITIES } from './core-entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One DataSource for the core and every enabled plugin: their entities and migrations are merged here. */
export function dataSourceOptions(db: DatabaseConfig, plugins: LoadedPlugin[]): DataSourceOptions {
  const entities = [...CORE_ENTITIES, ...plugins.flatMap((p) => p.manifest.entities ?? [])];
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    logging: false,
  } as const;
  if (db.driver === 'sqlite') {
    if (db.file !== ':memory:') mkdirSync(dirname(db.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      enableWAL: true,
      prepareDatabase: (sqlite: { pragma(s: string): unknown }) => {
        sqlite.pragma('busy_timeout = 10000');
        sqlite.pragma('synchronous = NORMAL');
      },
      migrations: [...SQLITE_MIGRATIONS, ...plugins.flatMap((p) => p.manifest.migrations?.sqlite ?? [])],
    };
  }
  return {
    ...common,
    type: 'mariadb',
    host: db.host,
    port: db.port,
    username: db.username,
    password: db.password,
    database: db.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 20 },
    migrations: [...MYSQL_MIGRATIONS, ...plugins.flatMap((p) => p.manifest.migrations?.mysql ?? [])],
  };
}
