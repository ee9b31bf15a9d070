import { webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import { crc32, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * Parts as FusionInventory/GLPI agents fetch them (protocol §5.7): the file is cut into 1 MiB blocks, each
 * block becomes one gzip member, and a part is named by the SHA-512 of its own bytes. The agent reads parts in
 * order through a multi-member gzip reader, so a part may be compressed or "stored" (deflate without
 * compression): both are plain gzip.
 */
export const BLOCK_BYTES = 1024 * 1024;

const SAMPLE_BYTES = 16 * 1024;
/**
 * Bits of entropy per byte in a block's sample below which it is compressed; above, it is stored. Installers are
 * mostly compressed already (close to 8 bits): recompressing them would cost CPU for a few bytes.
 */
const COMPRESSIBLE_ENTROPY = 7.5;
const STORED_BLOCK_MAX = 0xffff;
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

export interface PackedPart {
  sha512: string;
  bytes: Buffer;
}

/** A block that compresses, as one compressed gzip member; compression and hashing run on libuv's thread pool. */
export async function packCompressed(block: Buffer, level: number): Promise<PackedPart> {
  const bytes = await gzipAsync(block, { level });
  return { sha512: Buffer.from(await webcrypto.subtle.digest('SHA-512', bytes)).toString('hex'), bytes };
}

/** Shannon entropy of the first bytes: a few microseconds, where a trial compression costs a zlib context. */
export function worthCompressing(block: Buffer): boolean {
  const sample = block.subarray(0, SAMPLE_BYTES);
  if (sample.length < 64) return false;
  const counts = new Uint32Array(256);
  for (let i = 0; i < sample.length; i++) counts[sample[i]]++;
  let entropy = 0;
  for (const n of counts) {
    if (n) {
      const p = n / sample.length;
      entropy -= p * Math.log2(p);
    }
  }
  return entropy < COMPRESSIBLE_ENTROPY;
}

/** Room a stored member of `length` bytes takes. */
export function storedGzipLength(length: number): number {
  return GZIP_HEADER.length + sliceCount(length) * SLICE_HEADER + length + 8;
}

/*
 * A stored member is a gzip header, then for each 64 KiB slice of the data a 5-byte deflate block header and the
 * slice, then the CRC-32 and the length. Blocks are received straight into that layout (no copy to make a part),
 * and the hashing worker (hash-worker.ts) reads the same layout; a unit test holds the two together.
 */
const SLICE_HEADER = 5;

function sliceCount(length: number): number {
  return Math.max(1, Math.ceil(length / STORED_BLOCK_MAX));
}

/** Where data byte `position` of a block sits in its stored member. */
export function storedDataOffset(position: number): number {
  const slice = Math.floor(position / STORED_BLOCK_MAX);
  return GZIP_HEADER.length + slice * (STORED_BLOCK_MAX + SLICE_HEADER) + SLICE_HEADER + (position - slice * STORED_BLOCK_MAX);
}

/**
 * Copies bytes of `source` from `from` into a member that holds `filled` data bytes, up to the end of the current
 * slice or of `limit` data bytes; returns how many it copied.
 */
export function copyIntoStoredMember(source: Buffer, from: number, member: Buffer, filled: number, limit: number): number {
  const count = Math.min(STORED_BLOCK_MAX - (filled % STORED_BLOCK_MAX), limit - filled, source.length - from);
  if (count <= 0) return 0;
  const at = storedDataOffset(filled);
  // fill() with a buffer of the range's length is one memcpy; copy() into shared memory goes byte-safe and is
  // about ten times slower, which shows at hundreds of MiB/s.
  member.fill(source.subarray(from, from + count), at, at + count);
  return count;
}

/** The data of a member as views on its slices (no copy). */
export function storedSlices(member: Buffer, length: number): Buffer[] {
  return Array.from({ length: sliceCount(length) }, (_, i) => {
    const start = storedDataOffset(i * STORED_BLOCK_MAX);
    return member.subarray(start, start + Math.min(STORED_BLOCK_MAX, length - i * STORED_BLOCK_MAX));
  });
}

/** Writes the gzip header and the slice headers around `length` data bytes already in place. */
export function writeStoredFraming(member: Buffer, length: number): void {
  GZIP_HEADER.copy(member, 0);
  const count = sliceCount(length);
  for (let i = 0; i < count; i++) {
    const at = storedDataOffset(i * STORED_BLOCK_MAX) - SLICE_HEADER;
    const sliceLength = Math.min(STORED_BLOCK_MAX, length - i * STORED_BLOCK_MAX);
    member[at] = i === count - 1 ? 1 : 0;
    member.writeUInt16LE(sliceLength, at + 1);
    member.writeUInt16LE(~sliceLength & 0xffff, at + 3);
  }
}

/** Writes the CRC-32 and the length that end the member. */
export function writeStoredTrailer(member: Buffer, length: number, crc: number): void {
  const at = storedGzipLength(length) - 8;
  member.writeUInt32LE(crc, at);
  member.writeUInt32LE(length % 2 ** 32, at + 4);
}

/** The stored member of some data, in a buffer of its own. */
export function storedGzipMember(data: Buffer): Buffer {
  const member = Buffer.alloc(storedGzipLength(data.length));
  for (let filled = 0; filled < data.length; ) filled += copyIntoStoredMember(data, filled, member, filled, data.length);
  writeStoredFraming(member, data.length);
  writeStoredTrailer(member, data.length, crc32(data));
  return member;
}
