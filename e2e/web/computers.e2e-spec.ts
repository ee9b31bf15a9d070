import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OCS_UA, ocsInventory } from '../api/support/agents';
import { type ServerProcess, startServer, waitFor } from '../api/support/processes';
import { ADMIN_PASSWORD, freshDatabaseUrl, REDIS_URL } from '../api/support/test-app';
import { choose, launchBrowser, screenshot } from './support/browser';

/**
 * The computers list in Chromium against the built server (MariaDB + Redis), fed by agent inventories: search by
 * software name, select results, export them as CSV, and move them with a core mass action.
 */
describe('computers UI', () => {
  let server: ServerProcess;
  let base: string;
  let dropDatabase: () => Promise<void>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let token: string;

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

  beforeAll(async () => {
    const db = await freshDatabaseUrl('mariadb');
    dropDatabase = db.drop;
    const port = 20000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    server = startServer({ DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: `parc-webc-${port}`, ADMIN_PASSWORD, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-webc-')) });
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000, 'the server');
    token = (await api('POST', '/api/auth/login', { login: 'admin', password: ADMIN_PASSWORD })).accessToken;
    await api('POST', '/api/entities', { name: 'Workshop', parentId: 1 });
    await inventory('desk-01', [{ name: 'Mozilla Firefox', version: '128.3' }]);
    await inventory('desk-02', [{ name: 'Mozilla Firefox', version: '115.0' }]);
    await inventory('server-01', [{ name: 'nginx', version: '1.22' }]);
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${base}/login`);
    await page.getByTestId('login-login').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('entity-selector').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await dropDatabase?.();
  });

  afterEach(async () => {
    const name = expect.getState().currentTestName;
    if (page && name) await screenshot(page, name.replace(/\W+/g, '-'));
  });

  const rowNames = () => page.getByTestId('computer-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')).sort());

  it('searches computers by software name', async () => {
    await page.getByTestId('nav-computers').click();
    await page.locator('[data-testid="computer-row"][data-name="server-01"]').waitFor();
    await page.getByTestId('criteria-add').click();
    await choose(page, 'criterion-field', 'criterion-field-option', 'data-key', 'software');
    await choose(page, 'criterion-operator', 'criterion-operator-option', 'data-value', 'contains');
    await page.getByTestId('criterion-value').fill('firefox');
    await page.getByTestId('criteria-search').click();
    await page.locator('[data-testid="computer-row"][data-name="server-01"]').waitFor({ state: 'detached' });
    expect(await rowNames()).toEqual(['desk-01', 'desk-02']);
    await expect(page.getByTestId('computers-total').textContent()).resolves.toMatch(/\b2\b/);
    // The search is in the URL: it survives a reload.
    expect(decodeURIComponent(page.url())).toContain('"field":"software"');
    await page.reload();
    await page.locator('[data-testid="computer-row"][data-name="desk-01"]').waitFor();
    expect(await rowNames()).toEqual(['desk-01', 'desk-02']);
  });

  it('selects the results and exports them as CSV', async () => {
    await page.getByTestId('select-page').click();
    await expect(page.getByTestId('mass-selection-count').textContent()).resolves.toMatch(/2/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-selection').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^computers-\d{8}\.csv$/);
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^name,/);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['desk-01', 'desk-02']);
  });

  it('moves the selection to another entity with a core mass action', async () => {
    await page.getByTestId('mass-action-computer.move').click();
    await choose(page, 'mass-input-entity', 'mass-input-entity-option', 'data-entity-name', 'Root entity > Workshop');
    await page.getByTestId('mass-input-confirm').click();
    await page.getByTestId('mass-action-results').waitFor();
    await expect(page.getByTestId('mass-result-ok').textContent()).resolves.toMatch(/2/);
    await page.getByTestId('mass-results-close').click();
    const moved = await api('GET', `/api/computers?criteria=${encodeURIComponent(JSON.stringify([{ field: 'entity', operator: 'equals', value: 'Root entity > Workshop' }]))}`);
    expect(moved.items.map((c: { name: string }) => c.name).sort()).toEqual(['desk-01', 'desk-02']);
  });

  it('renames a computer by hand: the name is locked against inventories until unlocked', async () => {
    await page.locator('[data-testid="computer-row"][data-name="desk-01"] [data-testid="computer-link"]').click();
    await page.getByTestId('computer-edit').click();
    await page.getByTestId('computer-edit-name').fill('Reception desk');
    await page.getByTestId('computer-edit-save').click();
    await page.getByTestId('computer-name-locked').waitFor();
    await inventory('desk-01', [{ name: 'Mozilla Firefox', version: '128.3' }]);
    await page.reload();
    await expect(page.getByTestId('computer-name').textContent()).resolves.toBe('Reception desk');
    await page.getByTestId('computer-name-unlock').click();
    await page.getByTestId('computer-name-locked').waitFor({ state: 'detached' });
  });
});
