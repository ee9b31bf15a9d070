import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Bits } from '@parc/contracts';
import { extract, pack } from 'tar-stream';
import { UploadsService } from '../../plugins/deploy/server/files/uploads.service';
import { createScopedUser, createTree, TestApp } from './support/test-app';

const MiB = 1024 * 1024;
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('hex');
const digest = (b: Buffer) => `sha-256=:${createHash('sha256').update(b).digest('base64')}:`;
const partUrl = (sha: string) => `/deploy/repository/${sha[0]}/${sha.slice(0, 2)}/${sha}`;
const OCS = { priority: 5, action: 'EXECUTE', command: '', path: '', notify: { enabled: false, text: '', countdown: 0, canAbort: false, canDelay: false, doneText: '' } };
const withFiles = (...files: { sha512: string; name: string }[]) => ({
  checks: [],
  actions: [],
  files: files.map((f) => ({ ...f, p2p: false, p2pRetentionMinutes: 0, uncompress: false })),
  userInteractions: [],
  rebootAfter: false,
  ocs: OCS,
});

/**
 * The file repository on MariaDB: multipart and resumable uploads (cut, wrong offset, corrupted chunk), size
 * limits, deduplication, parts as agents fetch them, reference counting and garbage collection, import by path.
 */
describe('deploy file repository', () => {
  let app: TestApp;
  let admin: ReturnType<TestApp['as']>;
  let adminToken: string;
  let dataDir: string;
  let importDir: string;
  let tree: { a: number; b: number; c: number };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parc-files-'));
    importDir = join(dataDir, 'incoming');
    mkdirSync(importDir);
    app = await TestApp.start({ env: { DATA_DIR: dataDir, DEPLOY_IMPORT_DIR: importDir, DEPLOY_MAX_FILE_BYTES: String(64 * MiB), DEPLOY_FILE_GC_GRACE_SECONDS: '2' } });
    adminToken = await app.loginAdmin();
    admin = app.as(adminToken);
    tree = await createTree(app, adminToken);
  });
  afterAll(() => app.close());

  /** Reassembles a file from its parts, fetched like an agent does, through a multi-member gzip reader. */
  async function download(sha: string): Promise<Buffer> {
    const parts: string[] = (await app.dataSource.query('SELECT p.sha512 FROM deploy_file_parts p JOIN deploy_files f ON f.id = p.file_id WHERE f.sha512 = ? ORDER BY p.seq', [sha])).map((r: { sha512: string }) => r.sha512);
    const bodies = await Promise.all(parts.map(async (p) => (await app.http().get(partUrl(p)).buffer(true).parse(binary as never).expect(200)).body as Buffer));
    bodies.forEach((b, i) => expect(sha512(b)).toBe(parts[i]));
    return gunzipSync(Buffer.concat(bodies));
  }

  it('stores a multipart upload as 1 MiB gzip parts agents can fetch, and deduplicates the same content', async () => {
    const content = Buffer.concat([randomBytes(2 * MiB), Buffer.alloc(MiB + 12345, 'echo hello\n')]);
    const res = await admin.post('/api/deploy/files').attach('file', content, 'setup.exe').expect(201);
    expect(res.body).toMatchObject({ sha512: sha512(content), name: 'setup.exe', size: content.length, partCount: 4, references: 0, deduplicated: false });
    expect((await download(sha512(content))).equals(content)).toBe(true);
    const again = await admin.post('/api/deploy/files').attach('file', content, 'other-name.exe').expect(201);
    expect(again.body).toMatchObject({ sha512: sha512(content), name: 'setup.exe', deduplicated: true });
    expect((await admin.get(`/api/deploy/files?q=setup`).expect(200)).body.total).toBe(1);
    // An empty file is a file too (one empty part).
    const empty = await admin.post('/api/deploy/files').attach('file', Buffer.alloc(0), 'empty.txt').expect(201);
    expect(empty.body).toMatchObject({ size: 0, partCount: 1 });
    expect((await download(empty.body.sha512)).length).toBe(0);
  });

  it('serves parts with a strong ETag, immutable caching and byte ranges', async () => {
    const content = randomBytes(300_000);
    const file = (await admin.post('/api/deploy/files').attach('file', content, 'small.bin').expect(201)).body;
    const [{ sha512: part }] = await app.dataSource.query('SELECT p.sha512 FROM deploy_file_parts p JOIN deploy_files f ON f.id = p.file_id WHERE f.sha512 = ?', [file.sha512]);
    const full = await app.http().get(partUrl(part)).buffer(true).parse(binary as never).expect(200);
    expect(full.headers).toMatchObject({ etag: `"${part}"`, 'cache-control': 'public, max-age=31536000, immutable', 'accept-ranges': 'bytes' });
    const range = await app.http().get(partUrl(part)).set('Range', 'bytes=100-199').buffer(true).parse(binary as never).expect(206);
    expect(range.headers['content-range']).toBe(`bytes 100-199/${full.body.length}`);
    expect((range.body as Buffer).equals((full.body as Buffer).subarray(100, 200))).toBe(true);
    await app.http().get(partUrl(part)).set('Range', 'bytes=100-199').set('If-Range', `"${part}"`).expect(206);
    // A validator that no longer matches: the whole part, as RFC 9110 asks.
    await app.http().get(`${partUrl(part)}?agent=1`).set('Range', 'bytes=100-199').set('If-Range', '"other"').expect(200).expect('content-length', String(full.body.length));
    await app.http().get(partUrl(part)).set('If-None-Match', `"${part}"`).expect(304);
    await app.http().get(partUrl(part)).set('Range', `bytes=${full.body.length}-`).expect(416);
    await app.http().head(partUrl(part)).expect(200).expect('content-length', String(full.body.length));
    await app.http().get(partUrl('0'.repeat(128))).expect(404);
    await app.http().get(`/deploy/repository/x/xx/${part}`).expect(404);
    await app.http().get('/deploy/repository/a/ab/..%2F..%2F..%2Fetc%2Fpasswd').expect(404);
  });

  it('resumes an interrupted upload from what the server holds, refusing wrong offsets and corrupted chunks', async () => {
    const content = randomBytes(40 * MiB + 777);
    const created = (await admin.post('/api/deploy/uploads').send({ name: 'big.iso', size: content.length, sha512: sha512(content) }).expect(201)).body;
    expect(created).toMatchObject({ offset: 0, status: 'open', chunkSize: 64 * MiB, file: null });
    // 16 MiB chunks (smaller than the server suggests: any whole MiB is accepted), so that there are several.
    const chunk = (offset: number, length = 16 * MiB) => content.subarray(offset, offset + length);
    const put = (offset: number, body: Buffer, header = digest(body)) =>
      admin.put(`/api/deploy/uploads/${created.id}/chunks/${offset}`).set('Content-Type', 'application/octet-stream').set('Content-Digest', header).send(body);

    expect((await put(0, chunk(0)).expect(200)).body).toMatchObject({ offset: 16 * MiB, status: 'open' });
    // The connection drops in the middle of the second chunk: nothing of it counts.
    await sendAndCut(created.id, 16 * MiB, chunk(16 * MiB), 5 * MiB);
    expect((await admin.get(`/api/deploy/uploads/${created.id}`).expect(200)).body.offset).toBe(16 * MiB);
    // A chunk at the wrong offset is told where to resume.
    expect((await put(32 * MiB, chunk(32 * MiB)).expect(409)).body.details).toEqual({ offset: 16 * MiB });
    // A chunk corrupted on the way (one flipped byte) does not match its digest: refused, nothing kept.
    const corrupted = Buffer.from(chunk(16 * MiB));
    corrupted[1000] ^= 0xff;
    expect((await put(16 * MiB, corrupted, digest(chunk(16 * MiB))).expect(400)).body.message).toMatch(/does not match its Content-Digest/);
    await put(16 * MiB, chunk(16 * MiB), 'md5=abc').expect(400);
    await put(16 * MiB, chunk(16 * MiB, 3 * MiB + 1)).expect(400);
    expect((await admin.get(`/api/deploy/uploads/${created.id}`).expect(200)).body.offset).toBe(16 * MiB);
    // Resume with the rest, as after a server restart: the running SHA-512 is rebuilt from the stored parts.
    (app.app.get(UploadsService) as unknown as { hashed: Map<string, unknown> }).hashed.clear();
    await put(16 * MiB, chunk(16 * MiB)).expect(200);
    const done = (await put(32 * MiB, chunk(32 * MiB)).expect(200)).body;
    expect(done).toMatchObject({ status: 'complete', offset: content.length, file: { sha512: sha512(content), size: content.length, partCount: 41 } });
    expect((await download(sha512(content))).equals(content)).toBe(true);
    await put(32 * MiB, chunk(32 * MiB)).expect(409);
    // The same content again needs no bytes at all.
    expect((await admin.post('/api/deploy/uploads').send({ name: 'copy.iso', size: content.length, sha512: sha512(content) }).expect(201)).body).toMatchObject({ status: 'complete', offset: content.length });
  });

  it('refuses content other than announced, and keeps uploads private to their owner', async () => {
    const content = randomBytes(MiB + 5);
    const up = (await admin.post('/api/deploy/uploads').send({ name: 'x.bin', size: content.length, sha512: sha512(randomBytes(8)) }).expect(201)).body;
    const res = await admin.put(`/api/deploy/uploads/${up.id}/chunks/0`).set('Content-Type', 'application/octet-stream').set('Content-Digest', digest(content)).send(content).expect(400);
    expect(res.body.message).toMatch(/not the announced/);
    await admin.get(`/api/deploy/uploads/${up.id}`).expect(404);
    const mine = (await admin.post('/api/deploy/uploads').send({ name: 'mine.bin', size: 10 }).expect(201)).body;
    const other = await createScopedUser(app, adminToken, 'files-other', tree.b, { 'deploy.package': Bits.READ | Bits.CREATE });
    await app.as(other.token).get(`/api/deploy/uploads/${mine.id}`).expect(404);
    await app.as(other.token).delete(`/api/deploy/uploads/${mine.id}`).expect(404);
    await admin.delete(`/api/deploy/uploads/${mine.id}`).expect(204);
    await admin.get(`/api/deploy/uploads/${mine.id}`).expect(404);
  });

  it('answers 413 beyond the maximum size, whichever way the file comes', async () => {
    expect((await admin.post('/api/deploy/uploads').send({ name: 'huge.iso', size: 64 * MiB + 1 }).expect(413)).body.message).toMatch(/accepts files up to 67108864 bytes/);
    await admin.post('/api/deploy/files').attach('file', Buffer.alloc(64 * MiB + 1), 'huge.bin').expect(413);
    const up = (await admin.post('/api/deploy/uploads').send({ name: 'small.bin', size: MiB }).expect(201)).body;
    const tooLong = Buffer.alloc(2 * MiB);
    await admin.put(`/api/deploy/uploads/${up.id}/chunks/0`).set('Content-Type', 'application/octet-stream').set('Content-Digest', digest(tooLong)).send(tooLong).expect(413);
    writeFileSync(join(importDir, 'huge.img'), Buffer.alloc(64 * MiB + 1));
    await admin.post('/api/deploy/files/import').send({ path: 'huge.img' }).expect(413);
  });

  it('imports files from the import directory only', async () => {
    const content = randomBytes(3 * MiB);
    mkdirSync(join(importDir, 'apps'), { recursive: true });
    writeFileSync(join(importDir, 'apps', 'tool.msi'), content);
    writeFileSync(join(dataDir, 'secret.txt'), 'not for import');
    symlinkSync(join(dataDir, 'secret.txt'), join(importDir, 'link.txt'));
    expect((await admin.post('/api/deploy/files/import').send({ path: 'apps/tool.msi' }).expect(201)).body).toMatchObject({ sha512: sha512(content), name: 'tool.msi', size: content.length });
    expect((await admin.post('/api/deploy/files/import').send({ path: '../secret.txt' }).expect(400)).body.message).toMatch(/without '\.\.'/);
    expect((await admin.post('/api/deploy/files/import').send({ path: join(dataDir, 'secret.txt') }).expect(400)).body.message).toMatch(/relative/);
    expect((await admin.post('/api/deploy/files/import').send({ path: 'link.txt' }).expect(400)).body.message).toMatch(/outside the import directory/);
    await admin.post('/api/deploy/files/import').send({ path: 'missing.bin' }).expect(404);
    await admin.post('/api/deploy/files/import').send({ path: 'apps' }).expect(400);
  });

  it('counts references from revisions and collects unused files after the grace period only', async () => {
    const shared = randomBytes(MiB);
    const a = Buffer.concat([shared, randomBytes(MiB)]);
    const b = Buffer.concat([shared, randomBytes(10)]);
    const fileA = (await admin.post('/api/deploy/files').attach('file', a, 'a.bin').expect(201)).body.sha512;
    const fileB = (await admin.post('/api/deploy/files').attach('file', b, 'b.bin').expect(201)).body.sha512;
    const p1 = (await admin.post('/api/deploy/packages').send({ name: 'uses a and b', entityId: tree.a }).expect(201)).body.id;
    const p2 = (await admin.post('/api/deploy/packages').send({ name: 'uses a', entityId: tree.a }).expect(201)).body.id;
    await admin.put(`/api/deploy/packages/${p1}/draft`).send(withFiles({ sha512: fileA, name: 'a.bin' }, { sha512: fileB, name: 'b.bin' })).expect(200);
    await admin.put(`/api/deploy/packages/${p2}/draft`).send(withFiles({ sha512: fileA, name: 'a.bin' })).expect(200);
    expect((await admin.get(`/api/deploy/files/${fileA}`).expect(200)).body).toMatchObject({ references: 2, unreferencedSince: null });
    // Publishing, then a new draft: both revisions refer to the files.
    await admin.post(`/api/deploy/packages/${p1}/revisions/1/publish`).expect(200);
    await admin.post(`/api/deploy/packages/${p1}/draft`).expect(200);
    expect((await admin.get(`/api/deploy/files/${fileB}`).expect(200)).body.references).toBe(2);
    // A revision may only use files the repository holds.
    expect((await admin.put(`/api/deploy/packages/${p2}/draft`).send(withFiles({ sha512: 'e'.repeat(128), name: 'x' })).expect(400)).body.message).toMatch(/upload it first/);

    await admin.delete(`/api/deploy/packages/${p1}`).expect(204);
    const bView = (await admin.get(`/api/deploy/files/${fileB}`).expect(200)).body;
    expect(bView.references).toBe(0);
    expect(bView.unreferencedSince).not.toBeNull();
    const bParts: string[] = (await app.dataSource.query('SELECT p.sha512 FROM deploy_file_parts p JOIN deploy_files f ON f.id = p.file_id WHERE f.sha512 = ? ORDER BY p.seq', [fileB])).map((r: { sha512: string }) => r.sha512);
    // Within the grace period it stays.
    await admin.post('/api/deploy/files/gc').expect(200);
    await admin.get(`/api/deploy/files/${fileB}`).expect(200);
    await new Promise((r) => setTimeout(r, 2500));
    const gc = (await admin.post('/api/deploy/files/gc').expect(200)).body;
    expect(gc.filesDeleted).toBeGreaterThanOrEqual(1);
    await admin.get(`/api/deploy/files/${fileB}`).expect(404);
    // b's own part is gone from disk; the part it shares with a (still used by p2) stays.
    expect(bParts[0]).toBe((await app.dataSource.query('SELECT p.sha512 FROM deploy_file_parts p JOIN deploy_files f ON f.id = p.file_id WHERE f.sha512 = ? AND p.seq = 0', [fileA]))[0].sha512);
    await app.http().get(partUrl(bParts[0])).expect(200);
    await app.http().get(partUrl(bParts[1])).expect(404);
    expect(existsSync(join(dataDir, 'deploy', 'repository', bParts[1][0], bParts[1].slice(0, 2), bParts[1]))).toBe(false);
    expect((await download(fileA)).equals(a)).toBe(true);
    // Only root-level package managers collect.
    const sub = await createScopedUser(app, adminToken, 'files-gc', tree.a, { 'deploy.package': Bits.READ | Bits.DELETE });
    await app.as(sub.token).post('/api/deploy/files/gc').expect(403);
  });

  it('shows files only where they were uploaded or where a package using them is visible', async () => {
    const cUser = await createScopedUser(app, adminToken, 'files-c', tree.c, { 'deploy.package': Bits.READ | Bits.CREATE | Bits.UPDATE });
    const bUser = await createScopedUser(app, adminToken, 'files-b', tree.b, { 'deploy.package': Bits.READ | Bits.CREATE | Bits.UPDATE });
    const secret = randomBytes(2000);
    const sha = (await app.as(cUser.token).post('/api/deploy/files').attach('file', secret, 'c-secret.bin').expect(201)).body.sha512;
    const b = app.as(bUser.token);
    expect((await b.get('/api/deploy/files?q=c-secret').expect(200)).body.total).toBe(0);
    await b.get(`/api/deploy/files/${sha}`).expect(404);
    const pkg = (await b.post('/api/deploy/packages').send({ name: 'b pkg', entityId: tree.b }).expect(201)).body.id;
    await b.put(`/api/deploy/packages/${pkg}/draft`).send(withFiles({ sha512: sha, name: 'x.bin' })).expect(400);
    // Announcing the hash is not enough: the upload must send the bytes, then B holds the file too.
    expect((await b.post('/api/deploy/uploads').send({ name: 'x.bin', size: secret.length, sha512: sha }).expect(201)).body.status).toBe('open');
    await b.post('/api/deploy/files').attach('file', secret, 'mine.bin').expect(201);
    await b.put(`/api/deploy/packages/${pkg}/draft`).send(withFiles({ sha512: sha, name: 'x.bin' })).expect(200);
  });

  it('exports a revision as one archive and imports it back, verifying every hash', async () => {
    const content = Buffer.concat([randomBytes(MiB), Buffer.alloc(MiB, 'x')]);
    const sha = (await admin.post('/api/deploy/files').attach('file', content, 'payload.bin').expect(201)).body.sha512;
    const pkg = (await admin.post('/api/deploy/packages').send({ name: 'Exported app', description: 'moves', entityId: tree.a }).expect(201)).body.id;
    await admin.put(`/api/deploy/packages/${pkg}/draft`).send(withFiles({ sha512: sha, name: 'payload.bin' })).expect(200);
    await admin.post(`/api/deploy/packages/${pkg}/revisions/1/publish`).expect(200);
    const res = await admin.get(`/api/deploy/packages/${pkg}/revisions/1/export`).buffer(true).parse(binary as never).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="Exported_app-r1.tar"');
    const archive = res.body as Buffer;
    const entries = await untar(archive);
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', expect.stringMatching(/^parts\/[0-9a-f]\/[0-9a-f]{2}\/[0-9a-f]{128}$/), expect.any(String)]);

    // On a server that has never seen the file: a second app with its own repository.
    const other = await TestApp.start({ driver: 'sqlite', redis: false });
    try {
      const otherAdmin = other.as(await other.loginAdmin());
      const imported = (await otherAdmin.post('/api/deploy/packages/import').attach('archive', archive, 'app.tar').expect(201)).body;
      expect(imported).toMatchObject({ name: 'Exported app', description: 'moves', revisions: [{ number: 1, status: 'draft' }] });
      expect((await otherAdmin.get(`/api/deploy/packages/${imported.id}/revisions/1`).expect(200)).body.definition.files).toEqual([expect.objectContaining({ sha512: sha, name: 'payload.bin' })]);
      expect((await otherAdmin.get(`/api/deploy/files/${sha}`).expect(200)).body).toMatchObject({ size: content.length, references: 1 });
      // A flipped byte in a part, a part missing, a foreign entry: refused, nothing created.
      const tampered = entries.map((e, i) => (i === 1 ? { ...e, data: Buffer.from(e.data).fill(0, 100, 101) } : e));
      expect((await otherAdmin.post('/api/deploy/packages/import').attach('archive', await tar(tampered), 'bad.tar').expect(400)).body.message).toMatch(/does not match its SHA-512/);
      const fresh = await TestApp.start({ driver: 'sqlite', redis: false });
      try {
        const freshAdmin = fresh.as(await fresh.loginAdmin());
        expect((await freshAdmin.post('/api/deploy/packages/import').attach('archive', await tar(entries.slice(0, 2)), 'short.tar').expect(400)).body.message).toMatch(/is missing/);
        expect((await freshAdmin.post('/api/deploy/packages/import').attach('archive', await tar([...entries, { name: '../../etc/cron.d/x', data: Buffer.from('x') }]), 'evil.tar').expect(400)).body.message).toMatch(/unexpected entry/);
        expect((await freshAdmin.post('/api/deploy/packages/import').attach('archive', Buffer.from('not a tar at all'), 'x.tar').expect(400)).body.message).toMatch(/refused/);
        expect((await freshAdmin.get('/api/deploy/packages').expect(200)).body.total).toBe(0);
      } finally {
        await fresh.close();
      }
    } finally {
      await other.close();
    }
  });

  /** Sends `cutAfter` bytes of a chunk announced whole, then drops the connection. */
  function sendAndCut(uploadId: string, offset: number, chunk: Buffer, cutAfter: number): Promise<void> {
    const server = app.app.getHttpServer();
    const address = (server.address() as AddressInfo | null) ?? (server.listen(0).address() as AddressInfo);
    return new Promise((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port: address.port,
        method: 'PUT',
        path: `/api/deploy/uploads/${uploadId}/chunks/${offset}`,
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/octet-stream', 'Content-Length': chunk.length, 'Content-Digest': digest(chunk) },
      });
      req.on('error', () => undefined);
      req.write(chunk.subarray(0, cutAfter), () => {
        setTimeout(() => {
          req.destroy();
          // Let the server notice the cut and give up on the chunk.
          setTimeout(resolve, 300);
        }, 100);
      });
    });
  }
});

async function untar(archive: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const entries: { name: string; data: Buffer }[] = [];
  const ex = extract();
  const reading = (async () => {
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      entries.push({ name: entry.header.name, data: Buffer.concat(chunks) });
    }
  })();
  ex.end(archive);
  await reading;
  return entries;
}

async function tar(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const p = pack();
  for (const e of entries) p.entry({ name: e.name }, e.data);
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Reads a response body as bytes (supertest would decode it as text). */
function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
