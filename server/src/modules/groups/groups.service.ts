import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { Bits, CoreRight, GroupBits, type GroupImportMatch, type MassActionItemResult, type SearchCriterion } from '@parc/contracts';
import { resolveList } from '../../common/http/list-query.dto';
import type { RequestContext } from '../../sdk/request-context';
import { AuditService } from '../audit/audit.service';
import { ComputersRepository } from '../computers/computers.repository';
import { compileCriteria, expressionOf, invalidCriteria } from '../computers/search/criteria';
import type {
  CreateGroupDto,
  GroupCriteriaDto,
  GroupImportResultDto,
  GroupListQueryDto,
  GroupMembershipChangeDto,
  GroupPageDto,
  GroupPreviewDto,
  GroupPreviewQueryDto,
  GroupRefreshResultDto,
  GroupViewDto,
  UpdateGroupDto,
} from './dto/group.dto';
import { GroupMembershipService } from './group-membership.service';
import { ComputerGroup } from './group.entity';
import { GroupsRepository } from './groups.repository';

const SORTABLE = { name: 'g.name', kind: 'g.kind', memberCount: 'g.memberCount', updatedAt: 'g.updatedAt', refreshedAt: 'g.refreshedAt' };
/** Lines of an import file, and unmatched lines echoed back. */
const MAX_IMPORT_LINES = 100_000;
const MAX_UNMATCHED_SHOWN = 1000;

/**
 * Groups: who may see, use, edit and delete them (entity scope plus ownership and shares), their definition
 * (criteria validated and compiled before anything is stored) and their members.
 */
