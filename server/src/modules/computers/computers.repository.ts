import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight, type ComputerRow, type ComputerSoftwareView, type SearchCriterion } from '@parc/contracts';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { dateFromDb } from '../../common/database/dates';
import { containsCondition, type ResolvedList } from '../../common/http/list-query.dto';
import { Contributions } from '../../plugin-host/contributions';
import { entityScopeWhere } from '../../sdk/entity-scope';
import type { SearchFieldDefinition } from '../../sdk/plugin';
import type { RequestContext } from '../../sdk/request-context';
import { ComputerCpu, ComputerDisk, ComputerUser, NetworkInterface } from './computer-children.entity';
import { Computer } from './computer.entity';
import { InventoryChange } from './inventory-change.entity';
import { compileCriteria, expressionOf, invalidCriteria, runSearchQuery } from './search/criteria';

export interface ComputerSearch {
  q?: string;
  criteria?: SearchCriterion[];
  /** How the criteria combine (prefix notation); AND of all without it. */
  expression?: string;
  /** Restrict to these ids (export of a selection). */
  ids?: number[];
}

/** Columns of a list row, read straight from `computers`. */
const ROW_COLUMNS = ['id', 'name', 'entity_id', 'serial', 'uuid', 'manufacturer', 'model', 'os_name', 'os_version', 'last_inventory_at', 'last_contact_at', 'ip'].map((c) => `c.${c} AS ${c}`);

interface RawRow {
  id: number;
  name: string;
  entity_id: number;
  serial: string;
  uuid: string;
  manufacturer: string;
  model: string;
  os_name: string;
  os_version: string;
  last_inventory_at: string | Date | null;
  last_contact_at: string | Date | null;
  ip: string;
}

