import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Bulk } from '../../../common/database/bulk';
import type { SoftwareItem } from '../protocol/inventory-document';

/** Entries kept per process; past it the cache starts afresh (ids never change, so this only costs lookups). */
const MAX_CACHED = 500_000;

const keyOf = (...parts: (string | number)[]) => createHash('sha1').update(parts.join('\u0000')).digest('hex');

/**
 * Resolves software (name, publisher, version) to version ids, creating dictionary rows with set-based
 * INSERT IGNORE. After warm-up, a typical inventory finds every entry in the process cache and costs no query.
 * Runs outside the inventory's transaction, so dictionary rows (shared by all computers) are never held locked.
 */
@Injectable()
export class SoftwareDictionary {
  private readonly softwareIds = new Map<string, number>();
  private readonly versionIds = new Map<string, number>();
  private readonly bulk: Bulk;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.bulk = new Bulk(dataSource);
  }

  async versionIdsOf(items: SoftwareItem[]): Promise<number[]> {
    const softwareKeys = items.map((i) => keyOf(i.name, i.publisher));
    await this.ensure(
      this.softwareIds,
      'software',
      ['key_hash', 'name', 'publisher'],
      items.map((item, i) => [softwareKeys[i], item.name, item.publisher]),
    );
    const versionKeys = items.map((item, i) => keyOf(this.softwareIds.get(softwareKeys[i])!, item.version));
    await this.ensure(
      this.versionIds,
      'software_versions',
      ['key_hash', 'software_id', 'version'],
      items.map((item, i) => [versionKeys[i], this.softwareIds.get(softwareKeys[i])!, item.version]),
    );
    return versionKeys.map((k) => this.versionIds.get(k)!);
  }

  /** Rows whose key (first column) is not cached are inserted if absent, then their ids are read back. */
  private async ensure(cache: Map<string, number>, table: string, columns: string[], rows: unknown[][]): Promise<void> {
    const missing = new Map<string, unknown[]>();
    for (const row of rows) if (!cache.has(row[0] as string)) missing.set(row[0] as string, row);
    if (!missing.size) return;
    if (cache.size + missing.size > MAX_CACHED) cache.clear();
    // Sorted keys: concurrent inventories take unique-index locks in the same order (no deadlock between them).
    const keys = [...missing.keys()].sort();
    await this.bulk.insert(this.dataSource, table, columns, keys.map((k) => missing.get(k)!), { ignoreDuplicates: true });
    const found = await this.bulk.queryIn<{ id: number; key_hash: string }>(this.dataSource, `SELECT id, key_hash FROM ${table} WHERE key_hash IN`, keys);
    for (const row of found) cache.set(row.key_hash, Number(row.id));
  }
}
