import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded setup: SQLite under DATA_DIR, no Redis, role all, port 3000', () => {
    const c = loadConfig({ DATA_DIR: '/srv/parc' });
    expect(c).toMatchObject({ port: 3000, role: 'all', redisUrl: undefined, database: { driver: 'sqlite', file: '/srv/parc/parc.sqlite' }, admin: { login: 'admin', password: undefined }, plugins: undefined });
  });

  it('selects MariaDB from a mysql:// URL, decoding credentials', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://app:p%40ss@db.local:3307/inventory', REDIS_URL: 'redis://127.0.0.1:6379/2', ROLE: 'worker' });
    expect(c.database).toEqual({ driver: 'mariadb', host: 'db.local', port: 3307, username: 'app', password: 'p@ss', database: 'inventory' });
    expect(c.role).toBe('worker');
  });

  it('lists every problem at once, with the offending values', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', ROLE: 'api', DATABASE_URL: 'postgres://x/y', LOG_LEVEL: 'loud', ADMIN_PASSWORD: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      "DATABASE_URL scheme must be mysql:, mariadb: or sqlite: (got 'postgres:')",
      'ROLE=api needs REDIS_URL: API and worker processes share their queues through Redis',
      'ADMIN_PASSWORD must be at least 8 characters',
      "PORT must be an integer from 0 to 65535 (got 'eighty')",
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'loud')",
    ]);
  });

  it('reads the enabled plugins as a list; * or unset means all, empty means none', () => {
    expect(loadConfig({ PLUGINS: 'deploy, ./x/y ' }).plugins).toEqual(['deploy', './x/y']);
    expect(loadConfig({ PLUGINS: '*' }).plugins).toBeUndefined();
    expect(loadConfig({ PLUGINS: '' }).plugins).toEqual([]);
  });

  it('accepts sqlite: URLs relative to the repository', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database).toEqual({ driver: 'sqlite', file: ':memory:' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/a.db' }).database).toEqual({ driver: 'sqlite', file: '/tmp/a.db' });
  });
});
