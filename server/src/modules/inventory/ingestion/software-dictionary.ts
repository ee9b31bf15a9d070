import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Bulk } from '../../../common/database/bulk';
import type { SoftwareItem } from '../protocol/inventory-document';

/** Entries kept per process; past it the cache starts afresh (ids never change, so this only costs lookups). */
const MAX_CACHED = 500_000;

/** The stored identity of a dictionary entry: SHA-1 of its exact text. */
const keyOf = (text: string) => createHash('sha1').update(text).digest('hex');

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
    // The caches are keyed by the exact text (no hashing on a hit); SHA-1 keys are computed for misses only.
    const softwareTexts = items.map((i) => `${i.name}\u0000${i.publisher}`);
    await this.ensure(this.softwareIds, 'software', ['key_hash', 'name', 'publisher'], softwareTexts, (text, i) => [text, items[i].name, items[i].publisher]);
    const versionTexts = items.map((item, i) => `${this.softwareIds.get(softwareTexts[i])!}\u0000${item.version}`);
    await this.ensure(this.versionIds, 'software_versions', ['key_hash', 'software_id', 'version'], versionTexts, (text, i) => [
      text,
      this.softwareIds.get(softwareTexts[i])!,
      items[i].version,
    ]);
    return versionTexts.map((t) => this.versionIds.get(t)!);
  }

  /**
   * Texts not cached are inserted if absent (`row` gives the column values, the first being the text, stored as
   * its SHA-1), then their ids are read back by key.
   */
  private async ensure(cache: Map<string, number>, table: string, columns: string[], texts: string[], row: (text: string, index: number) => unknown[]): Promise<void> {
    const missing = new Map<string, unknown[]>();
    texts.forEach((text, i) => {
      if (!cache.has(text) && !missing.has(text)) {
        const values = row(text, i);
        values[0] = keyOf(text);
        missing.set(text, values);
      }
    });
    if (!missing.size) return;
    if (cache.size + missing.size > MAX_CACHED) cache.clear();
    // Sorted keys: concurrent inventories take unique-index locks in the same order (no deadlock between them).
    const rows = [...missing.entries()].sort((a, b) => ((a[1][0] as string) < (b[1][0] as string) ? -1 : 1));
    await this.bulk.insert(this.dataSource, table, columns, rows.map(([, values]) => values), { ignoreDuplicates: true });
    const textOfKey = new Map(rows.map(([text, values]) => [values[0] as string, text]));
    const found = await this.bulk.queryIn<{ id: number; key_hash: string }>(this.dataSource, `SELECT id, key_hash FROM ${table} WHERE key_hash IN`, [...textOfKey.keys()]);
    for (const r of found) cache.set(textOfKey.get(r.key_hash)!, Number(r.id));
  }
}
