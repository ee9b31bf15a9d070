import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BlockPool } from './block-pool';
import { HashWorker } from './hash-worker';
import { BLOCK_BYTES, copyIntoStoredMember, packCompressed, storedGzipMember, storedSlices, worthCompressing, writeStoredFraming } from './part-format';

const sha512Hex = (data: Buffer) => createHash('sha512').update(data).digest('hex');

describe('part format', () => {
  const pool = new BlockPool();
  const hasher = new HashWorker(pool);
  afterAll(() => hasher.onModuleDestroy());

  it('stores incompressible blocks as a valid gzip member of nearly the same size', () => {
    const block = randomBytes(BLOCK_BYTES);
    const member = storedGzipMember(block);
    expect(gunzipSync(member).equals(block)).toBe(true);
    expect(member.length).toBeLessThan(BLOCK_BYTES + 200);
  });

  it('lays a block out in its slot as the stored member, which the workers hash exactly as written to disk', async () => {
    hasher.begin('part-test', true, false);
    const all: Buffer[] = [];
    for (const size of [0, 1, 65_535, 65_536, 131_071, BLOCK_BYTES]) {
      const block = randomBytes(size);
      all.push(block);
      const slot = await pool.acquire();
      // Received in uneven pieces, as a socket hands them over.
      for (let filled = 0; filled < size; ) filled += copyIntoStoredMember(block.subarray(filled, filled + 40_000), 0, slot.member, filled, BLOCK_BYTES);
      writeStoredFraming(slot.member, size);
      expect(Buffer.concat(storedSlices(slot.member, size)).equals(block)).toBe(true);
      const [part] = await Promise.all([hasher.part(slot, size), hasher.block('part-test', slot, size)]);
      const member = storedGzipMember(block);
      expect(slot.member.subarray(0, member.length - 8).equals(member.subarray(0, member.length - 8))).toBe(true);
      expect(part).toEqual({ crc: member.readUInt32LE(member.length - 8), sha512: sha512Hex(member) });
      pool.release(slot);
    }
    hasher.commit('part-test');
    expect(await hasher.digest('part-test')).toBe(sha512Hex(Buffer.concat(all)));
    hasher.drop('part-test');
  });

  it('compresses blocks that compress', async () => {
    const block = Buffer.alloc(BLOCK_BYTES, 'install.cmd /quiet\r\n');
    const part = await packCompressed(block, 6);
    expect(part.bytes.length).toBeLessThan(BLOCK_BYTES / 100);
    expect(gunzipSync(part.bytes).equals(block)).toBe(true);
    expect(part.sha512).toBe(sha512Hex(part.bytes));
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
    const parts = [storedGzipMember(file.subarray(0, BLOCK_BYTES)), (await packCompressed(file.subarray(BLOCK_BYTES), 6)).bytes];
    expect(gunzipSync(Buffer.concat(parts)).equals(file)).toBe(true);
  });
});
