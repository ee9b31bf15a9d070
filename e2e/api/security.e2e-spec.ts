import { ALL_STANDARD_BITS } from '@parc/contracts';
import { Contributions } from '../../server/src/plugin-host/contributions';
import { sendInventory } from './support/agents';
import { createScopedUser, createTree, TestApp } from './support/test-app';
import { fill, openApi, type OpenApiDocument, type Operation, operations } from './support/openapi';

/** Routes anyone may call. Everything else must answer 401 without a token. */
const PUBLIC = new Set([
  'POST /api/auth/login',
  'GET /api/health',
  'POST /',
  'POST /ocsinventory',
  'POST /plugins/glpiinventory',
  'POST /plugins/fusioninventory',
]);

/**
 * Raw routes answer ahead of the framework and its guards (PluginManifest.rawRoutes): each must be public by
 * nature. File parts are, like any static mirror: reachable only by the SHA-512 of their bytes.
 */
const PUBLIC_RAW_PREFIXES = ['/deploy/repository/'];

/** A valid, empty package definition: the body of a draft save. */
const EMPTY_DEFINITION = {
  checks: [],
  actions: [],
  files: [],
  userInteractions: [],
  rebootAfter: false,
  ocs: { priority: 5, action: 'EXECUTE', command: '', path: '', notify: { enabled: false, text: '', countdown: 0, canAbort: false, canDelay: false, doneText: '' } },
};

/** A marker in the names of everything created in entity C: it must never show in what B's user receives. */
const C_MARK = 'zz-c-secret';

interface World {
  tree: { a: number; b: number; c: number };
  cSub: number;
  cUser: number;
  cAuthorization: number;
  cNote: number;
  profile: number;
  adminTokenId: number;
  cComputer: number;
  rule: number;
  cGroup: number;
  cSavedSearch: number;
  cPackage: number;
  cFile: string;
  cUpload: string;
  cMirror: number;
  cTemplate: number;
  cTask: number;
}

/**
 * How the user of entity B attacks each route with the objects of sibling entity C. Every route of the OpenAPI
 * document must appear here, so a new route cannot ship without deciding what protects it.
 */
