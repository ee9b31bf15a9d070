import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Bits, containsCondition, entityNodes, entityScopeWhere, fetchPage, isVisible, pathIds, type RequestContext, requireVisible, resolveList, withRowLock } from '@parc/sdk';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { DeployPackage, PackageRevision } from '../packages/package.entity';
import { PACKAGE_RIGHT, TASK_RIGHT } from '../rights';
import type { CreateTaskDto, TaskJobDto, TaskJobViewDto, TaskListQueryDto, TaskPageDto, TaskViewDto, UpdateTaskDto } from './dto/task.dto';
import { DeployTask, DeployTaskJob } from './task.entity';

const SORTABLE = { name: 't.name', state: 't.state', updatedAt: 't.updatedAt', createdAt: 't.createdAt' };

type NewJob = Pick<DeployTaskJob, 'position' | 'name' | 'revisionId'>;

/** A task that carries a package, as named in the refusal to delete that package. */
export interface TaskUsingPackage {
  id: number;
  name: string;
  entityId: number;
}

/**
 * Deployment tasks and their ordered jobs, each carrying a published package revision that the task's entity can
 * use. Entity scope as everywhere.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: TaskListQueryDto): Promise<TaskPageDto> {
    const list = resolveList(query, SORTABLE, 'name');
    const scope = entityScopeWhere(ctx, { entityColumn: 't.entity_id', right: TASK_RIGHT });
    const qb = this.dataSource.getRepository(DeployTask).createQueryBuilder('t').where(scope.sql, scope.params);
    if (query.q) {
      const contains = containsCondition('t.name', 'q', query.q);
      qb.andWhere(contains.sql, contains.params);
    }
    const [rows, total] = await fetchPage(qb, list, 't.id');
    return { items: await this.views(rows), total };
  }

  async get(ctx: RequestContext, id: number): Promise<TaskViewDto> {
    return (await this.views([await this.visible(ctx, id)]))[0];
  }

  async create(ctx: RequestContext, dto: CreateTaskDto): Promise<TaskViewDto> {
    const entityId = dto.entityId ?? ctx.activeEntity.id;
    if (!ctx.canOnEntity(TASK_RIGHT, Bits.CREATE, entityId)) throw new ForbiddenException(`You cannot create tasks in entity ${entityId}`);
    const id = await this.dataSource.transaction(async (m) => {
      const jobs = await this.resolveJobs(m, ctx, entityId, dto.jobs ?? []);
      const task = await m.getRepository(DeployTask).save(m.getRepository(DeployTask).create({ entityId, name: dto.name, description: dto.description ?? '', state: 'draft' }));
      await this.insertJobs(m, task.id, jobs);
      await this.audit.record(m, ctx, { action: 'create', itemType: 'deploy.task', itemId: task.id, entityId, after: { name: task.name, jobs } });
      return task.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: number, dto: UpdateTaskDto): Promise<TaskViewDto> {
    const task = await this.visible(ctx, id, Bits.UPDATE);
    const changes = { ...(dto.name !== undefined ? { name: dto.name } : {}), ...(dto.description !== undefined ? { description: dto.description } : {}) };
    await this.dataSource.transaction(async (m) => {
      if (Object.keys(changes).length) await m.getRepository(DeployTask).update(id, changes);
      let jobs: NewJob[] | undefined;
      if (dto.jobs) {
        jobs = await this.resolveJobs(m, ctx, task.entityId, dto.jobs);
        await m.getRepository(DeployTaskJob).delete({ taskId: id });
        await this.insertJobs(m, id, jobs);
      }
      await this.audit.record(m, ctx, { action: 'update', itemType: 'deploy.task', itemId: id, entityId: task.entityId, before: { name: task.name }, after: { ...changes, ...(jobs ? { jobs } : {}) } });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    const task = await this.visible(ctx, id, Bits.DELETE);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(DeployTask).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'deploy.task', itemId: id, entityId: task.entityId, before: { name: task.name } });
    });
  }

  /**
   * The tasks with a job carrying a revision of this package, by name. Run inside the transaction that deletes the
   * package, after locking its revisions, so that no job can take one of them meanwhile.
   */
  async tasksUsingPackage(m: EntityManager, packageId: number): Promise<TaskUsingPackage[]> {
    const rows: { id: number; name: string; entity_id: number }[] = await m.query(
      `SELECT DISTINCT t.id, t.name, t.entity_id FROM deploy_tasks t
         JOIN deploy_task_jobs j ON j.task_id = t.id
         JOIN deploy_package_revisions r ON r.id = j.revision_id
        WHERE r.package_id = ? ORDER BY t.name, t.id`,
      [packageId],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, entityId: Number(r.entity_id) }));
  }

  /**
   * The jobs as stored, after checking each: a package the caller sees and the task's entity can use (its own, or
   * an ancestor's recursive one), a revision of it that is published (read under a shared lock, so that it is not
   * retired or deleted before the job is stored). Positions default to one step after the previous job.
   */
  private async resolveJobs(m: EntityManager, ctx: RequestContext, entityId: number, jobs: TaskJobDto[]): Promise<NewJob[]> {
    if (!jobs.length) return [];
    const packageIds = [...new Set(jobs.map((j) => j.packageId))];
    const packages = new Map((await m.getRepository(DeployPackage).findBy({ id: In(packageIds) })).map((p) => [p.id, p]));
    const candidates = m.getRepository(PackageRevision).createQueryBuilder('r').where('r.package_id IN (:...packageIds)', { packageIds }).andWhere('r.number IN (:...numbers)', { numbers: [...new Set(jobs.map((j) => j.revision))] });
    const revisions = new Map((await withRowLock(candidates, 'pessimistic_read').getMany()).map((r) => [`${r.packageId}:${r.number}`, r]));
    const node = (await entityNodes(m, [entityId])).get(entityId);
    const lineage = node ? pathIds(node.path) : [entityId];
    const problems: { field: string; problems: string[] }[] = [];
    const resolved: NewJob[] = [];
    let previous = 0;
    jobs.forEach((job, i) => {
      const problem = (field: string, text: string) => problems.push({ field: `jobs[${i}].${field}`, problems: [text] });
      const pkg = packages.get(job.packageId);
      if (!pkg || !isVisible(ctx, pkg, PACKAGE_RIGHT)) return void problem('packageId', `No package with id ${job.packageId}`);
      if (pkg.entityId !== entityId && !(pkg.recursive && lineage.includes(pkg.entityId))) return void problem('packageId', `Package '${pkg.name}' is not available in the task's entity (it belongs to another entity and is not recursive)`);
      const revision = revisions.get(`${pkg.id}:${job.revision}`);
      if (!revision) return void problem('revision', `Package '${pkg.name}' has no revision ${job.revision}`);
      if (revision.status !== 'published') return void problem('revision', `Revision ${job.revision} of '${pkg.name}' is ${revision.status === 'draft' ? 'a draft' : 'retired'}: a task deploys published revisions only`);
      const position = job.position ?? previous + 1;
      previous = position;
      resolved.push({ position, name: job.name ?? `${pkg.name} (revision ${revision.number})`, revisionId: revision.id });
    });
    if (problems.length) throw new BadRequestException({ message: `Invalid jobs: ${problems.map((p) => `${p.field}: ${p.problems[0]}`).join('; ')}`, details: problems });
    return resolved;
  }

  private async insertJobs(m: EntityManager, taskId: number, jobs: NewJob[]): Promise<void> {
    if (jobs.length) await m.getRepository(DeployTaskJob).insert(jobs.map((j) => ({ ...j, taskId })));
  }

  private async views(rows: DeployTask[]): Promise<TaskViewDto[]> {
    if (!rows.length) return [];
    const jobs: { id: number; task_id: number; position: number; name: string; package_id: number; package_name: string; number: number }[] = await this.dataSource.query(
      `SELECT j.id, j.task_id, j.position, j.name, p.id AS package_id, p.name AS package_name, r.number
         FROM deploy_task_jobs j
         JOIN deploy_package_revisions r ON r.id = j.revision_id
         JOIN deploy_packages p ON p.id = r.package_id
        WHERE j.task_id IN (${rows.map(() => '?').join(', ')})
        ORDER BY j.position, j.id`,
      rows.map((t) => t.id),
    );
    const byTask = new Map<number, TaskJobViewDto[]>();
    for (const j of jobs) {
      const view = { id: Number(j.id), position: Number(j.position), name: j.name, packageId: Number(j.package_id), packageName: j.package_name, revision: Number(j.number) };
      const list = byTask.get(Number(j.task_id)) ?? [];
      list.push(view);
      byTask.set(Number(j.task_id), list);
    }
    const entities = await entityNodes(this.dataSource.manager, rows.map((t) => t.entityId));
    return rows.map((t) => ({
      id: t.id,
      entityId: t.entityId,
      entityName: entities.get(t.entityId)?.name ?? '',
      name: t.name,
      description: t.description,
      state: t.state,
      jobs: byTask.get(t.id) ?? [],
      createdAt: new Date(t.createdAt).toISOString(),
      updatedAt: new Date(t.updatedAt).toISOString(),
    }));
  }

  private async visible(ctx: RequestContext, id: number, bits: number = Bits.READ): Promise<DeployTask> {
    const task = await this.dataSource.getRepository(DeployTask).findOneBy({ id });
    return requireVisible(ctx, task, TASK_RIGHT, bits, `No task with id ${id}`, 'task');
  }
}
