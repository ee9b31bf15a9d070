import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type ServerProcess, startServer, waitFor } from '../api/support/processes';
import { ADMIN_PASSWORD, freshDatabaseUrl, REDIS_URL } from '../api/support/test-app';
import { choose, launchBrowser, screenshot } from './support/browser';

/**
 * The admin UI in Debian's Chromium against the built server on MariaDB + Redis: log in, switch entity, create a
 * user with a profile on a sub-entity, log in as that user and see only that sub-tree.
 */
describe('admin UI', () => {
  let server: ServerProcess;
  let base: string;
  let dropDatabase: () => Promise<void>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  const api = async (method: string, path: string, token: string | null, body?: object) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

  beforeAll(async () => {
    const db = await freshDatabaseUrl('mariadb');
    dropDatabase = db.drop;
    const port = 20000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    server = startServer({ DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: `parc-web-${port}`, ADMIN_PASSWORD, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-web-')) });
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000, 'the server');
    // The tree the scenario works in: Root > Europe > (Paris > Bercy, Lyon), Root > Asia.
    const { accessToken } = await api('POST', '/api/auth/login', null, { login: 'admin', password: ADMIN_PASSWORD });
    const europe = await api('POST', '/api/entities', accessToken, { name: 'Europe', parentId: 1 });
    const paris = await api('POST', '/api/entities', accessToken, { name: 'Paris', parentId: europe.id });
    await api('POST', '/api/entities', accessToken, { name: 'Bercy', parentId: paris.id });
    await api('POST', '/api/entities', accessToken, { name: 'Lyon', parentId: europe.id });
    await api('POST', '/api/entities', accessToken, { name: 'Asia', parentId: 1 });
    await api('POST', '/api/auth/logout', accessToken);
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await dropDatabase?.();
  });

  afterEach(async () => {
    const state = expect.getState();
    if (page && state.currentTestName) await screenshot(page, state.currentTestName.replace(/\W+/g, '-'), server?.output());
  });

  const entityNames = async () => page.getByTestId('entity-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-entity-name')));

  it('serves the UI at / and client routes from index.html', async () => {
    const res = await fetch(`${base}/users`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<parc-root');
    const api404 = await fetch(`${base}/api/nope`);
    expect(api404.status).toBe(404);
    expect(await api404.json()).toMatchObject({ statusCode: 404 });
  });

  it('logs in, refusing a wrong password first', async () => {
    await page.goto(`${base}/`);
    await page.getByTestId('login-login').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/wrong|incorrect/i);
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('entity-selector').waitFor();
    for (const nav of ['nav-entities', 'nav-users', 'nav-profiles', 'nav-audit', 'nav-plugins', 'nav-system', 'nav-deploy']) {
      await page.getByTestId(nav).waitFor();
    }
  });

  it('switches the active entity: the entities page then shows that sub-tree only', async () => {
    await page.getByTestId('nav-entities').click();
    await page.locator('[data-testid="entity-node"][data-entity-name="Root entity > Asia"]').waitFor();
    await choose(page, 'entity-selector', 'entity-option', 'data-entity-name', 'Root entity > Europe');
    await page.locator('[data-testid="entity-node"][data-entity-name="Root entity > Asia"]').waitFor({ state: 'detached' });
    expect((await entityNames()).sort()).toEqual(['Root entity > Europe', 'Root entity > Europe > Lyon', 'Root entity > Europe > Paris', 'Root entity > Europe > Paris > Bercy']);
  });

  it('renames an entity from the tree, and the audit trail records it', async () => {
    const lyon = page.locator('[data-testid="entity-node"][data-entity-name="Root entity > Europe > Lyon"]');
    await lyon.getByTestId('entity-rename').click();
    await page.getByTestId('entity-form-name').fill('Lyon Part-Dieu');
    await page.getByTestId('entity-form-save').click();
    await page.locator('[data-testid="entity-node"][data-entity-name="Root entity > Europe > Lyon Part-Dieu"]').waitFor();
    await page.getByTestId('nav-audit').click();
    // Newest first: the rename, whose before/after values show when the row is opened.
    const latest = page.getByTestId('audit-row').first();
    await expect(latest.textContent()).resolves.toMatch(/admin/);
    await latest.click();
    await expect(page.getByTestId('audit-diff').first().textContent()).resolves.toMatch(/Lyon[\s\S]*Lyon Part-Dieu/);
  });

  it('creates a user with the Admin profile on a sub-entity', async () => {
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-create').click();
    await page.getByTestId('user-login').fill('paris-admin');
    await page.getByTestId('user-name').fill('Paris admin');
    await page.getByTestId('user-email').fill('paris@example.org');
    await page.getByTestId('user-password').fill('paris-password');
    await choose(page, 'user-entity', 'user-entity-option', 'data-entity-name', 'Root entity > Europe > Paris');
    await page.getByTestId('user-save').click();
    // The dialog stays open on the new user for its authorizations.
    await choose(page, 'auth-profile', 'auth-profile-option', 'data-name', 'Admin');
    await choose(page, 'auth-entity', 'auth-entity-option', 'data-entity-name', 'Root entity > Europe > Paris');
    await page.getByTestId('auth-recursive').click();
    await page.getByTestId('auth-add').click();
    await page.locator('[data-testid="auth-row"][data-profile="Admin"][data-entity="Root entity > Europe > Paris"]').waitFor();
    await page.getByTestId('user-dialog-close').click();
    await page.locator('[data-testid="user-row"][data-login="paris-admin"]').waitFor();
  });

  it('logs out, logs in as that user and sees only the Paris sub-tree', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-login').fill('paris-admin');
    await page.getByTestId('login-password').fill('paris-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('entity-selector').click();
    const options = await page.getByTestId('entity-option').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-entity-name')));
    expect(options.sort()).toEqual(['Root entity > Europe > Paris', 'Root entity > Europe > Paris > Bercy']);
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-entities').click();
    await page.locator('[data-testid="entity-node"][data-entity-name="Root entity > Europe > Paris > Bercy"]').waitFor();
    expect((await entityNames()).sort()).toEqual(['Root entity > Europe > Paris', 'Root entity > Europe > Paris > Bercy']);
    // The Admin profile reads profiles (to assign them) but holds no deployment right: no Deployment entry.
    await expect(page.getByTestId('nav-profiles').count()).resolves.toBe(1);
    await expect(page.getByTestId('nav-deploy').count()).resolves.toBe(0);
  });

  it('switches the UI to French and remembers it', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-fr').click();
    await expect(page.getByTestId('nav-entities').textContent()).resolves.toContain('Entités');
    await page.reload();
    await expect(page.getByTestId('nav-entities').textContent()).resolves.toContain('Entités');
  });
});
