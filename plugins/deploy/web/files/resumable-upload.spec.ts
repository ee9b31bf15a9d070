import type { FileView, UploadView } from '../deploy.model';
import {
  ChunkSizer,
  PENDING_UPLOADS_KEY,
  PendingUploads,
  ResumableUpload,
  type TransportError,
  UploadInterrupted,
  type UploadPhase,
  type UploadTransport,
  contentDigest,
  isSameFile,
  nextChunk,
  percentOf,
} from './resumable-upload';

const stored: FileView = { sha512: 'f'.repeat(128), name: 'big.bin', size: 10, partCount: 1, references: 0, createdAt: '', unreferencedSince: null };

/** An in-memory server: holds `offset` bytes, answers 409 off its offset, and fails the calls told to. */
class FakeServer implements UploadTransport {
  offset = 0;
  received: number[] = [];
  failures: (TransportError | null)[] = [];
  cancelled: string[] = [];

  constructor(
    private readonly size: number,
    private readonly chunkSize: number,
  ) {}

  view(): UploadView {
    const complete = this.offset >= this.size;
    return { id: 'u1', name: 'big.bin', size: this.size, offset: this.offset, chunkSize: this.chunkSize, status: complete ? 'complete' : 'open', file: complete ? stored : null, expiresAt: '' };
  }

  start = async () => this.view();
  status = async () => this.view();
  cancel = async (id: string) => void this.cancelled.push(id);

