import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';

/**
 * The worker's code, plain JavaScript run with `eval` (it needs nothing but node:crypto, and a separate .js file
 * would not follow the TypeScript build). Per stream id it keeps the running SHA-512 (`base`), and while a chunk
 * is being received a copy of it (`work`) and the chunk's SHA-256: a chunk that fails its digest is rolled back.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const streams = new Map();
parentPort.on('message', (m) => {
  let s = streams.get(m.id);
  switch (m.op) {
    case 'begin':
      if (!s || m.fresh) { s = { base: createHash('sha512') }; streams.set(m.id, s); }
      s.work = s.base.copy();
      s.chunk = createHash('sha256');
      break;
    case 'update':
      if (!s || !s.work) { parentPort.postMessage({ op: 'ack', id: m.id, bytes: m.data.length }); break; }
      s.work.update(m.data);
      s.chunk.update(m.data);
      parentPort.postMessage({ op: 'ack', id: m.id, bytes: m.data.length });
      break;
    case 'end':
      parentPort.postMessage({ op: 'reply', seq: m.seq, value: s && s.chunk ? s.chunk.digest('base64') : '' });
      if (s) s.chunk = null;
      break;
    case 'commit':
      if (s && s.work) { s.base = s.work; s.work = null; }
      break;
    case 'rollback':
      if (s) s.work = null;
      break;
    case 'digest':
      parentPort.postMessage({ op: 'reply', seq: m.seq, value: s ? s.base.copy().digest('hex') : '' });
      break;
    case 'drop':
      streams.delete(m.id);
      break;
  }
});
`;

/** Bytes handed to the worker and not hashed yet beyond which senders wait: bounds the memory of a fast upload. */
const MAX_OUTSTANDING_BYTES = 4 * 1024 * 1024;

/**
 * SHA-512 of uploads (and SHA-256 of each chunk) on a worker thread, so that the thread serving HTTP only copies
 * bytes: hashing is most of an upload's CPU. The state lives in this process only: after a restart (or in another
 * API process) the caller rebuilds it from the stored parts.
 */
@Injectable()
export class HashWorker implements OnModuleDestroy {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly replies = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  private outstanding = 0;
  private readonly waiting: (() => void)[] = [];
  /** Streams whose state the current worker holds. */
  private readonly known = new Set<string>();

  holds(id: string): boolean {
    return this.known.has(id);
  }

  /** Starts a chunk (from a fresh SHA-512 when `fresh`, else from the committed one). */
  begin(id: string, fresh: boolean): void {
    this.post({ op: 'begin', id, fresh });
    this.known.add(id);
  }

  /** Hashes bytes of the current chunk; returns a promise when the worker is behind, to be awaited. */
  update(id: string, data: Buffer): Promise<void> | void {
    this.outstanding += data.length;
    this.post({ op: 'update', id, data });
    if (this.outstanding > MAX_OUTSTANDING_BYTES) return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The chunk's SHA-256 (base64), once every byte sent is hashed. */
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

  private ask(message: { op: string; id: string }): Promise<string> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.replies.set(seq, { resolve, reject });
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
    worker.on('message', (m: { op: 'ack'; bytes: number } | { op: 'reply'; seq: number; value: string }) => {
      if (m.op === 'ack') {
        this.outstanding -= m.bytes;
        if (this.outstanding <= MAX_OUTSTANDING_BYTES / 2) this.waiting.splice(0).forEach((go) => go());
      } else {
        this.replies.get(m.seq)?.resolve(m.value);
        this.replies.delete(m.seq);
      }
    });
    // A dead worker loses every state: pending callers fail, and the next chunk rebuilds from the stored parts.
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.known.clear();
      this.outstanding = 0;
      this.waiting.splice(0).forEach((go) => go());
      for (const { reject } of this.replies.values()) reject(error);
      this.replies.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the hashing worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
