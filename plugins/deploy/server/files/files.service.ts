import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve, sep } from 'node:path';
import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, Bulk, containsCondition, entityScopeWhere, fetchPage, isUniqueViolation, type RequestContext, resolveList, ROOT_ENTITY_ID } from '@parc/sdk';
import type { DataSource, EntityManager } from 'typeorm';
import { DEPLOY_SETTINGS, type DeploySettings } from '../deploy-settings';
import type { FileListQueryDto, FilePageDto, FileViewDto, GarbageCollectionDto } from './dto/file.dto';
import { DeployFile, DeployFilePart, DeployUpload, RevisionFile } from './file.entity';
import { PACKAGE_RIGHT } from '../rights';
import { FileStore, type PartRef } from './file-store';
import { HashWorker } from './hash-worker';

const SORTABLE = { name: 'f.name', size: 'f.size', createdAt: 'f.createdAt' };
/** Rows per INSERT when a manifest is written (a 10 GB file has 10 240 parts). */
const INSERT_BATCH = 1000;

/** Where the parts of a new file come from: listed, or the parts an upload wrote. */
export type PartSource = { parts: PartRef[] } | { uploadId: string; partCount: number };

/**
 * The repository's files: one row per distinct content (by SHA-512) with its manifest of parts, the references
 * revisions hold on them, and the garbage collection of what nothing uses any more.
 */
