import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight, type MassActionItemResult, type Page } from '@parc/contracts';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Bulk } from '../../common/database/bulk';
import { type ResolvedList, resolveList } from '../../common/http/list-query.dto';
import type { RequestContext } from '../../sdk/request-context';
import { AuditService } from '../audit/audit.service';
import { ComputerChanges } from './computer-changes';
import { Computer } from './computer.entity';
import { csvHeader, csvRows } from './computers-csv';
import { type ComputerSearch, ComputersRepository } from './computers.repository';
import {
  type ComputerExportQueryDto,
  type ComputerIdsDto,
  type ComputerPageDto,
  type ComputerSearchQueryDto,
  type ComputerViewDto,
  CSV_COLUMNS,
  type CsvColumn,
  type HistoryPageDto,
  type SearchFieldListDto,
  type UpdateComputerDto,
} from './dto/computer.dto';
import { OPERATORS_BY_TYPE } from './search/criteria';

const SORTABLE = {
  id: 'c.id',
  name: 'c.name',
  serial: 'c.serial',
  osName: 'c.os_name',
  manufacturer: 'c.manufacturer',
  model: 'c.model',
  lastInventoryAt: 'c.last_inventory_at',
  lastContactAt: 'c.last_contact_at',
};
const SOFTWARE_SORTABLE = { name: 's.name', publisher: 's.publisher', version: 'sv.version' };
/** A selection across pages is sent back as ids: this many at most. */
export const MAX_SELECTION = 200_000;
const EXPORT_CHUNK = 2000;

