import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Bulk } from '../../../common/database/bulk';
import { Agent } from '../../agents/agent.entity';
import { Computer } from '../../computers/computer.entity';
import { InventoryChange } from '../../computers/inventory-change.entity';
import type { ComputerFields, InventoryDocument } from '../protocol/inventory-document';
import { CHILD_SECTIONS, type ChildSectionName } from './child-sections';

export interface AgentIdentity {
  deviceId: string;
  kind: Agent['kind'];
  version: string;
  userAgent: string;
  remoteAddress: string;
}

/** Every query of the inventory intake. */
@Injectable()
export class IngestionRepository {
  readonly bulk: Bulk;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.bulk = new Bulk(dataSource);
  }

  /** Creates the agent row if it does not exist yet (concurrent first contacts create it once). */
  async ensureAgent(agent: AgentIdentity, entityId: number, tag: string): Promise<void> {
    await this.bulk.insert(
      this.dataSource,
      'agents',
      ['device_id', 'kind', 'version', 'user_agent', 'remote_address', 'tag', 'entity_id'],
      [[agent.deviceId, agent.kind, agent.version, agent.userAgent.slice(0, 255), agent.remoteAddress.slice(0, 64), tag, entityId]],
      { ignoreDuplicates: true },
    );
  }

  /**
   * The agent row, locked until the transaction ends on MariaDB: two inventories of one agent are stored one after
   * the other. (SQLite transactions are serialized already.)
   */
  async lockAgent(m: EntityManager, deviceId: string): Promise<{ id: number; computerId: number | null }> {
    const lock = this.bulk.dialect === 'mariadb' ? ' FOR UPDATE' : '';
    const [row] = await m.query(`SELECT id, computer_id FROM agents WHERE device_id = ?${lock}`, [deviceId]);
    return { id: Number(row.id), computerId: row.computer_id === null ? null : Number(row.computer_id) };
  }

  /** Section hashes last stored for the agent's computer, read before the transaction to skip unchanged work. */
  async storedHashes(deviceId: string): Promise<Record<string, string> | null> {
    const [row] = await this.dataSource.query('SELECT c.section_hashes FROM agents a JOIN computers c ON c.id = a.computer_id WHERE a.device_id = ?', [deviceId]);
    return row?.section_hashes ? (JSON.parse(row.section_hashes) as Record<string, string>) : null;
  }

  loadComputer(m: EntityManager, id: number): Promise<Computer | null> {
    return m.getRepository(Computer).findOneBy({ id });
  }

  /** Matching rules after the device id: serial number and UUID together, then a physical MAC address. */
  async matchComputer(m: EntityManager, doc: InventoryDocument): Promise<Computer | null> {
    const { serial, uuid } = doc.computer;
    if (serial && uuid) {
      const [row] = await m.query('SELECT id FROM computers WHERE serial = ? AND uuid = ? ORDER BY id LIMIT 1', [serial, uuid]);
      if (row) return this.loadComputer(m, Number(row.id));
    }
    const macs = [...new Set(doc.networks.filter((n) => n.mac && !n.virtual).map((n) => n.mac))];
    if (macs.length) {
      const [row] = await m.query(
        `SELECT computer_id FROM network_interfaces WHERE mac IN (${macs.map(() => '?').join(', ')}) AND virtual = ? ORDER BY computer_id LIMIT 1`,
        [...macs, this.bulk.value(false)],
      );
      if (row) return this.loadComputer(m, Number(row.computer_id));
    }
    return null;
  }

  async createComputer(m: EntityManager, entityId: number, fields: ComputerFields): Promise<Computer> {
    const repo = m.getRepository(Computer);
    return repo.save(repo.create({ ...fields, entityId, softwareCount: 0, lastInventoryAt: null, lastContactAt: null, sectionHashes: null, lockedFields: null }));
  }

  async updateComputer(m: EntityManager, id: number, changes: Partial<Computer>): Promise<void> {
    await m.getRepository(Computer).update(id, changes);
  }

  async readSection(m: EntityManager, name: ChildSectionName, computerId: number): Promise<unknown[]> {
    const section = CHILD_SECTIONS[name];
    const rows: Record<string, unknown>[] = await m.query(`SELECT ${section.columns.join(', ')} FROM ${section.table} WHERE computer_id = ?`, [computerId]);
    return rows.map((r) => section.fromRow(r));
  }

  async replaceSection(m: EntityManager, name: ChildSectionName, computerId: number, items: unknown[], existed: boolean): Promise<void> {
    const section = CHILD_SECTIONS[name] as (typeof CHILD_SECTIONS)[ChildSectionName] & { row: (i: unknown) => unknown[] };
    if (existed) await m.query(`DELETE FROM ${section.table} WHERE computer_id = ?`, [computerId]);
    await this.bulk.insert(m, section.table, ['computer_id', ...section.columns], items.map((i) => [computerId, ...section.row(i)]));
  }

  async installedVersionIds(m: EntityManager, computerId: number): Promise<number[]> {
    const rows: { software_version_id: number }[] = await m.query('SELECT software_version_id FROM computer_software WHERE computer_id = ?', [computerId]);
    return rows.map((r) => Number(r.software_version_id));
  }

  async removeInstallations(m: EntityManager, computerId: number, versionIds: number[]): Promise<void> {
    await this.bulk.queryIn(m, `DELETE FROM computer_software WHERE computer_id = ${Number(computerId)} AND software_version_id IN`, versionIds);
  }

  async addInstallations(m: EntityManager, computerId: number, versionIds: number[]): Promise<void> {
    await this.bulk.insert(m, 'computer_software', ['computer_id', 'software_version_id'], versionIds.map((v) => [computerId, v]));
  }

  /** "Name version" of some version ids, for the history. */
  async versionLabels(m: EntityManager, versionIds: number[]): Promise<string[]> {
    if (!versionIds.length) return [];
    const rows = await this.bulk.queryIn<{ name: string; version: string }>(
      m,
      'SELECT s.name, sv.version FROM software_versions sv JOIN software s ON s.id = sv.software_id WHERE sv.id IN',
      versionIds,
    );
    return rows.map((r) => `${r.name} ${r.version}`.trim());
  }

  async linkAgent(m: EntityManager, agentId: number, computerId: number, agent: AgentIdentity, tag: string, at: Date): Promise<void> {
    await m.getRepository(Agent).update(agentId, {
      computerId,
      kind: agent.kind,
      version: agent.version,
      userAgent: agent.userAgent.slice(0, 255),
      remoteAddress: agent.remoteAddress.slice(0, 64),
      tag,
      lastContactAt: at,
    });
  }

  async recordChange(m: EntityManager, change: Omit<InventoryChange, 'id' | 'computer'>): Promise<void> {
    const repo = m.getRepository(InventoryChange);
    await repo.save(repo.create(change));
  }
}
