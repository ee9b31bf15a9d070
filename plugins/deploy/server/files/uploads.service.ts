import { createHash, randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bulk, type RequestContext } from '@parc/sdk';
import type { DataSource } from 'typeorm';
import { DEPLOY_SETTINGS, type DeploySettings } from '../deploy-settings';
import type { CreateUploadDto, UploadViewDto } from './dto/file.dto';
import { DeployUpload, DeployUploadPart } from './file.entity';
import { FileStore } from './file-store';
import { FilesService } from './files.service';
import { HashWorker } from './hash-worker';
import { BLOCK_BYTES } from './part-format';

/**
 * The largest chunk the server suggests: each chunk ends with its parts synced and a commit, which costs about as
 * much as receiving 10 MiB at full speed, so larger chunks go faster (on the benchmark machine 16 MiB chunks reach
 * 76 % of dd, 64 MiB chunks 88 %). Clients on slow links send smaller ones (the web UI adapts, resumable-upload.ts).
 */
export const CHUNK_BYTES = 64 * BLOCK_BYTES;
const DIGEST = /^sha-256=:([A-Za-z0-9+/]{43}=):$/;

/**
 * Resumable uploads. Chunks arrive in order, each with its SHA-256 (`Content-Digest`); a chunk that does not
 * match is refused and nothing of it is kept. After a cut the client asks for the upload (`offset`) and sends the
 * rest. Chunks are cut into parts as they arrive, so completing a 10 GB upload only writes the manifest.
 */
