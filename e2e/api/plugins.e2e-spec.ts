import { join } from 'node:path';
import { Bits } from '@parc/contracts';
import { JobRunner } from '../../server/src/modules/jobs/job-runner';
import { Contributions } from '../../server/src/plugin-host/contributions';
import { createScopedUser, createTree, FIXTURE_PLUGINS, TestApp } from './support/test-app';

describe('plugin host', () => {
  let app: TestApp;
  let adminToken: string;
  let admin: ReturnType<TestApp['as']>;

  beforeAll(async () => {
    app = await TestApp.start();
    adminToken = await app.loginAdmin();
    admin = app.as(adminToken);
  });
  afterAll(() => app.close());

  it('lists the enabled plugins with what each contributes', async () => {
    const res = await admin.get('/api/plugins').expect(200);
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(['deploy', 'notes']);
    const notes = res.body.items[1];
    expect(notes).toMatchObject({
      version: '1.0.0',
      coreRange: '>=0.1.0 <1.0.0',
      rights: [{ name: 'notes.note', bits: 7, plugin: 'notes' }],
      menu: [{ path: '/notes', plugin: 'notes' }],
      massActions: [{ key: 'notes.pin', itemType: 'note', plugin: 'notes' }],
      tabs: [{ itemType: 'user', key: 'notes', plugin: 'notes' }],
      periodicJobs: ['notes.count'],
    });
    const deploy = res.body.items[0];
    expect(deploy.rights.map((r: { name: string }) => r.name)).toEqual(['deploy.package', 'deploy.task', 'deploy.mirror']);
    expect(deploy.menu).toEqual([expect.objectContaining({ path: '/deploy', right: 'deploy.package' })]);
  });

  it('a plugin adds an entity (with its migration), a route, a right, a menu entry and a mass action', async () => {
    const { a, b, c } = await createTree(app, adminToken);
    const shared = (await admin.post('/api/notes').send({ title: 'shared from A', entityId: a, recursive: true }).expect(201)).body;
    const privateA = (await admin.post('/api/notes').send({ title: 'A only', entityId: a }).expect(201)).body;
    const inC = (await admin.post('/api/notes').send({ title: 'C only', entityId: c }).expect(201)).body;

    const noteReader = await createScopedUser(app, adminToken, 'note-reader', b, { 'notes.note': Bits.READ | Bits.UPDATE });
    const reader = app.as(noteReader.token);
    // Visibility rule: own scope, plus recursive objects of ancestors.
    const titles = (await reader.get('/api/notes').expect(200)).body.items.map((n: { title: string }) => n.title);
    expect(titles).toEqual(['shared from A']);
    await reader.get(`/api/notes/${shared.id}`).expect(200);
    await reader.get(`/api/notes/${privateA.id}`).expect(404);
    await reader.get(`/api/notes/${inC.id}`).expect(404);

    // The plugin's menu entry shows to holders of its right only.
    const readerMenu = (await reader.get('/api/ui/menu').expect(200)).body.items.map((e: { path: string }) => e.path);
    expect(readerMenu).toEqual(['/notes']);
    const entityOnly = await createScopedUser(app, adminToken, 'entity-only', b, { entity: Bits.READ });
    expect((await app.as(entityOnly.token).get('/api/ui/menu').expect(200)).body.items.map((e: { path: string }) => e.path)).toEqual(['/entities']);

    // The plugin's mass action, with per-item rights (the shared note lives in A, outside the reader's scope).
    expect((await reader.get('/api/mass-actions?itemType=note').expect(200)).body.items.map((x: { key: string }) => x.key)).toEqual(['notes.pin']);
    const result = await reader.post('/api/mass-actions/notes.pin').send({ itemType: 'note', ids: [shared.id, inC.id] }).expect(200);
    expect(result.body).toMatchObject({ ok: 0, noRight: 2 });
    const own = (await app.as(adminToken).post('/api/notes').send({ title: 'in B', entityId: b }).expect(201)).body;
    const pinned = await reader.post('/api/mass-actions/notes.pin').send({ itemType: 'note', ids: [own.id] }).expect(200);
    expect(pinned.body).toMatchObject({ ok: 1 });
    expect((await reader.get(`/api/notes/${own.id}`).expect(200)).body.pinned).toBe(true);

    // The plugin writes to the core audit trail through the SDK.
    const audit = (await admin.get(`/api/audit?itemType=note&itemId=${own.id}`).expect(200)).body.items;
    expect(audit).toEqual([expect.objectContaining({ action: 'create', userLogin: 'admin', after: expect.objectContaining({ title: 'in B' }) })]);
  });

  it("runs a plugin's periodic job and keeps its run history", async () => {
    // Triggered directly here; the scheduling itself is proven by workers.e2e-spec.ts.
    const contributions = app.app.get(Contributions);
    const job = contributions.periodicJobs.find((j) => j.name === 'notes.count')!;
    await app.app.get(JobRunner).run(job.name, 'manual-tick', app.app.get(job.handler, { strict: false }));
    const runs = (await admin.get('/api/system/job-runs?name=notes.count').expect(200)).body.items;
    expect(runs[0]).toMatchObject({ name: 'notes.count', tick: 'manual-tick', status: 'ok', message: expect.stringMatching(/^\d+ notes$/) });
    expect(contributions.agentTasks.map((t) => `${t.plugin}:${t.protocol}:${t.task}`)).toEqual(['notes:fusioninventory:Notes']);
    expect(contributions.searchFields.filter((f) => f.plugin).map((f) => f.key)).toEqual(['notes.title']);
  });
});

describe('plugin loading', () => {
  it('refuses at boot a plugin whose core range excludes this core, with a clear message', async () => {
    await expect(TestApp.start({ driver: 'sqlite', redis: false, plugins: ['deploy', join(FIXTURE_PLUGINS, 'too-new')] })).rejects.toThrow(
      /Plugin 'too-new' 3\.0\.0 supports core \^99\.0\.0, but this core is 0\.1\.0/,
    );
  });

  it('refuses a path that holds no plugin', async () => {
    await expect(TestApp.start({ driver: 'sqlite', redis: false, plugins: [join(FIXTURE_PLUGINS, 'missing')] })).rejects.toThrow(/No plugin at .*missing/);
  });

  it('runs without any plugin: the core does not depend on them', async () => {
    const app = await TestApp.start({ driver: 'sqlite', redis: false, plugins: [] });
    try {
      const admin = app.as(await app.loginAdmin());
      expect((await admin.get('/api/plugins').expect(200)).body).toEqual({ items: [], total: 0 });
      await admin.get('/api/notes').expect(404);
      const menu = (await admin.get('/api/ui/menu').expect(200)).body.items.map((e: { path: string }) => e.path);
      expect(menu).toEqual(['/computers', '/agents', '/groups', '/entities', '/users', '/profiles', '/inventory', '/audit', '/plugins', '/system']);
    } finally {
      await app.close();
    }
  });
});
