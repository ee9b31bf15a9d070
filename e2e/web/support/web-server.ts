import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OCS_UA, ocsInventory } from '../../api/support/agents';
import { startServer, waitFor } from '../../api/support/processes';
import { ADMIN_PASSWORD, freshDatabaseUrl, REDIS_URL } from '../../api/support/test-app';

export interface WebServer {
  base: string;
  /** Logs the page in as the administrator and waits for the shell. */
  signIn: (page: Page) => Promise<void>;
  /** JSON API call as the administrator; throws on any status but 2xx. */
  api: (method: string, path: string, body?: object) => Promise<any>;
  /** An OCS agent inventory of a computer with only these packages. */
  inventory: (name: string, software: { name: string; version: string }[]) => Promise<void>;
  /** What the server printed (warnings and errors). */
  output: () => string;
  stop: () => Promise<void>;
}

/** The built server (MariaDB + Redis) on a random port and a fresh database, logged in as the administrator. */
export async function startWebServer(tag: string): Promise<WebServer> {
  const db = await freshDatabaseUrl('mariadb');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const server = startServer({ DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: `parc-${tag}-${port}`, ADMIN_PASSWORD, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), `parc-${tag}-`)) });
  let token = '';
  const api = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const inventory = async (name: string, software: { name: string; version: string }[]) => {
    const res = await fetch(`${base}/ocsinventory`, { method: 'POST', headers: { 'user-agent': OCS_UA, 'content-type': 'application/x-compress' }, body: ocsInventory(name, 'NA', { onlySoftware: true, software }) });
    if (res.status !== 200) throw new Error(`inventory ${name} → ${res.status}`);
  };
  try {
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000, 'the server');
    token = (await api('POST', '/api/auth/login', { login: 'admin', password: ADMIN_PASSWORD })).accessToken;
  } catch (error) {
    await server.stop();
    await db.drop();
    throw error;
  }
  return {
    base,
    signIn: async (page) => {
      await page.goto(`${base}/login`);
      await page.getByTestId('login-login').fill('admin');
      await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('entity-selector').waitFor();
    },
    api,
    inventory,
    output: server.output,
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}
