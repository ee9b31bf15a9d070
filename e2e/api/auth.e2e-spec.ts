import { Redis } from 'ioredis';
import { ADMIN_PASSWORD, REDIS_URL, TestApp } from './support/test-app';

describe('authentication (MariaDB + Redis)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ env: { LOGIN_MAX_FAILURES_PER_LOGIN: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '6', LOGIN_FAILURE_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => app.close());

  it('logs in with login and password and answers a bearer token', async () => {
    const res = await app.http().post('/api/auth/login').send({ login: 'admin', password: ADMIN_PASSWORD }).expect(200);
    expect(res.body.accessToken).toMatch(/^pcs_[\w-]{43}$/);
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await app.as(res.body.accessToken).get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ login: 'admin', activeEntityId: 1, activeRecursive: true });
    expect(me.body.rights.user).toBe(31);
    expect(me.body.rights['deploy.package']).toBe(31);
  });

  it('serves many concurrent logins of the same user without error', async () => {
    const results = await Promise.all(Array.from({ length: 24 }, () => app.http().post('/api/auth/login').send({ login: 'admin', password: ADMIN_PASSWORD })));
    expect(results.map((r) => r.status)).toEqual(Array(24).fill(200));
    expect(new Set(results.map((r) => r.body.accessToken)).size).toBe(24);
  });

  it('stores an argon2id hash, never the password', async () => {
    const [row] = await app.dataSource.query("SELECT password_hash FROM users WHERE login = 'admin'");
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it('refuses a wrong password or an unknown login with 401 and the error shape', async () => {
    const wrong = await app.http().post('/api/auth/login').set('X-Forwarded-For', '10.0.0.1').send({ login: 'admin', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/wrong login or password/i) });
    await app.http().post('/api/auth/login').send({ login: 'ghost', password: 'whatever' }).expect(401);
  });

  it('throttles repeated failures for one login with 429 and Retry-After, even with the right password', async () => {
    await app.as((await app.loginAdmin())).post('/api/users').send({ login: 'victim', name: 'Victim', password: 'victim-password', entityId: 1 }).expect(201);
    for (let i = 0; i < 3; i++) await app.http().post('/api/auth/login').send({ login: 'victim', password: `bad-${i}` }).expect(401);
    const blocked = await app.http().post('/api/auth/login').send({ login: 'victim', password: 'victim-password' }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.message).toMatch(/too many failed logins for this login/i);
    // Another login is not affected.
    await app.loginAdmin();
  });

  it('throttles repeated failures from one address', async () => {
    // The address limit (6) counts every failure from this client, including those of the tests above.
    let last = 0;
    for (let i = 0; i < 8 && last !== 429; i++) {
      last = (await app.http().post('/api/auth/login').send({ login: `nobody-${i}`, password: 'x' })).status;
    }
    expect(last).toBe(429);
    const res = await app.http().post('/api/auth/login').send({ login: 'admin', password: ADMIN_PASSWORD }).expect(429);
    expect(res.body.message).toMatch(/from this address/);
  });

  it('keeps throttle counters in Redis, shared by every API process', async () => {
    const keys = await scanRedis(`${app.queuePrefix}:counter:login-failures:login:victim`);
    expect(keys.length).toBe(1);
  });
});

describe('sessions and API tokens', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('answers 401 to calls without a token, with a malformed token or with an unknown one', async () => {
    await app.http().get('/api/auth/me').expect(401);
    await app.http().get('/api/auth/me').set('Authorization', 'Basic abc').expect(401);
    const res = await app.http().get('/api/users').set('Authorization', 'Bearer pcs_not-a-real-token').expect(401);
    expect(res.body.message).toMatch(/invalid, expired or revoked/);
  });

  it('logout revokes the token at once', async () => {
    const token = await app.loginAdmin();
    await app.as(token).get('/api/auth/me').expect(200);
    await app.as(token).post('/api/auth/logout').expect(204);
    await app.as(token).get('/api/auth/me').expect(401);
  });

  it('creates a personal API token shown once, stored hashed, usable, listed and revocable', async () => {
    const admin = app.as(await app.loginAdmin());
    const created = await admin.post('/api/auth/tokens').send({ name: 'nightly export' }).expect(201);
    expect(created.body.token).toMatch(/^pat_/);
    const [row] = await app.dataSource.query('SELECT token_hash FROM api_tokens WHERE id = ?', [created.body.id]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toBe(created.body.token);

    const viaToken = app.as(created.body.token);
    await viaToken.get('/api/users').expect(200);
    const list = await admin.get('/api/auth/tokens').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'nightly export', prefix: created.body.token.slice(0, 12) })]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    await admin.delete(`/api/auth/tokens/${created.body.id}`).expect(204);
    await viaToken.get('/api/users').expect(401);
  });

  it('refuses an expired API token', async () => {
    const admin = app.as(await app.loginAdmin());
    await admin.post('/api/auth/tokens').send({ name: 'past', expiresAt: '2020-01-01T00:00:00Z' }).expect(400);
    const created = await admin.post('/api/auth/tokens').send({ name: 'short', expiresAt: new Date(Date.now() + 1500).toISOString() }).expect(201);
    await app.as(created.body.token).get('/api/auth/me').expect(200);
    await new Promise((r) => setTimeout(r, 2000));
    await app.as(created.body.token).get('/api/auth/me').expect(401);
  });

  it("a user cannot see or revoke another user's tokens", async () => {
    const adminToken = await app.loginAdmin();
    const admin = app.as(adminToken);
    const tok = await admin.post('/api/auth/tokens').send({ name: 'admin only' }).expect(201);
    await admin.post('/api/users').send({ login: 'other', name: 'Other', password: 'other-password', entityId: 1 }).expect(201);
    const other = app.as(await app.login('other', 'other-password'));
    expect((await other.get('/api/auth/tokens').expect(200)).body.items).toEqual([]);
    await other.delete(`/api/auth/tokens/${tok.body.id}`).expect(404);
    await app.as(tok.body.token).get('/api/auth/me').expect(200);
  });

  it('changes one own password after checking the current one', async () => {
    const admin = app.as(await app.loginAdmin());
    await admin.post('/api/users').send({ login: 'changer', name: 'Changer', password: 'first-password', entityId: 1 }).expect(201);
    const me = app.as(await app.login('changer', 'first-password'));
    await me.put('/api/auth/me/password').send({ currentPassword: 'wrong', newPassword: 'second-password' }).expect(400);
    await me.put('/api/auth/me/password').send({ currentPassword: 'first-password', newPassword: 'short' }).expect(400);
    await me.put('/api/auth/me/password').send({ currentPassword: 'first-password', newPassword: 'second-password' }).expect(204);
    await app.http().post('/api/auth/login').send({ login: 'changer', password: 'first-password' }).expect(401);
    await app.login('changer', 'second-password');
  });

  it('a disabled account can no longer log in nor use its sessions', async () => {
    const admin = app.as(await app.loginAdmin());
    const user = await admin.post('/api/users').send({ login: 'leaver', name: 'Leaver', password: 'leaver-password', entityId: 1 }).expect(201);
    const token = await app.login('leaver', 'leaver-password');
    await admin.patch(`/api/users/${user.body.id}`).send({ active: false }).expect(200);
    await app.as(token).get('/api/auth/me').expect(401);
    await app.http().post('/api/auth/login').send({ login: 'leaver', password: 'leaver-password' }).expect(401);
  });
});

async function scanRedis(pattern: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL);
  try {
    return await redis.keys(pattern);
  } finally {
    redis.disconnect();
  }
}