@Injectable()
export class ComputersService {
  private readonly bulk: Bulk;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly computers: ComputersRepository,
    private readonly audit: AuditService,
    private readonly changes: ComputerChanges,
  ) {
    this.bulk = new Bulk(dataSource);
  }

  searchFields(): SearchFieldListDto {
    const items = this.computers.searchFields().map((f) => ({ key: f.key, label: f.label, type: f.type, operators: OPERATORS_BY_TYPE[f.type], column: Boolean(f.column), plugin: (f as { plugin?: string }).plugin }));
    return { items, total: items.length };
  }

  async list(ctx: RequestContext, query: ComputerSearchQueryDto): Promise<ComputerPageDto> {
    await this.computers.checkValues(ctx, query.criteria);
    const [items, total] = await this.computers.page(ctx, this.search(query), resolveList(query, SORTABLE, 'name'));
    return { items, total };
  }

  async ids(ctx: RequestContext, query: ComputerSearchQueryDto): Promise<ComputerIdsDto> {
    await this.computers.checkValues(ctx, query.criteria);
    const ids = await this.computers.ids(ctx, this.search(query), resolveList(query, SORTABLE, 'name'), MAX_SELECTION);
    return { ids, total: ids.length };
  }

  /** Streams the CSV in chunks of rows, so that a 100 000-computer export never sits whole in memory. */
  async exportCsv(ctx: RequestContext, query: ComputerExportQueryDto, res: Response): Promise<void> {
    await this.computers.checkValues(ctx, query.criteria);
    const search: ComputerSearch = { ...this.search(query), ...(query.ids ? { ids: query.ids.split(',').map(Number) } : {}) };
    const ids = await this.computers.ids(ctx, search, resolveList(query, SORTABLE, 'name'), MAX_SELECTION);
    const columns = (query.columns?.split(',') ?? [...CSV_COLUMNS]) as CsvColumn[];
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="computers-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.csv"`);
    // The byte order mark makes spreadsheet programs read the file as UTF-8.
    res.write(`\uFEFF${csvHeader(columns)}`);
    for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
      const chunk = await this.computers.rowsByIds(ids.slice(i, i + EXPORT_CHUNK));
      if (!res.write(csvRows(chunk, columns))) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  async get(ctx: RequestContext, id: number): Promise<ComputerViewDto> {
    const computer = await this.visible(ctx, id);
    const { cpus, users, row } = await this.computers.detailChildren(id);
    return {
      ...row,
      type: computer.type,
      osArch: computer.osArch,
      osKernel: computer.osKernel,
      biosManufacturer: computer.biosManufacturer,
      biosVersion: computer.biosVersion,
      biosDate: computer.biosDate,
      cpuModel: computer.cpuModel,
      cpuCount: computer.cpuCount,
      cpuCores: computer.cpuCores,
      memoryMb: computer.memoryMb,
      swapMb: computer.swapMb,
      workgroup: computer.workgroup,
      lastLoggedUser: computer.lastLoggedUser,
      softwareCount: computer.softwareCount,
      createdAt: computer.createdAt.toISOString(),
      updatedAt: computer.updatedAt.toISOString(),
      cpus: cpus.map(({ manufacturer, model, speedMhz, cores, threads, arch }) => ({ manufacturer, model, speedMhz, cores, threads, arch })),
      users,
      lockedFields: computer.lockedFields ?? [],
    };
  }

  async update(ctx: RequestContext, id: number, dto: UpdateComputerDto): Promise<ComputerViewDto> {
    const computer = await this.visible(ctx, id, Bits.UPDATE);
    if (dto.entityId !== undefined && dto.entityId !== computer.entityId && !ctx.canOnEntity(CoreRight.COMPUTER, Bits.CREATE, dto.entityId)) {
      throw new ForbiddenException(`You lack the computer right on the target entity (id ${dto.entityId}), or it is outside the active scope`);
    }
    // A name set by hand is locked, or the next inventory would put the agent's host name back.
    const locks = new Set(computer.lockedFields ?? []);
    if (dto.name !== undefined) locks.add('name');
    for (const field of dto.unlock ?? []) locks.delete(field);
    const changes = { ...(dto.name !== undefined ? { name: dto.name } : {}), ...(dto.entityId !== undefined ? { entityId: dto.entityId } : {}), lockedFields: [...locks] };
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(Computer).update(id, changes);
      const before = { name: computer.name, entityId: computer.entityId, lockedFields: computer.lockedFields ?? [] };
      await this.audit.record(m, ctx, { action: 'update', itemType: 'computer', itemId: id, entityId: computer.entityId, before, after: { ...before, ...changes } });
    });
    await this.changes.notify({ computerIds: [id], sections: dto.entityId !== undefined && dto.entityId !== computer.entityId ? ['computer', 'entity'] : ['computer'] });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    const computer = await this.visible(ctx, id, Bits.DELETE);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(Computer).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'computer', itemId: id, entityId: computer.entityId, before: { name: computer.name, serial: computer.serial, uuid: computer.uuid } });
    });
    await this.changes.notify({ computerIds: [id], sections: ['deleted'] });
  }

  /**
   * Moves many computers with one UPDATE and one audit insert; each id is reported ok or no-right (not visible,
   * or the caller cannot change it).
   */
  async moveMany(ctx: RequestContext, ids: number[], entityId: number): Promise<MassActionItemResult[]> {
    if (!ctx.canOnEntity(CoreRight.COMPUTER, Bits.CREATE, entityId)) {
      return ids.map((id) => ({ id, status: 'failed', message: `You cannot move computers to entity ${entityId}` }));
    }
    const allowed = await this.computers.actionable(ctx, ids, Bits.UPDATE);
    const moving = [...allowed.keys()].filter((id) => allowed.get(id) !== entityId);
    if (moving.length) {
      await this.dataSource.transaction(async (m) => {
        await this.bulk.queryIn(m, 'UPDATE computers SET entity_id = ? WHERE id IN', moving, [entityId]);
        await this.audit.recordMany(m, ctx, moving.map((id) => ({ action: 'update', itemType: 'computer', itemId: id, entityId: allowed.get(id)!, before: { entityId: allowed.get(id) }, after: { entityId } })));
      });
      await this.changes.notify({ computerIds: moving, sections: ['entity'] });
    }
    return ids.map((id) => (allowed.has(id) ? { id, status: 'ok' } : { id, status: 'no-right', message: 'Not visible, or no computer right on its entity' }));
  }

  async deleteMany(ctx: RequestContext, ids: number[]): Promise<MassActionItemResult[]> {
    const allowed = await this.computers.actionable(ctx, ids, Bits.DELETE);
    const deleting = [...allowed.keys()];
    if (deleting.length) {
      await this.dataSource.transaction(async (m) => {
        await this.bulk.queryIn(m, 'DELETE FROM computers WHERE id IN', deleting);
        await this.audit.recordMany(m, ctx, deleting.map((id) => ({ action: 'delete', itemType: 'computer', itemId: id, entityId: allowed.get(id)! })));
      });
      await this.changes.notify({ computerIds: deleting, sections: ['deleted'] });
    }
    return ids.map((id) => (allowed.has(id) ? { id, status: 'ok' } : { id, status: 'no-right', message: 'Not visible, or no computer right on its entity' }));
  }

  async software(ctx: RequestContext, id: number, query: ComputerSearchQueryDto): Promise<Page<{ name: string; publisher: string; version: string }>> {
    await this.visible(ctx, id);
    const [items, total] = await this.computers.softwarePage(id, resolveList(query, SOFTWARE_SORTABLE, 'name'), query.q);
    return { items, total };
  }

  async disks(ctx: RequestContext, id: number) {
    await this.visible(ctx, id);
    const items = (await this.computers.disks(id)).map(({ mountPoint, device, fileSystem, totalMb, freeMb, label }) => ({ mountPoint, device, fileSystem, totalMb, freeMb, label }));
    return { items, total: items.length };
  }

  async network(ctx: RequestContext, id: number) {
    await this.visible(ctx, id);
    const items = (await this.computers.networks(id)).map(({ name, mac, ipv4, ipv4Mask, ipv4Gateway, ipv6, status, type, virtual }) => ({ name, mac, ipv4, ipv4Mask, ipv4Gateway, ipv6, status, type, virtual: Boolean(virtual) }));
    return { items, total: items.length };
  }

  async history(ctx: RequestContext, id: number, list: ResolvedList): Promise<HistoryPageDto> {
    await this.visible(ctx, id);
    const [rows, total] = await this.computers.historyPage(id, list);
    return { items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), agentDeviceId: r.agentDeviceId, kind: r.kind, fields: r.changes.fields, sections: r.changes.sections })), total };
  }

  /** 404 when not visible, 403 when visible but the bits are missing. */
  async visible(ctx: RequestContext, id: number, bits: number = Bits.READ): Promise<Computer> {
    const computer = await this.computers.findVisible(ctx, id);
    if (!computer) throw new NotFoundException(`No computer with id ${id}`);
    if (!ctx.canOnEntity(CoreRight.COMPUTER, bits, computer.entityId)) throw new ForbiddenException('You lack the computer right needed on its entity');
    return computer;
  }

  private search(query: ComputerSearchQueryDto): ComputerSearch {
    return { q: query.q, criteria: query.criteria, expression: query.expression };
  }
}
