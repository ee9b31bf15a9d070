import { TestApp } from './support/test-app';
import { openApi, operations } from './support/openapi';

describe('OpenAPI document and health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('documents every route the server answers, each with a summary, a tag and its security', async () => {
    const doc = await openApi(app);
    const documented = new Set(operations(doc).map((o) => o.key.replace(/\{\w+\}/g, ':p')));
    // The routes Express actually serves (core and plugins), from its router.
    const express = app.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const served = express.router.stack
      .filter((l) => l.route?.path.startsWith('/api/') && !l.route.path.startsWith('/api/docs'))
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path.replace(/:\w+/g, ':p')}`));
    expect(served.length).toBeGreaterThanOrEqual(30);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
    for (const op of operations(doc)) {
      expect({ route: op.key, summary: typeof op.operation.summary, tags: op.operation.tags?.length }).toEqual({ route: op.key, summary: 'string', tags: 1 });
      const isPublic = ['POST /api/auth/login', 'GET /api/health'].includes(op.key) || op.operation.tags?.[0] === 'agent protocol';
      expect({ route: op.key, secured: Boolean(op.operation.security?.length) }).toEqual({ route: op.key, secured: !isPublic });
    }
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const res = await app.http().get('/api/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('reports database and queue status', async () => {
    const res = await app.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', version: '0.1.0', role: 'all', database: { status: 'up', driver: 'mariadb' }, queue: { status: 'up', driver: 'redis' } });
  });
});

describe('health on the embedded default (SQLite, in-process queue)', () => {
  it('reports sqlite and memory', async () => {
    const app = await TestApp.start({ driver: 'sqlite', redis: false });
    try {
      const res = await app.http().get('/api/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', database: { driver: 'sqlite', status: 'up' }, queue: { driver: 'memory', status: 'up' } });
      // The whole API works on SQLite too.
      const admin = app.as(await app.loginAdmin());
      const e = (await admin.post('/api/entities').send({ name: 'Lyon', parentId: 1 }).expect(201)).body;
      await admin.patch(`/api/entities/${e.id}`).send({ name: 'Lyon 2' }).expect(200);
      expect((await admin.get('/api/audit?itemType=entity').expect(200)).body.total).toBe(2);
      // Concurrent writes, each in its own transaction, all commit: none fails, none is lost.
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => admin.post('/api/users').send({ login: `concurrent-${i}`, name: `User ${i}`, entityId: e.id })),
      );
      expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect((await admin.get('/api/users?q=concurrent-&limit=100').expect(200)).body.total).toBe(20);
      expect((await admin.get('/api/audit?itemType=user&limit=100').expect(200)).body.total).toBe(20);
    } finally {
      await app.close();
    }
  });
});