/** All SQL of the computers list, search and CSV export. */
@Injectable()
export class ComputersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contributions: Contributions,
  ) {}

  /**
   * Checks of criterion values that need more than their type, by field type (a "member of group" value must be a
   * group the caller can see). Registered by the modules that own what the values name.
   */
  private readonly valueChecks = new Map<string, (ctx: RequestContext, value: string) => Promise<string | null>>();

  addValueCheck(type: SearchFieldDefinition['type'], check: (ctx: RequestContext, value: string) => Promise<string | null>): void {
    this.valueChecks.set(type, check);
  }

  /** 400 naming each criterion whose value fails its field's check. */
  async checkValues(ctx: RequestContext, criteria: SearchCriterion[] = []): Promise<void> {
    const fields = this.fieldMap();
    const problems: { field: string; problems: string[] }[] = [];
    for (const [index, c] of criteria.entries()) {
      const check = this.valueChecks.get(fields.get(c.field)?.type ?? '');
      const problem = check && Number.isSafeInteger(Number(c.value)) ? await check(ctx, c.value) : null;
      if (problem) problems.push({ field: `criteria[${index}].value`, problems: [problem] });
    }
    if (problems.length) throw invalidCriteria(problems);
  }

  searchFields(): SearchFieldDefinition[] {
    return this.contributions.searchFields.filter((f) => f.itemType === 'computer');
  }

  fieldMap(): Map<string, SearchFieldDefinition> {
    return new Map(this.searchFields().map((f) => [f.key, f]));
  }

  /** Computers visible to the caller (with these right bits) that match the search. */
  private matching(ctx: RequestContext, search: ComputerSearch, bits: number = Bits.READ): SelectQueryBuilder<ObjectLiteral> {
    const scope = entityScopeWhere(ctx, { entityColumn: 'c.entity_id', right: CoreRight.COMPUTER, bits });
    const qb = this.dataSource.createQueryBuilder().from('computers', 'c').where(scope.sql, scope.params);
    if (search.q) {
      const name = containsCondition('c.name', 'q1', search.q);
      const serial = containsCondition('c.serial', 'q2', search.q);
      const ip = containsCondition('c.ip', 'q3', search.q);
      qb.andWhere(`(${name.sql} OR ${serial.sql} OR ${ip.sql})`, { ...name.params, ...serial.params, ...ip.params });
    }
    if (search.criteria?.length || search.expression) {
      const criteria = search.criteria ?? [];
      const compiled = compileCriteria(criteria, this.fieldMap(), { expression: expressionOf(search.expression, criteria.length) });
      qb.andWhere(compiled.sql, compiled.params);
    }
    if (search.ids) qb.andWhere(search.ids.length ? 'c.id IN (:...onlyIds)' : '1=0', { onlyIds: search.ids });
    return qb;
  }

  /** The page and the total, as two queries run side by side (on MariaDB they use two connections, two cores). */
  async page(ctx: RequestContext, search: ComputerSearch, list: ResolvedList): Promise<[ComputerRow[], number]> {
    const [[{ n }], rows] = await Promise.all([
      this.run<{ n: number }>(this.matching(ctx, search).select('COUNT(*)', 'n')),
      this.run<RawRow>(this.matching(ctx, search).select(ROW_COLUMNS).orderBy(list.orderBy, list.direction).addOrderBy('c.id', 'ASC').offset(list.offset).limit(list.limit)),
    ]);
    return [await this.decorate(rows), Number(n)];
  }

  /** Every matching id in list order, for a selection across pages or an export. */
  async ids(ctx: RequestContext, search: ComputerSearch, list: Pick<ResolvedList, 'orderBy' | 'direction'>, max: number): Promise<number[]> {
    const rows = await this.run<{ id: number }>(this.matching(ctx, search).select('c.id', 'id').orderBy(list.orderBy, list.direction).addOrderBy('c.id', 'ASC').limit(max));
    return rows.map((r) => Number(r.id));
  }

  private run<T>(qb: SelectQueryBuilder<ObjectLiteral>): Promise<T[]> {
    return runSearchQuery<T>(this.dataSource, qb);
  }

  /** List rows of these ids, in the given order. */
  async rowsByIds(ids: number[]): Promise<ComputerRow[]> {
    if (!ids.length) return [];
    const rows = await this.dataSource.createQueryBuilder().from('computers', 'c').select(ROW_COLUMNS).where('c.id IN (:...ids)', { ids }).getRawMany<RawRow>();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return this.decorate(ids.map((id) => byId.get(id)).filter((r): r is RawRow => Boolean(r)));
  }

  /** The entity of each of these computers that the caller can act on with these bits (others are absent). */
  async actionable(ctx: RequestContext, ids: number[], bits: number): Promise<Map<number, number>> {
    if (!ids.length) return new Map();
    const rows = await this.matching(ctx, { ids }, bits).select(['c.id AS id', 'c.entity_id AS entity_id']).getRawMany<{ id: number; entity_id: number }>();
    return new Map(rows.map((r) => [Number(r.id), Number(r.entity_id)]));
  }

  /** The computer if the caller may see it. */
  async findVisible(ctx: RequestContext, id: number): Promise<Computer | null> {
    const [row] = await this.matching(ctx, { ids: [id] }).select('c.id', 'id').getRawMany<{ id: number }>();
    return row ? this.dataSource.getRepository(Computer).findOneBy({ id }) : null;
  }

  async detailChildren(id: number): Promise<{ cpus: ComputerCpu[]; users: string[]; row: ComputerRow }> {
    const cpus = await this.dataSource.getRepository(ComputerCpu).find({ where: { computerId: id }, order: { id: 'ASC' } });
    const users = await this.dataSource.getRepository(ComputerUser).find({ where: { computerId: id }, order: { login: 'ASC' } });
    const [row] = await this.rowsByIds([id]);
    return { cpus, users: users.map((u) => u.login), row };
  }

  async softwarePage(id: number, list: ResolvedList, q?: string): Promise<[ComputerSoftwareView[], number]> {
    const qb = () => {
      const b = this.dataSource
        .createQueryBuilder()
        .from('computer_software', 'cs')
        .innerJoin('software_versions', 'sv', 'sv.id = cs.software_version_id')
        .innerJoin('software', 's', 's.id = sv.software_id')
        .where('cs.computer_id = :id', { id });
      if (q) {
        const c = containsCondition('s.name', 'q', q);
        b.andWhere(c.sql, c.params);
      }
      return b;
    };
    const [{ n }] = await qb().select('COUNT(*)', 'n').getRawMany<{ n: number }>();
    const rows = await qb()
      .select(['s.name AS name', 's.publisher AS publisher', 'sv.version AS version'])
      .orderBy(list.orderBy, list.direction)
      .addOrderBy('sv.id', 'ASC')
      .offset(list.offset)
      .limit(list.limit)
      .getRawMany<ComputerSoftwareView>();
    return [rows, Number(n)];
  }

  disks(id: number): Promise<ComputerDisk[]> {
    return this.dataSource.getRepository(ComputerDisk).find({ where: { computerId: id }, order: { mountPoint: 'ASC', id: 'ASC' } });
  }

  networks(id: number): Promise<NetworkInterface[]> {
    return this.dataSource.getRepository(NetworkInterface).find({ where: { computerId: id }, order: { name: 'ASC', id: 'ASC' } });
  }

  historyPage(id: number, list: ResolvedList): Promise<[InventoryChange[], number]> {
    return this.dataSource.getRepository(InventoryChange).findAndCount({ where: { computerId: id }, order: { at: 'DESC', id: 'DESC' }, skip: list.offset, take: list.limit });
  }

  /** Entity names and the most recently seen agent of each row: two queries for a whole page. */
  private async decorate(rows: RawRow[]): Promise<ComputerRow[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => Number(r.id));
    const entityIds = [...new Set(rows.map((r) => Number(r.entity_id)))];
    const entities = await this.dataSource.createQueryBuilder().from('entities', 'e').select(['e.id AS id', 'e.complete_name AS name']).where('e.id IN (:...entityIds)', { entityIds }).getRawMany<{ id: number; name: string }>();
    const agents = await this.dataSource
      .createQueryBuilder()
      .from('agents', 'a')
      .select(['a.computer_id AS computer_id', 'a.kind AS kind', 'a.version AS version', 'a.last_contact_at AS last_contact_at', 'a.id AS id'])
      .where('a.computer_id IN (:...ids)', { ids })
      .getRawMany<{ computer_id: number; kind: ComputerRow['agentKind']; version: string; last_contact_at: string | Date | null; id: number }>();
    const entityName = new Map(entities.map((e) => [Number(e.id), e.name]));
    const latestAgent = new Map<number, (typeof agents)[number]>();
    const seen = (a: (typeof agents)[number]) => (a.last_contact_at ? dateFromDb(a.last_contact_at).getTime() : 0) * 1e6 + Number(a.id);
    for (const a of agents) {
      const current = latestAgent.get(Number(a.computer_id));
      if (!current || seen(a) > seen(current)) latestAgent.set(Number(a.computer_id), a);
    }
    return rows.map((r) => {
      const agent = latestAgent.get(Number(r.id));
      return {
        id: Number(r.id),
        name: r.name,
        entityId: Number(r.entity_id),
        entityName: entityName.get(Number(r.entity_id)) ?? '',
        serial: r.serial,
        uuid: r.uuid,
        manufacturer: r.manufacturer,
        model: r.model,
        osName: r.os_name,
        osVersion: r.os_version,
        lastInventoryAt: r.last_inventory_at ? dateFromDb(r.last_inventory_at).toISOString() : null,
        lastContactAt: r.last_contact_at ? dateFromDb(r.last_contact_at).toISOString() : null,
        agentKind: agent?.kind ?? null,
        agentVersion: agent?.version ?? null,
        ip: r.ip || null,
      };
    });
  }
}
