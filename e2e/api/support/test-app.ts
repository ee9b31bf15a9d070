import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ENTITY_HEADER, ENTITY_RECURSIVE_HEADER } from '@parc/contracts';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../../server/src/bootstrap';
import { loadConfig } from '../../../server/src/common/config/config';

export const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://parc:parc@127.0.0.1:3306';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_PASSWORD = 'admin-password-1';
export const FIXTURE_PLUGINS = resolve(__dirname, '../../fixtures/plugins');

export type Driver = 'mariadb' | 'sqlite';

/** A throw-away database: a fresh MariaDB database named parc_t_<random>, or an SQLite file in a temp dir. */
export async function freshDatabaseUrl(driver: Driver): Promise<{ url: string; drop: () => Promise<void> }> {
  if (driver === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'parc-test-'));
    return { url: `sqlite:${join(dir, 'test.sqlite')}`, drop: async () => undefined };
  }
  const name = `parc_t_${randomBytes(5).toString('hex')}`;
  const admin = await createConnection(`${MARIADB_URL}/`);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${MARIADB_URL}/${name}`,
    drop: async () => {
      const c = await createConnection(`${MARIADB_URL}/`);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export interface TestAppOptions {
  driver?: Driver;
  /** Plugin names or paths; default: the bundled plugins plus the notes fixture. */
  plugins?: string[];
  redis?: boolean;
  env?: Record<string, string>;
}

/**
 * The real application in this process, on a fresh database (MariaDB by default) and, unless told otherwise,
 * Redis with a key prefix of its own. Callers must `await app.close()`.
 */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    private readonly dropDatabase: () => Promise<void>,
    /** Prefix of this app's Redis keys. */
    readonly queuePrefix: string,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const db = await freshDatabaseUrl(options.driver ?? 'mariadb');
    const queuePrefix = `parc-test-${randomBytes(4).toString('hex')}`;
    const config = loadConfig({
      DATABASE_URL: db.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-data-')),
      ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      PLUGINS: (options.plugins ?? ['deploy', join(FIXTURE_PLUGINS, 'notes')]).join(','),
      ...(options.redis === false ? {} : { REDIS_URL, QUEUE_PREFIX: queuePrefix }),
      ...options.env,
    });
    const app = await createApp(config);
    return new TestApp(app, db.drop, queuePrefix);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async login(login: string, password: string): Promise<string> {
    const res = await this.http().post('/api/auth/login').send({ login, password });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  loginAdmin(): Promise<string> {
    return this.login('admin', ADMIN_PASSWORD);
  }

  /** Requests as the holder of this token, optionally in an active entity. */
  as(token: string, entity?: { id: number; recursive?: boolean }) {
    const server = this.app.getHttpServer();
    const decorate = (r: request.Test) => {
      r.set('Authorization', `Bearer ${token}`);
      if (entity) {
        r.set(ENTITY_HEADER, String(entity.id));
        r.set(ENTITY_RECURSIVE_HEADER, entity.recursive === false ? '0' : '1');
      }
      return r;
    };
    return {
      get: (url: string) => decorate(request(server).get(url)),
      post: (url: string) => decorate(request(server).post(url)),
      patch: (url: string) => decorate(request(server).patch(url)),
      put: (url: string) => decorate(request(server).put(url)),
      delete: (url: string) => decorate(request(server).delete(url)),
    };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }
}

/** Creates what most tests need: an entity tree Root > A > (B, C) and returns their ids. */
export async function createTree(app: TestApp, adminToken: string): Promise<{ a: number; b: number; c: number }> {
  const as = app.as(adminToken);
  const a = (await as.post('/api/entities').send({ name: 'A', parentId: 1 }).expect(201)).body.id;
  const b = (await as.post('/api/entities').send({ name: 'B', parentId: a }).expect(201)).body.id;
  const c = (await as.post('/api/entities').send({ name: 'C', parentId: a }).expect(201)).body.id;
  return { a, b, c };
}

/** Creates a profile with these rights and a user holding it on one entity; returns the user's id and token. */
export async function createScopedUser(
  app: TestApp,
  adminToken: string,
  login: string,
  entityId: number,
  rights: Record<string, number>,
  recursive = true,
): Promise<{ userId: number; profileId: number; token: string }> {
  const as = app.as(adminToken);
  const profile = await as.post('/api/profiles').send({ name: `profile-${login}`, rights }).expect(201);
  const user = await as.post('/api/users').send({ login, name: login, password: `${login}-password`, entityId }).expect(201);
  await as.post(`/api/users/${user.body.id}/authorizations`).send({ profileId: profile.body.id, entityId, recursive }).expect(201);
  return { userId: user.body.id, profileId: profile.body.id, token: await app.login(login, `${login}-password`) };
}
