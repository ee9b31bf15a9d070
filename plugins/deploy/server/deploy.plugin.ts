import { ALL_STANDARD_BITS, APP_CONFIG, type AppConfig, Plugin } from '@parc/sdk';
import { MYSQL_MIGRATIONS } from '../migrations/mysql';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';
import { DEPLOY_SETTINGS, loadDeploySettings } from './deploy-settings';
import { DeployFile, DeployFileGrant, DeployFilePart, DeployUpload, DeployUploadPart, RevisionFile } from './files/file.entity';
import { FileStore } from './files/file-store';
import { FilesController } from './files/files.controller';
import { FilesGcJob } from './files/files-gc.job';
import { FilesService } from './files/files.service';
import { BlockPool } from './files/block-pool';
import { HashWorker } from './files/hash-worker';
import { PARTS_PREFIX, PartsRoute } from './files/parts.route';
import { UploadsController } from './files/uploads.controller';
import { UploadsService } from './files/uploads.service';
import { DeployMirror } from './mirrors/mirror.entity';
import { MirrorsController } from './mirrors/mirrors.controller';
import { MirrorsService } from './mirrors/mirrors.service';
import { DeployPackage, PackageRevision } from './packages/package.entity';
import { InteractionTemplate } from './templates/interaction-template.entity';
import { InteractionTemplatesController } from './templates/interaction-templates.controller';
import { InteractionTemplatesService } from './templates/interaction-templates.service';
import { PackageArchiveService } from './packages/package-archive.service';
import { PackagesController } from './packages/packages.controller';
import { PackagesService } from './packages/packages.service';
import { DeployTask, DeployTaskJob } from './tasks/task.entity';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';

/**
 * Software deployment: packages with revisions, the content-addressed file repository, and tasks with ordered
 * jobs; the tasks' targets and runs and the agent transports arrive in the following issues, inside this module.
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
  entities: [DeployPackage, PackageRevision, DeployFile, DeployFilePart, DeployFileGrant, RevisionFile, DeployUpload, DeployUploadPart, DeployMirror, InteractionTemplate, DeployTask, DeployTaskJob],
  migrations: { mysql: MYSQL_MIGRATIONS, sqlite: SQLITE_MIGRATIONS },
  periodicJobs: [{ name: 'deploy.files-gc', everySeconds: 3600, handler: FilesGcJob }],
  rawRoutes: [{ prefix: PARTS_PREFIX, methods: ['GET', 'HEAD'], handler: PartsRoute }],
  controllers: [PackagesController, FilesController, UploadsController, MirrorsController, InteractionTemplatesController, TasksController],
  providers: [
    { provide: DEPLOY_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadDeploySettings(config) },
    PackagesService,
    PackageArchiveService,
    FileStore,
    HashWorker,
    BlockPool,
    FilesService,
    UploadsService,
    MirrorsService,
    InteractionTemplatesService,
    TasksService,
  ],
})
export class DeployPlugin {}
