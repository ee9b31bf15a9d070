import { randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { HttpException, HttpStatus, Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { DEPLOY_SETTINGS, type DeploySettings } from '../deploy-settings';
import { PartCache } from './part-cache';
import { BlockPool, type BlockSlot, DIRECT_ALIGNMENT } from './block-pool';
import { HashWorker } from './hash-worker';
import { BLOCK_BYTES, copyIntoStoredMember, packCompressed, storedDataOffset, storedGzipLength, storedSlices, worthCompressing, writeStoredFraming, writeStoredTrailer } from './part-format';

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
  /** Parts are written with O_DIRECT until the file system refuses it. */
  private direct: boolean;

  constructor(
    @Inject(DEPLOY_SETTINGS) private readonly settings: DeploySettings,
    private readonly hasher: HashWorker,
    private readonly pool: BlockPool,
  ) {
    this.repositoryDir = join(settings.filesDir, 'repository');
    this.tmpDir = join(settings.filesDir, '.tmp');
    this.cache = new PartCache(settings.partCacheBytes);
    this.direct = settings.directIo && constants.O_DIRECT !== undefined;
  }

  static relativePartPath(sha512: string): string {
    return `${sha512[0]}/${sha512.slice(0, 2)}/${sha512}`;
  }

  partPath(sha512: string): string {
    return join(this.repositoryDir, FileStore.relativePartPath(sha512));
  }

  /**
   * Cuts a byte stream into 1 MiB blocks and stores each as a part, hashing every byte in the caller's stream;
   * nothing is held in memory beyond a few blocks. Stops with a 413 once `maxBytes` is exceeded.
   */
  async ingest(source: AsyncIterable<Buffer>, options: IngestOptions): Promise<{ size: number; parts: PartRef[] }> {
    try {
      return await this.cut(source, options.maxBytes, (slot, length) => this.storeBlock(options.stream, slot, length));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new InsufficientStorageException('The file repository is full: nothing of this file was kept');
      throw err;
    }
  }

  /** Hashes a byte stream in the caller's stream without storing anything (to rebuild a hash from stored parts). */
  async rehash(source: AsyncIterable<Buffer>, stream: string): Promise<void> {
    await this.cut(source, Number.MAX_SAFE_INTEGER, async (slot, length) => {
      await this.hasher.block(stream, slot, length);
      return null;
    });
  }

  /**
   * Receives the stream into pool slots, block after block, and hands each full block to `handle` (blocks are
   * handed over in order; up to PARTS_IN_FLIGHT are handled at once).
   */
  private async cut<T>(source: AsyncIterable<Buffer>, maxBytes: number, handle: (slot: BlockSlot, length: number) => Promise<T>): Promise<{ size: number; parts: T[] }> {
    const parts: T[] = [];
    const pending: Promise<void>[] = [];
    let size = 0;
    let slot: BlockSlot | null = null;
    let filled = 0;
    let blocks = 0;
    const flush = async (last: boolean) => {
      // An empty file still gets one (empty) part, so that agents have something to reassemble.
      if (filled === 0 && !(last && blocks === 0)) return;
      const seq = blocks++;
      const full = slot ?? (await this.pool.acquire());
      const handled = handle(full, filled)
        .then((part) => void (parts[seq] = part))
        .finally(() => this.pool.release(full));
      // Awaited below; until then, a failure (a full disk) must not count as an unhandled rejection.
      handled.catch(() => undefined);
      pending.push(handled);
      slot = null;
      filled = 0;
      if (pending.length >= PARTS_IN_FLIGHT) await pending.shift();
    };
    try {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > maxBytes) throw new PayloadTooLargeException(`The file exceeds the maximum size of ${maxBytes} bytes`);
        for (let offset = 0; offset < chunk.length; ) {
          slot ??= await this.pool.acquire();
          const copied = copyIntoStoredMember(chunk, offset, slot.member, filled, BLOCK_BYTES);
          filled += copied;
          offset += copied;
          if (filled === BLOCK_BYTES) await flush(false);
        }
      }
      await flush(true);
      await Promise.all(pending);
    } finally {
      if (slot) this.pool.release(slot);
    }
    return { size, parts };
  }

  /**
   * Hashes a block in the file's stream and stores its part unless the repository already holds it: stored as
   * is (the member is already laid out in the slot, hashed on the part thread at the same time, and written from
   * there), or compressed on the thread pool.
   */
  private async storeBlock(stream: string, slot: BlockSlot, length: number): Promise<PartRef> {
    const dataStart = storedDataOffset(0);
    const compressible = worthCompressing(slot.member.subarray(dataStart, dataStart + Math.min(length, BLOCK_BYTES)));
    if (!compressible) writeStoredFraming(slot.member, length);
    // Both are asked for before any wait, so that blocks reach the stream thread in order.
    const hashed = this.hasher.block(stream, slot, length);
    const stored = compressible ? null : this.hasher.part(slot, length);
    await hashed;
    if (stored) {
      const { crc, sha512 } = await stored;
      writeStoredTrailer(slot.member, length, crc);
      const size = storedGzipLength(length);
      return this.storePart(sha512, size, (tmp) => this.writeFromSlot(tmp, slot.member, size));
    }
    const part = await packCompressed(Buffer.concat(storedSlices(slot.member, length)), this.settings.gzipLevel);
    return this.storePart(part.sha512, part.bytes.length, (tmp) => writeBuffered(tmp, part.bytes));
  }

  private async storePart(sha512: string, size: number, write: (tmp: string) => Promise<void>): Promise<PartRef> {
    const path = this.partPath(sha512);
    if (await exists(path)) {
      // Young again: a garbage collection running now must not take a part this upload is about to list.
      const now = new Date();
      await utimes(path, now, now).catch(() => undefined);
    } else {
      await this.ensureDir(join(path, '..'));
      await this.ensureDir(this.tmpDir);
      // A new temporary file, synced, then renamed into place: a part is never seen half written.
      const tmp = join(this.tmpDir, randomUUID());
      await write(tmp);
      await rename(tmp, path);
    }
    return { sha512, size };
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.knownDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.knownDirs.add(dir);
  }

  /**
   * Writes the first `size` bytes of a slot, with O_DIRECT when the file system takes it: on this kind of virtual
   * disk, going through the page cache costs about 3 ms of CPU per MiB, ten times a direct write (docs/deploy.md).
   * A direct write covers whole 4 KiB blocks: the padding is zeroed, written, and cut off again.
   */
  private async writeFromSlot(tmp: string, member: Buffer, size: number): Promise<void> {
    if (this.direct) {
      const padded = Math.ceil(size / DIRECT_ALIGNMENT) * DIRECT_ALIGNMENT;
      member.fill(0, size, padded);
      const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_DIRECT).catch(directRefused);
      if (handle) {
        try {
          const { bytesWritten } = await handle.write(member, 0, padded, 0);
          if (bytesWritten !== padded) throw shortWrite(tmp);
          await handle.truncate(size);
          await handle.datasync();
          return;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
        } finally {
          await handle.close();
        }
      }
      // This file system does not do direct I/O (tmpfs, some network file systems): the page cache from now on.
      this.direct = false;
      await rm(tmp, { force: true });
    }
    await writeBuffered(tmp, member.subarray(0, size));
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

async function writeBuffered(path: string, bytes: Buffer): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length, 0);
    if (bytesWritten !== bytes.length) throw shortWrite(path);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** A short write (a full disk) must not leave a truncated part under its hash. */
function shortWrite(path: string): Error {
  return Object.assign(new Error(`short write of ${path}`), { code: 'ENOSPC' });
}

/** Opening with O_DIRECT fails with EINVAL where the file system does not support it: null then. */
function directRefused(err: NodeJS.ErrnoException): null {
  if (err.code === 'EINVAL') return null;
  throw err;
}

/** 507: the server cannot store what was sent (a full disk), the request itself was fine. */
class InsufficientStorageException extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.INSUFFICIENT_STORAGE);
  }
}