@Injectable()
export class UploadsService {
  /** How many bytes of each upload the hashing worker's committed SHA-512 covers. */
  private readonly hashed = new Map<string, number>();
  /** Uploads with a chunk being written by this process. */
  private readonly busy = new Set<string>();
  private readonly bulk: Bulk;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DEPLOY_SETTINGS) private readonly settings: DeploySettings,
    private readonly store: FileStore,
    private readonly files: FilesService,
    private readonly hasher: HashWorker,
  ) {
    this.bulk = new Bulk(dataSource);
  }

  async create(ctx: RequestContext, dto: CreateUploadDto): Promise<UploadViewDto> {
    this.files.checkSize('The file', dto.size);
    const expectedSha512 = dto.sha512?.toLowerCase() ?? null;
    const upload = this.dataSource.getRepository(DeployUpload).create({
      id: randomUUID(),
      userId: ctx.userId ?? 0,
      entityId: ctx.activeEntity.id,
      name: dto.name,
      size: dto.size,
      received: 0,
      expectedSha512,
      status: 'open',
      fileId: null,
      expiresAt: this.expiry(),
    });
    // Content the repository already holds needs no bytes at all; an empty file needs none either.
    const known = expectedSha512 ? await this.files.find(expectedSha512, ctx).catch(() => null) : null;
    if (known && known.size === dto.size) Object.assign(upload, { status: 'complete', received: dto.size, fileId: known.id });
    await this.dataSource.getRepository(DeployUpload).insert(upload);
    if (upload.fileId) await this.files.grant(upload.fileId, upload.entityId);
    if (dto.size === 0 && !known) return this.writeChunk(ctx, upload.id, '0', emptySource(), `sha-256=:${createHash('sha256').digest('base64')}:`);
    return this.view(upload);
  }

  async get(ctx: RequestContext, id: string): Promise<UploadViewDto> {
    return this.view(await this.find(ctx, id));
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const upload = await this.find(ctx, id);
    await this.dataSource.getRepository(DeployUpload).delete(upload.id);
    this.forget(upload.id);
  }

  /**
   * Appends one chunk at `offset`, which must be what the server holds (409 with the right offset otherwise).
   * The chunk is hashed while it is cut into parts; a digest mismatch refuses it and keeps nothing.
   */
  async writeChunk(ctx: RequestContext, id: string, offsetText: string, body: AsyncIterable<Buffer> | null, digestHeader: string | undefined, declaredLength?: number): Promise<UploadViewDto> {
    const upload = await this.find(ctx, id);
    if (!/^\d{1,16}$/.test(offsetText)) throw new BadRequestException(`offset must be a byte offset (got '${offsetText.slice(0, 40)}')`);
    const offset = Number(offsetText);
    const digest = DIGEST.exec(digestHeader ?? '')?.[1];
    if (!digest) throw new BadRequestException('Each chunk needs a Content-Digest header: sha-256=:<base64 SHA-256 of the chunk>:');
    if (!body) throw new BadRequestException('Send the chunk as raw bytes (Content-Type: application/octet-stream)');
    if (upload.status === 'complete') throw new ConflictException({ message: 'This upload is complete', details: { offset: upload.received } });
    if (offset !== upload.received) throw new ConflictException({ message: `The server holds ${upload.received} bytes: send the chunk at offset ${upload.received}`, details: { offset: upload.received } });
    if (declaredLength !== undefined && offset + declaredLength > upload.size) {
      throw new PayloadTooLargeException(`The chunk ends at byte ${offset + declaredLength}, past the announced size of ${upload.size} bytes`);
    }
    if (this.busy.has(id)) throw new ConflictException({ message: 'Another chunk of this upload is being written', details: { offset: upload.received } });
    this.busy.add(id);
    try {
      await this.prepareHash(upload);
      this.hasher.begin(id, false);
      const ingested = await this.store.ingest(body, { maxBytes: upload.size - offset, stream: id }).catch((err) => {
        this.hasher.rollback(id);
        if (err instanceof PayloadTooLargeException) throw new PayloadTooLargeException(`The chunk goes past the announced size of ${upload.size} bytes`);
        throw err;
      });
      const { size, parts } = ingested;
      const received = offset + size;
      const problem =
        (await this.hasher.endChunk(id)) !== digest
          ? 'The chunk does not match its Content-Digest: it was corrupted on the way and is not kept; send it again'
          : received < upload.size && size % BLOCK_BYTES !== 0
            ? `A chunk other than the last must be a multiple of ${BLOCK_BYTES} bytes (got ${size})`
            : size === 0 && upload.size > 0
              ? 'The chunk is empty'
              : null;
      if (problem) {
        this.hasher.rollback(id);
        throw new BadRequestException(problem);
      }
      try {
        await this.dataSource.transaction(async (m) => {
          const firstSeq = offset / BLOCK_BYTES;
          await this.bulk.insert(m, 'deploy_upload_parts', ['upload_id', 'seq', 'sha512', 'size'], parts.map((p, i) => [id, firstSeq + i, p.sha512, p.size]));
          const moved = await m.createQueryBuilder().update(DeployUpload).set({ received, expiresAt: this.expiry() }).where('id = :id AND received = :offset', { id, offset }).execute();
          if (!moved.affected) throw new ConflictException({ message: 'Another chunk of this upload was written meanwhile', details: { offset: upload.received } });
        });
      } catch (err) {
        this.hasher.rollback(id);
        throw err;
      }
      this.hasher.commit(id);
      this.hashed.set(id, received);
      Object.assign(upload, { received });
      return received === upload.size ? this.complete(upload, await this.hasher.digest(id)) : this.view(upload);
    } finally {
      this.busy.delete(id);
    }
  }

  /** The last chunk arrived: the upload's parts become a file (or the file that already had this content). */
  private async complete(upload: DeployUpload, sha512: string): Promise<UploadViewDto> {
    this.forget(upload.id);
    if (upload.expectedSha512 && upload.expectedSha512 !== sha512) {
      await this.dataSource.getRepository(DeployUpload).delete(upload.id);
      throw new BadRequestException(`The uploaded content has SHA-512 ${sha512}, not the announced ${upload.expectedSha512}: the upload is dropped`);
    }
    const partCount = Math.max(1, Math.ceil(upload.size / BLOCK_BYTES));
    const { file } = await this.files.register(upload.name, sha512, upload.size, { uploadId: upload.id, partCount });
    await this.files.grant(file.id, upload.entityId);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(DeployUpload).update(upload.id, { status: 'complete', fileId: file.id });
      await m.getRepository(DeployUploadPart).delete({ uploadId: upload.id });
    });
    return this.view({ ...upload, status: 'complete', fileId: file.id });
  }

  /**
   * Makes the hashing worker hold the SHA-512 of what the upload holds so far: it does unless this process
   * restarted (or another API process took the previous chunk); then it is rebuilt from the stored parts.
   */
  private async prepareHash(upload: DeployUpload): Promise<void> {
    if (this.hasher.holds(upload.id) && this.hashed.get(upload.id) === upload.received) return;
    this.hasher.begin(upload.id, true);
    const parts = await this.dataSource.getRepository(DeployUploadPart).find({ where: { uploadId: upload.id }, order: { seq: 'ASC' }, select: { sha512: true } });
    const store = this.store;
    await this.store.rehash(
      (async function* () {
        for (const part of parts) {
          const gunzip = createGunzip();
          // A missing or damaged part fails the reading loop instead of leaving it waiting.
          const read = pipeline(store.readPart(part.sha512), gunzip);
          yield* gunzip;
          await read;
        }
      })(),
      upload.id,
    );
    await this.hasher.endChunk(upload.id);
    this.hasher.commit(upload.id);
    this.hashed.set(upload.id, upload.received);
  }

  private forget(id: string): void {
    this.hashed.delete(id);
    this.hasher.drop(id);
  }

  private async find(ctx: RequestContext, id: string): Promise<DeployUpload> {
    const upload = /^[0-9a-f-]{36}$/.test(id) ? await this.dataSource.getRepository(DeployUpload).findOneBy({ id }) : null;
    // Uploads are private to whoever started them.
    if (!upload || upload.userId !== (ctx.userId ?? 0)) throw new NotFoundException(`No upload ${id.slice(0, 40)} of yours`);
    return upload;
  }

  private expiry(): Date {
    return new Date(Date.now() + this.settings.uploadTtlSeconds * 1000);
  }

  private async view(upload: DeployUpload): Promise<UploadViewDto> {
    const file = upload.fileId ? (await this.files.views([await this.files.findById(upload.fileId)]))[0] : null;
    return {
      id: upload.id,
      name: upload.name,
      size: Number(upload.size),
      offset: Number(upload.received),
      chunkSize: CHUNK_BYTES,
      status: upload.status,
      file,
      expiresAt: new Date(upload.expiresAt).toISOString(),
    };
  }
}

async function* emptySource(): AsyncIterable<Buffer> {}
