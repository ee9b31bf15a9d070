import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { BlockPool, type BlockSlot, SLOT_BYTES } from './block-pool';

/**
 * The workers' code, plain JavaScript run with `eval` (it needs nothing but node built-ins, and a separate .js file
 * would not follow the TypeScript build). Blocks lie in the shared block memory, in the stored gzip member layout
 * of part-format.ts (a unit test holds the two together); a message names the slot and the data length.
 * - Stream state, per id: the running SHA-512 (`base`), and while a chunk is received a copy of it (`work`) and
 *   optionally the chunk's SHA-256; a chunk that fails its digest is rolled back.
 * - `part`: the CRC-32 of a block and the SHA-512 of its stored member (framing written by the caller).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { crc32 } = require('node:zlib');
const { memory, slotBytes } = workerData;
const HEADER = 10, SLICE = 0xffff, SLICE_HEADER = 5;
let bytes = Buffer.from(memory.buffer);
const streams = new Map();

function slices(slot, length) {
  // The memory may have grown since: a new view then covers it.
  if ((slot + 1) * slotBytes > bytes.length) bytes = Buffer.from(memory.buffer);
  const member = bytes.subarray(slot * slotBytes, (slot + 1) * slotBytes);
  const count = Math.max(1, Math.ceil(length / SLICE));
  const out = [];
  for (let i = 0; i < count; i++) {
    const start = HEADER + i * (SLICE + SLICE_HEADER) + SLICE_HEADER;
    out.push(member.subarray(start, start + Math.min(SLICE, length - i * SLICE)));
  }
  return { member, out };
}

function storedPart(slot, length) {
  const { member, out } = slices(slot, length);
  let crc = 0;
  for (const s of out) crc = crc32(s, crc);
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(crc, 0);
  tail.writeUInt32LE(length % 4294967296, 4);
  const framed = HEADER + out.length * SLICE_HEADER + length;
  return { crc, sha512: createHash('sha512').update(member.subarray(0, framed)).update(tail).digest('hex') };
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
    case 'block':
      if (s && s.work) {
        for (const slice of slices(m.slot, m.length).out) {
          s.work.update(slice);
          if (s.chunk) s.chunk.update(slice);
        }
      }
      break;
    case 'part':
      value = storedPart(m.slot, m.length);
      break;
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
 * Hashing on worker threads, so that the thread serving HTTP only copies bytes. Two threads, because a stored
 * block needs three digests that the agents' protocol and the upload protocol impose: the file's SHA-512 and
 * the chunk's SHA-256 (one thread: they run in stream order), and the SHA-512 of the part (the other thread, at the
 * same time). The stream state lives in this process only: after a restart (or in another API process) the
 * caller rebuilds it from the stored parts.
 */
@Injectable()
export class HashWorker implements OnModuleDestroy {
  private readonly streams: HashThread;
  private readonly parts: HashThread;
  /** Streams whose state the current stream thread holds. */
  private readonly known = new Set<string>();

  constructor(pool: BlockPool) {
    this.streams = new HashThread(pool, () => this.known.clear());
    this.parts = new HashThread(pool, () => undefined);
  }

  holds(id: string): boolean {
    return this.known.has(id);
  }

  /** Starts a chunk (from a fresh SHA-512 when `fresh`, else from the committed one), with its SHA-256 if asked. */
  begin(id: string, fresh: boolean, chunkDigest = true): void {
    this.streams.post({ op: 'begin', id, fresh, chunkDigest });
    this.known.add(id);
  }

  /** Hashes the next block of the stream (the slot must not change until this resolves). */
  block(id: string, slot: BlockSlot, length: number): Promise<void> {
    return this.streams.ask({ op: 'block', id, slot: slot.index, length });
  }

  /** The CRC-32 and the part SHA-512 of a stored member whose framing is written (part-format.ts). */
  part(slot: BlockSlot, length: number): Promise<StoredPartHash> {
    return this.parts.ask({ op: 'part', slot: slot.index, length });
  }

  /** The chunk's SHA-256 (base64), once every block sent is hashed. */
  endChunk(id: string): Promise<string> {
    return this.streams.ask({ op: 'end', id });
  }

  commit(id: string): void {
    this.streams.post({ op: 'commit', id });
  }

  rollback(id: string): void {
    this.streams.post({ op: 'rollback', id });
  }

  /** The SHA-512 (hex) of everything committed. */
  digest(id: string): Promise<string> {
    return this.streams.ask({ op: 'digest', id });
  }

  drop(id: string): void {
    if (!this.known.delete(id)) return;
    this.streams.post({ op: 'drop', id });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.streams.stop(), this.parts.stop()]);
  }
}

/** One worker thread, started on first use and again after it died; every `ask` gets its reply in order. */
class HashThread {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly replies = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly pool: BlockPool,
    private readonly onLost: () => void,
  ) {}

  ask<T>(message: { op: string } & Record<string, unknown>): Promise<T> {
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.replies.set(seq, { resolve: resolve as (v: never) => void, reject });
      this.post({ ...message, seq });
    });
  }

  post(message: object): void {
    this.ensureWorker().postMessage(message);
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Hashing keeps almost nothing on the heap: a small one keeps the process's memory flat during big uploads.
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { memory: this.pool.memory, slotBytes: SLOT_BYTES },
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 },
    });
    worker.unref();
    worker.on('message', (m: { seq: number; value: never }) => {
      this.replies.get(m.seq)?.resolve(m.value);
      this.replies.delete(m.seq);
    });
    // A dead worker loses every state: pending callers fail, and the next chunk rebuilds from the stored parts.
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.onLost();
      for (const { reject } of this.replies.values()) reject(error);
      this.replies.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the hashing worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
