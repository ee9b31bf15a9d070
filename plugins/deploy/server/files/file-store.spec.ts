import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeploySettings } from '../deploy-settings';
import { FileStore } from './file-store';
import { BlockPool } from './block-pool';
import { HashWorker } from './hash-worker';

const settings = (filesDir: string, directIo = true): DeploySettings => ({ filesDir, maxFileBytes: 1e9, importDir: null, gcGraceSeconds: 0, uploadTtlSeconds: 60, gzipLevel: 6, partCacheBytes: 0, directIo });

async function* blocks(count: number): AsyncIterable<Buffer> {
  for (let i = 0; i < count; i++) yield randomBytes(1024 * 1024);
}

describe('FileStore', () => {
  const pool = new BlockPool();
  const hasher = new HashWorker(pool);
  afterAll(() => hasher.onModuleDestroy());

  it.each([
    ['with O_DIRECT', true],
    ['through the page cache', false],
  ])('cuts a stream into parts, each hashed and named by its bytes, and hashes the whole stream in order (%s)', async (_how, directIo) => {
    const store = new FileStore(settings(mkdtempSync(join(tmpdir(), 'parc-store-')), directIo), hasher, pool);
    // A random block (stored), a block that compresses, and a short last one.
    const content = Buffer.concat([randomBytes(1024 * 1024), Buffer.alloc(1024 * 1024, 'setup.exe /S\r\n'), randomBytes(1000)]);
    const stream = `s1-${directIo}`;
    hasher.begin(stream, true, false);
    const { size, parts } = await store.ingest(Readable.from([content.subarray(0, 700_000), content.subarray(700_000)]), { maxBytes: 1e9, stream });
    hasher.commit(stream);
    expect(await hasher.digest(stream)).toBe(createHash('sha512').update(content).digest('hex'));
    expect([size, parts.length]).toEqual([content.length, 3]);
    const stored = await Promise.all(parts.map(async (p) => readFile(store.partPath(p.sha512))));
    stored.forEach((bytes, i) => expect([createHash('sha512').update(bytes).digest('hex'), bytes.length]).toEqual([parts[i].sha512, parts[i].size]));
    expect(parts[1].size).toBeLessThan(50_000);
    expect(gunzipSync(Buffer.concat(stored)).equals(content)).toBe(true);
    // The temporary directory's file system (ext4 here) takes direct I/O: the store did not fall back.
    expect((store as unknown as { direct: boolean }).direct).toBe(directIo);
    hasher.drop(stream);
  });

  it('fails cleanly, without an unhandled rejection, when parts cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parc-store-'));
    // The repository path is a file: every part write fails, several of them while others are in flight.
    writeFileSync(join(dir, 'repository'), 'not a directory');
    const store = new FileStore(settings(dir), hasher, pool);
    hasher.begin('s2', true, false);
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      await expect(store.ingest(blocks(12), { maxBytes: 1e9, stream: 's2' })).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
