import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeploySettings } from '../deploy-settings';
import { FileStore } from './file-store';

const settings = (filesDir: string): DeploySettings => ({ filesDir, maxFileBytes: 1e9, importDir: null, gcGraceSeconds: 0, uploadTtlSeconds: 60, gzipLevel: 6, partCacheBytes: 0 });

async function* blocks(count: number): AsyncIterable<Buffer> {
  for (let i = 0; i < count; i++) yield randomBytes(1024 * 1024);
}

describe('FileStore', () => {
  it('cuts a stream into parts and hands every byte to the sink, in order', async () => {
    const store = new FileStore(settings(mkdtempSync(join(tmpdir(), 'parc-store-'))));
    let seen = 0;
    const { size, parts } = await store.ingest(blocks(3), { maxBytes: 1e9, sink: (chunk) => void (seen += chunk.length) });
    expect([size, seen, parts.length]).toEqual([3 * 1024 * 1024, 3 * 1024 * 1024, 3]);
    expect(await store.hasPart(parts[2].sha512)).toBe(true);
  });

  it('fails cleanly, without an unhandled rejection, when parts cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parc-store-'));
    // The repository path is a file: every part write fails, several of them while others are in flight.
    writeFileSync(join(dir, 'repository'), 'not a directory');
    const store = new FileStore(settings(dir));
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      await expect(store.ingest(blocks(12), { maxBytes: 1e9, sink: () => undefined })).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