function attacks(w: World): Record<string, { params?: Record<string, number | string>; query?: string; body?: object; own?: boolean; global?: boolean; denied?: boolean }> {
  return {
    'POST /api/auth/login': {},
    'GET /api/health': {},
    'POST /api/auth/logout': { own: true },
    'GET /api/auth/me': { own: true },
    'PUT /api/auth/me/password': { own: true },
    'GET /api/auth/tokens': { own: true },
    'POST /api/auth/tokens': { own: true },
    'DELETE /api/auth/tokens/{id}': { params: { id: w.adminTokenId } },
    'GET /api/ui/menu': { own: true },
    'GET /api/entities': {},
    'GET /api/entities/{id}': { params: { id: w.tree.c } },
    'POST /api/entities': { body: { name: 'intruder', parentId: w.tree.c } },
    'PATCH /api/entities/{id}': { params: { id: w.cSub }, body: { name: 'hacked', parentId: w.tree.b } },
    'DELETE /api/entities/{id}': { params: { id: w.cSub } },
    'GET /api/users': {},
    'GET /api/users/{id}': { params: { id: w.cUser } },
    'POST /api/users': { body: { login: 'intruder', name: 'intruder', entityId: w.tree.c } },
    'PATCH /api/users/{id}': { params: { id: w.cUser }, body: { password: 'taken-over-1' } },
    'DELETE /api/users/{id}': { params: { id: w.cUser } },
    'GET /api/users/{id}/authorizations': { params: { id: w.cUser } },
    'POST /api/users/{id}/authorizations': { params: { id: w.cUser }, body: { profileId: w.profile, entityId: w.tree.b } },
    'DELETE /api/users/{id}/authorizations/{authorizationId}': { params: { id: w.cUser, authorizationId: w.cAuthorization } },
    'GET /api/rights': {},
    'GET /api/profiles': {},
    // Profiles are global objects: any holder of the profile right reads them; only root-level holders change them.
    'GET /api/profiles/{id}': { params: { id: w.profile }, global: true },
    'POST /api/profiles': { body: { name: 'intruder', rights: { entity: 1 } } },
    'PATCH /api/profiles/{id}': { params: { id: w.profile }, body: { rights: { entity: 31, user: 31 } } },
    'DELETE /api/profiles/{id}': { params: { id: w.profile } },
    'GET /api/audit': {},
    'GET /api/plugins': {},
    'GET /api/system/job-runs': {},
    'GET /api/mass-actions': { query: 'itemType=user' },
    'POST /api/mass-actions/{key}': { params: { key: 'user.delete' }, body: { itemType: 'user', ids: [w.cUser] } },
    'GET /api/notes': {},
    'GET /api/notes/{id}': { params: { id: w.cNote } },
    'POST /api/notes': { body: { title: 'intruder', entityId: w.tree.c } },
    'POST /': {},
    'POST /ocsinventory': {},
    'POST /plugins/glpiinventory': {},
    'POST /plugins/fusioninventory': {},
    'GET /api/computers': {},
    'GET /api/computers/ids': {},
    'GET /api/computers/export.csv': {},
    'GET /api/computers/search-fields': {},
    'GET /api/computers/{id}': { params: { id: w.cComputer } },
    'PATCH /api/computers/{id}': { params: { id: w.cComputer }, body: { name: 'hacked', entityId: w.tree.b } },
    'DELETE /api/computers/{id}': { params: { id: w.cComputer } },
    'GET /api/computers/{id}/software': { params: { id: w.cComputer } },
    'GET /api/computers/{id}/disks': { params: { id: w.cComputer } },
    'GET /api/computers/{id}/network': { params: { id: w.cComputer } },
    'GET /api/computers/{id}/agents': { params: { id: w.cComputer } },
    'GET /api/computers/{id}/history': { params: { id: w.cComputer } },
    'GET /api/agents': {},
    // Installation-wide inventory configuration: only holders of the right on the root entity.
    'GET /api/inventory/settings': { params: {}, denied: true },
    'PUT /api/inventory/settings': { body: { defaultEntityId: w.tree.b, frequencyHours: 1 } },
    'GET /api/inventory/entity-rules': { params: {}, denied: true },
    'POST /api/inventory/entity-rules': { body: { name: 'steal', kind: 'tag', pattern: '*', entityId: w.tree.b } },
    'PATCH /api/inventory/entity-rules/{id}': { params: { id: w.rule }, body: { entityId: w.tree.b } },
    'DELETE /api/inventory/entity-rules/{id}': { params: { id: w.rule } },
    'GET /api/ui/tabs': { own: true, query: 'itemType=computer' },
    'GET /api/groups': {},
    'POST /api/groups': { body: { name: 'intruder', kind: 'static', entityId: w.tree.c } },
    'POST /api/groups/preview': { body: { entityId: w.tree.c, criteria: [] } },
    'GET /api/groups/{id}': { params: { id: w.cGroup } },
    'PATCH /api/groups/{id}': { params: { id: w.cGroup }, body: { name: 'hacked', entityId: w.tree.b } },
    'DELETE /api/groups/{id}': { params: { id: w.cGroup } },
    'POST /api/groups/{id}/refresh': { params: { id: w.cGroup } },
    'POST /api/groups/{id}/members': { params: { id: w.cGroup }, body: { ids: [w.cComputer] } },
    'POST /api/groups/{id}/members/remove': { params: { id: w.cGroup }, body: { ids: [w.cComputer] } },
    'POST /api/groups/{id}/import': { params: { id: w.cGroup }, body: { match: 'name' } },
    'GET /api/saved-searches': { query: 'itemType=computer' },
    'POST /api/saved-searches': { own: true },
    'GET /api/saved-searches/{id}': { params: { id: w.cSavedSearch } },
    'PATCH /api/saved-searches/{id}': { params: { id: w.cSavedSearch }, body: { name: 'hacked', shared: false } },
    'DELETE /api/saved-searches/{id}': { params: { id: w.cSavedSearch } },
    'POST /api/saved-searches/{id}/group': { params: { id: w.cSavedSearch }, body: {} },
    'GET /api/deploy/packages': {},
    'POST /api/deploy/packages': { body: { name: 'intruder', entityId: w.tree.c } },
    'GET /api/deploy/packages/{id}': { params: { id: w.cPackage } },
    'PATCH /api/deploy/packages/{id}': { params: { id: w.cPackage }, body: { name: 'hacked', entityId: w.tree.b } },
    'DELETE /api/deploy/packages/{id}': { params: { id: w.cPackage } },
    'POST /api/deploy/packages/{id}/draft': { params: { id: w.cPackage } },
    'PUT /api/deploy/packages/{id}/draft': { params: { id: w.cPackage }, body: EMPTY_DEFINITION },
    'GET /api/deploy/packages/{id}/revisions/{number}': { params: { id: w.cPackage, number: 1 } },
    'POST /api/deploy/packages/{id}/revisions/{number}/publish': { params: { id: w.cPackage, number: 1 } },
    'POST /api/deploy/packages/{id}/revisions/{number}/retire': { params: { id: w.cPackage, number: 1 } },
    'GET /api/deploy/packages/{id}/revisions/{number}/fusion-job': { params: { id: w.cPackage, number: 1 } },
    'POST /api/deploy/packages/import': { query: `entityId=${w.tree.c}`, denied: true },
    'GET /api/deploy/packages/{id}/revisions/{number}/export': { params: { id: w.cPackage, number: 1 } },
    'GET /api/deploy/packages/{id}/diff': { params: { id: w.cPackage }, query: 'from=1&to=1' },
    'GET /api/deploy/files': {},
    'GET /api/deploy/files/{sha512}': { params: { sha512: w.cFile } },
    // Uploads and imports store files granted to the caller's own active entity.
    'POST /api/deploy/files': { own: true },
    'POST /api/deploy/files/import': { own: true },
    // The repository is shared: only root-level package managers collect it.
    'POST /api/deploy/files/gc': { denied: true },
    'POST /api/deploy/uploads': { own: true },
    'GET /api/deploy/uploads/{uploadId}': { params: { uploadId: w.cUpload } },
    'PUT /api/deploy/uploads/{uploadId}/chunks/{offset}': { params: { uploadId: w.cUpload, offset: 0 } },
    'DELETE /api/deploy/uploads/{uploadId}': { params: { uploadId: w.cUpload } },
    'GET /api/deploy/interaction-templates': {},
    'POST /api/deploy/interaction-templates': { body: { name: 'intruder', entityId: w.tree.c, icon: 'warn', buttons: 'ok', timeout: 0, behaviours: {} } },
    'PATCH /api/deploy/interaction-templates/{id}': { params: { id: w.cTemplate }, body: { name: 'hacked' } },
    'DELETE /api/deploy/interaction-templates/{id}': { params: { id: w.cTemplate } },
    'GET /api/deploy/mirrors': {},
    'GET /api/deploy/mirrors/for': { query: `entityId=${w.tree.c}`, params: {} },
    'POST /api/deploy/mirrors': { body: { name: 'intruder', url: 'http://evil/', entityId: w.tree.c } },
    'PATCH /api/deploy/mirrors/{id}': { params: { id: w.cMirror }, body: { url: 'http://evil/' } },
    'DELETE /api/deploy/mirrors/{id}': { params: { id: w.cMirror } },
    'GET /api/deploy/tasks': {},
    'POST /api/deploy/tasks': { body: { name: 'intruder', entityId: w.tree.c, jobs: [{ packageId: w.cPackage, revision: 1 }] } },
    'GET /api/deploy/tasks/{id}': { params: { id: w.cTask } },
    'PATCH /api/deploy/tasks/{id}': { params: { id: w.cTask }, body: { name: 'hacked', jobs: [] } },
    'DELETE /api/deploy/tasks/{id}': { params: { id: w.cTask } },
  };
}

