import type { QueryRunner } from 'typeorm';
import { Bulk } from '../../server/src/common/database/bulk';
import { type Dialect, sqlFor } from '../../server/src/common/database/dialect';
import { CHILD_SECTIONS } from '../../server/src/modules/inventory/ingestion/child-sections';
import { ROOT_ENTITY_ID } from '../../server/src/modules/entities/entity-node.entity';
import { type CatalogueEntry, softwareKey, versionKey } from './catalogue';
import type { RegionPlan } from './entity-tree';
import type { SeededComputer } from './machines';

/** The timer's entry for transaction commits. */
export const COMMIT = '(commits)';

/** Rows written and time spent per table, for the summary. */
export class TableTimer {
  readonly tables = new Map<string, { rows: number; ms: number }>();

  async time<T>(table: string, rows: number, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const entry = this.tables.get(table) ?? { rows: 0, ms: 0 };
      entry.rows += rows;
      entry.ms += performance.now() - started;
      this.tables.set(table, entry);
    }
  }
}

const COMPUTER_COLUMNS = [
  'entity_id', 'name', 'serial', 'uuid', 'manufacturer', 'model', 'type', 'bios_manufacturer', 'bios_version', 'bios_date', 'os_name',
  'os_version', 'os_arch', 'os_kernel', 'cpu_model', 'cpu_count', 'cpu_cores', 'memory_mb', 'swap_mb', 'workgroup', 'last_logged_user', 'ip',
  'software_count', 'last_inventory_at', 'last_contact_at', 'created_at', 'updated_at',
];
const AGENT_COLUMNS = [
  'device_id', 'kind', 'version', 'user_agent', 'remote_address', 'http_port', 'tag', 'entity_id', 'computer_id', 'last_contact_at', 'created_at', 'updated_at',
];

interface EntityRow {
  id: number;
  name: string;
  path: string;
  level: number;
  completeName: string;
}

/**
 * Every write of the seeder, each a multi-row INSERT through Bulk (statements of Bulk's size) on one
 * connection, one transaction per unit: the tree, the catalogue, each batch of computers.
 */
export class FleetWriter {
  readonly dialect: Dialect;
  private readonly sql: ReturnType<typeof sqlFor>;

  constructor(
    private readonly runner: QueryRunner,
    private readonly bulk: Bulk,
    readonly timer: TableTimer,
  ) {
    this.dialect = bulk.dialect;
    this.sql = sqlFor(bulk.dialect);
  }

  /** Regions under the root entity and sites under them (existing ones are reused); entity id of each site index. */
  async seedEntityTree(regions: RegionPlan[]): Promise<Map<number, number>> {
    return this.transaction(async () => {
      const [root] = await this.runner.query('SELECT id, name, path, level, complete_name FROM entities WHERE id = ?', [ROOT_ENTITY_ID]);
      if (!root) throw new Error(`The root entity (id ${ROOT_ENTITY_ID}) is missing: was the database migrated?`);
      const parent: EntityRow = { id: Number(root.id), name: root.name, path: root.path, level: Number(root.level), completeName: root.complete_name };
      const regionRows = await this.ensureChildren(parent, regions.map((r) => r.name));
      const siteIds = new Map<number, number>();
      for (const region of regions) {
        const siteRows = await this.ensureChildren(regionRows.get(fold(region.name))!, region.sites.map((s) => s.name));
        for (const site of region.sites) siteIds.set(site.index, siteRows.get(fold(site.name))!.id);
      }
      return siteIds;
    });
  }

  /**
   * Children of one parent: one INSERT IGNORE (the path needs the generated id, so it starts empty), one UPDATE
   * setting the paths from the ids, one SELECT reading them back.
   */
  private async ensureChildren(parent: EntityRow, names: string[]): Promise<Map<string, EntityRow>> {
    const rows = names.map((name) => [name, parent.id, '', parent.level + 1, `${parent.completeName} > ${name}`, 'Created by seed:fleet']);
    await this.timer.time('entities', rows.length, async () => {
      await this.bulk.insert(this.runner, 'entities', ['name', 'parent_id', 'path', 'level', 'complete_name', 'comment'], rows, { ignoreDuplicates: true });
      await this.runner.query(`UPDATE entities SET path = ${this.sql.concat('?', 'id', "'/'")} WHERE parent_id = ? AND path = ''`, [parent.path, parent.id]);
    });
    const found = await this.bulk.queryIn<{ id: number; name: string; path: string; level: number; complete_name: string }>(
      this.runner,
      `SELECT id, name, path, level, complete_name FROM entities WHERE parent_id = ${Number(parent.id)} AND name IN`,
      names,
    );
    // Folded: MariaDB's collation matches names regardless of case and accents, and so does its unique index.
    return new Map(found.map((r) => [fold(r.name), { id: Number(r.id), name: r.name, path: r.path, level: Number(r.level), completeName: r.complete_name }]));
  }

