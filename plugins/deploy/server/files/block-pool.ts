import { Injectable } from '@nestjs/common';
import { BLOCK_BYTES, storedGzipLength } from './part-format';

/** What O_DIRECT asks of memory addresses, file offsets and lengths (4 KiB covers 512-byte and 4K-native disks). */
export const DIRECT_ALIGNMENT = 4096;
/** One slot holds the stored member of a full block, rounded up so that the next slot starts aligned. */
export const SLOT_BYTES = Math.ceil(storedGzipLength(BLOCK_BYTES) / DIRECT_ALIGNMENT) * DIRECT_ALIGNMENT;
const WASM_PAGE_BYTES = 64 * 1024;
const GROWTH_SLOTS = 16;
/** Blocks in flight in the whole process (about 1 MiB each): uploads beyond that wait for a free slot. */
const MAX_SLOTS = 64;

/** The part of the WebAssembly API used here (the server's TypeScript has no DOM/WebAssembly typings). */
export interface SharedMemory {
  readonly buffer: SharedArrayBuffer;
  grow(pages: number): number;
}
const { Memory } = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number; maximum: number; shared: true }) => SharedMemory } }).WebAssembly;

export interface BlockSlot {
  readonly index: number;
  /** The whole slot: a block is received straight into its stored gzip member layout (part-format.ts). */
  readonly member: Buffer;
}

/**
 * Memory for the blocks being received, hashed and written. It is one shared WebAssembly memory, for two reasons:
 * the hashing workers read a block where it lies (no copy, no transfer), and its pages are aligned, so that parts
 * can be written with O_DIRECT straight from it (Node has no other way to get aligned memory). Slots are reused,
 * most recent first, so that the pages in use stay few; the memory grows by 16 slots up to 64, and never shrinks.
 */
@Injectable()
export class BlockPool {
  readonly memory: SharedMemory = new Memory({ initial: pagesFor(GROWTH_SLOTS), maximum: pagesFor(MAX_SLOTS), shared: true });
  private slots = GROWTH_SLOTS;
  private readonly free: number[] = Array.from({ length: GROWTH_SLOTS }, (_, i) => GROWTH_SLOTS - 1 - i);
  private readonly waiting: ((slot: BlockSlot) => void)[] = [];
  private bytes = Buffer.from(this.memory.buffer);

  /** A free slot; when all are in use, the first one given back. */
  acquire(): Promise<BlockSlot> | BlockSlot {
    if (!this.free.length && this.slots < MAX_SLOTS) this.grow();
    const index = this.free.pop();
    if (index !== undefined) return this.slot(index);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(slot: BlockSlot): void {
    const next = this.waiting.shift();
    if (next) next(this.slot(slot.index));
    else this.free.push(slot.index);
  }

  private slot(index: number): BlockSlot {
    return { index, member: this.bytes.subarray(index * SLOT_BYTES, (index + 1) * SLOT_BYTES) };
  }

  private grow(): void {
    const added = Math.min(GROWTH_SLOTS, MAX_SLOTS - this.slots);
    this.memory.grow(pagesFor(this.slots + added) - pagesFor(this.slots));
    // A grown shared memory keeps its old buffer object as it was: views are taken from the new one.
    this.bytes = Buffer.from(this.memory.buffer);
    for (let i = this.slots + added - 1; i >= this.slots; i--) this.free.push(i);
    this.slots += added;
  }
}

function pagesFor(slots: number): number {
  return Math.ceil((slots * SLOT_BYTES) / WASM_PAGE_BYTES);
}
