import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight, type SearchCriterion } from '@parc/contracts';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { fetchPage, resolveList } from '../../common/http/list-query.dto';
import { entityScopeWhere } from '../../sdk/entity-scope';
import type { RequestContext } from '../../sdk/request-context';
import type { GroupViewDto } from '../groups/dto/group.dto';
import { GroupsService } from '../groups/groups.service';
import {
  type CreateSavedSearchDto,
  MAX_QUERY_PARAMS,
  MAX_QUERY_VALUE,
  type SavedSearchListQueryDto,
  type SavedSearchPageDto,
  type SavedSearchToGroupDto,
  type SavedSearchViewDto,
  type UpdateSavedSearchDto,
} from './dto/saved-search.dto';
import { SavedSearch } from './saved-search.entity';

const SORTABLE = { name: 'ss.name', createdAt: 'ss.createdAt' };

/**
 * Saved searches of every list. A private one belongs to its owner alone; a shared one is seen by the users who
 * hold the savedsearch right where it was saved (and below: it is shared down the entity tree).
 */
@Injectable()
export class SavedSearchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
  ) {}

  private visible(ctx: RequestContext): SelectQueryBuilder<SavedSearch> {
    const shared = entityScopeWhere(ctx, { entityColumn: 'ss.entity_id', recursiveColumn: 'ss.shared', right: CoreRight.SAVED_SEARCH, bits: Bits.READ });
    return this.dataSource
      .getRepository(SavedSearch)
      .createQueryBuilder('ss')
      .leftJoinAndSelect('ss.owner', 'owner')
      .where(`(ss.owner_id = :me OR (ss.shared = :sharedTrue AND (${shared.sql})))`, { me: ctx.userId ?? 0, sharedTrue: true, ...shared.params });
  }

  async list(ctx: RequestContext, query: SavedSearchListQueryDto): Promise<SavedSearchPageDto> {
    const list = resolveList(query, SORTABLE, 'name');
    const [rows, total] = await fetchPage(this.visible(ctx).andWhere('ss.item_type = :itemType', { itemType: query.itemType }), list, 'ss.id');
    return { items: rows.map((r) => this.view(ctx, r)), total };
  }

  async create(ctx: RequestContext, dto: CreateSavedSearchDto): Promise<SavedSearchViewDto> {
    if (ctx.userId === null) throw new ForbiddenException('Saved searches belong to users');
    this.checkQuery(dto.query);
    if (dto.shared && !ctx.can(CoreRight.SAVED_SEARCH, Bits.CREATE)) throw new ForbiddenException('Sharing a search needs the savedsearch create right');
    const repo = this.dataSource.getRepository(SavedSearch);
    const saved = await repo.save(repo.create({ ownerId: ctx.userId, itemType: dto.itemType, name: dto.name, query: dto.query, shared: dto.shared ?? false, entityId: ctx.activeEntity.id }));
    return this.get(ctx, saved.id);
  }

  async get(ctx: RequestContext, id: number): Promise<SavedSearchViewDto> {
    return this.view(ctx, await this.find(ctx, id));
  }

  async update(ctx: RequestContext, id: number, dto: UpdateSavedSearchDto): Promise<SavedSearchViewDto> {
    const search = await this.find(ctx, id);
    if (!this.canEdit(ctx, search, Bits.UPDATE)) throw new ForbiddenException('Only its owner (or the savedsearch update right for shared searches) may change a saved search');
    if (dto.query) this.checkQuery(dto.query);
    if (dto.shared && !search.shared && !ctx.canOnEntity(CoreRight.SAVED_SEARCH, Bits.CREATE, search.entityId)) throw new ForbiddenException('Sharing a search needs the savedsearch create right');
    await this.dataSource.getRepository(SavedSearch).update(id, { ...(dto.name !== undefined ? { name: dto.name } : {}), ...(dto.query ? { query: dto.query } : {}), ...(dto.shared !== undefined ? { shared: dto.shared } : {}) });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    const search = await this.find(ctx, id);
    if (!this.canEdit(ctx, search, Bits.DELETE)) throw new ForbiddenException('Only its owner (or the savedsearch delete right for shared searches) may delete a saved search');
    await this.dataSource.getRepository(SavedSearch).delete(id);
  }

  /**
   * A computer search becomes a dynamic group: its criteria and expression as they are, and the quick filter
   * (name, serial or IP contains) as three more criteria OR-ed together and AND-ed with the rest.
   */
  async toGroup(ctx: RequestContext, id: number, dto: SavedSearchToGroupDto): Promise<GroupViewDto> {
    const search = await this.find(ctx, id);
    if (search.itemType !== 'computer') throw new BadRequestException(`Only computer searches become groups (this one is a ${search.itemType} search)`);
    let criteria: SearchCriterion[] = [];
    try {
      criteria = search.query.criteria ? (JSON.parse(search.query.criteria) as SearchCriterion[]) : [];
      if (!Array.isArray(criteria)) throw new Error('not an array');
    } catch {
      throw new BadRequestException('The saved search has unreadable criteria');
    }
    let expression = search.query.expression?.trim() ?? '';
    const q = search.query.q?.trim();
    if (q) {
      const n = criteria.length;
      const all = expression || (n ? `AND(${criteria.map((_, i) => i + 1).join(', ')})` : '');
      criteria = [...criteria, ...(['name', 'serial', 'ip'] as const).map((field) => ({ field, operator: 'contains' as const, value: q }))];
      const quick = `OR(${n + 1}, ${n + 2}, ${n + 3})`;
      expression = all ? `AND(${all}, ${quick})` : quick;
    }
    return this.groups.create(ctx, { name: dto.name ?? search.name, kind: 'dynamic', mode: 'query', criteria, expression, visible: dto.visible ?? false });
  }

  private async find(ctx: RequestContext, id: number): Promise<SavedSearch> {
    const search = await this.visible(ctx).andWhere('ss.id = :id', { id }).getOne();
    if (!search) throw new NotFoundException(`No saved search with id ${id}`);
    return search;
  }

  private canEdit(ctx: RequestContext, search: SavedSearch, bits: number): boolean {
    return search.ownerId === ctx.userId || (search.shared && ctx.canOnEntity(CoreRight.SAVED_SEARCH, bits, search.entityId));
  }

  private checkQuery(query: Record<string, unknown>): void {
    const entries = Object.entries(query);
    const problems: string[] = [];
    if (entries.length > MAX_QUERY_PARAMS) problems.push(`at most ${MAX_QUERY_PARAMS} parameters`);
    for (const [key, value] of entries) {
      if (!/^[A-Za-z][A-Za-z0-9_.-]{0,49}$/.test(key)) problems.push(`'${key.slice(0, 60)}' is not a parameter name`);
      else if (typeof value !== 'string') problems.push(`${key} must be a string`);
      else if (value.length > MAX_QUERY_VALUE) problems.push(`${key} is longer than ${MAX_QUERY_VALUE} characters`);
    }
    if (problems.length) throw new BadRequestException({ message: `Invalid query: ${problems.join('; ')}`, details: [{ field: 'query', problems }] });
  }

  private view(ctx: RequestContext, r: SavedSearch): SavedSearchViewDto {
    return {
      id: r.id,
      itemType: r.itemType,
      name: r.name,
      query: r.query,
      shared: r.shared,
      ownerId: r.ownerId,
      ownerLogin: r.owner?.login ?? '',
      entityId: r.entityId,
      createdAt: r.createdAt.toISOString(),
      can: { edit: this.canEdit(ctx, r, Bits.UPDATE) },
    };
  }
}
