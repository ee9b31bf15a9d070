import { Bits } from '@parc/contracts';
import { createScopedUser, createTree, TestApp } from './support/test-app';

const SHA = (c: string) => c.repeat(128);
const OCS = { priority: 5, action: 'EXECUTE', command: 'install.sh', path: '', notify: { enabled: false, text: '', countdown: 0, canAbort: false, canDelay: false, doneText: '' } };
const CHECK_TYPES = ['directoryExists', 'directoryMissing', 'fileExists', 'fileMissing', 'fileSizeEquals', 'fileSizeGreater', 'fileSizeLower', 'fileSHA512', 'fileSHA512mismatch', 'freespaceGreater', 'winkeyExists', 'winkeyMissing', 'winkeyEquals', 'winkeyNotEquals', 'winvalueExists', 'winvalueMissing', 'winvalueType'];
const valueFor = (type: string) => (type.startsWith('fileSize') || type === 'freespaceGreater' ? '1024' : type.startsWith('fileSHA512') ? SHA('c') : type === 'winvalueType' ? 'REG_SZ' : '');

/** SHA-512 of the two files the definitions use, uploaded to each app's repository first. */
let fileA = '';
let fileB = '';

const definition = () => ({
  checks: CHECK_TYPES.map((type, i) => ({ name: `check ${i + 1}`, type, path: '/opt/app', value: valueFor(type), outcome: (['error', 'skip', 'info', 'warning', 'startnow'] as const)[i % 5] })),
  actions: [
    { type: 'mkdir', name: 'dirs', list: ['/opt/app'] },
    { type: 'copy', name: 'copy', from: 'app.bin', to: '/opt/app/' },
    { type: 'cmd', name: 'install', exec: 'sh install.sh', retChecks: [{ type: 'okCode', values: ['0'] }, { type: 'errorPattern', values: ['FATAL'] }], logLineLimit: 20 },
    { type: 'move', name: 'move', from: '*.conf', to: '/etc/app/' },
    { type: 'delete', name: 'clean', list: ['/tmp/app'] },
  ],
  files: [
    { sha512: fileA, name: 'app.bin', p2p: true, p2pRetentionMinutes: 60, uncompress: false },
    { sha512: fileB, name: 'install.sh', p2p: false, p2pRetentionMinutes: 0, uncompress: false },
  ],
  userInteractions: [{ name: 'warn', event: 'before', title: 'Install', text: 'Closing app %u', icon: 'warn', buttons: 'yesno', timeout: 60, behaviours: { on_yes: 'continue:continue', on_no: 'stop:stop' } }],
  rebootAfter: false,
  ocs: structuredClone(OCS),
});

