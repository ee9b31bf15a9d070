import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Bits, containsCondition, entityNodes, entityScopeWhere, fetchPage, isVisible, type RequestContext, requireVisible, resolveList } from '@parc/sdk';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { behaviourProblems, type PackageDefinition } from '../../shared/definition';
import { PackageRevision } from '../packages/package.entity';
import { PACKAGE_RIGHT } from '../rights';
import type { CreateInteractionTemplateDto, InteractionTemplateListQueryDto, InteractionTemplatePageDto, InteractionTemplateViewDto, UpdateInteractionTemplateDto } from './dto/interaction-template.dto';
import { InteractionTemplate } from './interaction-template.entity';

const SORTABLE = { name: 't.name', updatedAt: 't.updatedAt' };

/** User-interaction templates, managed with the package right, and their expansion into package definitions. */
@Injectable()
export class InteractionTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: InteractionTemplateListQueryDto): Promise<InteractionTemplatePageDto> {
    const list = resolveList(query, SORTABLE, 'name');
    const scope = entityScopeWhere(ctx, { entityColumn: 't.entity_id', recursiveColumn: 't.recursive', right: PACKAGE_RIGHT });
    const qb = this.dataSource.getRepository(InteractionTemplate).createQueryBuilder('t').where(scope.sql, scope.params);
    if (query.q) {
      const contains = containsCondition('t.name', 'q', query.q);
      qb.andWhere(contains.sql, contains.params);
    }
    const [rows, total] = await fetchPage(qb, list, 't.id');
    return { items: await this.views(rows), total };
  }

  async create(ctx: RequestContext, dto: CreateInteractionTemplateDto): Promise<InteractionTemplateViewDto> {
    const entityId = dto.entityId ?? ctx.activeEntity.id;
    if (!ctx.canOnEntity(PACKAGE_RIGHT, Bits.CREATE, entityId)) throw new ForbiddenException(`You cannot create templates in entity ${entityId}`);
    checkBehaviours(dto.behaviours);
    const row = this.dataSource.getRepository(InteractionTemplate).create({ entityId, recursive: dto.recursive ?? true, name: dto.name, icon: dto.icon, buttons: dto.buttons, timeout: dto.timeout, behaviours: dto.behaviours });
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(InteractionTemplate).insert(row);
      await this.audit.record(m, ctx, { action: 'create', itemType: 'deploy.interaction-template', itemId: row.id, entityId, after: { name: row.name } });
    });
    return (await this.views([row]))[0];
  }

  async update(ctx: RequestContext, id: number, dto: UpdateInteractionTemplateDto): Promise<InteractionTemplateViewDto> {
    const row = await this.visible(ctx, id, Bits.UPDATE);
    if (dto.entityId !== undefined && dto.entityId !== row.entityId && !ctx.canOnEntity(PACKAGE_RIGHT, Bits.CREATE, dto.entityId)) throw new ForbiddenException(`You cannot move templates to entity ${dto.entityId}`);
    if (dto.behaviours) checkBehaviours(dto.behaviours);
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<InteractionTemplate>;
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(InteractionTemplate).update(id, changes);
      await this.audit.record(m, ctx, { action: 'update', itemType: 'deploy.interaction-template', itemId: id, entityId: row.entityId, before: { name: row.name }, after: changes });
    });
    return (await this.views([{ ...row, ...changes }]))[0];
  }

  /** 409 while a draft uses it (published revisions hold a copy of its settings). */
  async remove(ctx: RequestContext, id: number): Promise<void> {
    const row = await this.visible(ctx, id, Bits.DELETE);
    const users = await this.dataSource
      .getRepository(PackageRevision)
      .createQueryBuilder('r')
      .innerJoin('r.package', 'p')
      .select(['r.number', 'p.name'])
      .addSelect('p.name', 'name')
      .where("r.status = 'draft' AND (r.definition LIKE :a OR r.definition LIKE :b)", { a: `%"templateId":${id},%`, b: `%"templateId":${id}}%` })
      .getRawMany<{ name: string }>();
    if (users.length) throw new ConflictException(`The template is used by the drafts of ${users.map((u) => `'${u.name}'`).join(', ')}`);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(InteractionTemplate).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'deploy.interaction-template', itemId: id, entityId: row.entityId, before: { name: row.name } });
    });
  }

  /** 400 unless the caller may use every one of these templates. */
  async checkUsable(ctx: RequestContext, ids: number[]): Promise<void> {
    if (!ids.length) return;
    const rows = await this.dataSource.getRepository(InteractionTemplate).findBy({ id: In([...new Set(ids)]) });
    const missing = [...new Set(ids)].filter((id) => !rows.some((r) => r.id === id && isVisible(ctx, r, PACKAGE_RIGHT)));
    if (missing.length) {
      throw new BadRequestException({ message: `No interaction template ${missing.join(', ')} in your scope`, details: [{ field: 'definition.userInteractions', problems: missing.map((id) => `unknown template ${id}`) }] });
    }
  }

  /** The definition with each template's settings copied into the messages that name it. */
  async expand(definition: PackageDefinition, m: EntityManager = this.dataSource.manager): Promise<PackageDefinition> {
    const ids = definition.userInteractions.flatMap((u) => (u.templateId ? [u.templateId] : []));
    if (!ids.length) return definition;
    const templates = new Map((await m.getRepository(InteractionTemplate).findBy({ id: In(ids) })).map((t) => [t.id, t]));
    return {
      ...definition,
      userInteractions: definition.userInteractions.map((u) => {
        const t = u.templateId ? templates.get(u.templateId) : undefined;
        return t ? { ...u, icon: t.icon, buttons: t.buttons, timeout: t.timeout, behaviours: { ...t.behaviours } } : u;
      }),
    };
  }

  private async visible(ctx: RequestContext, id: number, bits: number): Promise<InteractionTemplate> {
    const row = await this.dataSource.getRepository(InteractionTemplate).findOneBy({ id });
    return requireVisible(ctx, row, PACKAGE_RIGHT, bits, `No interaction template with id ${id}`, 'package');
  }

  private async views(rows: InteractionTemplate[]): Promise<InteractionTemplateViewDto[]> {
    const entities = await entityNodes(this.dataSource.manager, rows.map((r) => r.entityId));
    return rows.map((t) => ({ id: t.id, entityId: t.entityId, entityName: entities.get(t.entityId)?.name ?? '', recursive: Boolean(t.recursive), name: t.name, icon: t.icon, buttons: t.buttons, timeout: t.timeout, behaviours: t.behaviours as Record<string, string> }));
  }
}

function checkBehaviours(behaviours: Record<string, string>): void {
  const problems = behaviourProblems(behaviours);
  if (problems.length) throw new BadRequestException({ message: `Invalid behaviours: ${problems.map((p) => p.problem).join('; ')}`, details: [{ field: 'behaviours', problems: problems.map((p) => p.problem) }] });
}
