import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight, type Page } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import { resolveList } from '../../common/http/list-query.dto';
import type { RequestContext } from '../../sdk/request-context';
import { AuditService } from '../audit/audit.service';
import { type CreateEntityDto, EntityViewDto, type ListEntitiesQueryDto, type UpdateEntityDto } from './dto/entity.dto';
import { EntitiesRepository } from './entities.repository';
import { EntityNode } from './entity-node.entity';

const SORTABLE = { id: 'e.id', name: 'e.name', completeName: 'e.complete_name', level: 'e.level', createdAt: 'e.created_at' };

/** Audit events of an entity belong to its parent, which outlives its deletion. */
const auditEntityOf = (e: EntityNode) => e.parentId ?? e.id;

@Injectable()
export class EntitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EntitiesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: ListEntitiesQueryDto): Promise<Page<EntityViewDto>> {
    const [rows, total] = await this.repository.list(ctx, resolveList(query, SORTABLE, 'completeName'), query.q);
    return { items: rows.map(EntityViewDto.from), total };
  }

  async get(ctx: RequestContext, id: number): Promise<EntityViewDto> {
    return EntityViewDto.from(await this.visible(ctx, id, Bits.READ));
  }

  async create(ctx: RequestContext, dto: CreateEntityDto): Promise<EntityViewDto> {
    const parent = await this.visible(ctx, dto.parentId, Bits.CREATE, 'parent entity');
    const created = await this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(parent.id, dto.name);
      const row = await this.repository.insertChild(manager, parent, dto.name, dto.comment ?? '');
      await this.audit.record(manager, ctx, { action: 'create', itemType: 'entity', itemId: row.id, entityId: parent.id, after: row });
      return row;
    });
    // Not this.get(): the new entity is not in the scope computed when the request began.
    return EntityViewDto.from((await this.repository.findOne(created.id))!);
  }

  async update(ctx: RequestContext, id: number, dto: UpdateEntityDto): Promise<EntityViewDto> {
    const node = await this.visible(ctx, id, Bits.UPDATE);
    const moving = dto.parentId !== undefined && dto.parentId !== node.parentId;
    if (dto.parentId !== undefined && node.parentId === null) throw new ConflictException('The root entity cannot be moved');
    let parent: EntityNode | null = null;
    if (moving) {
      parent = await this.visible(ctx, dto.parentId!, Bits.CREATE, 'new parent entity');
      if (parent.path.startsWith(node.path)) throw new ConflictException('An entity cannot be moved below itself or one of its descendants');
    } else if (node.parentId !== null) {
      parent = await this.repository.findOne(node.parentId);
    }
    const name = dto.name ?? node.name;
    await this.dataSource.transaction(async (manager) => {
      if (moving || name !== node.name) {
        await this.assertNameFree(parent?.id ?? null, name, node.id);
        await this.repository.relocate(manager, node, parent, name);
      }
      if (dto.comment !== undefined) await manager.update(EntityNode, id, { comment: dto.comment });
      await this.audit.record(manager, ctx, {
        action: 'update',
        itemType: 'entity',
        itemId: id,
        entityId: auditEntityOf(node),
        before: { name: node.name, parentId: node.parentId, comment: node.comment },
        after: { name, parentId: parent?.id ?? null, comment: dto.comment ?? node.comment },
      });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    const node = await this.visible(ctx, id, Bits.DELETE);
    if (node.parentId === null) throw new ConflictException('The root entity cannot be deleted');
    await this.dataSource.transaction(async (manager) => {
      const contents = await this.repository.contents(id);
      if (contents.length) {
        throw new ConflictException({ message: `Entity '${node.completeName}' is not empty: ${contents.join(', ')}`, details: { contents } });
      }
      await manager.delete(EntityNode, id);
      await this.audit.record(manager, ctx, { action: 'delete', itemType: 'entity', itemId: id, entityId: auditEntityOf(node), before: node });
    });
  }

  /**
   * The entity if the caller may act on it with these bits: 404 when it is outside the caller's scope
   * (its existence is not disclosed), 403 when visible but the right is missing.
   */
  private async visible(ctx: RequestContext, id: number, bits: number, what = 'entity'): Promise<EntityNode> {
    const node = await this.repository.findOne(id);
    if (!node || !ctx.canOnEntity(CoreRight.ENTITY, Bits.READ, id)) throw new NotFoundException(`No ${what} with id ${id}`);
    if (!ctx.canOnEntity(CoreRight.ENTITY, bits, id)) throw new ForbiddenException(`You lack the entity right needed on '${node.completeName}'`);
    return node;
  }

  private async assertNameFree(parentId: number | null, name: string, exceptId?: number): Promise<void> {
    const clash = await this.repository.findChildByName(parentId, name);
    if (clash && clash.id !== exceptId) throw new ConflictException(`An entity named '${name}' already exists there`);
  }
}
