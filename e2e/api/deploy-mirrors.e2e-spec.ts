import { Bits } from '@parc/contracts';
import { createScopedUser, createTree, TestApp } from './support/test-app';

/** Part mirrors: by entity (recursive or not) and location (networks), the server always last. */
describe('deploy mirrors', () => {
  let app: TestApp;
  let admin: ReturnType<TestApp['as']>;
  let adminToken: string;
  let tree: { a: number; b: number; c: number };

  beforeAll(async () => {
    app = await TestApp.start();
    adminToken = await app.loginAdmin();
    admin = app.as(adminToken);
    tree = await createTree(app, adminToken);
  });
  afterAll(() => app.close());

  const forAgent = async (entityId: number, address?: string) =>
    (await admin.get(`/api/deploy/mirrors/for?entityId=${entityId}${address ? `&address=${address}` : ''}`).set('Host', 'parc.example:8080').expect(200)).body.mirrors;

  it('orders the mirrors an agent gets: its network first, the closest entity next, the server last', async () => {
    const server = 'http://parc.example:8080/deploy/repository/';
    expect(await forAgent(tree.b)).toEqual([server]);
    await admin.post('/api/deploy/mirrors').send({ name: 'root', url: 'http://root-mirror/', entityId: 1 }).expect(201);
    await admin.post('/api/deploy/mirrors').send({ name: 'A only', url: 'http://a-mirror/', entityId: tree.a, recursive: false }).expect(201);
    await admin.post('/api/deploy/mirrors').send({ name: 'B', url: 'http://b-mirror/', entityId: tree.b }).expect(201);
    await admin.post('/api/deploy/mirrors').send({ name: 'B site 2', url: 'http://b-site2/', entityId: tree.b, networks: ['10.2.0.0/16', '2001:db8::/32'] }).expect(201);
    const off = (await admin.post('/api/deploy/mirrors').send({ name: 'off', url: 'http://off/', entityId: tree.b, active: false }).expect(201)).body.id;

    expect(await forAgent(tree.b, '10.1.4.5')).toEqual(['http://b-mirror/', 'http://root-mirror/', server]);
    expect(await forAgent(tree.b, '10.2.4.5')).toEqual(['http://b-site2/', 'http://b-mirror/', 'http://root-mirror/', server]);
    expect(await forAgent(tree.b, '2001:db8::7')).toEqual(['http://b-site2/', 'http://b-mirror/', 'http://root-mirror/', server]);
    expect(await forAgent(tree.a)).toEqual(['http://a-mirror/', 'http://root-mirror/', server]);
    expect(await forAgent(tree.c)).toEqual(['http://root-mirror/', server]);
    await admin.patch(`/api/deploy/mirrors/${off}`).send({ active: true, position: 5 }).expect(200);
    expect(await forAgent(tree.b, '10.1.4.5')).toEqual(['http://b-mirror/', 'http://off/', 'http://root-mirror/', server]);
    await admin.delete(`/api/deploy/mirrors/${off}`).expect(204);
  });

  it('refuses malformed URLs and networks, and keeps mirrors in their entity scope', async () => {
    expect((await admin.post('/api/deploy/mirrors').send({ name: 'x', url: 'ftp://x/' }).expect(400)).body.message).toMatch(/http/);
    expect((await admin.post('/api/deploy/mirrors').send({ name: 'x', url: 'http://x/', networks: ['10.0.0.0/33'] }).expect(400)).body.message).toMatch(/CIDR/);
    await admin.post('/api/deploy/mirrors').send({ name: 'x', url: 'http://x/', networks: ['10.0.0.1'] }).expect(400);
    const inC = (await admin.post('/api/deploy/mirrors').send({ name: 'C mirror', url: 'http://c/', entityId: tree.c }).expect(201)).body.id;
    const user = await createScopedUser(app, adminToken, 'mirrors-b', tree.b, { 'deploy.mirror': Bits.READ | Bits.UPDATE | Bits.CREATE | Bits.DELETE });
    const b = app.as(user.token);
    expect((await b.get('/api/deploy/mirrors?limit=100').expect(200)).body.items.map((m: { name: string }) => m.name)).not.toContain('C mirror');
    await b.patch(`/api/deploy/mirrors/${inC}`).send({ url: 'http://evil/' }).expect(404);
    await b.get(`/api/deploy/mirrors/for?entityId=${tree.c}`).expect(404);
    await b.post('/api/deploy/mirrors').send({ name: 'x', url: 'http://x/', entityId: tree.c }).expect(403);
  });

  it('orders rows with equal sort values by id, in the direction asked, page after page', async () => {
    const ids: number[] = [];
    for (const name of ['tie-1', 'tie-2', 'tie-3']) ids.push((await admin.post('/api/deploy/mirrors').send({ name, url: `http://${name}/`, entityId: tree.a, position: 7 }).expect(201)).body.id);
    const pages = async (sort: string) => {
      const seen: number[] = [];
      for (let offset = 0; offset < 3; offset++) seen.push(...(await admin.get(`/api/deploy/mirrors?q=tie-&sort=${sort}&limit=1&offset=${offset}`).expect(200)).body.items.map((m: { id: number }) => m.id));
      return seen;
    };
    expect(await pages('position')).toEqual(ids);
    expect(await pages('-position')).toEqual([...ids].reverse());
  });
});
