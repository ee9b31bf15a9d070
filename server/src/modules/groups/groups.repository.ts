import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight, GroupBits } from '@parc/contracts';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Bulk } from '../../common/database/bulk';
import { dialectOf, sqlFor } from '../../common/database/dialect';
import { containsCondition, fetchPage, type ResolvedList } from '../../common/http/list-query.dto';
import { entityScopeWhere } from '../../sdk/entity-scope';
import { evaluatePlan, runSearchQuery, type SearchPlan, type SearchUnit } from '../computers/search/criteria';
import type { RequestContext } from '../../sdk/request-context';
import { ComputerGroup, ComputerGroupShare } from './group.entity';

type Runner = Pick<EntityManager, 'query'>;

/** A dynamic group's compiled search: its WHERE over `computers c`, and the entities its members come from. */
export interface CompiledGroup {
  id: number;
  sql: string;
  params: Record<string, unknown>;
  units: SearchUnit[];
  plan: SearchPlan;
  entityIds: number[];
}

export interface GroupListFilter {
  q?: string;
  kind?: string;
  visible?: boolean;
}

/** All SQL of groups: visibility, membership writes (set-based) and evaluation. */
@Injectable()
export class GroupsRepository {
  readonly bulk: Bulk;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.bulk = new Bulk(dataSource);
  }

  /**
   * Groups the caller may see: in the entity scope with the group right, and either holding the "every group"
   * bit there, or owning the group, or being in its shares (as a user or through a profile the user holds).
   */
  visible(ctx: RequestContext, bits: number = Bits.READ): SelectQueryBuilder<ComputerGroup> {
    const qb = this.dataSource.getRepository(ComputerGroup).createQueryBuilder('g');
    const all = entityScopeWhere(ctx, { entityColumn: 'g.entity_id', recursiveColumn: 'g.recursive', right: CoreRight.GROUP, bits: bits | GroupBits.ALL_GROUPS });
    const scoped = entityScopeWhere(ctx, { entityColumn: 'g.entity_id', recursiveColumn: 'g.recursive', right: CoreRight.GROUP, bits });
    const me = ctx.userId ?? 0;
    const mine = `(g.owner_id = :me OR EXISTS (SELECT 1 FROM computer_group_shares s WHERE s.group_id = g.id AND (s.user_id = :me OR s.profile_id IN (SELECT a.profile_id FROM authorizations a WHERE a.user_id = :me))))`;
    return qb.where(`((${all.sql}) OR ((${scoped.sql}) AND ${mine}))`, { ...all.params, ...scoped.params, me });
  }

  async page(ctx: RequestContext, filter: GroupListFilter, list: ResolvedList): Promise<[ComputerGroup[], number]> {
    const qb = this.visible(ctx);
    if (filter.q) {
      const c = containsCondition('g.name', 'q', filter.q);
      qb.andWhere(c.sql, c.params);
    }
    if (filter.kind) qb.andWhere('g.kind = :kind', { kind: filter.kind });
    if (filter.visible !== undefined) qb.andWhere('g.visible = :visibleFlag', { visibleFlag: filter.visible });
    return fetchPage(qb, list, 'g.id');
  }

  async findVisible(ctx: RequestContext, id: number): Promise<ComputerGroup | null> {
    return this.visible(ctx).andWhere('g.id = :id', { id }).getOne();
  }

  /** Whether the caller reaches the group through ownership or a share (as opposed to the "every group" bit). */
  async isOwnerOrShared(ctx: RequestContext, group: ComputerGroup): Promise<boolean> {
    if (ctx.userId === null) return true;
    if (group.ownerId === ctx.userId) return true;
    const [row] = await this.dataSource.query(
      'SELECT 1 AS yes FROM computer_group_shares s WHERE s.group_id = ? AND (s.user_id = ? OR s.profile_id IN (SELECT a.profile_id FROM authorizations a WHERE a.user_id = ?))',
      [group.id, ctx.userId, ctx.userId],
    );
    return Boolean(row);
  }

  shares(groupIds: number[]): Promise<{ groupId: number; kind: 'user' | 'profile'; id: number; name: string }[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.dataSource
      .createQueryBuilder()
      .from('computer_group_shares', 's')
      .leftJoin('users', 'u', 'u.id = s.user_id')
      .leftJoin('profiles', 'p', 'p.id = s.profile_id')
      .select(['s.group_id AS groupId', 's.user_id AS userId', 's.profile_id AS profileId', 'u.login AS login', 'p.name AS profileName'])
      .where('s.group_id IN (:...groupIds)', { groupIds })
      .orderBy('s.id', 'ASC')
      .getRawMany<{ groupId: number; userId: number | null; profileId: number | null; login: string | null; profileName: string | null }>()
      .then((rows) =>
        rows.map((r) => (r.userId !== null ? { groupId: Number(r.groupId), kind: 'user' as const, id: Number(r.userId), name: r.login ?? '' } : { groupId: Number(r.groupId), kind: 'profile' as const, id: Number(r.profileId), name: r.profileName ?? '' })),
      );
  }

  async replaceShares(m: EntityManager, groupId: number, shares: { kind: 'user' | 'profile'; id: number }[]): Promise<void> {
    await m.getRepository(ComputerGroupShare).delete({ groupId });
    const unique = [...new Map(shares.map((s) => [`${s.kind}:${s.id}`, s])).values()];
    if (unique.length) await m.getRepository(ComputerGroupShare).insert(unique.map((s) => ({ groupId, userId: s.kind === 'user' ? s.id : null, profileId: s.kind === 'profile' ? s.id : null })));
  }

  async ownerLogins(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.createQueryBuilder().from('users', 'u').select(['u.id AS id', 'u.login AS login']).where('u.id IN (:...ids)', { ids }).getRawMany<{ id: number; login: string }>();
    return new Map(rows.map((r) => [Number(r.id), r.login]));
  }

  async entityNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.createQueryBuilder().from('entities', 'e').select(['e.id AS id', 'e.complete_name AS name']).where('e.id IN (:...ids)', { ids }).getRawMany<{ id: number; name: string }>();
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }

  async existingIds(table: 'users' | 'profiles', ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await this.bulk.queryIn<{ id: number }>(this.dataSource, `SELECT id FROM ${table} WHERE id IN`, ids);
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** The entity and its sub-tree: where a group's members come from. */
  async subtreeIds(entityId: number): Promise<number[]> {
    const pattern = sqlFor(dialectOf(this.dataSource)).concat('root.path', "'%'");
    const rows: { id: number }[] = await this.dataSource.query(`SELECT e.id AS id FROM entities e JOIN entities root ON root.id = ? WHERE e.path LIKE ${pattern}`, [entityId]);
    return rows.map((r) => Number(r.id));
  }

  /** Ids of the computers matching a compiled group, in its entities. */
  async evaluate(group: CompiledGroup): Promise<number[]> {
    if (!group.entityIds.length) return [];
    const qb = this.dataSource
      .createQueryBuilder()
      .from('computers', 'c')
      .select('c.id', 'id')
      .where('c.entity_id IN (:...groupEntities)', { groupEntities: group.entityIds })
      .andWhere(group.sql, group.params);
    const rows = await runSearchQuery<{ id: number }>(this.dataSource, qb);
    return rows.map((r) => Number(r.id));
  }

  /** The number of computers matching, for the editor's live count. */
  async count(group: CompiledGroup): Promise<number> {
    if (!group.entityIds.length) return 0;
    const qb = this.dataSource
      .createQueryBuilder()
      .from('computers', 'c')
      .select('COUNT(*)', 'n')
      .where('c.entity_id IN (:...groupEntities)', { groupEntities: group.entityIds })
      .andWhere(group.sql, group.params);
    const [row] = await runSearchQuery<{ n: number }>(this.dataSource, qb);
    return Number(row?.n ?? 0);
  }

  /**
   * Evaluates many groups for a few computers, the incremental refresh of an inventory intake. Rather than one
   * search per group, every unit of every group is computed at once: the row conditions in one statement, the
   * child-table ones in one statement per child table (all the software criteria in one pass over the computer's
   * installed packages); the groups' expressions are then combined in memory.
   */
  async evaluateFor(groups: CompiledGroup[], computerIds: number[]): Promise<Map<number, Set<number>>> {
    const members = new Map<number, Set<number>>(groups.map((g) => [g.id, new Set<number>()]));
    if (!groups.length || !computerIds.length) return members;
    const params: Record<string, unknown> = { computerIds };
    const rowColumns: string[] = [];
    const children = new Map<string, { select: string; from: string; columns: string[] }>();
    const childKey = (u: Extract<SearchUnit, { kind: 'child' }>) => `${u.in.select}\u0000${u.in.from}`;
    groups.forEach((g, gi) => {
      Object.assign(params, g.params);
      g.units.forEach((u, ui) => {
        if (u.kind === 'row') {
          rowColumns.push(`CASE WHEN ${u.condition} THEN 1 ELSE 0 END AS u${gi}_${ui}`);
        } else {
          const child = children.get(childKey(u)) ?? { select: u.in.select, from: u.in.from, columns: [] };
          child.columns.push(`MAX(CASE WHEN ${u.conditions.join(' AND ')} THEN 1 ELSE 0 END) AS u${gi}_${ui}`);
          children.set(childKey(u), child);
        }
      });
    });
    const query = (sql: string) => {
      const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
      return this.dataSource.query(text, values) as Promise<Record<string, unknown>[]>;
    };
    const [rows, ...childRows] = await Promise.all([
      query(`SELECT c.id AS id, c.entity_id AS entity_id${rowColumns.map((c) => `, ${c}`).join('')} FROM computers c WHERE c.id IN (:...computerIds)`),
      ...[...children.values()].map((c) => query(`SELECT ${c.select} AS id, ${c.columns.join(', ')} FROM ${c.from} WHERE ${c.select} IN (:...computerIds) GROUP BY ${c.select}`)),
    ]);
    const childValues = new Map([...children.keys()].map((key, i) => [key, new Map(childRows[i].map((r) => [Number(r.id), r]))]));
    for (const row of rows) {
      const computerId = Number(row.id);
      groups.forEach((g, gi) => {
        if (!g.entityIds.includes(Number(row.entity_id))) return;
        const holds = (ui: number) => {
          const u = g.units[ui];
          const source = u.kind === 'row' ? row : childValues.get(childKey(u))!.get(computerId);
          return Number(source?.[`u${gi}_${ui}`] ?? 0) === 1;
        };
        if (evaluatePlan(g.plan, holds)) members.get(g.id)!.add(computerId);
      });
    }
    return members;
  }

  async memberIds(runner: Runner, groupId: number): Promise<number[]> {
    const rows: { id: number }[] = await runner.query('SELECT computer_id AS id FROM computer_group_members WHERE group_id = ?', [groupId]);
    return rows.map((r) => Number(r.id));
  }

  /** Which of these groups each computer belongs to now. */
  async membershipsOf(computerIds: number[], groupIds: number[]): Promise<{ groupId: number; computerId: number }[]> {
    if (!computerIds.length || !groupIds.length) return [];
    const rows = await this.dataSource
      .createQueryBuilder()
      .from('computer_group_members', 'm')
      .select(['m.group_id AS groupId', 'm.computer_id AS computerId'])
      .where('m.computer_id IN (:...computerIds)', { computerIds })
      .andWhere('m.group_id IN (:...groupIds)', { groupIds })
      .getRawMany<{ groupId: number; computerId: number }>();
    return rows.map((r) => ({ groupId: Number(r.groupId), computerId: Number(r.computerId) }));
  }

  async addMembers(runner: Runner, groupId: number, computerIds: number[]): Promise<void> {
    await this.bulk.insert(runner, 'computer_group_members', ['group_id', 'computer_id'], computerIds.map((id) => [groupId, id]), { ignoreDuplicates: true });
  }

  async removeMembers(runner: Runner, groupId: number, computerIds: number[]): Promise<void> {
    await this.bulk.queryIn(runner, 'DELETE FROM computer_group_members WHERE group_id = ? AND computer_id IN', computerIds, [groupId]);
  }

  async clearMembers(runner: Runner, groupId: number): Promise<void> {
    await runner.query('DELETE FROM computer_group_members WHERE group_id = ?', [groupId]);
  }

  /** Recounts the stored member count of these groups (all groups when none are given). */
  async recount(runner: Runner, groupIds?: number[]): Promise<void> {
    const set = 'UPDATE computer_groups SET member_count = (SELECT COUNT(*) FROM computer_group_members m WHERE m.group_id = computer_groups.id)';
    if (!groupIds) await runner.query(set);
    else if (groupIds.length) await this.bulk.queryIn(runner, `${set} WHERE id IN`, groupIds);
  }

  async adjustCount(runner: Runner, groupId: number, delta: number): Promise<void> {
    if (delta) await runner.query('UPDATE computer_groups SET member_count = member_count + ? WHERE id = ?', [delta, groupId]);
  }

  async markRefreshed(runner: Runner, groupId: number, ms: number): Promise<void> {
    await runner.query('UPDATE computer_groups SET refreshed_at = ?, refresh_ms = ? WHERE id = ?', [this.bulk.value(new Date()), Math.round(ms), groupId]);
  }

  async memberCount(groupId: number): Promise<number> {
    const [row] = await this.dataSource.query('SELECT member_count AS n FROM computer_groups WHERE id = ?', [groupId]);
    return Number(row?.n ?? 0);
  }

  /** Dynamic groups in query mode: what the schedule and the intake keep up to date. */
  queryGroups(): Promise<ComputerGroup[]> {
    return this.dataSource.getRepository(ComputerGroup).find({ where: { kind: 'dynamic', mode: 'query' }, order: { id: 'ASC' } });
  }

  /** A cheap fingerprint of the dynamic groups' definitions, to know when a cache of compiled groups is stale. */
  async definitionsStamp(): Promise<string> {
    const [row] = await this.dataSource.query("SELECT COUNT(*) AS n, MAX(updated_at) AS last, SUM(id) AS ids FROM computer_groups WHERE kind = 'dynamic' AND mode = 'query'");
    return `${row?.n}:${row?.last instanceof Date ? row.last.toISOString() : row?.last}:${row?.ids}`;
  }

  /** Computers visible to the caller among the values of one column (name, serial, uuid), for imports. */
  async computersByColumn(ctx: RequestContext, column: 'name' | 'serial' | 'uuid', values: string[]): Promise<{ id: number; value: string }[]> {
    const scope = entityScopeWhere(ctx, { entityColumn: 'c.entity_id', right: CoreRight.COMPUTER, bits: Bits.READ });
    // MariaDB's collation already ignores case; SQLite needs to be told.
    const compared = dialectOf(this.dataSource) === 'sqlite' ? `c.${column} COLLATE NOCASE` : `c.${column}`;
    const found: { id: number; value: string }[] = [];
    for (let i = 0; i < values.length; i += 1000) {
      const chunk = values.slice(i, i + 1000);
      const rows = await this.dataSource
        .createQueryBuilder()
        .from('computers', 'c')
        .select(['c.id AS id', `c.${column} AS value`])
        .where(scope.sql, scope.params)
        .andWhere(`${compared} IN (:...values)`, { values: chunk })
        .getRawMany<{ id: number; value: string }>();
      found.push(...rows.map((r) => ({ id: Number(r.id), value: r.value })));
    }
    return found;
  }
}
