import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../server/src/common/config/config';
import { dataSourceOptions } from '../../server/src/common/database/data-source-options';
import { pendingSchemaChanges, runMigrations } from '../../server/src/common/database/migrations';
import { coreVersion } from '../../server/src/common/paths';
import { loadPlugins } from '../../server/src/plugin-host/plugin-loader';
import { type Driver, FIXTURE_PLUGINS, freshDatabaseUrl } from './support/test-app';

describe.each<Driver>(['sqlite', 'mariadb'])('migrations on %s', (driver) => {
  const plugins = loadPlugins(['deploy', resolve(FIXTURE_PLUGINS, 'notes')], coreVersion());

  it('bring an empty database to exactly the schema of the entities (core and plugins)', async () => {
    const db = await freshDatabaseUrl(driver);
    const ds = await new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: db.url }).database, plugins)).initialize();
    try {
      const applied = await runMigrations(ds);
      expect(applied.length).toBeGreaterThanOrEqual(2);
      expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
      // A second run finds nothing to do.
      expect(await runMigrations(ds)).toEqual([]);
      const [root] = await ds.query('SELECT id, path, level FROM entities WHERE parent_id IS NULL');
      expect({ id: Number(root.id), path: root.path, level: Number(root.level) }).toEqual({ id: 1, path: '/1/', level: 0 });
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('detects an entity change that has no migration', async () => {
    const db = await freshDatabaseUrl(driver);
    const ds = await new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: db.url }).database, plugins)).initialize();
    try {
      await runMigrations(ds);
      await ds.query(driver === 'sqlite' ? 'DROP INDEX "ix_users_entity"' : 'DROP INDEX `ix_users_entity` ON `users`');
      const { up } = await pendingSchemaChanges(ds);
      expect(up.join('\n')).toContain('ix_users_entity');
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
