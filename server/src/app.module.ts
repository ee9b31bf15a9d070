import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from './common/config/config';
import { ConfigModule } from './common/config/config.module';
import { dataSourceOptions } from './common/database/data-source-options';
import { ensureInitialData } from './common/database/initial-data';
import { runMigrations } from './common/database/migrations';
import { serializeSqliteTransactions } from './common/database/unit-of-work';
import { repoRoot } from './common/paths';
import { QueueModule } from './common/queue/queue.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CoreDataModule } from './modules/core-data.module';
import { EntitiesModule } from './modules/entities/entities.module';
import { AgentsModule } from './modules/agents/agents.module';
import { AGENT_XML_PATHS } from './modules/inventory/agent-intake.controller';
import { ComputersModule } from './modules/computers/computers.module';
import { GroupsModule } from './modules/groups/groups.module';
import { SavedSearchesModule } from './modules/saved-searches/saved-searches.module';
import { InventoryModule } from './modules/inventory/inventory.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MassActionsModule } from './modules/mass-actions/mass-actions.module';
import { ProfilesModule } from './modules/profiles/profiles.module';
import { SystemModule } from './modules/system/system.module';
import { UsersModule } from './modules/users/users.module';
import type { Contributions } from './plugin-host/contributions';
import { PluginHostModule } from './plugin-host/plugin-host.module';

/** Where the production build of the web UI lands (web/dist/browser). */
export const WEB_DIR = join(repoRoot(), 'web', 'dist', 'browser');

@Module({})
export class AppModule {
  /** The application for this configuration and these plugins (loaded beforehand: they shape the schema). */
  static register(config: AppConfig, contributions: Contributions): DynamicModule {
    const options = dataSourceOptions(config.database, contributions.plugins);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // Agent check-ins and what plugins serve agents (file parts) are the hot paths, thousands of requests per
          // second: no per-request log line or child logger.
          exclude: [...AGENT_XML_PATHS.map((path) => ({ method: RequestMethod.POST, path })), ...contributions.agentPaths.map((path) => ({ method: RequestMethod.ALL, path }))],
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            quietReqLogger: true,
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => options,
          // Migrations and initial data run before any module touches the database.
          dataSourceFactory: async (opts?: DataSourceOptions) => {
            const dataSource = await new DataSource(opts!).initialize();
            serializeSqliteTransactions(dataSource);
            await runMigrations(dataSource);
            await ensureInitialData(dataSource, config, contributions.rights);
            return dataSource;
          },
        }),
        QueueModule.forRoot(config, contributions),
        CoreDataModule,
        AuthModule,
        EntitiesModule,
        UsersModule,
        ProfilesModule,
        AuditModule,
        MassActionsModule,
        JobsModule,
        InventoryModule,
        ComputersModule,
        GroupsModule,
        SavedSearchesModule,
        AgentsModule,
        SystemModule,
        PluginHostModule.forRoot(contributions),
        ...(existsSync(join(WEB_DIR, 'index.html')) ? [ServeStaticModule.forRoot({ rootPath: WEB_DIR, exclude: ['/api/{*path}'] })] : []),
      ],
    };
  }
}