  /**
   * Software and versions, keyed like the inventory's dictionary (INSERT IGNORE, then ids read back by key), so a
   * second run reuses them and agents' inventories later find the same rows. Returns `ids[entry][version]`.
   */
  async seedCatalogue(entries: readonly CatalogueEntry[]): Promise<number[][]> {
    return this.transaction(async () => {
      const keys = entries.map((e) => softwareKey(e.name, e.publisher));
      await this.timer.time('software', entries.length, () =>
        this.bulk.insert(this.runner, 'software', ['key_hash', 'name', 'publisher'], entries.map((e, i) => [keys[i], e.name, e.publisher]), { ignoreDuplicates: true }),
      );
      const softwareIds = await this.idsByKey('software', keys);
      const versionKeys = entries.map((e, i) => e.versions.map((v) => versionKey(softwareIds.get(keys[i])!, v.version)));
      const versionRows = entries.flatMap((e, i) => e.versions.map((v, j) => [versionKeys[i][j], softwareIds.get(keys[i])!, v.version]));
      await this.timer.time('software_versions', versionRows.length, () =>
        this.bulk.insert(this.runner, 'software_versions', ['key_hash', 'software_id', 'version'], versionRows, { ignoreDuplicates: true }),
      );
      const versionIds = await this.idsByKey('software_versions', versionKeys.flat());
      return versionKeys.map((ks) => ks.map((k) => versionIds.get(k)!));
    });
  }

  private async idsByKey(table: string, keys: string[]): Promise<Map<string, number>> {
    const rows = await this.bulk.queryIn<{ id: number; key_hash: string }>(this.runner, `SELECT id, key_hash FROM ${table} WHERE key_hash IN`, [...new Set(keys)]);
    return new Map(rows.map((r) => [r.key_hash, Number(r.id)]));
  }

  /**
   * One batch of computers in one transaction: the computers, their ids read back by serial (unique, indexed;
   * `above` excludes older rows), then every child table and the agents, each in multi-row statements.
   */
  async writeBatch(computers: readonly SeededComputer[], software: readonly number[][], siteEntityIds: Map<number, number>, above: number): Promise<void> {
    await this.transaction(async () => {
      const entityOf = (c: SeededComputer) => siteEntityIds.get(c.site.index)!;
      await this.timer.time('computers', computers.length, async () => {
        await this.bulk.insert(this.runner, 'computers', COMPUTER_COLUMNS, computers.map((c, i) => computerRow(c, entityOf(c), software[i].length)));
      });
      const ids = await this.timer.time('computers', 0, () => this.idsOf(computers, above));

      await this.insertChildren('computer_cpus', CHILD_SECTIONS.cpus, computers, ids, (c) => c.cpus);
      await this.insertChildren('computer_disks', CHILD_SECTIONS.disks, computers, ids, (c) => c.disks);
      await this.insertChildren('network_interfaces', CHILD_SECTIONS.networks, computers, ids, (c) => c.networks);
      await this.insertChildren('computer_users', CHILD_SECTIONS.users, computers, ids, (c) => c.users);

      const installs: number[][] = [];
      software.forEach((versionIds, i) => {
        for (const versionId of versionIds) installs.push([ids[i], versionId]);
      });
      await this.timer.time('computer_software', installs.length, () => this.bulk.insert(this.runner, 'computer_software', ['computer_id', 'software_version_id'], installs));

      const agents = computers.map((c, i) => agentRow(c, entityOf(c), ids[i]));
      await this.timer.time('agents', agents.length, () => this.bulk.insert(this.runner, 'agents', AGENT_COLUMNS, agents));
    });
  }

  private async idsOf(computers: readonly SeededComputer[], above: number): Promise<number[]> {
    const rows = await this.bulk.queryIn<{ id: number; serial: string }>(
      this.runner,
      `SELECT id, serial FROM computers WHERE id > ${Number(above)} AND serial IN`,
      computers.map((c) => c.fields.serial),
    );
    const bySerial = new Map(rows.map((r) => [r.serial, Number(r.id)]));
    if (bySerial.size !== computers.length) throw new Error(`Read back ${bySerial.size} computer ids for ${computers.length} serials: a serial is not unique`);
    return computers.map((c) => bySerial.get(c.fields.serial)!);
  }

  private async insertChildren<T>(
    table: string,
    section: { columns: string[]; row: (item: T) => unknown[] },
    computers: readonly SeededComputer[],
    ids: number[],
    items: (c: SeededComputer) => T[],
  ): Promise<void> {
    const rows = computers.flatMap((c, i) => items(c).map((item) => [ids[i], ...section.row(item)]));
    await this.timer.time(table, rows.length, () => this.bulk.insert(this.runner, table, ['computer_id', ...section.columns], rows));
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.runner.startTransaction();
    try {
      const result = await work();
      // Timed on its own: on SQLite the commit writes the batch's pages to the WAL (and checkpoints).
      await this.timer.time(COMMIT, 0, () => this.runner.commitTransaction());
      return result;
    } catch (error) {
      await this.runner.rollbackTransaction();
      throw error;
    }
  }
}

function computerRow(c: SeededComputer, entityId: number, softwareCount: number): unknown[] {
  const f = c.fields;
  return [
    entityId, f.name, f.serial, f.uuid, f.manufacturer, f.model, f.type, f.biosManufacturer, f.biosVersion, f.biosDate, f.osName,
    f.osVersion, f.osArch, f.osKernel, f.cpuModel, f.cpuCount, f.cpuCores, f.memoryMb, f.swapMb, f.workgroup, f.lastLoggedUser, f.ip,
    softwareCount, f.lastInventoryAt, f.lastContactAt, f.createdAt, f.lastInventoryAt,
  ];
}

function agentRow(c: SeededComputer, entityId: number, computerId: number): unknown[] {
  const a = c.agent;
  return [a.deviceId, a.kind, a.version, a.userAgent, a.remoteAddress, a.httpPort, a.tag, entityId, computerId, a.lastContactAt, a.createdAt, a.lastContactAt];
}

/** Entity names as MariaDB's unique index compares them (case- and accent-insensitive). */
function fold(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
