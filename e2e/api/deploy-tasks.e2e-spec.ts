import { Bits } from '@parc/contracts';
import { createScopedUser, createTree, TestApp } from './support/test-app';

describe.each([
  ['MariaDB', 'mariadb'],
  ['SQLite', 'sqlite'],
] as const)('deploy tasks: jobs carrying published revisions, packages kept while tasks use them (%s)', (_, driver) => {
  let app: TestApp;
  let adminToken: string;
  let admin: ReturnType<TestApp['as']>;
  let tree: { a: number; b: number; c: number };

  /** A package in this entity, with revision 1 published. */
  const publishedPackage = async (name: string, entityId: number, recursive = false) => {
    const pkg = (await admin.post('/api/deploy/packages').send({ name, entityId, recursive }).expect(201)).body;
    await admin.post(`/api/deploy/packages/${pkg.id}/revisions/1/publish`).expect(200);
    return pkg.id as number;
  };

  beforeAll(async () => {
    app = await TestApp.start({ driver, redis: driver === 'mariadb', env: { LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' } });
    adminToken = await app.loginAdmin();
    admin = app.as(adminToken);
    tree = await createTree(app, adminToken);
  });
  afterAll(() => app.close());

  it('refuses to delete a package a task uses, naming the task, and deletes it once no task does', async () => {
    const firefox = await publishedPackage('Firefox ESR', tree.a);
    const task = (await admin.post('/api/deploy/tasks').send({ name: 'Firefox rollout', entityId: tree.a, jobs: [{ packageId: firefox, revision: 1 }] }).expect(201)).body;
    expect(task).toMatchObject({ name: 'Firefox rollout', state: 'draft', entityId: tree.a, jobs: [{ position: 1, name: 'Firefox ESR (revision 1)', packageId: firefox, packageName: 'Firefox ESR', revision: 1 }] });
    const second = (await admin.post('/api/deploy/tasks').send({ name: 'Accounting PCs', entityId: tree.a, jobs: [{ packageId: firefox, revision: 1, name: 'browser' }] }).expect(201)).body;

    const refused = await admin.delete(`/api/deploy/packages/${firefox}`).expect(409);
    expect(refused.body.message).toBe("Package 'Firefox ESR' is used by 2 tasks: 'Accounting PCs', 'Firefox rollout'. Remove it from those tasks first");
    expect(refused.body.details).toEqual({ tasks: [{ id: second.id, name: 'Accounting PCs' }, { id: task.id, name: 'Firefox rollout' }], hiddenTasks: 0 });
    // Nothing of the package was lost.
    expect((await admin.get(`/api/deploy/packages/${firefox}`).expect(200)).body.revisions).toHaveLength(1);

    await admin.delete(`/api/deploy/tasks/${second.id}`).expect(204);
    await admin.patch(`/api/deploy/tasks/${task.id}`).send({ jobs: [] }).expect(200);
    expect((await admin.get(`/api/deploy/tasks/${task.id}`).expect(200)).body.jobs).toEqual([]);
    await admin.delete(`/api/deploy/packages/${firefox}`).expect(204);
  });

  it('counts the tasks the caller cannot see without naming them', async () => {
    const pkg = await publishedPackage('Codecs', tree.b);
    await admin.post('/api/deploy/tasks').send({ name: 'Secret rollout', entityId: tree.b, jobs: [{ packageId: pkg, revision: 1 }] }).expect(201);
    const packager = await createScopedUser(app, adminToken, 'packager-b', tree.b, { 'deploy.package': Bits.READ | Bits.DELETE });
    const refused = await app.as(packager.token).delete(`/api/deploy/packages/${pkg}`).expect(409);
    expect(refused.body.message).toBe("Package 'Codecs' is used by a task: 1 outside your scope. Remove it from that task first");
    expect(refused.body.details).toEqual({ tasks: [], hiddenTasks: 1 });
  });

  it('takes published revisions of packages the task entity can use, and says what is wrong with each job', async () => {
    const shared = await publishedPackage('Shared agent', tree.a, true);
    const local = await publishedPackage('Local to C', tree.c);
    // Revision 2 of the shared package is a draft; revision 1 of another package is retired.
    await admin.post(`/api/deploy/packages/${shared}/draft`).expect(200);
    const retired = await publishedPackage('Old tool', tree.a, true);
    await admin.post(`/api/deploy/packages/${retired}/revisions/1/retire`).expect(200);

    const bad = await admin
      .post('/api/deploy/tasks')
      .send({ name: 'Bad', entityId: tree.b, jobs: [{ packageId: shared, revision: 2 }, { packageId: retired, revision: 1 }, { packageId: local, revision: 1 }, { packageId: 999999, revision: 1 }, { packageId: shared, revision: 7 }] })
      .expect(400);
    expect(bad.body.details).toEqual([
      { field: 'jobs[0].revision', problems: ["Revision 2 of 'Shared agent' is a draft: a task deploys published revisions only"] },
      { field: 'jobs[1].revision', problems: ["Revision 1 of 'Old tool' is retired: a task deploys published revisions only"] },
      { field: 'jobs[2].packageId', problems: ["Package 'Local to C' is not available in the task's entity (it belongs to another entity and is not recursive)"] },
      { field: 'jobs[3].packageId', problems: ['No package with id 999999'] },
      { field: 'jobs[4].revision', problems: ["Package 'Shared agent' has no revision 7"] },
    ]);
    expect((await admin.get('/api/deploy/tasks?q=Bad').expect(200)).body.total).toBe(0);
    await admin.post('/api/deploy/tasks').send({ name: 'Wrong type', jobs: [{ packageId: 'x', revision: 1 }] }).expect(400);

    // A recursive package of an ancestor is usable below it; jobs at the same position run side by side.
    const ok = (await admin
      .post('/api/deploy/tasks')
      .send({ name: 'Bundle', entityId: tree.b, jobs: [{ packageId: shared, revision: 1, position: 1 }, { packageId: shared, revision: 1, position: 1, name: 'again' }, { packageId: shared, revision: 1 }] })
      .expect(201)).body;
    expect(ok.jobs.map((j: { position: number }) => j.position)).toEqual([1, 1, 2]);
  });

  it('keeps tasks in their entity scope', async () => {
    const pkg = await publishedPackage('Scoped', tree.a, true);
    const inC = (await admin.post('/api/deploy/tasks').send({ name: 'Task in C', entityId: tree.c, jobs: [{ packageId: pkg, revision: 1 }] }).expect(201)).body;
    const planner = await createScopedUser(app, adminToken, 'planner-b', tree.b, { 'deploy.task': Bits.READ | Bits.CREATE | Bits.UPDATE | Bits.DELETE, 'deploy.package': Bits.READ });
    const b = app.as(planner.token);
    const mine = (await b.post('/api/deploy/tasks').send({ name: 'Task in B', entityId: tree.b, jobs: [{ packageId: pkg, revision: 1 }] }).expect(201)).body;
    const names = (await b.get('/api/deploy/tasks?limit=100').expect(200)).body.items.map((t: { name: string }) => t.name);
    expect(names).toContain('Task in B');
    expect(names).not.toContain('Task in C');
    await b.get(`/api/deploy/tasks/${inC.id}`).expect(404);
    await b.patch(`/api/deploy/tasks/${inC.id}`).send({ name: 'mine now' }).expect(404);
    await b.delete(`/api/deploy/tasks/${inC.id}`).expect(404);
    await b.post('/api/deploy/tasks').send({ name: 'elsewhere', entityId: tree.c }).expect(403);
    // A package of C is not seen from B: a job cannot carry it.
    const cOnly = await publishedPackage('C tool', tree.c);
    const hidden = await b.post('/api/deploy/tasks').send({ name: 'Borrowing', entityId: tree.b, jobs: [{ packageId: cOnly, revision: 1 }] }).expect(400);
    expect(hidden.body.details).toEqual([{ field: 'jobs[0].packageId', problems: [`No package with id ${cOnly}`] }]);
    await b.patch(`/api/deploy/tasks/${mine.id}`).send({ name: 'Task in B, renamed' }).expect(200);
    const packagesOnly = await createScopedUser(app, adminToken, 'viewer-b', tree.b, { 'deploy.package': Bits.READ });
    await app.as(packagesOnly.token).get('/api/deploy/tasks').expect(403);
  });
});
