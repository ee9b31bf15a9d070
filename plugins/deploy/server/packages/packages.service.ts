import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Bits, containsCondition, entityNodes, entityScopeWhere, fetchPage, type RequestContext, requireVisible, resolveList, withRowLock } from '@parc/sdk';
import type { DataSource, EntityManager } from 'typeorm';
import {
  behaviourProblems,
  CHECK_VALUE,
  emptyDefinition,
  type PackageDefinition,
  REGISTRY_TYPES,
} from '../../shared/definition';
import type { CreatePackageDto, DefinitionDto, PackageListQueryDto, PackagePageDto, PackageViewDto, RevisionDiffDto, RevisionViewDto, UpdatePackageDto } from './dto/package.dto';
import { diffDefinitions } from './definition-diff';
import { type FusionJob, renderFusionJob } from './fusion-job';
import { DeployPackage, PackageRevision } from './package.entity';
import { PACKAGE_RIGHT, TASK_RIGHT } from '../rights';
import { FilesService } from '../files/files.service';
import { InteractionTemplatesService } from '../templates/interaction-templates.service';
import { type TaskUsingPackage, TasksService } from '../tasks/tasks.service';

const SORTABLE = { name: 'p.name', updatedAt: 'p.updatedAt', createdAt: 'p.createdAt' };
/** Stored as one JSON text column: this bounds it well below what both databases hold. */
const MAX_DEFINITION_BYTES = 60_000;

type Problem = { field: string; problems: string[] };

/** 409 naming the tasks that carry the package: those the caller sees by name, the others counted. */
function packageInUse(ctx: RequestContext, pkg: DeployPackage, users: TaskUsingPackage[]): ConflictException {
  const named = users.filter((t) => ctx.canOnEntity(TASK_RIGHT, Bits.READ, t.entityId));
  const hidden = users.length - named.length;
  const list = [...named.map((t) => `'${t.name}'`), ...(hidden ? [`${hidden} outside your scope`] : [])].join(', ');
  return new ConflictException({
    message: `Package '${pkg.name}' is used by ${users.length === 1 ? 'a task' : `${users.length} tasks`}: ${list}. Remove it from ${users.length === 1 ? 'that task' : 'those tasks'} first`,
    details: { tasks: named.map((t) => ({ id: t.id, name: t.name })), hiddenTasks: hidden },
  });
}

/**
 * Packages and their revisions: a draft is edited in place, publishing freezes it, editing again starts a new
 * draft from the latest revision, a published revision can be retired. Entity scope as everywhere.
 */
