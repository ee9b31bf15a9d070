import type { Locator, Page } from 'playwright-core';
import { choose, launchBrowser, screenshot } from './support/browser';
import { startWebServer, type WebServer } from './support/web-server';

/**
 * Computer groups in Chromium against the built server (MariaDB + Redis), fed by agent inventories: a dynamic
 * group built from three criteria combined with OR and NOT (live count, expression error, members), shown in the
 * navigation; a saved computer search turned into a group; a static group filled by mass action and by file import.
 */
describe('groups UI', () => {
  let server: WebServer;
  let base: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const api = (method: string, path: string, body?: object) => server.api(method, path, body);
  const inventory = (name: string, software: { name: string; version: string }[]) => server.inventory(name, software);

  beforeAll(async () => {
    server = await startWebServer('webg');
    base = server.base;
    const firefox = { name: 'Mozilla Firefox', version: '128.3' };
    await inventory('desk-01', [firefox]);
    await inventory('desk-02', [firefox, { name: 'Mozilla Thunderbird', version: '128.1' }]);
    await inventory('lab-01', [{ name: 'Chromium', version: '120.0' }]);
    await inventory('server-01', [{ name: 'nginx', version: '1.22' }]);
    await inventory('server-02', [{ name: 'nginx', version: '1.22' }, firefox]);
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
  const withText = (testId: string, text: string | RegExp): Locator => page.locator(`[data-testid="${testId}"]`, { hasText: text });

  /** Fills criterion row `index` (a new row is added first). */
  const criterion = async (index: number, field: string, operator: string, value: string) => {
    await page.getByTestId('criteria-add').click();
    const row = page.locator(`[data-testid="criterion-row"][data-number="${index + 1}"]`);
    // The panel of the row before may still be closing: the option is in the last panel opened.
    await row.getByTestId('criterion-field').click();
    await page.locator(`[data-testid="criterion-field-option"][data-key="${field}"]`).last().click();
    await row.getByTestId('criterion-operator').click();
    await page.locator(`[data-testid="criterion-operator-option"][data-value="${operator}"]`).last().click();
    await row.getByTestId('criterion-value').fill(value);
  };

  it('builds a dynamic group from three criteria combined with OR and NOT, with a live count', async () => {
    await page.getByTestId('nav-groups').click();
    await page.getByTestId('groups-table').waitFor();
    await page.getByTestId('groups-create').click();
    await page.getByTestId('group-name').fill('Desks and labs');
    await criterion(0, 'software', 'contains', 'firefox');
    await criterion(1, 'software', 'contains', 'chromium');
    await criterion(2, 'name', 'contains', 'server');
    expect((await page.getByTestId('criterion-number').allTextContents()).map((n) => n.trim())).toEqual(['1', '2', '3']);

    // Without an expression all must match: none does.
    await withText('group-preview-total', /^0$/).waitFor();
    // A mistake in the expression: the server's message shows under it.
    await page.getByTestId('criteria-expression').fill('AND(OR(1, 2), NOT(3)');
    await expect(page.getByTestId('criteria-expression-error').textContent()).resolves.toMatch(/Position 21/);
    await page.getByTestId('criteria-expression').fill('AND(OR(1, 2), NOT(3))');
    await page.getByTestId('criteria-expression-error').waitFor({ state: 'detached' });
    await withText('group-preview-total', /^3$/).waitFor();

    await page.getByTestId('group-visible').locator('input').check();
    await page.getByTestId('group-save').click();
    await page.waitForURL(/\/groups\/\d+$/);
    await withText('group-member-count', /^3$/).waitFor();
    await expect(page.getByTestId('group-expression').textContent()).resolves.toBe('AND(OR(1, 2), NOT(3))');
    await page.locator('[data-testid="computer-row"][data-name="lab-01"]').waitFor();
    expect(await rowNames()).toEqual(['desk-01', 'desk-02', 'lab-01']);
  });

  it('shows a visible group in the navigation', async () => {
    const link = page.locator('[data-testid="nav-group"][data-name="Desks and labs"]');
    await link.waitFor();
    await page.getByTestId('nav-computers').click();
    await page.locator('[data-testid="computer-row"][data-name="server-02"]').waitFor();
    await link.click();
    await page.waitForURL(/\/groups\/\d+$/);
    await page.locator('[data-testid="computer-row"][data-name="desk-01"]').waitFor();
    expect(await rowNames()).toEqual(['desk-01', 'desk-02', 'lab-01']);
  });

  it('keeps the group as a result, then removes a member by hand', async () => {
    await page.getByTestId('group-edit').click();
    await page.getByTestId('group-mode-result').locator('input').check();
    await page.getByTestId('group-save').click();
    await page.waitForURL(/\/groups\/\d+$/);
    await page.locator('[data-testid="group-summary"][data-mode="result"]').waitFor();
    // A result is not evaluated again: no Refresh, but its members can be taken out.
    expect(await page.getByTestId('group-refresh').count()).toBe(0);
    await page.locator('[data-testid="computer-row"][data-name="lab-01"] [data-testid="row-select"]').click();
    await page.getByTestId('group-remove-members').click();
    await page.getByTestId('confirm-ok').click();
    await withText('group-member-count', /^2$/).waitFor();
    await page.locator('[data-testid="computer-row"][data-name="lab-01"]').waitFor({ state: 'detached' });
    expect(await rowNames()).toEqual(['desk-01', 'desk-02']);
  });

  it('saves a computer search and makes a dynamic group of it', async () => {
    await page.getByTestId('nav-computers').click();
    await page.getByTestId('criteria-add').click();
    await choose(page, 'criterion-field', 'criterion-field-option', 'data-key', 'software');
    await page.getByTestId('criterion-value').fill('firefox');
    await page.getByTestId('criteria-search').click();
    await page.locator('[data-testid="computer-row"][data-name="lab-01"]').waitFor({ state: 'detached' });
    expect(await rowNames()).toEqual(['desk-01', 'desk-02', 'server-02']);

    await page.getByTestId('saved-searches-menu').click();
    await page.getByTestId('saved-search-save').click();
    await page.getByTestId('saved-search-name').fill('Firefox everywhere');
    await page.getByTestId('saved-search-submit').click();
    await page.getByTestId('saved-search-form').waitFor({ state: 'detached' });

    // Applying it from a plain list brings the criteria back.
    await page.goto(`${base}/computers`);
    await page.locator('[data-testid="computer-row"][data-name="lab-01"]').waitFor();
    await page.getByTestId('saved-searches-menu').click();
    const saved = page.locator('[data-testid="saved-search"][data-name="Firefox everywhere"]');
    await saved.getByTestId('saved-search-apply').click();
    await page.locator('[data-testid="computer-row"][data-name="lab-01"]').waitFor({ state: 'detached' });
    expect(await rowNames()).toEqual(['desk-01', 'desk-02', 'server-02']);

    await page.getByTestId('saved-searches-menu').click();
    await saved.getByTestId('saved-search-group').click();
    await page.waitForURL(/\/groups\/\d+$/);
    await withText('page-title', /^Firefox everywhere$/).waitFor();
    await withText('group-member-count', /^3$/).waitFor();
    await page.locator('[data-testid="computer-row"][data-name="server-02"]').waitFor();
    expect(await rowNames()).toEqual(['desk-01', 'desk-02', 'server-02']);
  });

  it('fills a static group by mass action and from a file, and removes members from it', async () => {
    const group = await api('POST', '/api/groups', { name: 'Hand-picked', kind: 'static' });

    await page.getByTestId('nav-computers').click();
    await page.locator('[data-testid="computer-row"][data-name="lab-01"]').waitFor();
    for (const name of ['lab-01', 'server-01']) {
      await page.locator(`[data-testid="computer-row"][data-name="${name}"] [data-testid="row-select"]`).click();
    }
    await page.getByTestId('mass-action-group.add').click();
    await choose(page, 'mass-input-group', 'mass-input-group-option', 'data-name', 'Hand-picked');
    await page.getByTestId('mass-input-confirm').click();
    await expect(page.getByTestId('mass-result-ok').textContent()).resolves.toMatch(/2/);
    await page.getByTestId('mass-results-close').click();

    await page.goto(`${base}/groups/${group.id}`);
    await withText('group-member-count', /^2$/).waitFor();
    await page.getByTestId('group-import').click();
    await page.getByTestId('group-import-file').setInputFiles({ name: 'members.txt', mimeType: 'text/plain', buffer: Buffer.from('desk-01\n\nlab-01\nno-such-pc\n') });
    await page.getByTestId('group-import-submit').click();
    await expect(page.getByTestId('group-import-added').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('group-import-already').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('group-import-unmatched').textContent()).resolves.toBe('no-such-pc');
    await page.getByTestId('group-import-close').click();
    await withText('group-member-count', /^3$/).waitFor();
    await page.locator('[data-testid="computer-row"][data-name="desk-01"]').waitFor();
    expect(await rowNames()).toEqual(['desk-01', 'lab-01', 'server-01']);

    await page.locator('[data-testid="computer-row"][data-name="server-01"] [data-testid="row-select"]').click();
    await page.getByTestId('group-remove-members').click();
    await page.getByTestId('confirm-ok').click();
    await withText('group-member-count', /^2$/).waitFor();
    await page.locator('[data-testid="computer-row"][data-name="server-01"]').waitFor({ state: 'detached' });
    expect(await rowNames()).toEqual(['desk-01', 'lab-01']);
  });
});
