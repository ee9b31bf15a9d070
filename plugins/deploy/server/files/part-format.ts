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
  return GZIP_HEADER.length + Math.max(1, Math.ceil(length / STORED_BLOCK_MAX)) * 5 + length + 8;
}

/**
 * A gzip member with uncompressed deflate blocks, as the pieces to write one after the other (no copy of the data):
 * a header, then for each 64 KiB slice a 5-byte block header and the slice, then the CRC-32 and the length. The
 * hashing worker (hash-worker.ts) hashes the same layout.
 */
export function storedGzipPieces(data: Buffer, crc: number): Buffer[] {
  const pieces: Buffer[] = [GZIP_HEADER];
  const blockCount = Math.max(1, Math.ceil(data.length / STORED_BLOCK_MAX));
  for (let i = 0; i < blockCount; i++) {
    const slice = data.subarray(i * STORED_BLOCK_MAX, (i + 1) * STORED_BLOCK_MAX);
    const header = Buffer.allocUnsafe(5);
    header[0] = i === blockCount - 1 ? 1 : 0;
    header.writeUInt16LE(slice.length, 1);
    header.writeUInt16LE(~slice.length & 0xffff, 3);
    pieces.push(header, slice);
  }
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  pieces.push(trailer);
  return pieces;
}

/** The same member in one buffer. */
export function storedGzipMember(data: Buffer): Buffer {
  return Buffer.concat(storedGzipPieces(data, crc32(data)));
}
