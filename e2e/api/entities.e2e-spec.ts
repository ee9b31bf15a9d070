import { createTree, TestApp } from './support/test-app';

describe('entity tree', () => {
  let app: TestApp;
  let admin: ReturnType<TestApp['as']>;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = app.as(await app.loginAdmin());
  });
  afterAll(() => app.close());

  it('creates sub-entities with their level and complete name', async () => {
    const europe = await admin.post('/api/entities').send({ name: 'Europe', parentId: 1, comment: 'EU sites' }).expect(201);
    expect(europe.body).toMatchObject({ name: 'Europe', parentId: 1, level: 1, completeName: 'Root entity > Europe', comment: 'EU sites' });
    const paris = await admin.post('/api/entities').send({ name: 'Paris', parentId: europe.body.id }).expect(201);
    expect(paris.body).toMatchObject({ level: 2, completeName: 'Root entity > Europe > Paris' });
    await admin.post('/api/entities').send({ name: 'Paris', parentId: europe.body.id }).expect(409);
    await admin.post('/api/entities').send({ name: 'Nowhere', parentId: 999999 }).expect(404);
  });

  it('renames an entity and rewrites the complete names of its whole sub-tree', async () => {
    const x = (await admin.post('/api/entities').send({ name: 'X', parentId: 1 }).expect(201)).body;
    const y = (await admin.post('/api/entities').send({ name: 'Y', parentId: x.id }).expect(201)).body;
    const z = (await admin.post('/api/entities').send({ name: 'Zé 🌍', parentId: y.id }).expect(201)).body;
    await admin.patch(`/api/entities/${x.id}`).send({ name: 'Xénon' }).expect(200);
    expect((await admin.get(`/api/entities/${z.id}`).expect(200)).body.completeName).toBe('Root entity > Xénon > Y > Zé 🌍');
  });

  it('moves a sub-tree: paths, levels and complete names follow, set-based', async () => {
    const { a, b, c } = await createTree(app, (await app.loginAdmin()));
    const b1 = (await admin.post('/api/entities').send({ name: 'B1', parentId: b }).expect(201)).body;
    const moved = await admin.patch(`/api/entities/${b}`).send({ parentId: c }).expect(200);
    expect(moved.body).toMatchObject({ parentId: c, level: 3, completeName: 'Root entity > A > C > B' });
    expect((await admin.get(`/api/entities/${b1.id}`).expect(200)).body).toMatchObject({ level: 4, completeName: 'Root entity > A > C > B > B1' });
    const [row] = await app.dataSource.query('SELECT path FROM entities WHERE id = ?', [b1.id]);
    expect(row.path).toBe(`/1/${a}/${c}/${b}/${b1.id}/`);
  });

  it('refuses to move an entity below itself or its descendants, and to move the root', async () => {
    const a = (await admin.post('/api/entities').send({ name: 'P', parentId: 1 }).expect(201)).body.id;
    const c = (await admin.post('/api/entities').send({ name: 'Q', parentId: a }).expect(201)).body.id;
    const res = await admin.patch(`/api/entities/${a}`).send({ parentId: c }).expect(409);
    expect(res.body.message).toMatch(/below itself/);
    await admin.patch(`/api/entities/${a}`).send({ parentId: a }).expect(409);
    await admin.patch('/api/entities/1').send({ parentId: a }).expect(409);
  });

  it('refuses to delete an entity that is not empty, naming what it holds, then deletes it once empty', async () => {
    const site = (await admin.post('/api/entities').send({ name: 'Site', parentId: 1 }).expect(201)).body.id;
    const child = (await admin.post('/api/entities').send({ name: 'Child', parentId: site }).expect(201)).body.id;
    const user = (await admin.post('/api/users').send({ login: 'site-user', name: 'Site user', entityId: child }).expect(201)).body.id;
    const note = (await admin.post('/api/notes').send({ title: 'plugin row', entityId: child }).expect(201)).body.id;

    let res = await admin.delete(`/api/entities/${site}`).expect(409);
    expect(res.body.message).toMatch(/1 sub-entity/);
    res = await admin.delete(`/api/entities/${child}`).expect(409);
    expect(res.body.details.contents).toEqual(expect.arrayContaining(['users', 'notes notes']));

    await admin.delete(`/api/users/${user}`).expect(204);
    await app.dataSource.query('DELETE FROM notes_notes WHERE id = ?', [note]);
    await admin.delete(`/api/entities/${child}`).expect(204);
    await admin.delete(`/api/entities/${site}`).expect(204);
    await admin.get(`/api/entities/${site}`).expect(404);
    await admin.delete('/api/entities/1').expect(409);
  });

  it('lists entities with pagination, sorting and a quick filter', async () => {
    const all = await admin.get('/api/entities?limit=500').expect(200);
    expect(all.body.total).toBe(all.body.items.length);
    const page = await admin.get('/api/entities?limit=2&offset=1&sort=-name').expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(all.body.total);
    const names = [...all.body.items.map((e: { name: string }) => e.name)].sort().reverse();
    expect(page.body.items.map((e: { name: string }) => e.name)).toEqual(names.slice(1, 3));
    const filtered = await admin.get('/api/entities?q=europe').expect(200);
    expect(filtered.body.items.map((e: { completeName: string }) => e.completeName)).toEqual(['Root entity > Europe', 'Root entity > Europe > Paris']);
    await admin.get('/api/entities?sort=password').expect(400);
    await admin.get('/api/entities?limit=100000').expect(400);
  });

  it('records every change in the audit trail with before and after values', async () => {
    const e = (await admin.post('/api/entities').send({ name: 'Audited', parentId: 1 }).expect(201)).body;
    await admin.patch(`/api/entities/${e.id}`).send({ name: 'Audited 2', comment: 'renamed' }).expect(200);
    await admin.delete(`/api/entities/${e.id}`).expect(204);
    const trail = await admin.get(`/api/audit?itemType=entity&itemId=${e.id}&sort=at`).expect(200);
    expect(trail.body.items.map((i: { action: string }) => i.action)).toEqual(['create', 'update', 'delete']);
    expect(trail.body.items[1]).toMatchObject({ userLogin: 'admin', before: { name: 'Audited', comment: '' }, after: { name: 'Audited 2', comment: 'renamed' } });
    expect(trail.body.items[1].before).not.toHaveProperty('parentId');
  });
});