@Injectable()
export class PackagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly templates: InteractionTemplatesService,
    private readonly tasks: TasksService,
  ) {}

  async list(ctx: RequestContext, query: PackageListQueryDto): Promise<PackagePageDto> {
    const list = resolveList(query, SORTABLE, 'name');
    const scope = entityScopeWhere(ctx, { entityColumn: 'p.entity_id', recursiveColumn: 'p.recursive', right: PACKAGE_RIGHT });
    const qb = this.dataSource.getRepository(DeployPackage).createQueryBuilder('p').where(scope.sql, scope.params);
    if (query.q) {
      const contains = containsCondition('p.name', 'q', query.q);
      qb.andWhere(contains.sql, contains.params);
    }
    const [rows, total] = await fetchPage(qb, list, 'p.id');
    return { items: await this.views(rows), total };
  }

  async create(ctx: RequestContext, dto: CreatePackageDto): Promise<PackageViewDto> {
    const entityId = dto.entityId ?? ctx.activeEntity.id;
    if (!ctx.canOnEntity(PACKAGE_RIGHT, Bits.CREATE, entityId)) throw new ForbiddenException(`You cannot create packages in entity ${entityId}`);
    const saved = await this.dataSource.transaction(async (m) => {
      const pkg = await m.getRepository(DeployPackage).save(m.getRepository(DeployPackage).create({ name: dto.name, description: dto.description ?? '', entityId, recursive: dto.recursive ?? false }));
      await m.getRepository(PackageRevision).insert({ packageId: pkg.id, number: 1, status: 'draft', definition: emptyDefinition(), publishedAt: null, retiredAt: null });
      await this.audit.record(m, ctx, { action: 'create', itemType: 'deploy.package', itemId: pkg.id, entityId, after: { name: pkg.name } });
      return pkg;
    });
    return this.get(ctx, saved.id);
  }

  async get(ctx: RequestContext, id: number): Promise<PackageViewDto> {
    const [view] = await this.views([await this.visible(ctx, id)]);
    return view;
  }

  async update(ctx: RequestContext, id: number, dto: UpdatePackageDto): Promise<PackageViewDto> {
    const pkg = await this.visible(ctx, id, Bits.UPDATE);
    if (dto.entityId !== undefined && dto.entityId !== pkg.entityId && !ctx.canOnEntity(PACKAGE_RIGHT, Bits.CREATE, dto.entityId)) {
      throw new ForbiddenException(`You cannot move packages to entity ${dto.entityId}`);
    }
    const changes = { ...(dto.name !== undefined ? { name: dto.name } : {}), ...(dto.description !== undefined ? { description: dto.description } : {}), ...(dto.entityId !== undefined ? { entityId: dto.entityId } : {}), ...(dto.recursive !== undefined ? { recursive: dto.recursive } : {}) };
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(DeployPackage).update(id, changes);
      await this.audit.record(m, ctx, { action: 'update', itemType: 'deploy.package', itemId: id, entityId: pkg.entityId, before: { name: pkg.name, entityId: pkg.entityId }, after: changes });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    const pkg = await this.visible(ctx, id, Bits.DELETE);
    await this.dataSource.transaction(async (m) => {
      // Locked first: a job being added to a task meanwhile waits, then finds the revision gone.
      await withRowLock(m.getRepository(PackageRevision).createQueryBuilder('r').select('r.id').where('r.package_id = :id', { id }), 'pessimistic_write').getMany();
      const users = await this.tasks.tasksUsingPackage(m, id);
      if (users.length) throw packageInUse(ctx, pkg, users);
      const files = await this.files.filesOfPackage(m, id);
      await m.getRepository(DeployPackage).delete(id);
      await this.files.updateUnreferenced(m, files);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'deploy.package', itemId: id, entityId: pkg.entityId, before: { name: pkg.name } });
    });
  }

  async revision(ctx: RequestContext, id: number, number: number): Promise<RevisionViewDto> {
    await this.visible(ctx, id);
    return this.revisionView(await this.findRevision(this.dataSource.manager, id, number));
  }

  /** The draft, created from the latest revision when there is none (editing a published package). */
  async draft(ctx: RequestContext, id: number): Promise<RevisionViewDto> {
    const pkg = await this.visible(ctx, id, Bits.UPDATE);
    return this.revisionView(await this.dataSource.transaction((m) => this.ensureDraft(m, ctx, pkg)));
  }

  /** Saves the definition into the draft (created first if needed), after checking it whole. */
  async saveDraft(ctx: RequestContext, id: number, dto: DefinitionDto): Promise<RevisionViewDto> {
    const pkg = await this.visible(ctx, id, Bits.UPDATE);
    const definition = this.checkDefinition(dto);
    const draft = await this.dataSource.transaction(async (m) => {
      const current = await this.ensureDraft(m, ctx, pkg);
      await this.templates.checkUsable(ctx, definition.userInteractions.flatMap((u) => (u.templateId ? [u.templateId] : [])));
      await this.files.setRevisionFiles(m, current.id, definition.files.map((f) => f.sha512), ctx);
      await m.getRepository(PackageRevision).update(current.id, { definition });
      return { ...current, definition };
    });
    return this.revisionView(await this.findRevision(this.dataSource.manager, id, draft.number));
  }

  async publish(ctx: RequestContext, id: number, number: number): Promise<RevisionViewDto> {
    const pkg = await this.visible(ctx, id, Bits.UPDATE);
    return this.transition(ctx, pkg, number, 'draft', 'published');
  }

  async retire(ctx: RequestContext, id: number, number: number): Promise<RevisionViewDto> {
    const pkg = await this.visible(ctx, id, Bits.UPDATE);
    return this.transition(ctx, pkg, number, 'published', 'retired');
  }

  /** What changed from revision `from` to revision `to` of the package. */
  async diff(ctx: RequestContext, id: number, from: number, to: number): Promise<RevisionDiffDto> {
    await this.visible(ctx, id);
    const [a, b] = await Promise.all([this.findRevision(this.dataSource.manager, id, from), this.findRevision(this.dataSource.manager, id, to)]);
    return { from, to, changes: diffDefinitions(a.definition, b.definition) };
  }

  async fusionJob(ctx: RequestContext, id: number, number: number): Promise<FusionJob> {
    await this.visible(ctx, id);
    const revision = await this.findRevision(this.dataSource.manager, id, number);
    return renderFusionJob(revision.status === 'draft' ? await this.templates.expand(revision.definition) : revision.definition);
  }

  private async transition(ctx: RequestContext, pkg: DeployPackage, number: number, from: 'draft' | 'published', to: 'published' | 'retired'): Promise<RevisionViewDto> {
    await this.dataSource.transaction(async (m) => {
      const revision = await this.findRevision(m, pkg.id, number, true);
      if (revision.status !== from) throw new ConflictException(`Revision ${number} is ${revision.status}: only a ${from} revision can be ${to}`);
      const at = new Date();
      // Published means frozen: the templates' settings are copied in, later template edits do not reach it.
      const published = to === 'published' ? { status: to, publishedAt: at, definition: await this.templates.expand(revision.definition, m) } : null;
      await m.getRepository(PackageRevision).update(revision.id, published ?? { status: to, retiredAt: at });
      await this.audit.record(m, ctx, { action: 'update', itemType: 'deploy.package', itemId: pkg.id, entityId: pkg.entityId, before: { revision: number, status: from }, after: { revision: number, status: to } });
    });
    return this.revisionView(await this.findRevision(this.dataSource.manager, pkg.id, number));
  }

  private async ensureDraft(m: EntityManager, ctx: RequestContext, pkg: DeployPackage): Promise<PackageRevision> {
    const repo = m.getRepository(PackageRevision);
    const packageId = pkg.id;
    // The package row is locked so that two editors starting a draft at once make one draft, not two.
    await withRowLock(m.getRepository(DeployPackage).createQueryBuilder('p').select('p.id').where('p.id = :packageId', { packageId }), 'pessimistic_write').getOne();
    const latest = await repo.createQueryBuilder('r').where('r.package_id = :packageId', { packageId }).orderBy('r.number', 'DESC').getOne();
    if (latest?.status === 'draft') return latest;
    const draft = repo.create({ packageId, number: (latest?.number ?? 0) + 1, status: 'draft', definition: latest?.definition ?? emptyDefinition(), publishedAt: null, retiredAt: null });
    await repo.insert(draft);
    await this.files.setRevisionFiles(m, draft.id, draft.definition.files.map((f) => f.sha512));
    await this.audit.record(m, ctx, { action: 'create', itemType: 'deploy.package', itemId: packageId, entityId: pkg.entityId, after: { revision: draft.number, status: 'draft', from: latest?.number ?? null } });
    return draft;
  }

  private async findRevision(m: EntityManager, packageId: number, number: number, lock = false): Promise<PackageRevision> {
    const qb = m.getRepository(PackageRevision).createQueryBuilder('r').where('r.package_id = :packageId AND r.number = :number', { packageId, number });
    const revision = await (lock ? withRowLock(qb, 'pessimistic_write') : qb).getOne();
    if (!revision) throw new NotFoundException(`Package ${packageId} has no revision ${number}`);
    return revision;
  }

  /** 404 when the caller cannot see it, 403 when they can but lack these bits on its entity. */
  private async visible(ctx: RequestContext, id: number, bits: number = Bits.READ): Promise<DeployPackage> {
    const pkg = await this.dataSource.getRepository(DeployPackage).findOneBy({ id });
    return requireVisible(ctx, pkg, PACKAGE_RIGHT, bits, `No package with id ${id}`, 'package');
  }

  /** What the DTOs cannot say alone: values per check type, the first return check, one message per event. */
  checkDefinition(dto: DefinitionDto): PackageDefinition {
    const problems: Problem[] = [];
    const add = (field: string, problem: string) => problems.push({ field, problems: [problem] });
    dto.checks.forEach((c, i) => {
      const kind = CHECK_VALUE[c.type];
      const value = c.value.trim();
      if ((kind === 'bytes' || kind === 'megabytes') && !/^\d{1,18}$/.test(value)) add(`definition.checks[${i}].value`, `${c.type} takes a whole number of ${kind} (got '${c.value}')`);
      if (kind === 'sha512' && !/^[0-9a-fA-F]{128}$/.test(value)) add(`definition.checks[${i}].value`, `${c.type} takes a SHA-512 (128 hexadecimal digits)`);
      if (kind === 'registry-type' && !(REGISTRY_TYPES as readonly string[]).includes(value)) add(`definition.checks[${i}].value`, `winvalueType takes one of ${REGISTRY_TYPES.join(', ')}`);
    });
    dto.actions.forEach((a, i) => {
      const checks = a.retChecks ?? [];
      // Agents disagree on return checks unless the first one decides (protocol §5.6): okCode or okPattern first.
      if (checks.length && !['okCode', 'okPattern'].includes(checks[0].type)) add(`definition.actions[${i}].retChecks`, 'the first return check must be okCode or okPattern (FusionInventory and GLPI agents read the others differently)');
      checks.forEach((r, j) => {
        if ((r.type === 'okCode' || r.type === 'errorCode') && r.values.some((v) => !/^-?\d{1,10}$/.test(v.trim()))) add(`definition.actions[${i}].retChecks[${j}].values`, `${r.type} takes exit codes (whole numbers)`);
      });
    });
    const names = new Set<string>();
    const hashes = new Set<string>();
    dto.files.forEach((f, i) => {
      if (names.has(f.name)) add(`definition.files[${i}].name`, `two files are named '${f.name}'`);
      if (hashes.has(f.sha512)) add(`definition.files[${i}].sha512`, 'this file is already in the revision');
      names.add(f.name);
      hashes.add(f.sha512);
    });
    const events = new Set<string>();
    dto.userInteractions.forEach((u, i) => {
      if (events.has(u.event)) add(`definition.userInteractions[${i}].event`, `one message per event ('${u.event}' twice)`);
      events.add(u.event);
      for (const b of behaviourProblems(u.behaviours)) add(`definition.userInteractions[${i}].behaviours${b.answer ? `.${b.answer}` : ''}`, b.problem);
    });
    if (problems.length) throw new BadRequestException({ message: `Invalid package definition: ${problems.map((p) => `${p.field} ${p.problems[0]}`).join('; ')}`, details: problems });
    const definition: PackageDefinition = {
      checks: dto.checks.map((c) => ({ name: c.name, type: c.type, path: c.path, value: c.value.trim(), outcome: c.outcome })),
      actions: dto.actions.map((a) => {
        if (a.type === 'cmd') return { type: 'cmd', name: a.name, exec: a.exec!, logLineLimit: a.logLineLimit ?? 10, retChecks: (a.retChecks ?? []).map((r) => ({ type: r.type, values: r.values.map((v) => v.trim()) })) };
        if (a.type === 'move' || a.type === 'copy') return { type: a.type, name: a.name, from: a.from!, to: a.to! };
        return { type: a.type, name: a.name, list: [...a.list!] };
      }),
      files: dto.files.map((f) => ({ sha512: f.sha512, name: f.name, p2p: f.p2p, p2pRetentionMinutes: f.p2pRetentionMinutes, uncompress: f.uncompress })),
      userInteractions: dto.userInteractions.map((u) => ({ name: u.name, templateId: u.templateId ?? null, event: u.event, title: u.title, text: u.text, icon: u.icon, buttons: u.buttons, timeout: u.timeout, behaviours: { ...u.behaviours } as PackageDefinition['userInteractions'][number]['behaviours'] })),
      rebootAfter: dto.rebootAfter,
      ocs: { priority: dto.ocs.priority, action: dto.ocs.action, command: dto.ocs.command, path: dto.ocs.path, notify: { ...dto.ocs.notify } },
    };
    const size = Buffer.byteLength(JSON.stringify(definition));
    if (size > MAX_DEFINITION_BYTES) throw new PayloadTooLargeException(`The definition takes ${size} bytes; at most ${MAX_DEFINITION_BYTES} are stored`);
    return definition;
  }

  private async views(rows: DeployPackage[]): Promise<PackageViewDto[]> {
    if (!rows.length) return [];
    const revisions = await this.dataSource
      .getRepository(PackageRevision)
      .createQueryBuilder('r')
      .select(['r.id', 'r.packageId', 'r.number', 'r.status', 'r.publishedAt', 'r.retiredAt', 'r.updatedAt'])
      .where('r.package_id IN (:...ids)', { ids: rows.map((p) => p.id) })
      .orderBy('r.number', 'DESC')
      .getMany();
    const entities = await entityNodes(this.dataSource.manager, rows.map((p) => p.entityId));
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      entityId: p.entityId,
      entityName: entities.get(p.entityId)?.name ?? '',
      recursive: Boolean(p.recursive),
      revisions: revisions.filter((r) => r.packageId === p.id).map((r) => this.summary(r)),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    }));
  }

  private summary(r: PackageRevision) {
    return { number: r.number, status: r.status, publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null, retiredAt: r.retiredAt ? new Date(r.retiredAt).toISOString() : null, updatedAt: new Date(r.updatedAt).toISOString() };
  }

  private revisionView(r: PackageRevision): RevisionViewDto {
    return { ...this.summary(r), packageId: r.packageId, definition: r.definition as unknown as DefinitionDto };
  }
}
