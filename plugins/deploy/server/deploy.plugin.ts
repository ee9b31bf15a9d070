import { ALL_STANDARD_BITS, Plugin } from '@parc/sdk';
import { MYSQL_MIGRATIONS } from '../migrations/mysql';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';
import { DeployPackage, PackageRevision } from './packages/package.entity';
import { PackagesController } from './packages/packages.controller';
import { PackagesService } from './packages/packages.service';

/**
 * Software deployment: packages with revisions today; files, tasks and the agent transports arrive in the
 * following issues, inside this same module.
 */
@Plugin({
  name: 'deploy',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Packages with ordered checks and actions, deployment tasks and jobs for FusionInventory, OCS and SSH',
  rights: [
    { name: 'deploy.package', label: { en: 'Deployment packages', fr: 'Paquets de déploiement' }, bits: ALL_STANDARD_BITS },
    { name: 'deploy.task', label: { en: 'Deployment tasks', fr: 'Tâches de déploiement' }, bits: ALL_STANDARD_BITS },
    { name: 'deploy.mirror', label: { en: 'Deployment mirrors', fr: 'Miroirs de déploiement' }, bits: ALL_STANDARD_BITS },
  ],
  menu: [{ path: '/deploy', label: { en: 'Deployment', fr: 'Déploiement' }, icon: 'rocket_launch', right: 'deploy.package', order: 50 }],
  entities: [DeployPackage, PackageRevision],
  migrations: { mysql: MYSQL_MIGRATIONS, sqlite: SQLITE_MIGRATIONS },
  controllers: [PackagesController],
  providers: [PackagesService],
})
export class DeployPlugin {}