describe('security: every route, as anonymous and as the user of a sibling entity', () => {
  let app: TestApp;
  let adminToken: string;
  let doc: OpenApiDocument;
  let ops: Operation[];
  let world: World;
  let bToken: string;

  beforeAll(async () => {
    app = await TestApp.start();
    adminToken = await app.loginAdmin();
    const admin = app.as(adminToken);
    const tree = await createTree(app, adminToken);
    const cSub = (await admin.post('/api/entities').send({ name: `${C_MARK} sub`, parentId: tree.c }).expect(201)).body.id;
    const profile = (await admin.post('/api/profiles').send({ name: 'C staff', rights: { entity: 1 } }).expect(201)).body.id;
    const cUser = (await admin.post('/api/users').send({ login: `${C_MARK}-user`, name: `${C_MARK} user`, password: 'c-user-password', entityId: tree.c }).expect(201)).body.id;
    const cAuthorization = (await admin.post(`/api/users/${cUser}/authorizations`).send({ profileId: profile, entityId: tree.c }).expect(201)).body.id;
    const cNote = (await admin.post('/api/notes').send({ title: `${C_MARK} note`, entityId: tree.c }).expect(201)).body.id;
    const adminTokenId = (await admin.post('/api/auth/tokens').send({ name: `${C_MARK} token` }).expect(201)).body.id;
    // A computer of C, sent by an agent whose TAG a rule routes to C.
    const rule = (await admin.post('/api/inventory/entity-rules').send({ name: 'C sites', kind: 'tag', pattern: 'site-c', entityId: tree.c }).expect(201)).body.id;
    await sendInventory(app, `${C_MARK}-pc`, 'site-c');
    const cComputer = (await admin.get(`/api/computers?q=${C_MARK}`).expect(200)).body.items[0].id;
    const inC = app.as(adminToken, { id: tree.c });
    const cGroup = (await inC.post('/api/groups').send({ name: `${C_MARK} group`, kind: 'dynamic', criteria: [{ field: 'name', operator: 'contains', value: C_MARK }], visible: true }).expect(201)).body.id;
    const cSavedSearch = (await inC.post('/api/saved-searches').send({ itemType: 'computer', name: `${C_MARK} search`, query: { q: C_MARK }, shared: true }).expect(201)).body.id;
    const cPackage = (await admin.post('/api/deploy/packages').send({ name: `${C_MARK} package`, entityId: tree.c }).expect(201)).body.id;
    const cFile = (await inC.post('/api/deploy/files').attach('file', Buffer.from(`${C_MARK} content`), `${C_MARK}.bin`).expect(201)).body.sha512;
    const cUpload = (await inC.post('/api/deploy/uploads').send({ name: `${C_MARK}.iso`, size: 100 }).expect(201)).body.id;
    const cMirror = (await admin.post('/api/deploy/mirrors').send({ name: `${C_MARK} mirror`, url: 'http://c-mirror/', entityId: tree.c }).expect(201)).body.id;
    const cTemplate = (await admin.post('/api/deploy/interaction-templates').send({ name: `${C_MARK} template`, entityId: tree.c, icon: 'warn', buttons: 'ok', timeout: 0, behaviours: {} }).expect(201)).body.id;
    await admin.post(`/api/deploy/packages/${cPackage}/revisions/1/publish`).expect(200);
    const cTask = (await admin.post('/api/deploy/tasks').send({ name: `${C_MARK} task`, entityId: tree.c, jobs: [{ packageId: cPackage, revision: 1 }] }).expect(201)).body.id;
    world = { tree, cSub, cUser, cAuthorization, cNote, profile, adminTokenId, cComputer, rule, cGroup, cSavedSearch, cPackage, cFile, cUpload, cMirror, cTemplate, cTask };

    // B's user holds every right there is, on B and below.
    const rights = Object.fromEntries(((await admin.get('/api/rights').expect(200)).body.items as { name: string; bits: number }[]).map((r) => [r.name, r.bits]));
    expect(rights.user).toBe(ALL_STANDARD_BITS);
    bToken = (await createScopedUser(app, adminToken, 'b-all-rights', tree.b, rights)).token;
    doc = await openApi(app);
    ops = operations(doc);
  });
  afterAll(() => app.close());

  it('knows how to attack every route of the OpenAPI document', () => {
    const known = attacks(world);
    expect(ops.map((o) => o.key).filter((k) => !(k in known))).toEqual([]);
    expect(Object.keys(known).filter((k) => !ops.some((o) => o.key === k))).toEqual([]);
    expect(ops.length).toBeGreaterThanOrEqual(30);
  });

  it('serves outside the framework only prefixes known to be public', () => {
    expect(app.app.get(Contributions).rawRoutes.map((r) => r.prefix)).toEqual(PUBLIC_RAW_PREFIXES);
  });

  it('answers 401 to anonymous calls on every route but login and health', async () => {
    const known = attacks(world);
    const failures: string[] = [];
    for (const op of ops.filter((o) => !PUBLIC.has(o.key))) {
      const res = await app.http()[op.method](fill(op.path, known[op.key].params ?? { id: 1, key: 'user.delete', authorizationId: 1 })).send(known[op.key].body ?? {});
      if (res.status !== 401 || res.body.error !== 'Unauthorized') failures.push(`${op.key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses B's user every read and change of C's objects, and changes nothing", async () => {
    const admin = app.as(adminToken);
    const snapshot = async () => ({
      entities: (await admin.get('/api/entities?limit=500').expect(200)).body,
      users: (await admin.get('/api/users?limit=500').expect(200)).body,
      cAuthorizations: (await admin.get(`/api/users/${world.cUser}/authorizations`).expect(200)).body,
      profiles: (await admin.get('/api/profiles?limit=500').expect(200)).body,
      notes: (await admin.get('/api/notes?limit=500').expect(200)).body,
      tokens: (await admin.get('/api/auth/tokens').expect(200)).body,
      computers: (await admin.get('/api/computers?limit=500').expect(200)).body,
      rules: (await admin.get('/api/inventory/entity-rules').expect(200)).body,
      settings: (await admin.get('/api/inventory/settings').expect(200)).body,
      group: (await admin.get(`/api/groups/${world.cGroup}`).expect(200)).body,
      package: (await admin.get(`/api/deploy/packages/${world.cPackage}/revisions/1`).expect(200)).body,
      files: (await admin.get('/api/deploy/files?limit=500').expect(200)).body,
      mirrors: (await admin.get('/api/deploy/mirrors?limit=500').expect(200)).body,
      templates: (await admin.get('/api/deploy/interaction-templates?limit=500').expect(200)).body,
      tasks: (await admin.get('/api/deploy/tasks?limit=500').expect(200)).body,
      upload: (await app.as(adminToken, { id: world.tree.c }).get(`/api/deploy/uploads/${world.cUpload}`).expect(200)).body,
      search: (await app.as(adminToken, { id: world.tree.c }).get(`/api/saved-searches/${world.cSavedSearch}`).expect(200)).body,
    });
    const before = await snapshot();
    const b = app.as(bToken);
    const known = attacks(world);
    const failures: string[] = [];
    for (const op of ops) {
      const attack = known[op.key];
      if (PUBLIC.has(op.key) || attack.own) continue;
      const url = fill(op.path, attack.params ?? {}) + (attack.query ? `?${attack.query}` : '');
      const res = await b[op.method](url).send(attack.body ?? {});
      const leaked = JSON.stringify(res.body).includes(C_MARK) || (res.text ?? '').includes(C_MARK) || (op.key === 'GET /api/computers/ids' && res.body.ids?.includes(world.cComputer));
      if (leaked) failures.push(`${op.key} leaked C's data`);
      const isList = op.method === 'get' && !attack.params;
      if (attack.denied) {
        if (res.status !== 403) failures.push(`${op.key} → ${res.status}`);
      } else if (isList || attack.global) {
        if (res.status !== 200) failures.push(`${op.key} list → ${res.status}`);
      } else if (op.key === 'POST /api/mass-actions/{key}') {
        if (res.status !== 200 || res.body.ok !== 0 || res.body.noRight !== 1) failures.push(`${op.key} → ${res.status} ${JSON.stringify(res.body)}`);
      } else if (![403, 404].includes(res.status)) {
        failures.push(`${op.key} → ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    await app.login(`${C_MARK}-user`, 'c-user-password');
    // Mass actions on C's computer: reported no-right, nothing moved or deleted.
    for (const [key, input] of [['computer.move', { entityId: world.tree.b }], ['computer.delete', undefined]] as const) {
      const res = await b.post(`/api/mass-actions/${key}`).send({ itemType: 'computer', ids: [world.cComputer], ...(input ? { input } : {}) });
      expect([res.status, res.body.ok, res.body.noRight + res.body.failed]).toEqual([200, 0, 1]);
    }
    expect((await admin.get(`/api/computers/${world.cComputer}`).expect(200)).body.entityId).toBe(world.tree.c);
  });

  it("refuses B's user to choose C (or their common parent) as active entity, on every protected route", async () => {
    const known = attacks(world);
    const failures: string[] = [];
    for (const entity of [world.tree.c, world.tree.a]) {
      const inC = app.as(bToken, { id: entity });
      for (const op of ops.filter((o) => !PUBLIC.has(o.key))) {
        const res = await inC[op.method](fill(op.path, known[op.key].params ?? {})).send(known[op.key].body ?? {});
        if (res.status !== 403) failures.push(`${op.key} in entity ${entity} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