describe.each([
  ['MariaDB', 'mariadb'],
  ['SQLite', 'sqlite'],
] as const)('deploy packages: revisions, validation, rendering, scope (%s)', (_, driver) => {
  let app: TestApp;
  let adminToken: string;
  let admin: ReturnType<TestApp['as']>;
  let tree: { a: number; b: number; c: number };

  beforeAll(async () => {
    app = await TestApp.start({ driver, redis: driver === 'mariadb', env: { LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' } });
    adminToken = await app.loginAdmin();
    admin = app.as(adminToken);
    tree = await createTree(app, adminToken);
    fileA = (await admin.post('/api/deploy/files').attach('file', Buffer.from('the application'), 'app.bin').expect(201)).body.sha512;
    fileB = (await admin.post('/api/deploy/files').attach('file', Buffer.from('#!/bin/sh\necho installed\n'), 'install.sh').expect(201)).body.sha512;
  });
  afterAll(() => app.close());

  it('starts with an empty draft, publishes it immutable, and edits again in a new draft', async () => {
    const pkg = (await admin.post('/api/deploy/packages').send({ name: 'App', description: 'the app', entityId: tree.a }).expect(201)).body;
    expect(pkg.revisions).toEqual([expect.objectContaining({ number: 1, status: 'draft', publishedAt: null })]);
    expect(pkg.entityName).toBe('A');
    const saved = (await admin.put(`/api/deploy/packages/${pkg.id}/draft`).send(definition()).expect(200)).body;
    expect(saved).toMatchObject({ number: 1, status: 'draft' });
    expect(saved.definition.actions.map((a: { type: string }) => a.type)).toEqual(['mkdir', 'copy', 'cmd', 'move', 'delete']);

    const job = (await admin.get(`/api/deploy/packages/${pkg.id}/revisions/1/fusion-job`).expect(200)).body;
    expect(job.job.checks).toHaveLength(CHECK_TYPES.length);
    expect(job.job.checks[7]).toEqual({ name: 'check 8', type: 'fileSHA512', path: '/opt/app', value: SHA('c'), return: 'info' });
    expect(job.job.actions[2]).toEqual({ cmd: { name: 'install', exec: 'sh install.sh', logLineLimit: 20, retChecks: [{ type: 'okCode', values: ['0'] }, { type: 'errorPattern', values: ['FATAL'] }] } });
    expect(job.job.associatedFiles).toEqual([fileA, fileB]);
    expect(job.associatedFiles[fileA]).toEqual({ name: 'app.bin', p2p: 1, 'p2p-retention-duration': 60, uncompress: 0, mirrors: [], multiparts: [] });
    expect(job.job.userinteractions[0]).toMatchObject({ type: 'before', buttons: 'yesno', on_no: 'stop:stop', platform: 'win32' });

    await admin.post(`/api/deploy/packages/${pkg.id}/revisions/1/publish`).expect(200);
    await admin.post(`/api/deploy/packages/${pkg.id}/revisions/1/publish`).expect(409);
    // Saving again makes revision 2 from the new definition; revision 1 stays as published.
    const changed = { ...definition(), actions: [{ type: 'cmd', name: 'only', exec: 'true' }] };
    expect((await admin.put(`/api/deploy/packages/${pkg.id}/draft`).send(changed).expect(200)).body).toMatchObject({ number: 2, status: 'draft' });
    expect((await admin.get(`/api/deploy/packages/${pkg.id}/revisions/1`).expect(200)).body.definition.actions).toHaveLength(5);
    expect((await admin.get(`/api/deploy/packages/${pkg.id}/revisions/2`).expect(200)).body.definition.actions).toEqual([{ type: 'cmd', name: 'only', exec: 'true', logLineLimit: 10, retChecks: [] }]);
    // The diff names what changed, path by path.
    const diff = (await admin.get(`/api/deploy/packages/${pkg.id}/diff?from=1&to=2`).expect(200)).body;
    expect(diff.changes.slice(0, 2)).toEqual([
      { path: 'actions[0].exec', kind: 'added', after: 'true' },
      { path: 'actions[0].list', kind: 'removed', before: ['/opt/app'] },
    ]);
    expect(diff.changes).toContainEqual({ path: 'actions[4]', kind: 'removed', before: { type: 'delete', name: 'clean', list: ['/tmp/app'] } });
    expect((await admin.get(`/api/deploy/packages/${pkg.id}/diff?from=2&to=2`).expect(200)).body.changes).toEqual([]);
    await admin.get(`/api/deploy/packages/${pkg.id}/diff?from=1&to=7`).expect(404);
    await admin.get(`/api/deploy/packages/${pkg.id}/diff?from=x&to=2`).expect(400);
    // Asking for the draft while one exists returns it, not a third revision.
    expect((await admin.post(`/api/deploy/packages/${pkg.id}/draft`).expect(200)).body.number).toBe(2);
    await admin.post(`/api/deploy/packages/${pkg.id}/revisions/2/retire`).expect(409);
    await admin.post(`/api/deploy/packages/${pkg.id}/revisions/1/retire`).expect(200);
    await admin.get(`/api/deploy/packages/${pkg.id}/revisions/9`).expect(404);
    const view = (await admin.get(`/api/deploy/packages/${pkg.id}`).expect(200)).body;
    expect(view.revisions.map((r: { number: number; status: string }) => `${r.number}:${r.status}`)).toEqual(['2:draft', '1:retired']);

    // After publishing 2, a new draft starts from it.
    await admin.post(`/api/deploy/packages/${pkg.id}/revisions/2/publish`).expect(200);
    const draft3 = (await admin.post(`/api/deploy/packages/${pkg.id}/draft`).expect(200)).body;
    expect(draft3).toMatchObject({ number: 3, status: 'draft', definition: { actions: [{ name: 'only' }] } });
  });

  it('refuses what agents would misread, naming the field', async () => {
    const pkg = (await admin.post('/api/deploy/packages').send({ name: 'Bad' }).expect(201)).body;
    const bad = async (change: (d: ReturnType<typeof definition>) => void) => {
      const d = definition();
      change(d);
      return (await admin.put(`/api/deploy/packages/${pkg.id}/draft`).send(d).expect(400)).body;
    };
    expect((await bad((d) => (d.checks[4].value = 'big'))).details).toEqual([{ field: 'definition.checks[4].value', problems: ["fileSizeEquals takes a whole number of bytes (got 'big')"] }]);
    expect((await bad((d) => (d.checks[0].type = 'rmRf'))).details[0].field).toBe('checks.0.type');
    expect((await bad((d) => ((d.actions[2] as { retChecks: unknown[] }).retChecks = [{ type: 'errorCode', values: ['1'] }]))).details[0].problems[0]).toMatch(/first return check must be okCode or okPattern/);
    expect((await bad((d) => ((d.actions[2] as { retChecks: unknown[] }).retChecks = [{ type: 'okCode', values: ['zero'] }]))).details[0].problems[0]).toMatch(/exit codes/);
    expect((await bad((d) => delete (d.actions[2] as { exec?: string }).exec)).details[0].field).toBe('actions.2.exec');
    expect((await bad((d) => (d.actions[0] = { type: 'format', name: 'x', list: ['/'] }))).details[0].field).toBe('actions.0.type');
    expect((await bad((d) => (d.files[1].name = 'app.bin'))).details[0]).toEqual({ field: 'definition.files[1].name', problems: ["two files are named 'app.bin'"] });
    expect((await bad((d) => (d.files[0].name = '../etc/passwd'))).details).toEqual([{ field: 'files.0.name', problems: ['name must be a file name, without / or \\'] }]);
    expect((await bad((d) => (d.files[0].sha512 = 'abc'))).message).toMatch(/128 lowercase hexadecimal/);
    expect((await bad((d) => d.userInteractions.push({ ...d.userInteractions[0] }))).details[0].problems[0]).toMatch(/one message per event/);
    expect((await bad((d) => (d.userInteractions[0].behaviours = { on_yes: 'explode' } as never))).details[0].field).toBe('definition.userInteractions[0].behaviours.on_yes');
    expect((await bad((d) => (d.ocs.priority = 11))).details[0].field).toBe('ocs.priority');
    await admin.put(`/api/deploy/packages/${pkg.id}/draft`).send({ ...definition(), actions: Array.from({ length: 100 }, (_, i) => ({ type: 'cmd', name: `a${i}`, exec: 'x'.repeat(4000) })) }).expect(413);
    // Nothing was stored by the refused saves.
    expect((await admin.get(`/api/deploy/packages/${pkg.id}/revisions/1`).expect(200)).body.definition.checks).toEqual([]);
  });

  it('applies interaction templates to drafts, and copies them into a revision when it is published', async () => {
    const template = (await admin.post('/api/deploy/interaction-templates').send({ name: 'Ask to close', icon: 'question', buttons: 'yesno', timeout: 120, behaviours: { on_yes: 'continue:continue', on_no: 'stop:postpone', on_timeout: 'continue:continue' } }).expect(201)).body;
    expect(template).toMatchObject({ entityName: expect.any(String), recursive: true });
    await admin.post('/api/deploy/interaction-templates').send({ name: 'bad', icon: 'warn', buttons: 'ok', timeout: 0, behaviours: { on_maybe: 'continue:continue' } }).expect(400);
    const pkg = (await admin.post('/api/deploy/packages').send({ name: 'With template', entityId: tree.a }).expect(201)).body.id;
    const d = { ...definition(), userInteractions: [{ name: 'ask', templateId: template.id, event: 'before', title: 'Update', text: 'Close %u', icon: 'none', buttons: 'ok', timeout: 0, behaviours: {} }] };
    await admin.put(`/api/deploy/packages/${pkg}/draft`).send(d).expect(200);
    const draftJob = (await admin.get(`/api/deploy/packages/${pkg}/revisions/1/fusion-job`).expect(200)).body;
    expect(draftJob.job.userinteractions[0]).toMatchObject({ title: 'Update', text: 'Close %u', icon: 'question', buttons: 'yesno', timeout: 120, on_no: 'stop:postpone' });
    // A template a draft uses cannot go; once published, the revision keeps its own copy.
    expect((await admin.delete(`/api/deploy/interaction-templates/${template.id}`).expect(409)).body.message).toMatch(/With template/);
    await admin.post(`/api/deploy/packages/${pkg}/revisions/1/publish`).expect(200);
    await admin.patch(`/api/deploy/interaction-templates/${template.id}`).send({ buttons: 'okcancel', timeout: 5 }).expect(200);
    expect((await admin.get(`/api/deploy/packages/${pkg}/revisions/1/fusion-job`).expect(200)).body.job.userinteractions[0]).toMatchObject({ buttons: 'yesno', timeout: 120 });
    expect((await admin.get(`/api/deploy/packages/${pkg}/revisions/1`).expect(200)).body.definition.userInteractions[0]).toMatchObject({ templateId: template.id, buttons: 'yesno' });
    await admin.put(`/api/deploy/packages/${pkg}/draft`).send({ ...d, userInteractions: [{ ...d.userInteractions[0], templateId: 99999 }] }).expect(400);
    await admin.delete(`/api/deploy/interaction-templates/${template.id}`).expect(204);
  });

  it('keeps packages in their entity scope', async () => {
    const inC = (await admin.post('/api/deploy/packages').send({ name: 'C only', entityId: tree.c }).expect(201)).body;
    const shared = (await admin.post('/api/deploy/packages').send({ name: 'A shared', entityId: tree.a, recursive: true }).expect(201)).body;
    const user = await createScopedUser(app, adminToken, 'pkg-b', tree.b, { 'deploy.package': Bits.READ | Bits.UPDATE | Bits.CREATE | Bits.DELETE });
    const b = app.as(user.token);
    const names = (await b.get('/api/deploy/packages?limit=100').expect(200)).body.items.map((p: { name: string }) => p.name);
    expect(names).toContain('A shared');
    expect(names).not.toContain('C only');
    await b.get(`/api/deploy/packages/${inC.id}`).expect(404);
    await b.put(`/api/deploy/packages/${inC.id}/draft`).send(definition()).expect(404);
    await b.post('/api/deploy/packages').send({ name: 'x', entityId: tree.c }).expect(403);
    // A recursive package of a parent entity is seen from below, but changed only with rights on its entity.
    await b.put(`/api/deploy/packages/${shared.id}/draft`).send(definition()).expect(403);
    await b.delete(`/api/deploy/packages/${shared.id}`).expect(403);
    await admin.delete(`/api/deploy/packages/${inC.id}`).expect(204);
    await admin.get(`/api/deploy/packages/${inC.id}`).expect(404);
  });
});
