import { BlockList, isIP } from 'node:net';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Bits, containsCondition, entityNodes, entityScopeWhere, fetchPage, pathIds, type RequestContext, requireVisible, resolveList } from '@parc/sdk';
import type { DataSource } from 'typeorm';
import { MIRROR_RIGHT } from '../rights';
import type { CreateMirrorDto, MirrorListQueryDto, MirrorPageDto, MirrorViewDto, UpdateMirrorDto } from './dto/mirror.dto';
import { DeployMirror } from './mirror.entity';

const SORTABLE = { name: 'm.name', position: 'm.position', url: 'm.url' };

/** Part mirrors, and the ordered list of them an agent gets in each file's `mirrors`. */
@Injectable()
export class MirrorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: MirrorListQueryDto): Promise<MirrorPageDto> {
    const list = resolveList(query, SORTABLE, 'position');
    const scope = entityScopeWhere(ctx, { entityColumn: 'm.entity_id', recursiveColumn: 'm.recursive', right: MIRROR_RIGHT });
    const qb = this.dataSource.getRepository(DeployMirror).createQueryBuilder('m').where(scope.sql, scope.params);
    if (query.q) {
      const contains = containsCondition('m.name', 'q', query.q);
      qb.andWhere(contains.sql, contains.params);
    }
    const [rows, total] = await fetchPage(qb, list, 'm.id');
    return { items: await this.views(rows), total };
  }

  async create(ctx: RequestContext, dto: CreateMirrorDto): Promise<MirrorViewDto> {
    const entityId = dto.entityId ?? ctx.activeEntity.id;
    if (!ctx.canOnEntity(MIRROR_RIGHT, Bits.CREATE, entityId)) throw new ForbiddenException(`You cannot create mirrors in entity ${entityId}`);
    const mirror = this.dataSource.getRepository(DeployMirror).create({ entityId, recursive: dto.recursive ?? true, name: dto.name, url: dto.url, networks: dto.networks ?? [], active: dto.active ?? true, position: dto.position ?? 0 });
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(DeployMirror).insert(mirror);
      await this.audit.record(m, ctx, { action: 'create', itemType: 'deploy.mirror', itemId: mirror.id, entityId, after: { name: mirror.name, url: mirror.url } });
    });
    return (await this.views([mirror]))[0];
  }

  async update(ctx: RequestContext, id: number, dto: UpdateMirrorDto): Promise<MirrorViewDto> {
    const mirror = await this.visible(ctx, id, Bits.UPDATE);
    if (dto.entityId !== undefined && dto.entityId !== mirror.entityId && !ctx.canOnEntity(MIRROR_RIGHT, Bits.CREATE, dto.entityId)) throw new ForbiddenException(`You cannot move mirrors to entity ${dto.entityId}`);
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<DeployMirror>;
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(DeployMirror).update(id, changes);
      await this.audit.record(m, ctx, { action: 'update', itemType: 'deploy.mirror', itemId: id, entityId: mirror.entityId, before: { name: mirror.name, url: mirror.url }, after: changes });
    });
    return (await this.views([{ ...mirror, ...changes }]))[0];
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    const mirror = await this.visible(ctx, id, Bits.DELETE);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(DeployMirror).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'deploy.mirror', itemId: id, entityId: mirror.entityId, before: { name: mirror.name, url: mirror.url } });
    });
  }

  /** The preview of what an agent of this entity, at this address, gets (the caller must see the entity). */
  async previewFor(ctx: RequestContext, entityId: number, address: string | undefined, serverUrl: string): Promise<string[]> {
    if (!ctx.canOnEntity(MIRROR_RIGHT, Bits.READ, entityId)) throw new NotFoundException(`No entity ${entityId} in your scope`);
    return this.mirrorsFor(entityId, address, serverUrl);
  }

  /**
   * The mirrors an agent tries, in order: active mirrors of its entity or recursive ones of an ancestor whose
   * networks (if any) contain its address; those bound to networks first, then the closest entity first; the
   * server itself always last (protocol §6: every mirror is tried in turn).
   */
  async mirrorsFor(entityId: number, address: string | undefined, serverUrl: string): Promise<string[]> {
    const node = (await entityNodes(this.dataSource.manager, [entityId])).get(entityId);
    if (!node) return [serverUrl];
    const lineage = pathIds(node.path);
    const candidates = await this.dataSource
      .getRepository(DeployMirror)
      .createQueryBuilder('m')
      .where('m.active = :active', { active: true })
      .andWhere('(m.entity_id = :entityId OR (m.recursive = :recursive AND m.entity_id IN (:...lineage)))', { entityId, recursive: true, lineage })
      .getMany();
    const family = address ? isIP(address) : 0;
    const matching = candidates.filter((m) => !m.networks.length || (family !== 0 && networksOf(m).check(address!, family === 4 ? 'ipv4' : 'ipv6')));
    const depth = (m: DeployMirror) => lineage.indexOf(m.entityId);
    matching.sort((a, b) => Number(!a.networks.length) - Number(!b.networks.length) || depth(b) - depth(a) || a.position - b.position || a.id - b.id);
    return [...matching.map((m) => m.url), serverUrl];
  }

  private async views(rows: DeployMirror[]): Promise<MirrorViewDto[]> {
    const entities = await entityNodes(this.dataSource.manager, rows.map((r) => r.entityId));
    return rows.map((m) => view(m, entities.get(m.entityId)?.name ?? ''));
  }

  private async visible(ctx: RequestContext, id: number, bits: number): Promise<DeployMirror> {
    const mirror = await this.dataSource.getRepository(DeployMirror).findOneBy({ id });
    return requireVisible(ctx, mirror, MIRROR_RIGHT, bits, `No mirror with id ${id}`, 'mirror');
  }
}

function networksOf(mirror: DeployMirror): BlockList {
  const list = new BlockList();
  for (const cidr of mirror.networks) {
    const [address, prefix] = cidr.split('/');
    list.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

function view(m: DeployMirror, entityName: string): MirrorViewDto {
  return { id: m.id, entityId: m.entityId, entityName, recursive: Boolean(m.recursive), name: m.name, url: m.url, networks: m.networks, active: Boolean(m.active), position: m.position };
}
