import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { choose, launchBrowser, screenshot } from './support/browser';
import { startWebServer, type WebServer } from './support/web-server';

/**
 * The computers list in Chromium against the built server (MariaDB + Redis), fed by agent inventories: search by
 * software name, select results, export them as CSV, and move them with a core mass action.
 */
describe('computers UI', () => {
  let server: WebServer;
  let base: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const api = (method: string, path: string, body?: object) => server.api(method, path, body);
  const inventory = (name: string, software: { name: string; version: string }[]) => server.inventory(name, software);

  beforeAll(async () => {
    server = await startWebServer('webc');
    base = server.base;
    await api('POST', '/api/entities', { name: 'Workshop', parentId: 1 });
    await inventory('desk-01', [{ name: 'Mozilla Firefox', version: '128.3' }]);
    await inventory('desk-02', [{ name: 'Mozilla Firefox', version: '115.0' }]);
    await inventory('server-01', [{ name: 'nginx', version: '1.22' }]);
    browser = await launchBrowser();
    page = browser.page;
    await server.signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    const name = expect.getState().currentTestName;
    if (page && name) await screenshot(page, name.replace(/\W+/g, '-'), server?.output());
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
