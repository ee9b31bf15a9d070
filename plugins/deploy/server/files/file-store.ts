import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { HttpException, HttpStatus, Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { DEPLOY_SETTINGS, type DeploySettings } from '../deploy-settings';
import { PartCache } from './part-cache';
import { HashWorker, type StoredPartHash } from './hash-worker';
import { BLOCK_BYTES, packCompressed, storedGzipLength, storedGzipPieces, worthCompressing } from './part-format';

export interface PartRef {
  sha512: string;
  size: number;
}

export interface IngestOptions {
  /** Bytes accepted before the stream is refused with a 413. */
  maxBytes: number;
  /** The HashWorker stream its bytes are hashed in (begun by the caller). */
  stream: string;
}

/** Parts being packed and written at once: enough to keep the thread pool and the disk busy, bounded in memory. */
const PARTS_IN_FLIGHT = 8;

/**
 * The content-addressed part repository on disk: `repository/<c1>/<c1c2>/<sha512>`, the layout agents fetch from
 * any mirror. A part is written once (a new temporary file renamed into place), never modified, and shared by
 * every file and package that contains the same bytes.
 */
@Injectable()
export class FileStore {
  readonly repositoryDir: string;
  private readonly tmpDir: string;
  /** The 4096 part directories are created once; remembering them saves a system call per part. */
  private readonly knownDirs = new Set<string>();
  private readonly cache: PartCache;
  /** Block buffers reused from one part to the next: a 10 GB upload would otherwise churn 10 GB of garbage. */
  private readonly buffers = new BufferPool(BLOCK_BYTES, PARTS_IN_FLIGHT + 2);

  constructor(
    @Inject(DEPLOY_SETTINGS) private readonly settings: DeploySettings,
    private readonly hasher: HashWorker,
  ) {
    this.repositoryDir = join(settings.filesDir, 'repository');
    this.tmpDir = join(settings.filesDir, '.tmp');
    this.cache = new PartCache(settings.partCacheBytes);
  }

  static relativePartPath(sha512: string): string {
    return `${sha512[0]}/${sha512.slice(0, 2)}/${sha512}`;
  }

  partPath(sha512: string): string {
    return join(this.repositoryDir, FileStore.relativePartPath(sha512));
  }

  /**
   * Cuts a byte stream into 1 MiB blocks and stores each as a part, handing every byte to the sink; nothing
   * is held in memory beyond a few blocks. Stops with a 413 once `maxBytes` is exceeded.
   */
  async ingest(source: AsyncIterable<Buffer>, options: IngestOptions): Promise<{ size: number; parts: PartRef[] }> {
    try {
      return await this.cut(source, options);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new InsufficientStorageException('The file repository is full: nothing of this file was kept');
      throw err;
    }
  }

  private async cut(source: AsyncIterable<Buffer>, options: IngestOptions): Promise<{ size: number; parts: PartRef[] }> {
    const parts: PartRef[] = [];
    const pending: Promise<void>[] = [];
    let size = 0;
    let block = this.buffers.take();
    let filled = 0;
    let blocks = 0;
    const flush = async (last: boolean) => {
      // An empty file still gets one (empty) part, so that agents have something to reassemble.
      if (filled === 0 && !(last && blocks === 0)) return;
      const seq = blocks++;
      const length = filled;
      // Blocks reach the hashing worker in order (its replies also bound how much waits there); the block's memory
      // travels there and back without a copy, then the part is written from it.
      const compressible = worthCompressing(block.subarray(0, length));
      const stored = this.hasher.block(options.stream, block.subarray(0, length), !compressible).then(async ({ part, block: back }) => {
        parts[seq] = await this.storeBlock(back, part);
        this.buffers.give(Buffer.from(back.buffer as ArrayBuffer));
      });
      // Awaited below; until then, a failure (a full disk) must not count as an unhandled rejection.
      stored.catch(() => undefined);
      pending.push(stored);
      block = this.buffers.take();
      filled = 0;
      if (pending.length >= PARTS_IN_FLIGHT) await pending.shift();
    };
    for await (const chunk of source) {
      size += chunk.length;
      if (size > options.maxBytes) {
        throw new PayloadTooLargeException(`The file exceeds the maximum size of ${options.maxBytes} bytes`);
      }
      let offset = 0;
      while (offset < chunk.length) {
        const copied = chunk.copy(block, filled, offset, offset + BLOCK_BYTES - filled);
        filled += copied;
        offset += copied;
        if (filled === BLOCK_BYTES) await flush(false);
      }
    }
    await flush(true);
    await Promise.all(pending);
    this.buffers.give(block);
    return { size, parts };
  }

  /** Packs one block and writes its part unless the repository already holds it. */
  /**
   * Writes one block's part unless the repository already holds it: stored as is (its hash comes from the worker,
   * the member is written as pieces around the block, no copy), or compressed on the thread pool.
   */
  private async storeBlock(block: Buffer, stored: StoredPartHash | null): Promise<PartRef> {
    if (stored) return this.storePart(stored.sha512, storedGzipLength(block.length), () => storedGzipPieces(block, stored.crc));
    const part = await packCompressed(block, this.settings.gzipLevel);
    return this.storePart(part.sha512, part.bytes.length, () => [part.bytes]);
  }

  private async storePart(sha512: string, size: number, pieces: () => Buffer[]): Promise<PartRef> {
    const path = this.partPath(sha512);
    if (await exists(path)) {
      // Young again: a garbage collection running now must not take a part this upload is about to list.
      const now = new Date();
      await utimes(path, now, now).catch(() => undefined);
    } else {
      await this.ensureDir(join(path, '..'));
      await this.writeAtomically(path, pieces());
    }
    return { sha512, size };
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.knownDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.knownDirs.add(dir);
  }

  private async writeAtomically(path: string, pieces: Buffer[]): Promise<void> {
    await this.ensureDir(this.tmpDir);
    const tmp = join(this.tmpDir, randomUUID());
    const handle = await open(tmp, 'w');
    try {
      const { bytesWritten } = await handle.writev(pieces);
      // A short write (a full disk) must not leave a truncated part under its hash.
      if (bytesWritten !== pieces.reduce((n, p) => n + p.length, 0)) throw Object.assign(new Error(`short write of ${path}`), { code: 'ENOSPC' });
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  }

  /** The stored bytes of one part, in order, as a stream (for reassembly and export). */
  readPart(sha512: string): NodeJS.ReadableStream {
    return createReadStream(this.partPath(sha512));
  }

  /** A part's bytes, from memory when it was served lately; null when the repository does not hold it. */
  async partBytes(sha512: string): Promise<Buffer | null> {
    const cached = this.cache.get(sha512);
    if (cached) return cached;
    const bytes = await readFile(this.partPath(sha512)).catch(() => null);
    if (bytes) this.cache.set(sha512, bytes);
    return bytes;
  }

  async hasPart(sha512: string): Promise<boolean> {
    return exists(this.partPath(sha512));
  }

  /** Moves a verified temporary file into place as a part (import); an existing part stays as it is. */
  async adoptPart(tmpPath: string, sha512: string): Promise<void> {
    const path = this.partPath(sha512);
    if (await exists(path)) return unlink(tmpPath);
    await mkdir(join(path, '..'), { recursive: true });
    await rename(tmpPath, path);
  }

  /** A fresh path for a temporary file on the repository's file system (so that a rename moves it in). */
  async tempPath(): Promise<string> {
    await mkdir(this.tmpDir, { recursive: true });
    return join(this.tmpDir, randomUUID());
  }

  /**
   * Deletes the parts of one `<c1>/<c1c2>` directory that `isLive` does not claim and that are older than the
   * grace period (a part written by an upload in progress is young). Returns how many parts and bytes went.
   */
  async sweep(isLive: (prefix: string) => Promise<Set<string>>, graceMs: number): Promise<{ parts: number; bytes: number }> {
    const result = { parts: 0, bytes: 0 };
    const cutoff = Date.now() - graceMs;
    for (const c1 of await listDir(this.repositoryDir)) {
      for (const c12 of await listDir(join(this.repositoryDir, c1))) {
        const dir = join(this.repositoryDir, c1, c12);
        const names = await listDir(dir);
        if (!names.length) continue;
        const live = await isLive(c12);
        for (const name of names) {
          if (live.has(name)) continue;
          const info = await stat(join(dir, name)).catch(() => null);
          if (!info || info.mtimeMs > cutoff) continue;
          await unlink(join(dir, name)).catch(() => undefined);
          this.cache.delete(name);
          result.parts++;
          result.bytes += info.size;
        }
      }
    }
    await this.sweepTmp(cutoff);
    return result;
  }

  /** Temporary files left by interrupted writes. */
  private async sweepTmp(cutoff: number): Promise<void> {
    for (const name of await listDir(this.tmpDir)) {
      const path = join(this.tmpDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs <= cutoff) await rm(path, { force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/** A few equal-sized buffers kept for reuse (beyond `max` free ones, returned buffers are left to the GC). */
class BufferPool {
  private readonly free: Buffer[] = [];

  constructor(
    private readonly size: number,
    private readonly max: number,
  ) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }

  give(buffer: Buffer): void {
    if (this.free.length < this.max) this.free.push(buffer);
  }
}

/** 507: the server cannot store what was sent (a full disk), the request itself was fine. */
class InsufficientStorageException extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.INSUFFICIENT_STORAGE);
  }
}
