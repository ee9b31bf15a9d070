import { Bits } from '@parc/contracts';
import { sendInventory } from './support/agents';
import { createScopedUser, createTree, TestApp } from './support/test-app';

const criteria = (c: object[]) => `criteria=${encodeURIComponent(JSON.stringify(c))}`;

describe('computers: search, CSV, selection and mass actions (MariaDB)', () => {
  let app: TestApp;
  let adminToken: string;
  let admin: ReturnType<TestApp['as']>;
  let tree: { a: number; b: number; c: number };

  beforeAll(async () => {
    app = await TestApp.start({ env: { LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' } });
    adminToken = await app.loginAdmin();
    admin = app.as(adminToken);
    tree = await createTree(app, adminToken);
    await admin.post('/api/inventory/entity-rules').send({ name: 'B', kind: 'tag', pattern: 'b', entityId: tree.b }).expect(201);
    await admin.post('/api/inventory/entity-rules').send({ name: 'C', kind: 'tag', pattern: 'c', entityId: tree.c }).expect(201);
    const office = { onlySoftware: true };
    await sendInventory(app, 'pc-firefox-old', 'b', { ...office, ip: '10.1.0.11', mac: '02:00:00:01:00:11', software: [{ name: 'Mozilla Firefox', version: '115.0', publisher: 'Mozilla' }, { name: '7-Zip', version: '23.01' }] });
    await sendInventory(app, 'pc-firefox-new', 'b', { ...office, ip: '10.1.0.12', mac: '02:00:00:01:00:12', software: [{ name: 'Mozilla Firefox', version: '128.3', publisher: 'Mozilla' }, { name: 'Microsoft Office', version: '16.0' }] });
    await sendInventory(app, 'pc-no-firefox', 'c', { ...office, ip: '10.2.0.13', mac: '02:00:00:02:00:13', software: [{ name: 'Google Chrome', version: '120.0', publisher: 'Google' }] });
  });
  afterAll(() => app.close());

  const names = async (query: string, as = admin) => ((await as.get(`/api/computers?${query}&sort=name`).expect(200)).body.items as { name: string }[]).map((c) => c.name);

  it('lists with total, pagination, sorting and the quick filter', async () => {
    const page = await admin.get('/api/computers?limit=2&sort=-name').expect(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((c: { name: string }) => c.name)).toEqual(['pc-no-firefox', 'pc-firefox-old']);
    expect(await names('q=10.2.0')).toEqual(['pc-no-firefox']);
    expect(page.body.items[0]).toMatchObject({ entityName: 'Root entity > A > C', agentKind: 'ocs', ip: '10.2.0.13', osName: 'Debian GNU/Linux 12' });
  });

  it('searches by software name, with * wildcards, and by version on the same package', async () => {
    expect(await names(criteria([{ field: 'software', operator: 'contains', value: 'firefox' }]))).toEqual(['pc-firefox-new', 'pc-firefox-old']);
    expect(await names(criteria([{ field: 'software', operator: 'equals', value: 'Mozilla*' }]))).toEqual(['pc-firefox-new', 'pc-firefox-old']);
    expect(await names(criteria([{ field: 'software', operator: 'equals', value: 'firefox' }]))).toEqual([]);
    expect(await names(criteria([{ field: 'software', operator: 'notequals', value: 'Mozilla Firefox' }]))).toEqual(['pc-no-firefox']);
    // Same package: Firefox at version 115*, not "Firefox, and anything at 115".
    expect(await names(criteria([{ field: 'software', operator: 'contains', value: 'firefox' }, { field: 'softwareVersion', operator: 'equals', value: '115*' }]))).toEqual(['pc-firefox-old']);
    expect(await names(criteria([{ field: 'software', operator: 'contains', value: '7-zip' }, { field: 'softwareVersion', operator: 'equals', value: '128*' }]))).toEqual([]);
    expect(await names(criteria([{ field: 'publisher', operator: 'equals', value: 'google' }]))).toEqual(['pc-no-firefox']);
  });

  it('searches by IP, MAC, OS, entity, dates, numbers and agent', async () => {
    expect(await names(criteria([{ field: 'ip', operator: 'equals', value: '10.1.*' }]))).toEqual(['pc-firefox-new', 'pc-firefox-old']);
    expect(await names(criteria([{ field: 'mac', operator: 'contains', value: '02:00:00:02' }]))).toEqual(['pc-no-firefox']);
    expect(await names(criteria([{ field: 'os', operator: 'contains', value: 'debian' }, { field: 'entity', operator: 'contains', value: '> C' }]))).toEqual(['pc-no-firefox']);
    expect(await names(criteria([{ field: 'lastInventory', operator: 'more', value: '-1h' }]))).toHaveLength(3);
    expect(await names(criteria([{ field: 'lastContact', operator: 'less', value: '2020-01-01' }]))).toEqual([]);
    expect(await names(criteria([{ field: 'memory', operator: 'more', value: '16000' }]))).toHaveLength(3);
    expect(await names(criteria([{ field: 'agentKind', operator: 'equals', value: 'ocs' }, { field: 'agentVersion', operator: 'equals', value: '2.10*' }]))).toHaveLength(3);
  });

  it('refuses malformed criteria with a 400 that names the problem', async () => {
    const bad = async (query: string) => (await admin.get(`/api/computers?${query}`).expect(400)).body;
    expect((await bad('criteria=not-json')).message).toMatch(/criteria must be a JSON array/);
    expect((await bad(criteria([{ field: 'password', operator: 'contains', value: 'x' }]))).details).toEqual([{ field: 'criteria[0].field', problems: ["unknown field 'password'"] }]);
    expect((await bad(criteria([{ field: 'name', operator: 'less', value: 'x' }]))).message).toMatch(/'less' does not apply to name/);
    expect((await bad(criteria([{ field: 'memory', operator: 'more', value: 'lots' }]))).message).toMatch(/memory takes a number/);
    expect((await bad(criteria([{ field: 'lastContact', operator: 'less', value: 'yesterday' }]))).message).toMatch(/takes a date/);
    expect((await bad(criteria([{ field: 'name', operator: 'drop', value: 'x' }]))).details[0].field).toBe('criteria.0.operator');
    expect((await bad(criteria(Array.from({ length: 51 }, () => ({ field: 'name', operator: 'contains', value: 'x' })))))).toBeDefined();
  });

  it('treats SQL in values as data: bound parameters only', async () => {
    for (const value of ["x' OR '1'='1", '%', '_', "'; DROP TABLE computers; --", 'pc-%-old']) {
      expect(await names(criteria([{ field: 'name', operator: 'equals', value }]))).toEqual([]);
    }
    expect(await names(criteria([{ field: 'software', operator: 'contains', value: "') OR 1=1 --" }]))).toEqual([]);
    expect((await admin.get('/api/computers').expect(200)).body.total).toBe(3);
  });

  it('exports the search as CSV (UTF-8 with BOM, chosen columns), or a selection of ids', async () => {
    const csv = await admin.get(`/api/computers/export.csv?columns=name,entity,ip,agentKind&sort=name&${criteria([{ field: 'software', operator: 'contains', value: 'firefox' }])}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="computers-\d{8}\.csv"/);
    expect(csv.text).toBe('\uFEFFname,entity,ip,agentKind\r\npc-firefox-new,Root entity > A > B,10.1.0.12,ocs\r\npc-firefox-old,Root entity > A > B,10.1.0.11,ocs\r\n');
    const ids = (await admin.get('/api/computers/ids?sort=name').expect(200)).body;
    expect(ids.total).toBe(3);
    const selection = await admin.get(`/api/computers/export.csv?columns=name&ids=${ids.ids[2]}`).expect(200);
    expect(selection.text).toBe('\uFEFFname\r\npc-no-firefox\r\n');
    await admin.get('/api/computers/export.csv?columns=name,password').expect(400);
  });

  it('scopes everything by entity: a user of B sees B only, and acts on B only', async () => {
    const { token } = await createScopedUser(app, adminToken, 'b-tech', tree.b, { computer: Bits.READ | Bits.UPDATE | Bits.DELETE | Bits.CREATE });
    const b = app.as(token);
    expect(await names('', b)).toEqual(['pc-firefox-new', 'pc-firefox-old']);
    expect(await names(criteria([{ field: 'software', operator: 'contains', value: 'chrome' }]), b)).toEqual([]);
    const cId = (await admin.get('/api/computers?q=no-firefox').expect(200)).body.items[0].id;
    await b.get(`/api/computers/${cId}`).expect(404);
    await b.get(`/api/computers/${cId}/software`).expect(404);
    expect((await b.get('/api/computers/ids').expect(200)).body.ids).not.toContain(cId);
    expect((await b.get('/api/computers/export.csv?columns=name').expect(200)).text).not.toContain('no-firefox');
    const moved = await b.post('/api/mass-actions/computer.move').send({ itemType: 'computer', ids: [cId], input: { entityId: tree.b } }).expect(200);
    expect(moved.body).toMatchObject({ ok: 0, noRight: 1 });
  });

  it('moves computers to an entity and deletes them as mass actions, with per-item results and audit', async () => {
    const ids = (await admin.get('/api/computers/ids').expect(200)).body.ids as number[];
    expect((await admin.get('/api/mass-actions?itemType=computer').expect(200)).body.items.map((a: { key: string }) => a.key)).toEqual(['computer.move', 'computer.delete', 'group.add', 'group.remove']);
    await admin.post('/api/mass-actions/computer.move').send({ itemType: 'computer', ids }).expect(400);
    await admin.post('/api/mass-actions/computer.move').send({ itemType: 'computer', ids, input: { entityId: 'A' } }).expect(400);
    const moved = await admin.post('/api/mass-actions/computer.move').send({ itemType: 'computer', ids: [...ids, 999999], input: { entityId: tree.a } }).expect(200);
    expect(moved.body).toMatchObject({ ok: 3, noRight: 1 });
    expect(await names(criteria([{ field: 'entity', operator: 'equals', value: 'Root entity > A' }]))).toHaveLength(3);
    const audit = (await admin.get(`/api/audit?itemType=computer&itemId=${ids[0]}`).expect(200)).body.items;
    expect(audit[0]).toMatchObject({ action: 'update', after: { entityId: tree.a } });
    const renamed = await admin.patch(`/api/computers/${ids[0]}`).send({ name: 'renamed-pc' }).expect(200);
    expect(renamed.body.name).toBe('renamed-pc');
    const deleted = await admin.post('/api/mass-actions/computer.delete').send({ itemType: 'computer', ids: [ids[1]] }).expect(200);
    expect(deleted.body).toMatchObject({ ok: 1 });
    await admin.get(`/api/computers/${ids[1]}`).expect(404);
    // Its children went with it; its agent stays, unlinked.
    const [{ n }] = await app.dataSource.query('SELECT COUNT(*) AS n FROM computer_software WHERE computer_id = ?', [ids[1]]);
    expect(Number(n)).toBe(0);
    expect((await admin.get('/api/agents?limit=100').expect(200)).body.items.filter((a: { computerId: number | null }) => a.computerId === null).length).toBeGreaterThanOrEqual(1);
  });

  it('lists search fields with their operators, and plugin fields work in the search', async () => {
    const fields = (await admin.get('/api/computers/search-fields').expect(200)).body.items;
    expect(fields.find((f: { key: string }) => f.key === 'software')).toMatchObject({ type: 'string', operators: ['contains', 'equals', 'notequals'] });
    expect(fields.find((f: { key: string }) => f.key === 'lastContact')).toMatchObject({ type: 'date', operators: ['less', 'more'] });
    expect(fields.find((f: { key: string }) => f.key === 'notes.title')).toMatchObject({ plugin: 'notes' });
    await admin.post('/api/notes').send({ title: 'zz-audit-site', entityId: tree.a }).expect(201);
    expect(await names(criteria([{ field: 'notes.title', operator: 'equals', value: 'zz-audit-*' }]))).toHaveLength(2);
  });
});
