import { Bits, GroupBits } from '@parc/contracts';
import { sendInventory } from './support/agents';
import { createScopedUser, createTree, TestApp } from './support/test-app';

type Criterion = { field: string; operator: string; value: string };
const FIREFOX: Criterion = { field: 'software', operator: 'contains', value: 'firefox' };
const NET_10_1: Criterion = { field: 'ip', operator: 'equals', value: '10.1.*' };
const CHROME: Criterion = { field: 'software', operator: 'contains', value: 'chrome' };
const IN_C: Criterion = { field: 'entity', operator: 'contains', value: '> C' };
const GROUP_RIGHTS = Bits.READ | Bits.UPDATE | Bits.CREATE | Bits.DELETE;

// The embedded default (SQLite) and production (MariaDB) both evaluate groups: the same tests run on each.
describe.each([
  ['MariaDB', 'mariadb'],
  ['SQLite', 'sqlite'],
] as const)('groups: static and dynamic, expressions, materialized membership, sharing, saved searches (%s)', (_, driver) => {
  let app: TestApp;
  let adminToken: string;
  let admin: ReturnType<TestApp['as']>;
  let tree: { a: number; b: number; c: number };
  const ids: Record<string, number> = {};

  const members = async (groupId: number, as = admin) => {
    const criteria = encodeURIComponent(JSON.stringify([{ field: 'group', operator: 'equals', value: String(groupId) }]));
    const res = await as.get(`/api/computers?criteria=${criteria}&sort=name&limit=500`).expect(200);
    return (res.body.items as { name: string }[]).map((c) => c.name);
  };
  const dynamic = async (name: string, criteria: Criterion[], expression = '', extra: object = {}) =>
    (await admin.post('/api/groups').send({ name, kind: 'dynamic', criteria, expression, ...extra }).expect(201)).body as { id: number; memberCount: number; mode: string };

  beforeAll(async () => {
    app = await TestApp.start({ driver, redis: driver === 'mariadb', env: { LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' } });
    adminToken = await app.loginAdmin();
    admin = app.as(adminToken);
    tree = await createTree(app, adminToken);
    await admin.post('/api/inventory/entity-rules').send({ name: 'B', kind: 'tag', pattern: 'b', entityId: tree.b }).expect(201);
    await admin.post('/api/inventory/entity-rules').send({ name: 'C', kind: 'tag', pattern: 'c', entityId: tree.c }).expect(201);
    const firefox = (v: string) => ({ name: 'Mozilla Firefox', version: v, publisher: 'Mozilla' });
    const chrome = { name: 'Google Chrome', version: '120.0', publisher: 'Google' };
    await sendInventory(app, 'pc-ff-old', 'b', { onlySoftware: true, ip: '10.1.0.11', mac: '02:00:00:01:00:11', software: [firefox('115.0'), { name: '7-Zip', version: '23.01' }] });
    await sendInventory(app, 'pc-ff-new', 'b', { onlySoftware: true, ip: '10.1.0.12', mac: '02:00:00:01:00:12', software: [firefox('128.3')] });
    await sendInventory(app, 'pc-chrome', 'c', { onlySoftware: true, ip: '10.2.0.13', mac: '02:00:00:02:00:13', software: [chrome] });
    await sendInventory(app, 'pc-both', 'c', { onlySoftware: true, ip: '10.2.0.14', mac: '02:00:00:02:00:14', software: [firefox('128.3'), chrome] });
    for (const c of (await admin.get('/api/computers?limit=50').expect(200)).body.items as { id: number; name: string }[]) ids[c.name] = c.id;
  });
  afterAll(() => app.close());

  it('evaluates AND/OR/NOT expressions over numbered criteria and stores the members', async () => {
    const criteria = [FIREFOX, NET_10_1, CHROME, IN_C];
    const cases: [string, string[]][] = [
      ['', []],
      ['AND(1, NOT(3), OR(2, 4))', ['pc-ff-new', 'pc-ff-old']],
      ['OR(AND(1, 2), 3, 4)', ['pc-both', 'pc-chrome', 'pc-ff-new', 'pc-ff-old']],
      ['AND(OR(1, 3), NOT(2), 4)', ['pc-both', 'pc-chrome']],
      ['OR(4, AND(2, 1), 3)', ['pc-both', 'pc-chrome', 'pc-ff-new', 'pc-ff-old']],
      ['AND(NOT(OR(2, 4)), 1, 3)', []],
      ['ET(1, NON(2), OU(3, 4))', ['pc-both']],
    ];
    for (const [expression, expected] of cases) {
      const preview = await admin.post('/api/groups/preview').send({ criteria, expression });
      expect([preview.status, preview.body.message]).toEqual([200, undefined]);
      expect(preview.body.total).toBe(expected.length);
      const group = await dynamic(`expr ${expression || 'all'}`, criteria, expression);
      expect(group.memberCount).toBe(expected.length);
      expect(await members(group.id)).toEqual(expected);
    }
    // Without an expression, AND of all; `*` wildcards as in the computers search.
    const group = await dynamic('firefox in B', [{ field: 'software', operator: 'equals', value: 'Mozilla*' }, { field: 'entity', operator: 'contains', value: '> B' }]);
    expect(await members(group.id)).toEqual(['pc-ff-new', 'pc-ff-old']);
  });

  it('refuses malformed expressions naming the position, unknown fields and criterion numbers, and keeps SQL out', async () => {
    const bad = async (body: object) => (await admin.post('/api/groups').send({ name: 'bad', kind: 'dynamic', ...body }).expect(400)).body;
    let body = await bad({ criteria: [FIREFOX, NET_10_1, CHROME], expression: 'AND(1, OR(2 3))' });
    expect(body.message).toBe("Invalid expression at position 13: expected ',' or ')', found '3'");
    expect(body.details).toEqual([{ field: 'expression', position: 13, problems: ["expected ',' or ')', found '3'"] }]);
    body = await bad({ criteria: [FIREFOX, NET_10_1], expression: 'AND(1, 5)' });
    expect(body.details[0]).toMatchObject({ field: 'expression', position: 8, problems: ['there is no criterion 5 (criteria are numbered 1 to 2)'] });
    expect((await bad({ criteria: [FIREFOX, NET_10_1], expression: 'NOT(1)' })).message).toMatch(/criterion 2 is not used/);
    expect((await bad({ criteria: [FIREFOX], expression: 'XOR(1)' })).message).toMatch(/position 1: unknown operator 'XOR'/);
    expect((await bad({ criteria: [FIREFOX], expression: "1) OR 1=1 --" })).message).toMatch(/position 2/);
    expect((await bad({ criteria: [{ field: 'name; DROP TABLE computers', operator: 'equals', value: 'x' }] })).details).toEqual([{ field: 'criteria[0].field', problems: ["unknown field 'name; DROP TABLE computers'"] }]);
    expect((await bad({ criteria: [{ field: 'group', operator: 'equals', value: '999999' }] })).details).toEqual([{ field: 'criteria[0].value', problems: ['no group with id 999999'] }]);
    // Values are bound parameters: they match nothing and harm nothing.
    for (const value of ["x' OR '1'='1", "'; DROP TABLE computer_group_members; --", '%']) {
      const g = await dynamic(`inject ${value}`, [{ field: 'name', operator: 'equals', value }, { field: 'software', operator: 'contains', value }], 'OR(1, 2)');
      expect(g.memberCount).toBe(0);
    }
    expect((await admin.get('/api/computers').expect(200)).body.total).toBe(4);
    expect((await admin.post('/api/groups/preview').send({ criteria: [FIREFOX], expression: 'AND(1,' }).expect(400)).body.details[0].position).toBe(7);
  });

  it('follows inventories incrementally, only for the groups they can affect, through "member of group" too', async () => {
    const zip = await dynamic('has 7-Zip', [{ field: 'software', operator: 'contains', value: '7-zip' }]);
    const zipInC = await dynamic('7-Zip in C', [{ field: 'group', operator: 'equals', value: String(zip.id) }, IN_C]);
    const notZip = await dynamic('not 7-Zip', [{ field: 'group', operator: 'notequals', value: String(zip.id) }]);
    expect(await members(zip.id)).toEqual(['pc-ff-old']);
    expect(await members(zipInC.id)).toEqual([]);
    expect(await members(notZip.id)).toEqual(['pc-both', 'pc-chrome', 'pc-ff-new']);

    await sendInventory(app, 'pc-chrome', 'c', { onlySoftware: true, ip: '10.2.0.13', mac: '02:00:00:02:00:13', software: [{ name: 'Google Chrome', version: '120.0' }, { name: '7-Zip', version: '24.08' }] });
    expect(await members(zip.id)).toEqual(['pc-chrome', 'pc-ff-old']);
    expect(await members(zipInC.id)).toEqual(['pc-chrome']);
    expect(await members(notZip.id)).toEqual(['pc-both', 'pc-ff-new']);
    expect((await admin.get(`/api/groups/${zip.id}`).expect(200)).body.memberCount).toBe(2);

    await sendInventory(app, 'pc-chrome', 'c', { onlySoftware: true, ip: '10.2.0.13', mac: '02:00:00:02:00:13', software: [{ name: 'Google Chrome', version: '120.0' }] });
    expect(await members(zip.id)).toEqual(['pc-ff-old']);
    expect(await members(zipInC.id)).toEqual([]);
    expect(await members(notZip.id)).toEqual(['pc-both', 'pc-chrome', 'pc-ff-new']);

    // Moving a computer re-evaluates entity-dependent groups.
    const inC = await dynamic('in C', [IN_C]);
    await admin.post('/api/mass-actions/computer.move').send({ itemType: 'computer', ids: [ids['pc-ff-new']], input: { entityId: tree.c } }).expect(200);
    expect(await members(inC.id)).toEqual(['pc-both', 'pc-chrome', 'pc-ff-new']);
    await admin.post('/api/mass-actions/computer.move').send({ itemType: 'computer', ids: [ids['pc-ff-new']], input: { entityId: tree.b } }).expect(200);
    expect(await members(inC.id)).toEqual(['pc-both', 'pc-chrome']);

    // A group named by others cannot be deleted; a cycle cannot be made.
    expect((await admin.delete(`/api/groups/${zip.id}`).expect(409)).body.message).toMatch(/used by the criteria of other groups: 7-Zip in C/);
    const cycle = await admin.patch(`/api/groups/${zip.id}`).send({ criteria: [{ field: 'group', operator: 'equals', value: String(zipInC.id) }] }).expect(400);
    expect(cycle.body.details[0].problems[0]).toMatch(/already depends on this group/);
    const itself = await admin.patch(`/api/groups/${zip.id}`).send({ criteria: [{ field: 'group', operator: 'equals', value: String(zip.id) }] }).expect(400);
    expect(itself.body.details).toEqual([{ field: 'criteria[0].value', problems: ['a group cannot be a member of itself'] }]);
  });

  it('keeps a result-mode group as evaluated, edited by removals; emptied, it turns back into a query', async () => {
    const group = await dynamic('firefox result', [FIREFOX], '', { mode: 'result' });
    expect(await members(group.id)).toEqual(['pc-both', 'pc-ff-new', 'pc-ff-old']);
    await sendInventory(app, 'pc-chrome', 'c', { onlySoftware: true, ip: '10.2.0.13', mac: '02:00:00:02:00:13', software: [{ name: 'Mozilla Firefox', version: '1.0' }] });
    expect(await members(group.id)).toEqual(['pc-both', 'pc-ff-new', 'pc-ff-old']);
    await admin.post(`/api/groups/${group.id}/refresh`).expect(409);
    const removed = await admin.post(`/api/groups/${group.id}/members/remove`).send({ ids: [ids['pc-ff-old']] }).expect(200);
    expect(removed.body).toEqual({ added: 0, removed: 1, memberCount: 2 });
    expect(await members(group.id)).toEqual(['pc-both', 'pc-ff-new']);
    await admin.post(`/api/groups/${group.id}/members/remove`).send({ ids: [ids['pc-both'], ids['pc-ff-new']] }).expect(200);
    const back = (await admin.get(`/api/groups/${group.id}`).expect(200)).body;
    expect(back).toMatchObject({ mode: 'query', memberCount: 4 });
    expect(await members(group.id)).toEqual(['pc-both', 'pc-chrome', 'pc-ff-new', 'pc-ff-old']);
    // And back to result mode: the current list is kept as it is.
    await admin.patch(`/api/groups/${group.id}`).send({ mode: 'result' }).expect(200);
    await sendInventory(app, 'pc-chrome', 'c', { onlySoftware: true, ip: '10.2.0.13', mac: '02:00:00:02:00:13', software: [{ name: 'Google Chrome', version: '120.0' }] });
    expect(await members(group.id)).toHaveLength(4);
    const queryGroup = await dynamic('firefox query', [FIREFOX]);
    await admin.post(`/api/groups/${queryGroup.id}/members/remove`).send({ ids: [ids['pc-ff-old']] }).expect(400);
  });

  it('fills static groups by hand, by mass action and from a file, reporting unmatched lines', async () => {
    const group = (await admin.post('/api/groups').send({ name: 'pilot', kind: 'static' }).expect(201)).body;
    expect(group).toMatchObject({ kind: 'static', mode: null, memberCount: 0, can: { edit: true, delete: true } });
    await admin.post('/api/groups').send({ name: 'x', kind: 'static', criteria: [FIREFOX] }).expect(400);
    expect((await admin.post(`/api/groups/${group.id}/members`).send({ ids: [ids['pc-ff-old'], ids['pc-ff-old'], 999999] }).expect(200)).body).toEqual({ added: 1, removed: 0, memberCount: 1 });
    const mass = await admin.post('/api/mass-actions/group.add').send({ itemType: 'computer', ids: [ids['pc-chrome'], ids['pc-ff-old']], input: { groupId: group.id } }).expect(200);
    expect(mass.body).toMatchObject({ ok: 2, failed: 0, noRight: 0 });
    expect(await members(group.id)).toEqual(['pc-chrome', 'pc-ff-old']);

    const file = Buffer.from('\uFEFFpc-both\r\nPC-FF-NEW\n\nnot-a-computer\npc-ff-old\n  also missing  \n');
    const imported = await admin.post(`/api/groups/${group.id}/import`).field('match', 'name').attach('file', file, { filename: 'names.txt', contentType: 'text/plain' }).expect(200);
    expect(imported.body).toEqual({ lines: 5, added: 2, alreadyMembers: 1, unmatched: ['not-a-computer', 'also missing'], unmatchedCount: 2 });
    expect(await members(group.id)).toEqual(['pc-both', 'pc-chrome', 'pc-ff-new', 'pc-ff-old']);
    await admin.post(`/api/groups/${group.id}/import`).field('match', 'mac').attach('file', file, 'names.txt').expect(400);
    await admin.post(`/api/groups/${group.id}/import`).field('match', 'name').expect(400);
    const huge = await admin.post(`/api/groups/${group.id}/import`).field('match', 'name').attach('file', Buffer.alloc(6 * 1024 * 1024, 'a'), 'big.txt');
    expect(huge.status).toBe(413);

    await admin.post('/api/mass-actions/group.remove').send({ itemType: 'computer', ids: [ids['pc-both']], input: { groupId: group.id } }).expect(200);
    expect(await members(group.id)).toEqual(['pc-chrome', 'pc-ff-new', 'pc-ff-old']);
    // Deleting a computer leaves the counts right.
    const doomed = (await admin.get('/api/groups/' + group.id).expect(200)).body.memberCount;
    await admin.delete(`/api/computers/${ids['pc-chrome']}`).expect(204);
    expect((await admin.get('/api/groups/' + group.id).expect(200)).body.memberCount).toBe(doomed - 1);
    await sendInventory(app, 'pc-chrome', 'c', { onlySoftware: true, ip: '10.2.0.13', mac: '02:00:00:02:00:13', software: [{ name: 'Google Chrome', version: '120.0' }] });
    ids['pc-chrome'] = (await admin.get('/api/computers?q=pc-chrome').expect(200)).body.items[0].id;
  });

  it('belongs to its creator: shared users and profiles may use and edit it, not delete it; "every group" sees all', async () => {
    const rights = { group: GROUP_RIGHTS, computer: Bits.READ, savedsearch: Bits.READ | Bits.CREATE };
    const owner = await createScopedUser(app, adminToken, 'grp-owner', tree.a, rights);
    const other = await createScopedUser(app, adminToken, 'grp-other', tree.a, rights);
    const viaProfile = await createScopedUser(app, adminToken, 'grp-profile', tree.a, rights);
    const asOwner = app.as(owner.token);
    const asOther = app.as(other.token);
    const group = (await asOwner.post('/api/groups').send({ name: 'owner group', kind: 'dynamic', criteria: [FIREFOX] }).expect(201)).body;
    expect(group).toMatchObject({ ownerLogin: 'grp-owner', entityId: tree.a, memberCount: 3 });

    await asOther.get(`/api/groups/${group.id}`).expect(404);
    expect((await asOther.get('/api/groups').expect(200)).body.items.map((g: { name: string }) => g.name)).not.toContain('owner group');
    await asOther.patch(`/api/groups/${group.id}`).send({ name: 'taken' }).expect(404);
    // Nor can the members of a group one cannot see be listed through the computers search.
    const byGroup = encodeURIComponent(JSON.stringify([{ field: 'group', operator: 'equals', value: String(group.id) }]));
    expect((await asOther.get(`/api/computers?criteria=${byGroup}`).expect(400)).body.details).toEqual([{ field: 'criteria[0].value', problems: [`no group with id ${group.id}`] }]);

    await asOwner.patch(`/api/groups/${group.id}`).send({ shares: [{ kind: 'user', id: other.userId }, { kind: 'profile', id: viaProfile.profileId }] }).expect(200);
    const seen = (await asOther.get(`/api/groups/${group.id}`).expect(200)).body;
    expect(seen.can).toEqual({ edit: true, delete: false });
    expect(seen.shares.map((s: { kind: string; name: string }) => `${s.kind}:${s.name}`)).toEqual(['user:grp-other', 'profile:profile-grp-profile']);
    await asOther.patch(`/api/groups/${group.id}`).send({ criteria: [FIREFOX, NET_10_1], expression: 'AND(1, 2)' }).expect(200);
    expect(await members(group.id, asOther)).toEqual(['pc-ff-new', 'pc-ff-old']);
    await asOther.delete(`/api/groups/${group.id}`).expect(403);
    await app.as(viaProfile.token).get(`/api/groups/${group.id}`).expect(200);
    await asOwner.patch(`/api/groups/${group.id}`).send({ shares: [{ kind: 'user', id: 999999 }] }).expect(400);

    // The "every group" bit: sees and manages groups it neither owns nor is shared.
    const manager = await createScopedUser(app, adminToken, 'grp-manager', tree.a, { group: GROUP_RIGHTS | GroupBits.ALL_GROUPS, computer: Bits.READ });
    expect((await app.as(manager.token).get(`/api/groups/${group.id}`).expect(200)).body.can).toEqual({ edit: true, delete: true });
    // Entity scope as everywhere: a user of B does not see a group of A.
    const inB = await createScopedUser(app, adminToken, 'grp-b', tree.b, { group: GROUP_RIGHTS | GroupBits.ALL_GROUPS, computer: Bits.READ });
    await app.as(inB.token).get(`/api/groups/${group.id}`).expect(404);
    await app.as(inB.token).post('/api/groups').send({ name: 'in A', kind: 'static', entityId: tree.a }).expect(403);
    await asOwner.delete(`/api/groups/${group.id}`).expect(204);
  });

  it('lists groups with paging, filter and the navigation flag', async () => {
    await admin.post('/api/groups').send({ name: 'In the menu', kind: 'static', visible: true }).expect(201);
    const menu = (await admin.get('/api/groups?visible=true').expect(200)).body;
    expect(menu.items.map((g: { name: string }) => g.name)).toEqual(['In the menu']);
    const page = (await admin.get('/api/groups?kind=dynamic&limit=2&sort=-name').expect(200)).body;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(5);
    await admin.get('/api/groups?visible=maybe').expect(400);
    await admin.get('/api/groups?sort=password').expect(400);
  });

  it('saves searches, private or shared, and turns a computer search into a dynamic group', async () => {
    const rights = { group: GROUP_RIGHTS, computer: Bits.READ, savedsearch: Bits.READ };
    const reader = await createScopedUser(app, adminToken, 'ss-reader', tree.a, rights);
    const query = { criteria: JSON.stringify([FIREFOX, CHROME]), expression: 'AND(1, NOT(2))', q: 'pc-ff', sort: 'name' };
    const mine = (await admin.post('/api/saved-searches').send({ itemType: 'computer', name: 'Firefox only', query }).expect(201)).body;
    const shared = (await admin.post('/api/saved-searches').send({ itemType: 'computer', name: 'Shared search', query, shared: true }).expect(201)).body;
    expect(mine).toMatchObject({ ownerLogin: 'admin', shared: false, query, can: { edit: true } });
    const readerList = (await app.as(reader.token).get('/api/saved-searches?itemType=computer').expect(200)).body.items.map((s: { name: string }) => s.name);
    expect(readerList).toEqual(['Shared search']);
    await app.as(reader.token).get(`/api/saved-searches/${mine.id}`).expect(404);
    await app.as(reader.token).patch(`/api/saved-searches/${shared.id}`).send({ name: 'mine now' }).expect(403);
    await app.as(reader.token).post('/api/saved-searches').send({ itemType: 'computer', name: 'x', query: {}, shared: true }).expect(403);
    await admin.post('/api/saved-searches').send({ itemType: 'computer', name: 'x', query: { criteria: 42 } }).expect(400);
    await admin.post('/api/saved-searches').send({ itemType: 'DROP TABLE', name: 'x', query: {} }).expect(400);

    const group = (await admin.post(`/api/saved-searches/${mine.id}/group`).send({}).expect(201)).body;
    expect(group).toMatchObject({ name: 'Firefox only', kind: 'dynamic', mode: 'query', expression: 'AND(AND(1, NOT(2)), OR(3, 4, 5))' });
    expect(await members(group.id)).toEqual(['pc-ff-new', 'pc-ff-old']);
    const agents = (await admin.post('/api/saved-searches').send({ itemType: 'agent', name: 'agents', query: { q: 'x' } }).expect(201)).body;
    await admin.post(`/api/saved-searches/${agents.id}/group`).send({}).expect(400);
    await admin.delete(`/api/saved-searches/${mine.id}`).expect(204);
  });

  it('takes criteria fields added by plugins (the notes fixture)', async () => {
    await admin.post('/api/notes').send({ title: 'Pilot site', entityId: tree.c }).expect(201);
    const fields = (await admin.get('/api/computers/search-fields').expect(200)).body.items.map((f: { key: string }) => f.key);
    expect(fields).toEqual(expect.arrayContaining(['notes.title', 'group']));
    const group = await dynamic('pilot site, no chrome', [{ field: 'notes.title', operator: 'contains', value: 'pilot' }, CHROME], 'AND(1, NOT(2))');
    expect(await members(group.id)).toEqual([]);
    const pilots = await dynamic('pilot site', [{ field: 'notes.title', operator: 'contains', value: 'pilot' }]);
    expect(await members(pilots.id)).toEqual(['pc-both', 'pc-chrome']);
  });

  it('accepts the expression in the computers search too', async () => {
    const criteria = encodeURIComponent(JSON.stringify([FIREFOX, CHROME]));
    const names = async (expression: string) => ((await admin.get(`/api/computers?criteria=${criteria}&expression=${encodeURIComponent(expression)}&sort=name`).expect(200)).body.items as { name: string }[]).map((c) => c.name);
    expect(await names('OR(1, 2)')).toEqual(['pc-both', 'pc-chrome', 'pc-ff-new', 'pc-ff-old']);
    expect(await names('AND(2, NOT(1))')).toEqual(['pc-chrome']);
    const bad = await admin.get(`/api/computers?criteria=${criteria}&expression=${encodeURIComponent('AND(1 2)')}`).expect(400);
    expect(bad.body.details).toEqual([{ field: 'expression', position: 7, problems: ["expected ',' or ')', found '2'"] }]);
  });
});