@Injectable()
export class GroupsService implements OnModuleInit {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly membership: GroupMembershipService,
    private readonly computers: ComputersRepository,
    private readonly audit: AuditService,
  ) {}

  /** "Member of group" in any computer search names a group the caller can see, or it is a 400. */
  onModuleInit(): void {
    this.computers.addValueCheck('group', async (ctx, value) => ((await this.groups.findVisible(ctx, Number(value))) ? null : `no group with id ${value}`));
  }

  async list(ctx: RequestContext, query: GroupListQueryDto): Promise<GroupPageDto> {
    const [rows, total] = await this.groups.page(ctx, { q: query.q, kind: query.kind, visible: query.visible }, resolveList(query, SORTABLE, 'name'));
    return { items: await this.views(ctx, rows), total };
  }

  async get(ctx: RequestContext, id: number): Promise<GroupViewDto> {
    const [view] = await this.views(ctx, [await this.visible(ctx, id)]);
    return view;
  }

  async create(ctx: RequestContext, dto: CreateGroupDto): Promise<GroupViewDto> {
    const entityId = dto.entityId ?? ctx.activeEntity.id;
    if (!ctx.canOnEntity(CoreRight.GROUP, Bits.CREATE, entityId)) throw new ForbiddenException(`You cannot create groups in entity ${entityId} (group right, create)`);
    const criteria = dto.kind === 'dynamic' ? (dto.criteria ?? []) : [];
    if (dto.kind === 'static' && (dto.criteria?.length || dto.expression || dto.mode)) {
      throw new BadRequestException({ message: 'A static group has no criteria, expression or mode', details: [{ field: 'kind', problems: ['static groups take members, not criteria'] }] });
    }
    const expression = dto.kind === 'dynamic' ? (dto.expression?.trim() ?? '') : '';
    await this.validateDefinition(ctx, null, criteria, expression);
    if (dto.shares) await this.validateShares(dto.shares);
    const repo = this.groups.dataSource.getRepository(ComputerGroup);
    const group = await this.groups.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(ComputerGroup).save(
        repo.create({
          name: dto.name,
          comment: dto.comment ?? '',
          entityId,
          recursive: dto.recursive ?? false,
          kind: dto.kind,
          mode: dto.kind === 'dynamic' ? (dto.mode ?? 'query') : null,
          criteria,
          expression,
          ownerId: ctx.userId,
          visible: dto.visible ?? false,
          memberCount: 0,
          refreshedAt: null,
          refreshMs: null,
        }),
      );
      if (dto.shares?.length) await this.groups.replaceShares(m, saved.id, dto.shares);
      await this.audit.record(m, ctx, { action: 'create', itemType: 'group', itemId: saved.id, entityId, after: { name: saved.name, kind: saved.kind, mode: saved.mode, criteria, expression } });
      return saved;
    });
    this.membership.invalidate();
    if (group.kind === 'dynamic') await this.membership.refresh(group);
    return this.get(ctx, group.id);
  }

  async update(ctx: RequestContext, id: number, dto: UpdateGroupDto): Promise<GroupViewDto> {
    const group = await this.editable(ctx, id);
    if (dto.entityId !== undefined && dto.entityId !== group.entityId && !ctx.canOnEntity(CoreRight.GROUP, Bits.CREATE, dto.entityId)) {
      throw new ForbiddenException(`You cannot move groups to entity ${dto.entityId} (group right, create)`);
    }
    if (group.kind === 'static' && (dto.criteria !== undefined || dto.expression !== undefined || dto.mode !== undefined)) {
      throw new BadRequestException({ message: 'A static group has no criteria, expression or mode', details: [{ field: 'kind', problems: ['static groups take members, not criteria'] }] });
    }
    const criteria = dto.criteria ?? group.criteria;
    const expression = dto.expression !== undefined ? dto.expression.trim() : dto.criteria !== undefined ? '' : group.expression;
    const definitionChanged = group.kind === 'dynamic' && (JSON.stringify(criteria) !== JSON.stringify(group.criteria) || expression !== group.expression);
    if (definitionChanged) await this.validateDefinition(ctx, group.id, criteria, expression);
    if (dto.shares) await this.validateShares(dto.shares);
    const mode = dto.mode ?? group.mode;
    const before = { name: group.name, entityId: group.entityId, mode: group.mode, criteria: group.criteria, expression: group.expression, visible: group.visible };
    const changes = {
      ...(dto.name !== undefined ? { name: dto.name } : {}),
      ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
      ...(dto.entityId !== undefined ? { entityId: dto.entityId } : {}),
      ...(dto.recursive !== undefined ? { recursive: dto.recursive } : {}),
      ...(dto.visible !== undefined ? { visible: dto.visible } : {}),
      ...(group.kind === 'dynamic' ? { criteria, expression, mode } : {}),
      // Always touched, so that the cache of compiled groups sees every edit.
      updatedAt: new Date(),
    };
    await this.groups.dataSource.transaction(async (m) => {
      await m.getRepository(ComputerGroup).update(id, changes);
      if (dto.shares) await this.groups.replaceShares(m, id, dto.shares);
      await this.audit.record(m, ctx, { action: 'update', itemType: 'group', itemId: id, entityId: group.entityId, before, after: { ...before, ...changes, updatedAt: undefined } });
    });
    this.membership.invalidate();
    const updated = { ...group, ...changes } as ComputerGroup;
    // A query group follows its definition; a result group is evaluated again only when switched back to query,
    // or when its definition changes (the stored result would no longer be the result of anything).
    const switchedToQuery = group.mode === 'result' && mode === 'query';
    const entityChanged = dto.entityId !== undefined && dto.entityId !== group.entityId;
    if (group.kind === 'dynamic' && (definitionChanged || switchedToQuery || (entityChanged && mode === 'query'))) await this.membership.refresh(updated);
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    const group = await this.visible(ctx, id);
    if (!(await this.can(ctx, group)).delete) throw new ForbiddenException('Only the owner of a group (or a holder of the "every group" right) may delete it, with the group delete right');
    const dependents = await this.dependents(group.id);
    if (dependents.length) throw new ConflictException({ message: `Group ${group.id} is used by the criteria of other groups: ${dependents.map((g) => `${g.name} (${g.id})`).join(', ')}`, details: dependents.map((g) => ({ id: g.id, name: g.name })) });
    await this.groups.dataSource.transaction(async (m) => {
      await m.getRepository(ComputerGroup).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'group', itemId: id, entityId: group.entityId, before: { name: group.name, kind: group.kind, memberCount: group.memberCount } });
    });
    this.membership.invalidate();
  }

  async preview(ctx: RequestContext, dto: GroupPreviewQueryDto): Promise<GroupPreviewDto> {
    const entityId = dto.entityId ?? ctx.activeEntity.id;
    if (!ctx.canOnEntity(CoreRight.GROUP, Bits.READ, entityId)) throw new ForbiddenException(`No group right on entity ${entityId}`);
    const criteria = dto.criteria ?? [];
    await this.validateDefinition(ctx, null, criteria, dto.expression ?? '');
    const started = performance.now();
    const total = await this.groups.count(await this.membership.compile({ id: 0, entityId, criteria, expression: dto.expression ?? '' }));
    return { total, ms: Math.round(performance.now() - started) };
  }

  async refresh(ctx: RequestContext, id: number): Promise<GroupRefreshResultDto> {
    const group = await this.visible(ctx, id);
    if (group.kind !== 'dynamic') throw new BadRequestException('Only dynamic groups are evaluated; static groups change by adding and removing members');
    if (group.mode === 'result') throw new ConflictException('This group keeps a stored result: switch it to query mode to evaluate it again');
    return this.membership.refresh(group);
  }

  async addMembers(ctx: RequestContext, id: number, ids: number[]): Promise<GroupMembershipChangeDto> {
    const group = await this.editable(ctx, id);
    if (group.kind !== 'static') throw new BadRequestException('Members are added to static groups only; a dynamic group takes the computers its criteria match');
    const visible = [...(await this.computers.actionable(ctx, [...new Set(ids)], Bits.READ)).keys()];
    return this.changeMembers(group, visible, []);
  }

  async removeMembers(ctx: RequestContext, id: number, ids: number[]): Promise<GroupMembershipChangeDto> {
    const group = await this.editable(ctx, id);
    if (group.kind === 'dynamic' && group.mode !== 'result') {
      throw new BadRequestException('A query-mode dynamic group takes the computers its criteria match: switch it to result mode to remove computers by hand');
    }
    const change = await this.changeMembers(group, [], [...new Set(ids)]);
    if (group.kind === 'dynamic' && change.memberCount === 0) {
      // As in Pulse 2: a stored result emptied by hand turns the group back into its query.
      await this.update(ctx, id, { mode: 'query' });
      return { ...change, memberCount: await this.groups.memberCount(id) };
    }
    return change;
  }

  /** Static groups from a text file: one computer name, serial or UUID a line; unmatched lines are reported. */
  async importMembers(ctx: RequestContext, id: number, file: Buffer | null, match: GroupImportMatch): Promise<GroupImportResultDto> {
    const group = await this.editable(ctx, id);
    if (group.kind !== 'static') throw new BadRequestException('Computers are imported into static groups only');
    if (!file) throw new BadRequestException({ message: 'Send the list as a multipart file field named "file"', details: [{ field: 'file', problems: ['missing'] }] });
    const text = file.toString('utf8');
    if (text.includes('\u0000')) throw new BadRequestException({ message: 'The file is not a text file', details: [{ field: 'file', problems: ['binary content'] }] });
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.length > MAX_IMPORT_LINES) throw new BadRequestException(`The file has ${lines.length} lines; at most ${MAX_IMPORT_LINES} are imported at once`);
    const wanted = [...new Set(lines)];
    const found = await this.groups.computersByColumn(ctx, match, wanted);
    // Values compare case-insensitively (as the database did): map what was found back to the lines that way.
    const matchedValues = new Set(found.map((f) => f.value.toLowerCase()));
    const unmatched = wanted.filter((l) => !matchedValues.has(l.toLowerCase()));
    const ids = [...new Set(found.map((f) => f.id))];
    const change = await this.changeMembers(group, ids, []);
    return { lines: lines.length, added: change.added, alreadyMembers: ids.length - change.added, unmatched: unmatched.slice(0, MAX_UNMATCHED_SHOWN), unmatchedCount: unmatched.length };
  }

  /** Mass actions: per computer, ok or why not. */
  async massMembers(ctx: RequestContext, ids: number[], groupId: number, add: boolean): Promise<MassActionItemResult[]> {
    let group: ComputerGroup;
    try {
      group = await this.editable(ctx, groupId);
      if (add && group.kind !== 'static') throw new BadRequestException('Computers are added to static groups only');
      if (!add && group.kind === 'dynamic' && group.mode !== 'result') throw new BadRequestException('Computers are removed by hand from static groups and result-mode dynamic groups only');
    } catch (e) {
      return ids.map((id) => ({ id, status: 'failed', message: (e as Error).message }));
    }
    const visible = await this.computers.actionable(ctx, ids, Bits.READ);
    if (add) await this.changeMembers(group, [...visible.keys()], []);
    else await this.removeMembers(ctx, groupId, [...visible.keys()]);
    return ids.map((id) => (visible.has(id) ? { id, status: 'ok' } : { id, status: 'no-right', message: 'Not visible to you' }));
  }

  private async changeMembers(group: ComputerGroup, add: number[], remove: number[]): Promise<GroupMembershipChangeDto> {
    const result = await this.groups.dataSource.transaction(async (m) => {
      const current = new Set(await this.groups.memberIds(m, group.id));
      const adding = add.filter((id) => !current.has(id));
      const removing = remove.filter((id) => current.has(id));
      if (adding.length) await this.groups.addMembers(m, group.id, adding);
      if (removing.length) await this.groups.removeMembers(m, group.id, removing);
      await this.groups.recount(m, [group.id]);
      return { adding, removing, memberCount: current.size + adding.length - removing.length };
    });
    // Dynamic groups naming this one follow.
    await this.membership.onComputersChanged({ computerIds: [...result.adding, ...result.removing], sections: [`group:${group.id}`] });
    return { added: result.adding.length, removed: result.removing.length, memberCount: result.memberCount };
  }

  /** 404 when the caller cannot see it. */
  async visible(ctx: RequestContext, id: number): Promise<ComputerGroup> {
    const group = await this.groups.findVisible(ctx, id);
    if (!group) throw new NotFoundException(`No group with id ${id}`);
    return group;
  }

  private async editable(ctx: RequestContext, id: number): Promise<ComputerGroup> {
    const group = await this.visible(ctx, id);
    if (!(await this.can(ctx, group)).edit) throw new ForbiddenException('You may not edit this group (group update right on its entity, and owning it, having it shared, or the "every group" right)');
    return group;
  }

  private async can(ctx: RequestContext, group: ComputerGroup): Promise<{ edit: boolean; delete: boolean }> {
    const everyGroup = (bits: number) => ctx.canOnEntity(CoreRight.GROUP, bits | GroupBits.ALL_GROUPS, group.entityId);
    const edit = everyGroup(Bits.UPDATE) || (ctx.canOnEntity(CoreRight.GROUP, Bits.UPDATE, group.entityId) && (await this.groups.isOwnerOrShared(ctx, group)));
    const remove = everyGroup(Bits.DELETE) || (ctx.canOnEntity(CoreRight.GROUP, Bits.DELETE, group.entityId) && (ctx.userId === null || group.ownerId === ctx.userId));
    return { edit, delete: remove };
  }

  /**
   * Criteria compile (unknown fields, operators and values are 400s), the expression parses, every group named by
   * "member of group" is visible to the caller (the check every computer search makes), and none leads back to
   * this group.
   */
  private async validateDefinition(ctx: RequestContext, groupId: number | null, criteria: SearchCriterion[], expression: string): Promise<void> {
    compileCriteria(criteria, this.membership.fields(), { expression: expressionOf(expression, criteria.length) });
    await this.computers.checkValues(ctx, criteria);
    if (groupId === null) return;
    const problems: { field: string; problems: string[] }[] = [];
    for (const [index, c] of criteria.entries()) {
      if (this.membership.fields().get(c.field)?.type !== 'group') continue;
      const target = Number(c.value);
      if (target === groupId) problems.push({ field: `criteria[${index}].value`, problems: ['a group cannot be a member of itself'] });
      else if (await this.reaches(target, groupId)) problems.push({ field: `criteria[${index}].value`, problems: [`group ${target} already depends on this group (a cycle)`] });
    }
    if (problems.length) throw invalidCriteria(problems);
  }

  /** Whether `from`'s criteria lead (through "member of group") to `to`. */
  private async reaches(from: number, to: number, seen = new Set<number>()): Promise<boolean> {
    if (from === to) return true;
    if (seen.has(from) || seen.size > 1000) return false;
    seen.add(from);
    const group = await this.groups.dataSource.getRepository(ComputerGroup).findOneBy({ id: from });
    if (!group) return false;
    for (const dep of this.membership.dependenciesOf(group.criteria).groups) if (await this.reaches(dep, to, seen)) return true;
    return false;
  }

  private async dependents(groupId: number): Promise<ComputerGroup[]> {
    const dynamic = await this.groups.dataSource.getRepository(ComputerGroup).findBy({ kind: 'dynamic' });
    return dynamic.filter((g) => g.id !== groupId && this.membership.dependenciesOf(g.criteria).groups.has(groupId));
  }

  private async validateShares(shares: { kind: 'user' | 'profile'; id: number }[]): Promise<void> {
    const users = await this.groups.existingIds('users', shares.filter((s) => s.kind === 'user').map((s) => s.id));
    const profiles = await this.groups.existingIds('profiles', shares.filter((s) => s.kind === 'profile').map((s) => s.id));
    const problems = shares
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => !(s.kind === 'user' ? users : profiles).has(s.id))
      .map(({ s, i }) => ({ field: `shares[${i}].id`, problems: [`no ${s.kind} with id ${s.id}`] }));
    if (problems.length) throw new BadRequestException({ message: `Invalid shares: ${problems.map((p) => p.problems[0]).join(', ')}`, details: problems });
  }

  private async views(ctx: RequestContext, rows: ComputerGroup[]): Promise<GroupViewDto[]> {
    const ids = rows.map((g) => g.id);
    const shares = await this.groups.shares(ids);
    const owners = await this.groups.ownerLogins([...new Set(rows.map((g) => g.ownerId).filter((o): o is number => o !== null))]);
    const entities = await this.groups.entityNames([...new Set(rows.map((g) => g.entityId))]);
    const views: GroupViewDto[] = [];
    for (const g of rows) {
      views.push({
        id: g.id,
        name: g.name,
        comment: g.comment,
        entityId: g.entityId,
        entityName: entities.get(g.entityId) ?? '',
        recursive: g.recursive,
        kind: g.kind,
        mode: g.mode,
        criteria: g.criteria,
        expression: g.expression,
        ownerId: g.ownerId,
        ownerLogin: g.ownerId !== null ? (owners.get(g.ownerId) ?? null) : null,
        visible: g.visible,
        shares: shares.filter((s) => s.groupId === g.id).map(({ kind, id, name }) => ({ kind, id, name })),
        memberCount: g.memberCount,
        refreshedAt: g.refreshedAt ? new Date(g.refreshedAt).toISOString() : null,
        refreshMs: g.refreshMs,
        createdAt: g.createdAt.toISOString(),
        updatedAt: g.updatedAt.toISOString(),
        can: await this.can(ctx, g),
      });
    }
    return views;
  }
}