  send: UploadTransport['send'] = async (_id, offset, bytes, digest, progress) => {
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (offset !== this.offset) throw { status: 409, body: { message: 'wrong offset', offset: this.offset } } satisfies TransportError;
    expect(digest).toBe(await contentDigest(bytes));
    progress(bytes.byteLength / 2);
    this.received.push(offset);
    this.offset += bytes.byteLength;
    return this.view();
  };
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const file = (size: number) => Object.assign(new Blob([new Uint8Array(size).map((_, i) => i % 251)]), { name: 'big.bin', lastModified: 1700000000000 });

function uploader(server: FakeServer, storage = new MemoryStorage()) {
  const sent: number[] = [];
  const phases: UploadPhase[] = [];
  const upload = new ResumableUpload(file(10), server, new PendingUploads(storage), { sent: (n) => sent.push(n), phase: (p) => phases.push(p) }, { retryDelayMs: 1 });
  return { upload, sent, phases, storage };
}

describe('chunk planning', () => {
  it('cuts the rest of the file from the server’s offset', () => {
    expect(nextChunk(0, 10, 4)).toEqual({ start: 0, end: 4 });
    expect(nextChunk(8, 10, 4)).toEqual({ start: 8, end: 10 });
    expect(nextChunk(10, 10, 4)).toBeNull();
  });

  it('says 100 % only when done', () => {
    expect(percentOf(0, 0)).toBe(100);
    expect(percentOf(996, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(250, 1000)).toBe(25);
  });

  it('recognises the same file by name, size and modification time', () => {
    const pending = { uploadId: 'u1', name: 'a.msi', size: 5, lastModified: 9 };
    expect(isSameFile(pending, { name: 'a.msi', size: 5, lastModified: 9 })).toBe(true);
    expect(isSameFile(pending, { name: 'a.msi', size: 5, lastModified: 10 })).toBe(false);
  });

  it('writes the chunk digest as RFC 9530 wants', async () => {
    // SHA-256 of "abc".
    expect(await contentDigest(new TextEncoder().encode('abc').buffer as ArrayBuffer)).toBe('sha-256=:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=:');
  });
});

describe('chunk sizes', () => {
  const MiB = 1024 * 1024;

  it('starts at 8 MiB, doubles while chunks go quickly, up to what the server suggests', () => {
    const sizer = new ChunkSizer(64 * MiB);
    const sizes = [sizer.current];
    for (let i = 0; i < 4; i++) {
      sizer.sent(sizer.current, 1);
      sizes.push(sizer.current);
    }
    expect(sizes).toEqual([8, 16, 32, 64, 64].map((n) => n * MiB));
  });

  it('halves on a slow chunk or a failure, down to 1 MiB, and stays put in between', () => {
    const sizer = new ChunkSizer(64 * MiB);
    sizer.sent(8 * MiB, 10);
    expect(sizer.current).toBe(8 * MiB);
    sizer.sent(8 * MiB, 30);
    sizer.failed();
    expect(sizer.current).toBe(2 * MiB);
    sizer.failed();
    sizer.failed();
    expect(sizer.current).toBe(MiB);
    // The last, short chunk of a file says nothing about the link.
    sizer.sent(100, 0.1);
    expect(sizer.current).toBe(MiB);
  });

  it('never goes above a small suggestion', () => {
    const sizer = new ChunkSizer(4);
    sizer.sent(4, 0.1);
    sizer.failed();
    expect(sizer.current).toBe(4);
  });
});

describe('resumable upload', () => {
  it('sends the file chunk by chunk, reports progress within chunks, and forgets it when complete', async () => {
    const server = new FakeServer(10, 4);
    const { upload, sent, phases, storage } = uploader(server);
    await expect(upload.run()).resolves.toEqual(stored);
    expect(server.received).toEqual([0, 4, 8]);
    expect(sent).toEqual([0, 2, 4, 6, 8, 9, 10, 10]);
    expect(phases).toEqual(['starting', 'sending', 'complete']);
    expect(storage.items.has(PENDING_UPLOADS_KEY)).toBe(false);
  });

  it('remembers an interrupted upload, then sends only the rest', async () => {
    const server = new FakeServer(10, 4);
    const first = uploader(server);
    // The connection breaks after the first chunk, for every attempt.
    const originalSend = server.send;
    let calls = 0;
    server.send = async (...args) => {
      calls += 1;
      if (calls > 1) throw { status: 0 } satisfies TransportError;
      return originalSend(...args);
    };
    await expect(first.upload.run()).rejects.toBeInstanceOf(UploadInterrupted);
    expect(first.phases.at(-1)).toBe('interrupted');
    const pending = new PendingUploads(first.storage).list();
    expect(pending).toEqual([{ uploadId: 'u1', name: 'big.bin', size: 10, lastModified: 1700000000000 }]);

    server.send = originalSend;
    const again = uploader(server, first.storage);
    await expect(again.upload.run(pending[0].uploadId)).resolves.toEqual(stored);
    expect(server.received).toEqual([0, 4, 8]);
    expect(again.sent[0]).toBe(4);
    expect(new PendingUploads(first.storage).list()).toEqual([]);
  });

  it("continues from the server's offset after a 409", async () => {
    const server = new FakeServer(10, 4);
    server.offset = 8;
    const { upload } = uploader(server);
    // The upload starts at the offset the POST answered; another tab moved it meanwhile.
    server.start = async () => ({ ...server.view(), offset: 0 });
    await upload.run();
    expect(server.received).toEqual([8]);
  });

  it('resends a chunk whose digest did not match, but not for ever', async () => {
    const server = new FakeServer(10, 4);
    server.failures = [{ status: 400, body: { message: 'digest mismatch' } }];
    await expect(uploader(server).upload.run()).resolves.toEqual(stored);
    expect(server.received).toEqual([0, 4, 8]);

    const stubborn = new FakeServer(10, 4);
    stubborn.failures = Array.from({ length: 5 }, () => ({ status: 400, body: { message: 'digest mismatch' } }));
    await expect(uploader(stubborn).upload.run()).rejects.toMatchObject({ reason: 'failed', status: 400, message: 'digest mismatch' });
  });

  it('stops at once on a refusal (413) and keeps the record for a later try', async () => {
    const server = new FakeServer(10, 4);
    server.failures = [{ status: 413, body: { message: 'too large' } }];
    const { upload, storage } = uploader(server);
    await expect(upload.run()).rejects.toMatchObject({ status: 413, message: 'too large' });
    expect(new PendingUploads(storage).list()).toHaveLength(1);
  });

  it('cancels: the server drops the upload and the browser forgets it', async () => {
    const server = new FakeServer(10, 4);
    const { upload, storage } = uploader(server);
    // The first chunk never ends, until the abort.
    server.send = (...args) => new Promise((_resolve, reject) => args[5].addEventListener('abort', () => reject({ status: 0 })));
    const running = upload.run();
    await vi.waitFor(() => expect(new PendingUploads(storage).list()).toHaveLength(1));
    await upload.cancel();
    await expect(running).rejects.toMatchObject({ reason: 'cancelled' });
    expect(server.cancelled).toEqual(['u1']);
    expect(new PendingUploads(storage).list()).toEqual([]);
  });
});

describe('stopping', () => {
  it('keeps the upload for a resume (leaving the page)', async () => {
    const server = new FakeServer(10, 4);
    const { upload, storage } = uploader(server);
    server.send = (...args) => new Promise((_resolve, reject) => args[5].addEventListener('abort', () => reject({ status: 0 })));
    const running = upload.run();
    await vi.waitFor(() => expect(new PendingUploads(storage).list()).toHaveLength(1));
    upload.stop();
    await expect(running).rejects.toMatchObject({ reason: 'stopped' });
    expect(server.cancelled).toEqual([]);
    expect(new PendingUploads(storage).list()).toHaveLength(1);
  });
});

describe('pending uploads', () => {
  it('ignores what it cannot read', () => {
    const storage = new MemoryStorage();
    storage.setItem(PENDING_UPLOADS_KEY, '{not json');
    expect(new PendingUploads(storage).list()).toEqual([]);
    storage.setItem(PENDING_UPLOADS_KEY, JSON.stringify([{ uploadId: 'x' }, { uploadId: 'u2', name: 'a', size: 1, lastModified: 2 }]));
    expect(new PendingUploads(storage).list()).toEqual([{ uploadId: 'u2', name: 'a', size: 1, lastModified: 2 }]);
  });
});
