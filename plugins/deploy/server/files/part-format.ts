import { createHash, webcrypto } from 'node:crypto';
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

export function sha512Hex(data: Buffer): string {
  return createHash('sha512').update(data).digest('hex');
}

/**
 * One block as one gzip member: compressed when a sample says it is worth it, stored otherwise. Compression and
 * the part's SHA-512 run on libuv's thread pool, so several blocks are packed at once while the caller goes on.
 */
export async function packBlock(block: Buffer, level: number, storedInto?: Buffer): Promise<PackedPart> {
  const bytes = worthCompressing(block) ? await gzipAsync(block, { level }) : storedGzipMember(block, storedInto);
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
 * A gzip member with uncompressed deflate blocks: a header, 64 KiB stored blocks, CRC-32 and length. Written into
 * `into` when it is large enough (a reused buffer), else into a new one.
 */
export function storedGzipMember(data: Buffer, into?: Buffer): Buffer {
  const blockCount = Math.max(1, Math.ceil(data.length / STORED_BLOCK_MAX));
  const length = storedGzipLength(data.length);
  const out = into && into.length >= length ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let at = GZIP_HEADER.copy(out, 0);
  for (let i = 0; i < blockCount; i++) {
    const chunk = data.subarray(i * STORED_BLOCK_MAX, (i + 1) * STORED_BLOCK_MAX);
    out[at] = i === blockCount - 1 ? 1 : 0;
    out.writeUInt16LE(chunk.length, at + 1);
    out.writeUInt16LE(~chunk.length & 0xffff, at + 3);
    at += 5;
    at += chunk.copy(out, at);
  }
  out.writeUInt32LE(crc32(data), at);
  out.writeUInt32LE(data.length % 2 ** 32, at + 4);
  return out;
}
