import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BLOCK_BYTES, packBlock, sha512Hex, storedGzipMember, worthCompressing } from './part-format';

describe('part format', () => {
  it('stores incompressible blocks as a valid gzip member of nearly the same size', async () => {
    const block = randomBytes(BLOCK_BYTES);
    const part = await packBlock(block, 6);
    expect(gunzipSync(part.bytes).equals(block)).toBe(true);
    expect(part.bytes.length).toBeLessThan(BLOCK_BYTES + 200);
    expect(part.sha512).toBe(sha512Hex(part.bytes));
  });

  it('compresses blocks that compress', async () => {
    const block = Buffer.alloc(BLOCK_BYTES, 'install.cmd /quiet\r\n');
    const part = await packBlock(block, 6);
    expect(part.bytes.length).toBeLessThan(BLOCK_BYTES / 100);
    expect(gunzipSync(part.bytes).equals(block)).toBe(true);
  });

  it('judges compressibility from the sample: text and repeated bytes compress, random and compressed data do not', () => {
    expect(worthCompressing(Buffer.from('Setup will install the application.\r\n'.repeat(500)))).toBe(true);
    expect(worthCompressing(Buffer.alloc(BLOCK_BYTES))).toBe(true);
    expect(worthCompressing(randomBytes(BLOCK_BYTES))).toBe(false);
    expect(worthCompressing(gzipSync(Buffer.from(randomBytes(200_000).toString('base64'))))).toBe(false);
    expect(worthCompressing(Buffer.alloc(10))).toBe(false);
  });

  it('writes stored members for the edge sizes (empty, one byte, 64 KiB boundaries)', () => {
    for (const size of [0, 1, 65_534, 65_535, 65_536, 131_070, 131_071]) {
      const data = randomBytes(size);
      expect(gunzipSync(storedGzipMember(data)).equals(data)).toBe(true);
    }
  });

  it('parts concatenate into the file through a multi-member gzip reader, as the agents read them', async () => {
    const file = Buffer.concat([randomBytes(BLOCK_BYTES), Buffer.alloc(BLOCK_BYTES / 2, 'a')]);
    const parts = await Promise.all([packBlock(file.subarray(0, BLOCK_BYTES), 6), packBlock(file.subarray(BLOCK_BYTES), 6)]);
    expect(gunzipSync(Buffer.concat(parts.map((p) => p.bytes))).equals(file)).toBe(true);
  });
});
