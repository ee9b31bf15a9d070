import { Bits } from '@parc/contracts';
import { createScopedUser, createTree, TestApp } from './support/test-app';

const R = Bits.READ;
const ALL = 31;

describe('users, profiles and authorizations', () => {
  let app: TestApp;
  let adminToken: string;
  let admin: ReturnType<TestApp['as']>;
  let tree: { a: number; b: number; c: number };

  beforeAll(async () => {
    app = await TestApp.start();
    adminToken = await app.loginAdmin();
    admin = app.as(adminToken);
    tree = await createTree(app, adminToken);
  });
  afterAll(() => app.close());

  it('ships Super-Admin (every right, plugins included), Admin and Observer profiles', async () => {
    const profiles = (await admin.get('/api/profiles').expect(200)).body.items;
    const byName = Object.fromEntries(profiles.map((p: { name: string }) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['Super-Admin', 'Admin', 'Observer']));
    expect(byName['Super-Admin'].rights).toMatchObject({ entity: ALL, user: ALL, profile: ALL, audit: R, 'deploy.package': ALL, 'notes.note': 7 });
    expect(byName.Observer.rights).toMatchObject({ entity: R, user: R, 'deploy.task': R });
    const rights = (await admin.get('/api/rights').expect(200)).body.items;
    expect(rights).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'notes.note', plugin: 'notes', bits: 7, label: { en: 'Notes', fr: 'Notes' } })]));
  });

  it('validates a rights matrix: known rights, bits within each mask', async () => {
    let res = await admin.post('/api/profiles').send({ name: 'Bad', rights: { nonsense: 1 } }).expect(400);
    expect(res.body.details).toEqual([{ field: 'rights.nonsense', problems: ['unknown right'] }]);
    res = await admin.post('/api/profiles').send({ name: 'Bad', rights: { audit: Bits.UPDATE } }).expect(400);
    expect(res.body.message).toMatch(/within the mask 1/);
    const ok = await admin.post('/api/profiles').send({ name: 'Helpdesk', comment: 'first line', rights: { user: R | Bits.UPDATE, entity: R } }).expect(201);
    const updated = await admin.patch(`/api/profiles/${ok.body.id}`).send({ rights: { user: R } }).expect(200);
    expect(updated.body.rights).toEqual({ user: R });
    await admin.post('/api/profiles').send({ name: 'Helpdesk' }).expect(409);
  });

  it('keeps the Super-Admin profile intact and refuses to delete a profile in use', async () => {
    await admin.patch('/api/profiles/1').send({ rights: { user: R } }).expect(409);
    await admin.delete('/api/profiles/1').expect(409);
    const p = await admin.post('/api/profiles').send({ name: 'In use', rights: { entity: R } }).expect(201);
    const u = await admin.post('/api/users').send({ login: 'holder', name: 'Holder', entityId: tree.b }).expect(201);
    await admin.post(`/api/users/${u.body.id}/authorizations`).send({ profileId: p.body.id, entityId: tree.b }).expect(201);
    const res = await admin.delete(`/api/profiles/${p.body.id}`).expect(409);
    expect(res.body.message).toMatch(/used by 1 authorization/);
  });

  it('creates a user, edits them, and refuses a duplicate login', async () => {
    const created = await admin.post('/api/users').send({ login: 'jdupont', name: 'Jeanne Dupont', email: 'jeanne@example.org', password: 'jeanne-password', entityId: tree.b }).expect(201);
    expect(created.body).toMatchObject({ login: 'jdupont', active: true, entityId: tree.b, entityName: 'Root entity > A > B', lastLoginAt: null });
    expect(created.body).not.toHaveProperty('passwordHash');
    await admin.post('/api/users').send({ login: 'jdupont', name: 'Other', entityId: 1 }).expect(409);
    const edited = await admin.patch(`/api/users/${created.body.id}`).send({ name: 'Jeanne D.', email: null }).expect(200);
    expect(edited.body).toMatchObject({ name: 'Jeanne D.', email: null });
    const trail = await admin.get(`/api/audit?itemType=user&itemId=${created.body.id}&sort=at`).expect(200);
    expect(trail.body.items[1]).toMatchObject({ action: 'update', before: { name: 'Jeanne Dupont', email: 'jeanne@example.org' }, after: { name: 'Jeanne D.', email: null } });
    expect(JSON.stringify(trail.body)).not.toMatch(/argon2|jeanne-password/);
  });

  it('a user authorized on B sees B only: users, entities, audit', async () => {
    const { token } = await createScopedUser(app, adminToken, 'b-admin', tree.b, { user: ALL, entity: ALL, audit: R, profile: R });
    const b = app.as(token);
    const me = (await b.get('/api/auth/me').expect(200)).body;
    expect(me.entities.map((e: { id: number }) => e.id)).toEqual([tree.b]);
    expect(me.activeEntityId).toBe(tree.b);
    const entities = (await b.get('/api/entities').expect(200)).body.items.map((e: { id: number }) => e.id);
    expect(entities).toEqual([tree.b]);
    const logins = (await b.get('/api/users?limit=500').expect(200)).body.items.map((u: { login: string }) => u.login);
    expect(logins).toContain('b-admin');
    expect(logins).not.toContain('admin');
    // Choosing an entity outside one's authorizations is refused.
    await app.as(token, { id: tree.c }).get('/api/users').expect(403);
    await app.as(token, { id: tree.a }).get('/api/users').expect(403);
  });

  it('nobody hands out rights they do not hold, and nobody changes their own authorizations', async () => {
    const { token, userId } = await createScopedUser(app, adminToken, 'b-manager', tree.b, { user: ALL, entity: R, profile: R });
    const manager = app.as(token);
    const target = (await manager.post('/api/users').send({ login: 'b-staff', name: 'Staff', entityId: tree.b }).expect(201)).body.id;
    const superAdmin = await manager.post(`/api/users/${target}/authorizations`).send({ profileId: 1, entityId: tree.b }).expect(403);
    expect(superAdmin.body.message).toMatch(/rights you do not hold/);
    const observerId = (await admin.get('/api/profiles?q=Observer').expect(200)).body.items[0].id;
    // Observer holds READ on every right, including deploy.*, which b-manager lacks.
    await manager.post(`/api/users/${target}/authorizations`).send({ profileId: observerId, entityId: tree.b }).expect(403);
    const small = (await admin.post('/api/profiles').send({ name: 'Entity reader', rights: { entity: R } }).expect(201)).body.id;
    await manager.post(`/api/users/${target}/authorizations`).send({ profileId: small, entityId: tree.b }).expect(201);
    await manager.post(`/api/users/${target}/authorizations`).send({ profileId: small, entityId: tree.c }).expect(403);
    await manager.post(`/api/users/${userId}/authorizations`).send({ profileId: small, entityId: tree.b }).expect(409);
    // Profiles are global: changing one needs the right on the root entity.
    await manager.patch(`/api/profiles/${small}`).send({ rights: { entity: ALL } }).expect(403);
  });

  it('an admin of B cannot take over an account that also has rights in C', async () => {
    const { token } = await createScopedUser(app, adminToken, 'b-owner', tree.b, { user: ALL, entity: R });
    const shared = (await admin.post('/api/users').send({ login: 'shared', name: 'Shared', password: 'shared-password', entityId: tree.b }).expect(201)).body.id;
    const reader = (await admin.post('/api/profiles').send({ name: 'Reader C', rights: { entity: R } }).expect(201)).body.id;
    await admin.post(`/api/users/${shared}/authorizations`).send({ profileId: reader, entityId: tree.c }).expect(201);
    const owner = app.as(token);
    await owner.get(`/api/users/${shared}`).expect(200);
    const res = await owner.patch(`/api/users/${shared}`).send({ password: 'taken-over!' }).expect(403);
    expect(res.body.message).toMatch(/every entity/);
    await owner.delete(`/api/users/${shared}`).expect(403);
    // The authorization on C is not even listed to the admin of B.
    const auths = (await owner.get(`/api/users/${shared}/authorizations`).expect(200)).body.items;
    expect(auths).toEqual([]);
  });

  it('runs mass actions with per-item results, offering only those the user holds the right for', async () => {
    const ids: number[] = [];
    for (const login of ['m1', 'm2', 'm3']) ids.push((await admin.post('/api/users').send({ login, name: login, entityId: tree.b }).expect(201)).body.id);
    const actions = (await admin.get('/api/mass-actions?itemType=user').expect(200)).body.items.map((a: { key: string }) => a.key);
    expect(actions).toEqual(['user.enable', 'user.disable', 'user.delete']);
    const result = await admin.post('/api/mass-actions/user.disable').send({ itemType: 'user', ids: [...ids, 999999] }).expect(200);
    expect(result.body).toMatchObject({ ok: 3, noRight: 1, failed: 0 });
    expect(result.body.items[3]).toMatchObject({ id: 999999, status: 'no-right' });
    const listed = (await admin.get('/api/users?q=m&limit=500').expect(200)).body.items.filter((u: { id: number }) => ids.includes(u.id));
    expect(listed.every((u: { active: boolean }) => !u.active)).toBe(true);

    const { token } = await createScopedUser(app, adminToken, 'reader', tree.b, { user: R });
    const reader = app.as(token);
    expect((await reader.get('/api/mass-actions?itemType=user').expect(200)).body.items).toEqual([]);
    await reader.post('/api/mass-actions/user.delete').send({ itemType: 'user', ids }).expect(403);
    await admin.post('/api/mass-actions/user.delete').send({ itemType: 'note', ids }).expect(400);
    await admin.post('/api/mass-actions/no.such').send({ itemType: 'user', ids }).expect(404);
    await admin.post('/api/mass-actions/user.delete').send({ itemType: 'user', ids: [] }).expect(400);
    // Own account: failed with a reason, the others deleted.
    const self = (await admin.get('/api/auth/me').expect(200)).body.id;
    const del = await admin.post('/api/mass-actions/user.delete').send({ itemType: 'user', ids: [ids[0], self] }).expect(200);
    expect(del.body).toMatchObject({ ok: 1, failed: 1 });
    expect(del.body.items[1].message).toMatch(/own account/);
  });
});
