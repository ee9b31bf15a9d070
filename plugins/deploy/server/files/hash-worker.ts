import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';

/**
 * The worker's code, plain JavaScript run with `eval` (it needs nothing but node built-ins, and a separate .js file
 * would not follow the TypeScript build). Per stream id it keeps the running SHA-512 (`base`), and while a chunk is
 * being received a copy of it (`work`) and optionally the chunk's SHA-256: a chunk that fails its digest is rolled
 * back. For a block stored as is, it also hashes the stored gzip member the part will be (the layout of
 * storedGzipPieces in part-format.ts; a unit test holds the two together), so the HTTP thread never hashes.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { crc32 } = require('node:zlib');
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const SLICE = 0xffff;
const streams = new Map();

function storedPart(data) {
  const crc = crc32(data);
  const h = createHash('sha512').update(HEADER);
  const count = Math.max(1, Math.ceil(data.length / SLICE));
  const head = Buffer.alloc(5);
  for (let i = 0; i < count; i++) {
    const slice = data.subarray(i * SLICE, (i + 1) * SLICE);
    head[0] = i === count - 1 ? 1 : 0;
    head.writeUInt16LE(slice.length, 1);
    head.writeUInt16LE(~slice.length & 0xffff, 3);
    h.update(head).update(slice);
  }
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(crc, 0);
  tail.writeUInt32LE(data.length % 4294967296, 4);
  return { crc, sha512: h.update(tail).digest('hex') };
}

parentPort.on('message', (m) => {
  let s = streams.get(m.id);
  let value = null;
  switch (m.op) {
    case 'begin':
      if (!s || m.fresh) { s = { base: createHash('sha512') }; streams.set(m.id, s); }
      s.work = s.base.copy();
      s.chunk = m.chunkDigest ? createHash('sha256') : null;
      return;
    case 'block': {
      const data = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
      if (s && s.work) {
        s.work.update(data);
        if (s.chunk) s.chunk.update(data);
      }
      value = m.stored ? storedPart(data) : null;
      // The bytes came without a copy (transferred): they go back the same way.
      parentPort.postMessage({ seq: m.seq, value, data: m.data }, [m.data.buffer]);
      return;
    }
    case 'end':
      value = s && s.chunk ? s.chunk.digest('base64') : '';
      if (s) s.chunk = null;
      break;
    case 'commit':
      if (s && s.work) { s.base = s.work; s.work = null; }
      return;
    case 'rollback':
      if (s) s.work = null;
      return;
    case 'digest':
      value = s ? s.base.copy().digest('hex') : '';
      break;
    case 'drop':
      streams.delete(m.id);
      return;
  }
  parentPort.postMessage({ seq: m.seq, value });
});
`;

export interface StoredPartHash {
  crc: number;
  sha512: string;
}

/**
 * Hashing on a worker thread, so that the thread serving HTTP only copies bytes: the SHA-512 of files as they stream
 * in (with each upload chunk's SHA-256), and the SHA-512 of the parts stored as is. Every block gets a reply, which
 * also bounds what waits in the worker. The state lives in this process only: after a restart (or in another API
 * process) the caller rebuilds it from the stored parts.
 */
@Injectable()
export class HashWorker implements OnModuleDestroy {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly replies = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  /** Streams whose state the current worker holds. */
  private readonly known = new Set<string>();

  holds(id: string): boolean {
    return this.known.has(id);
  }

  /** Starts a chunk (from a fresh SHA-512 when `fresh`, else from the committed one), with its SHA-256 if asked. */
  begin(id: string, fresh: boolean, chunkDigest = true): void {
    this.post({ op: 'begin', id, fresh, chunkDigest });
    this.known.add(id);
  }

  /**
   * Hashes the next block of the stream; when it is to be stored as is, also gives its part's CRC-32 and SHA-512.
   * The block's memory moves to the worker and back without a copy: `data` must be a view on an ArrayBuffer of its
   * own (Buffer.allocUnsafeSlow, never Node's shared small-buffer pool), is unusable meanwhile, and comes back as
   * `block` (the same view).
   */
  async block(id: string, data: Buffer, stored: boolean): Promise<{ part: StoredPartHash | null; block: Buffer }> {
    const seq = ++this.seq;
    const view = new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.length);
    const reply = new Promise<{ value: StoredPartHash | null; data: Uint8Array }>((resolve, reject) => this.replies.set(seq, { resolve: resolve as (v: never) => void, reject }));
    this.ensureWorker().postMessage({ op: 'block', id, seq, data: view, stored }, [view.buffer as ArrayBuffer]);
    const { value, data: back } = await reply;
    return { part: value, block: Buffer.from(back.buffer, back.byteOffset, back.byteLength) };
  }

  /** The chunk's SHA-256 (base64), once every block sent is hashed. */
  endChunk(id: string): Promise<string> {
    return this.ask({ op: 'end', id });
  }

  commit(id: string): void {
    this.post({ op: 'commit', id });
  }

  rollback(id: string): void {
    this.post({ op: 'rollback', id });
  }

  /** The SHA-512 (hex) of everything committed. */
  digest(id: string): Promise<string> {
    return this.ask({ op: 'digest', id });
  }

  drop(id: string): void {
    if (!this.known.delete(id)) return;
    this.post({ op: 'drop', id });
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private ask<T>(message: { op: string; id: string } & Record<string, unknown>): Promise<T> {
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.replies.set(seq, { resolve: resolve as (v: never) => void, reject });
      this.post({ ...message, seq });
    });
  }

  private post(message: object): void {
    this.ensureWorker().postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Hashing keeps almost nothing on the heap: a small one keeps the process's memory flat during big uploads.
    const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 } });
    worker.unref();
    worker.on('message', (m: { seq: number; value: never; data?: Uint8Array }) => {
      // Block replies carry the block back with the value.
      this.replies.get(m.seq)?.resolve((m.data ? { value: m.value, data: m.data } : m.value) as never);
      this.replies.delete(m.seq);
    });
    // A dead worker loses every state: pending callers fail, and the next chunk rebuilds from the stored parts.
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.known.clear();
      for (const { reject } of this.replies.values()) reject(error);
      this.replies.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the hashing worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