@Injectable()
export class FilesService {
  private readonly bulk: Bulk;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DEPLOY_SETTINGS) private readonly settings: DeploySettings,
    private readonly store: FileStore,
    private readonly hasher: HashWorker,
  ) {
    this.bulk = new Bulk(dataSource);
  }

  async list(ctx: RequestContext, query: FileListQueryDto): Promise<FilePageDto> {
    const list = resolveList(query, SORTABLE, 'name');
    const visible = visibleFiles(ctx, 'f');
    const qb = this.dataSource.getRepository(DeployFile).createQueryBuilder('f').where(visible.sql, visible.params);
    if (query.q) {
      const contains = containsCondition('f.name', 'q', query.q);
      qb.andWhere(`(${contains.sql} OR f.sha512 LIKE :sha)`, { ...contains.params, sha: `${query.q.toLowerCase().replace(/[^0-9a-f]/g, '')}%` });
    }
    const [rows, total] = await fetchPage(qb, list, 'f.id');
    return { items: await this.views(rows), total };
  }

  async get(ctx: RequestContext, sha512: string): Promise<FileViewDto> {
    const [view] = await this.views([await this.find(sha512, ctx)]);
    return view;
  }

  /** A file by content hash; with a context, only one the caller may see (404 otherwise, as if absent). */
  async find(sha512: string, ctx?: RequestContext): Promise<DeployFile> {
    const qb = this.dataSource.getRepository(DeployFile).createQueryBuilder('f').where('f.sha512 = :sha512', { sha512: sha512.toLowerCase() });
    if (ctx) {
      const visible = visibleFiles(ctx, 'f');
      qb.andWhere(visible.sql, visible.params);
    }
    const file = /^[0-9a-fA-F]{128}$/.test(sha512) ? await qb.getOne() : null;
    if (!file) throw new NotFoundException(`No file with SHA-512 ${sha512.slice(0, 140)} in the repository`);
    return file;
  }

  /** Lets the entity see and use the file (its users uploaded it, or the same content again). */
  async grant(fileId: number, entityId: number): Promise<void> {
    await this.bulk.insert(this.dataSource.manager, 'deploy_file_grants', ['file_id', 'entity_id'], [[fileId, entityId]], { ignoreDuplicates: true });
  }

  async findById(id: number): Promise<DeployFile> {
    return this.dataSource.getRepository(DeployFile).findOneByOrFail({ id });
  }

  /** The parts of a file in order (its manifest). */
  async parts(fileId: number, m: EntityManager = this.dataSource.manager): Promise<PartRef[]> {
    return m.getRepository(DeployFilePart).find({ where: { fileId }, order: { seq: 'ASC' }, select: { sha512: true, size: true } });
  }

  /** Stores a byte stream as a file: parts written while it streams, SHA-512 computed on the way. */
  async ingest(ctx: RequestContext, name: string, source: AsyncIterable<Buffer>): Promise<{ file: DeployFile; deduplicated: boolean }> {
    const stream = randomUUID();
    this.hasher.begin(stream, true, false);
    let sha512: string;
    let ingested: { size: number; parts: PartRef[] };
    try {
      ingested = await this.store.ingest(source, { maxBytes: this.settings.maxFileBytes, stream });
      this.hasher.commit(stream);
      sha512 = await this.hasher.digest(stream);
    } finally {
      this.hasher.drop(stream);
    }
    const stored = await this.register(name, sha512, ingested.size, { parts: ingested.parts });
    await this.grant(stored.file.id, ctx.activeEntity.id);
    return stored;
  }

  /**
   * Imports a file already on the server, from under DEPLOY_IMPORT_DIR only (symbolic links included: the real
   * path must stay inside).
   */
  async importFromDirectory(ctx: RequestContext, path: string): Promise<{ file: DeployFile; deduplicated: boolean }> {
    if (!this.settings.importDir) throw new BadRequestException('Import by path is disabled on this server: set DEPLOY_IMPORT_DIR to the directory files may be imported from');
    if (isAbsolute(path) || path.split(/[\\/]/).includes('..')) throw new BadRequestException(`path must be relative to the import directory, without '..' (got '${path}')`);
    const root = await realpath(this.settings.importDir).catch(() => {
      throw new BadRequestException(`The import directory ${this.settings.importDir} does not exist`);
    });
    const real = await realpath(resolve(root, path)).catch(() => {
      throw new NotFoundException(`No file '${path}' in the import directory`);
    });
    if (!real.startsWith(root + sep)) throw new BadRequestException(`'${path}' leads outside the import directory`);
    const info = await stat(real);
    if (!info.isFile()) throw new BadRequestException(`'${path}' is not a regular file`);
    this.checkSize(`'${path}'`, info.size);
    return this.ingest(ctx, basename(real), createReadStream(real, { highWaterMark: 1024 * 1024 }));
  }

  /** 413 for a file larger than this server accepts, before any byte of it is read. */
  checkSize(what: string, size: number): void {
    if (size > this.settings.maxFileBytes) throw new PayloadTooLargeException(`${what} has ${size} bytes; this server accepts files up to ${this.settings.maxFileBytes} bytes (DEPLOY_MAX_FILE_BYTES)`);
  }

  /**
   * Records stored content as a file. The same content uploaded again (by another package, another user) is the
   * same file: the existing row is returned and `deduplicated` says so.
   */
  async register(name: string, sha512: string, size: number, source: PartSource): Promise<{ file: DeployFile; deduplicated: boolean }> {
    const repo = this.dataSource.getRepository(DeployFile);
    const existing = await repo.findOneBy({ sha512 });
    if (existing) return { file: existing, deduplicated: true };
    const partCount = 'parts' in source ? source.parts.length : source.partCount;
    try {
      const file = await this.dataSource.transaction(async (m) => {
        const row = m.getRepository(DeployFile).create({ sha512, name, size, partCount, unreferencedSince: new Date() });
        await m.getRepository(DeployFile).insert(row);
        if ('parts' in source) {
          for (let i = 0; i < source.parts.length; i += INSERT_BATCH) {
            await m.getRepository(DeployFilePart).insert(source.parts.slice(i, i + INSERT_BATCH).map((p, j) => ({ fileId: row.id, seq: i + j, sha512: p.sha512, size: p.size })));
          }
        } else {
          await m.query('INSERT INTO deploy_file_parts (file_id, seq, sha512, size) SELECT ?, seq, sha512, size FROM deploy_upload_parts WHERE upload_id = ?', [row.id, source.uploadId]);
        }
        return row;
      });
      return { file, deduplicated: false };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Two uploads of the same content finishing together: the other one won, and it is the same file.
      const winner = await repo.findOneBy({ sha512 });
      if (winner) return { file: winner, deduplicated: true };
      throw err;
    }
  }

  /**
   * Makes the revision refer to exactly these files, and updates which files are unreferenced. With a context,
   * every file must be one the caller may see (400 naming the others, as if the repository did not hold them).
   */
  async setRevisionFiles(m: EntityManager, revisionId: number, sha512s: string[], ctx?: RequestContext): Promise<void> {
    const wanted = [...new Set(sha512s.map((s) => s.toLowerCase()))];
    const qb = m.getRepository(DeployFile).createQueryBuilder('f').select(['f.id', 'f.sha512']).where('f.sha512 IN (:...wanted)', { wanted });
    if (ctx) {
      const visible = visibleFiles(ctx, 'f');
      qb.andWhere(visible.sql, visible.params);
    }
    const files = wanted.length ? await qb.getMany() : [];
    const unknown = wanted.filter((sha) => !files.some((f) => f.sha512 === sha));
    if (unknown.length) {
      throw new BadRequestException({
        message: `The repository holds no file with SHA-512 ${unknown.map((s) => s.slice(0, 16) + '…').join(', ')}: upload it first`,
        details: [{ field: 'definition.files', problems: unknown.map((s) => `unknown file ${s}`) }],
      });
    }
    const before = await m.getRepository(RevisionFile).find({ where: { revisionId }, select: { fileId: true } });
    await m.getRepository(RevisionFile).delete({ revisionId });
    if (files.length) await m.getRepository(RevisionFile).insert(files.map((f) => ({ revisionId, fileId: f.id })));
    await this.updateUnreferenced(m, [...before.map((r) => r.fileId), ...files.map((f) => f.id)]);
  }

  /** The files a package's revisions use, read before the package goes (its references go with it). */
  async filesOfPackage(m: EntityManager, packageId: number): Promise<number[]> {
    const rows: { file_id: number }[] = await m.query('SELECT DISTINCT rf.file_id FROM deploy_revision_files rf JOIN deploy_package_revisions r ON r.id = rf.revision_id WHERE r.package_id = ?', [packageId]);
    return rows.map((r) => Number(r.file_id));
  }

  /** Sets or clears `unreferencedSince` of these files from their current references, in two statements. */
  async updateUnreferenced(m: EntityManager, fileIds: number[]): Promise<void> {
    const ids = [...new Set(fileIds)];
    if (!ids.length) return;
    const marks = ids.map(() => '?').join(', ');
    await m.query(`UPDATE deploy_files SET unreferenced_since = NULL WHERE id IN (${marks}) AND EXISTS (SELECT 1 FROM deploy_revision_files rf WHERE rf.file_id = deploy_files.id)`, ids);
    await m.query(`UPDATE deploy_files SET unreferenced_since = ? WHERE id IN (${marks}) AND unreferenced_since IS NULL AND NOT EXISTS (SELECT 1 FROM deploy_revision_files rf WHERE rf.file_id = deploy_files.id)`, [this.bulk.value(new Date()), ...ids]);
  }

  /**
   * Drops expired uploads and the files unreferenced for longer than the grace period, then deletes from disk
   * every part no file and no open upload lists (older than the grace period, so that parts being written stay).
   */
  async collectGarbage(ctx: RequestContext): Promise<GarbageCollectionDto> {
    // The repository is shared by every entity: only those who manage packages at the root clean it.
    if (!ctx.canOnEntity(PACKAGE_RIGHT, Bits.DELETE, ROOT_ENTITY_ID)) throw new ForbiddenException('Collecting the repository needs the package delete right on the root entity');
    return this.collect();
  }

  /** The garbage collection itself (also run periodically). */
  async collect(): Promise<GarbageCollectionDto> {
    const now = Date.now();
    const cutoff = new Date(now - this.settings.gcGraceSeconds * 1000);
    const uploads = await this.dataSource.createQueryBuilder().delete().from(DeployUpload).where('expires_at < :now', { now: new Date(now) }).execute();
    const files = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(DeployFile)
      .where('unreferenced_since IS NOT NULL AND unreferenced_since < :cutoff', { cutoff })
      .andWhere('NOT EXISTS (SELECT 1 FROM deploy_revision_files rf WHERE rf.file_id = deploy_files.id)')
      .execute();
    const swept = await this.store.sweep(async (prefix) => {
      const rows: { sha512: string }[] = await this.dataSource.query(
        'SELECT sha512 FROM deploy_file_parts WHERE sha512 LIKE ? UNION SELECT sha512 FROM deploy_upload_parts WHERE sha512 LIKE ?',
        [`${prefix}%`, `${prefix}%`],
      );
      return new Set(rows.map((r) => r.sha512));
    }, this.settings.gcGraceSeconds * 1000);
    return { uploadsExpired: uploads.affected ?? 0, filesDeleted: files.affected ?? 0, partsDeleted: swept.parts, bytesFreed: swept.bytes };
  }

  async views(rows: DeployFile[]): Promise<FileViewDto[]> {
    if (!rows.length) return [];
    const counts: { file_id: number; n: number }[] = await this.dataSource.query(
      `SELECT file_id, COUNT(*) AS n FROM deploy_revision_files WHERE file_id IN (${rows.map(() => '?').join(', ')}) GROUP BY file_id`,
      rows.map((r) => r.id),
    );
    const references = new Map(counts.map((c) => [Number(c.file_id), Number(c.n)]));
    return rows.map((f) => ({
      sha512: f.sha512,
      name: f.name,
      size: Number(f.size),
      partCount: f.partCount,
      references: references.get(f.id) ?? 0,
      createdAt: new Date(f.createdAt).toISOString(),
      unreferencedSince: f.unreferencedSince ? new Date(f.unreferencedSince).toISOString() : null,
    }));
  }
}

/**
 * Files the caller may see: granted to an entity in their scope (uploaded there), or used by a package they see.
 * Knowing a hash is not enough to use a file: the content would leak through the package's export.
 */
export function visibleFiles(ctx: RequestContext, alias: string): { sql: string; params: Record<string, unknown> } {
  const grants = entityScopeWhere(ctx, { entityColumn: 'g.entity_id', right: PACKAGE_RIGHT });
  const packages = entityScopeWhere(ctx, { entityColumn: 'p.entity_id', recursiveColumn: 'p.recursive', right: PACKAGE_RIGHT });
  return {
    sql:
      `(EXISTS (SELECT 1 FROM deploy_file_grants g WHERE g.file_id = ${alias}.id AND ${grants.sql})` +
      ` OR EXISTS (SELECT 1 FROM deploy_revision_files rf JOIN deploy_package_revisions r ON r.id = rf.revision_id JOIN deploy_packages p ON p.id = r.package_id WHERE rf.file_id = ${alias}.id AND ${packages.sql}))`,
    params: { ...grants.params, ...packages.params },
  };
}
