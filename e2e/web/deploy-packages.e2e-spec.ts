import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, Route } from 'playwright-core';
import { choose, launchBrowser, screenshot } from './support/browser';
import { startWebServer, type WebServer } from './support/web-server';

const MIB = 1024 * 1024;

/**
 * Deployment packages in Chromium against the built server (MariaDB + Redis): a package created in the UI gets a
 * file through the resumable upload (cut by a reload half-way, then resumed with only the missing bytes sent),
 * two checks and three actions reordered by drag and drop and by the keyboard buttons, is saved (the order checked
 * through the API and in the JSON preview), then published: revision 1 becomes read-only.
 */
describe('deployment packages UI', () => {
  let server: WebServer;
  let base: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let packageId: number;
  const api = (method: string, path: string, body?: object) => server.api(method, path, body);

  // More than one upload chunk (the browser starts with 8 MiB), random so that nothing compresses it away.
  const folder = mkdtempSync(join(tmpdir(), 'parc-webd-'));
  const filePath = join(folder, 'reader-setup.msi');
  const content = randomBytes(16 * MIB + 3 * MIB + 4321);
  const sha512 = createHash('sha512').update(content).digest('hex');
  writeFileSync(filePath, content);

  beforeAll(async () => {
    server = await startWebServer('webd');
    base = server.base;
    browser = await launchBrowser();
    page = browser.page;
    await server.signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  afterEach(async () => {
    const name = expect.getState().currentTestName;
    if (page && name) await screenshot(page, name.replace(/\W+/g, '-'), server?.output());
  });

  const withText = (testId: string, text: string | RegExp): Locator => page.locator(`[data-testid="${testId}"]`, { hasText: text });
  const attributes = (testId: string, attribute: string) => page.getByTestId(testId).evaluateAll((nodes, name) => nodes.map((n) => n.getAttribute(name)), attribute);

  /** Waits until `read` gives `expected` (the UI settles after a drop), then asserts it. */
  const settles = async <T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000) => {
    const end = Date.now() + timeoutMs;
    let last = await read();
    while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      last = await read();
    }
    expect(last).toEqual(expected);
  };

  /** Drags an item of a CDK drop list by its handle onto the place of another, with real mouse moves. */
  const drag = async (handle: Locator, target: Locator) => {
    // Mouse coordinates are the viewport's: both ends must be on screen.
    await target.scrollIntoViewIfNeeded();
    await handle.scrollIntoViewIfNeeded();
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // Past the drag threshold first, then to just inside the target's upper half.
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + Math.min(20, to.height / 4), { steps: 25 });
    await page.mouse.up();
  };

  it('creates a package from the list', async () => {
    await page.getByTestId('nav-deploy').click();
    await page.waitForURL(/\/deploy\/packages$/);
    await page.getByTestId('packages-table').waitFor();
    await page.getByTestId('packages-create').click();
    await page.getByTestId('package-name').fill('Acme Reader');
    await page.getByTestId('package-description').fill('PDF reader for the offices');
    await page.getByTestId('package-recursive').locator('input').check();
    await page.getByTestId('package-save').click();
    await page.waitForURL(/\/deploy\/packages\/\d+$/);
    packageId = Number(/\/deploy\/packages\/(\d+)$/.exec(page.url())![1]);
    await withText('page-title', /^Acme Reader$/).waitFor();
    await page.locator('[data-testid="revision-row"][data-number="1"][data-status="draft"]').waitFor();

    // The list shows it with its entity and the state of its latest revision.
    await page.goto(`${base}/deploy/packages?q=reader`);
    const row = page.locator(`[data-testid="package-row"][data-package-id="${packageId}"]`);
    await row.waitFor();
    await expect(row.getByTestId('package-status').getAttribute('data-status')).resolves.toBe('draft');
  });

  it('uploads a file in chunks, survives a reload half-way, and resumes with only the missing bytes', async () => {
    await page.goto(`${base}/deploy/packages/${packageId}`);
    await page.getByTestId('package-edit-draft').click();
    await page.waitForURL(new RegExp(`/deploy/packages/${packageId}/draft$`));
    await page.getByTestId('editor-files').waitFor();

    // The second chunk is held, as if the connection hung there; the page is then reloaded.
    const chunkPattern = '**/api/deploy/uploads/*/chunks/*';
    const held: { route?: Route; offset?: number } = {};
    const secondChunk = new Promise<void>((resolve) => {
      void page.route(chunkPattern, async (route) => {
        if (route.request().url().endsWith('/chunks/0')) return route.continue();
        held.route = route;
        held.offset = Number(/\/chunks\/(\d+)$/.exec(route.request().url())![1]);
        resolve();
      });
    });
    await page.getByTestId('files-upload-input').setInputFiles(filePath);
    await secondChunk;
    // The first chunk is stored: whole MiB, less than the file.
    const first = held.offset!;
    expect(first % MIB === 0 && first > 0 && first < content.length).toBe(true);
    const uploadRow = page.locator('[data-testid="upload-item"][data-name="reader-setup.msi"][data-phase="sending"]');
    // The bar moves on with the bytes of the second chunk as the browser sends them.
    expect(Number(await uploadRow.getByTestId('upload-progress').getAttribute('data-sent'))).toBeGreaterThanOrEqual(first);
    const pending = JSON.parse((await page.evaluate<string | null>("localStorage.getItem('parc.deploy.uploads')")) ?? '[]');
    expect(pending).toEqual([expect.objectContaining({ name: 'reader-setup.msi', size: content.length })]);
    const uploadId: string = pending[0].uploadId;

    await held.route!.abort('connectionreset');
    await page.reload();
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    // After the reload: the interrupted upload, where the server is.
    const interrupted = page.locator(`[data-testid="upload-interrupted"][data-upload-id="${uploadId}"]`);
    const percent = Math.floor((first / content.length) * 100);
    await interrupted.getByTestId('upload-interrupted-text').filter({ hasText: `(${percent} %)` }).waitFor();
    await expect(api('GET', `/api/deploy/uploads/${uploadId}`)).resolves.toMatchObject({ offset: first, status: 'open' });

    const sentOffsets: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/deploy\/uploads\/[^/]+\/chunks\/(\d+)$/.exec(request.url());
      if (match && request.method() === 'PUT') sentOffsets.push(match[1]);
    });
    await interrupted.getByTestId('upload-resume-input').setInputFiles(filePath);
    const fileItem = page.locator(`[data-testid="file-item"][data-sha512="${sha512}"]`);
    await fileItem.waitFor();
    await interrupted.waitFor({ state: 'detached' });
    // Only the missing bytes went: from where the server was, on.
    expect(sentOffsets[0]).toBe(String(first));
    expect(sentOffsets.map(Number).every((offset, i, all) => offset >= first && (i === 0 || offset > all[i - 1]))).toBe(true);
    await expect(fileItem.getByTestId('file-name').inputValue()).resolves.toBe('reader-setup.msi');
    await expect(fileItem.getByTestId('file-size').getAttribute('data-bytes')).resolves.toBe(String(content.length));
    await expect(page.evaluate("localStorage.getItem('parc.deploy.uploads')")).resolves.toBeNull();

    // The repository holds the file under the SHA-512 of its content.
    await expect(api('GET', `/api/deploy/files/${sha512}`)).resolves.toMatchObject({ sha512, size: content.length });
  });

  it('edits checks and actions, reorders them by drag and drop and with the buttons, and saves them in order', async () => {
    // Two checks: a file check, then a free-space check with a size.
    await page.getByTestId('checks-add').click();
    const firstCheck = page.locator('[data-testid="check-item"][data-index="0"]');
    await firstCheck.getByTestId('check-path').fill('C:\\Program Files\\Acme\\reader.exe');
    await choose(page, 'check-outcome', 'check-outcome-option', 'data-value', 'skip');
    await page.getByTestId('checks-add').click();
    const secondCheck = page.locator('[data-testid="check-item"][data-index="1"]');
    await secondCheck.getByTestId('check-type').click();
    await page.locator('[data-testid="check-type-option"][data-value="freespaceGreater"]').click();
    await secondCheck.getByTestId('check-path').fill('C:\\');
    // Free space is a whole number of megabytes: the mistake shows under the field before saving.
    await secondCheck.getByTestId('check-value').fill('lots');
    await secondCheck.getByTestId('check-path').click();
    await secondCheck.locator('mat-error', { hasText: /whole number of megabytes/ }).waitFor();
    await secondCheck.getByTestId('check-value').fill('500');

    // Three actions: a command, a copy, a mkdir.
    await page.getByTestId('actions-add').click();
    await page.getByTestId('action-add-cmd').click();
    const install = page.locator('[data-testid="action-item"][data-index="0"]');
    await install.getByTestId('action-name').fill('Install');
    await install.getByTestId('action-exec').fill('msiexec /i reader-setup.msi /qn');
    await install.getByTestId('retcheck-values').fill('0\n3010');
    await page.getByTestId('actions-add').click();
    await page.getByTestId('action-add-copy').click();
    const config = page.locator('[data-testid="action-item"][data-index="1"]');
    await config.getByTestId('action-name').fill('Config');
    await config.getByTestId('action-from').fill('reader.ini');
    await config.getByTestId('action-to').fill('C:\\ProgramData\\Acme\\');
    await page.getByTestId('actions-add').click();
    await page.getByTestId('action-add-mkdir').click();
    const logs = page.locator('[data-testid="action-item"][data-index="2"]');
    await logs.getByTestId('action-name').fill('Logs');
    await logs.getByTestId('action-paths').fill('C:\\ProgramData\\Acme\\logs');
    expect(await attributes('action-item', 'data-name')).toEqual(['Install', 'Config', 'Logs']);

    // Drag and drop: the free-space check first, the mkdir first.
    await drag(secondCheck.getByTestId('check-drag'), firstCheck);
    await settles(() => attributes('check-item', 'data-type'), ['freespaceGreater', 'fileExists']);
    await drag(page.locator('[data-testid="action-item"][data-name="Logs"]').getByTestId('action-drag'), page.locator('[data-testid="action-item"][data-index="0"]'));
    await settles(() => attributes('action-item', 'data-name'), ['Logs', 'Install', 'Config']);
    // The keyboard way: Config one step up.
    await page.locator('[data-testid="action-item"][data-name="Config"]').getByTestId('action-up').locator('button').click();
    await settles(() => attributes('action-item', 'data-name'), ['Logs', 'Config', 'Install']);

    await page.getByTestId('editor-unsaved').waitFor();
    await page.getByTestId('editor-save').click();
    await page.getByTestId('editor-unsaved').waitFor({ state: 'detached' });

    const saved = await api('GET', `/api/deploy/packages/${packageId}/revisions/1`);
    expect(saved.status).toBe('draft');
    expect(saved.definition.checks.map((c: { type: string }) => c.type)).toEqual(['freespaceGreater', 'fileExists']);
    expect(saved.definition.checks[0]).toMatchObject({ path: 'C:\\', value: '500', outcome: 'error' });
    expect(saved.definition.checks[1]).toMatchObject({ path: 'C:\\Program Files\\Acme\\reader.exe', value: '', outcome: 'skip' });
    expect(saved.definition.actions.map((a: { name: string }) => a.name)).toEqual(['Logs', 'Config', 'Install']);
    expect(saved.definition.actions[2]).toMatchObject({ type: 'cmd', exec: 'msiexec /i reader-setup.msi /qn', retChecks: [{ type: 'okCode', values: ['0', '3010'] }] });
    expect(saved.definition.actions[0]).toEqual({ type: 'mkdir', name: 'Logs', list: ['C:\\ProgramData\\Acme\\logs'] });
    expect(saved.definition.files).toEqual([{ sha512, name: 'reader-setup.msi', p2p: false, p2pRetentionMinutes: 0, uncompress: false }]);
  });

  it('shows the saved job in the JSON preview, in order', async () => {
    const preview = page.getByTestId('json-preview');
    await settles(async () => ((await preview.textContent()) ?? '').includes('"mkdir"'), true);
    const job = JSON.parse((await preview.textContent())!);
    expect(job.job.checks.map((c: { type: string }) => c.type)).toEqual(['freespaceGreater', 'fileExists']);
    expect(job.job.actions.map((a: Record<string, unknown>) => Object.keys(a)[0])).toEqual(['mkdir', 'copy', 'cmd']);
    expect(job.job.associatedFiles).toEqual([sha512]);
    expect(job.associatedFiles[sha512]).toMatchObject({ name: 'reader-setup.msi', p2p: 0, uncompress: 0 });
  });

  it('publishes the draft: revision 1 becomes read-only', async () => {
    await page.getByTestId('editor-publish').click();
    await page.getByTestId('confirm-ok').click();
    await page.waitForURL(new RegExp(`/deploy/packages/${packageId}/revisions/1$`));
    const editor = page.locator('[data-testid="revision-editor"][data-number="1"][data-status="published"][data-read-only="true"]');
    await editor.waitFor();
    await page.getByTestId('editor-read-only').waitFor();
    expect(await page.getByTestId('editor-save').count()).toBe(0);
    expect(await page.getByTestId('checks-add').count()).toBe(0);
    expect(await page.getByTestId('action-drag').count()).toBe(0);
    await expect(page.locator('[data-testid="check-item"][data-index="0"]').getByTestId('check-path').isDisabled()).resolves.toBe(true);
    expect(await attributes('action-item', 'data-name')).toEqual(['Logs', 'Config', 'Install']);

    const pkg = await api('GET', `/api/deploy/packages/${packageId}`);
    expect(pkg.revisions).toEqual([expect.objectContaining({ number: 1, status: 'published' })]);
    await page.goto(`${base}/deploy/packages/${packageId}`);
    await page.locator('[data-testid="revision-row"][data-number="1"][data-status="published"]').waitFor();
    await page.locator('[data-testid="revision-row"][data-number="1"]').getByTestId('revision-retire').waitFor();
    expect(await page.getByTestId('revision-publish').count()).toBe(0);
  });

  it('starts a new draft from the published revision and compares the two', async () => {
    await page.getByTestId('package-edit-draft').click();
    await page.waitForURL(new RegExp(`/deploy/packages/${packageId}/draft$`));
    await page.locator('[data-testid="revision-editor"][data-number="2"][data-status="draft"][data-read-only="false"]').waitFor();
    const install = page.locator('[data-testid="action-item"][data-name="Install"]');
    await install.getByTestId('action-exec').fill('msiexec /i reader-setup.msi /qn /norestart');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('editor-unsaved').waitFor({ state: 'detached' });

    await page.goto(`${base}/deploy/packages/${packageId}`);
    await page.locator('[data-testid="revision-row"][data-number="2"][data-status="draft"]').waitFor();
    await page.getByTestId('diff-show').click();
    const change = page.locator('[data-testid="diff-change"][data-path="actions[2].exec"][data-kind="changed"]');
    await change.waitFor();
    await expect(change.textContent()).resolves.toContain('/norestart');
    expect(await page.getByTestId('diff-change').count()).toBe(1);
  });

  it('exports revision 1 and imports it as a new package', async () => {
    const downloading = page.waitForEvent('download');
    await page.locator('[data-testid="revision-row"][data-number="1"]').getByTestId('revision-export').locator('button').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.tar$/);
    const archive = join(folder, download.suggestedFilename());
    await download.saveAs(archive);

    await page.goto(`${base}/deploy/packages`);
    await page.getByTestId('packages-import').click();
    await page.getByTestId('package-import-file').setInputFiles(archive);
    await page.getByTestId('package-import-submit').click();
    await page.waitForURL((url) => /\/deploy\/packages\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${packageId}`));
    const imported = Number(/\/deploy\/packages\/(\d+)$/.exec(page.url())![1]);
    await page.locator('[data-testid="revision-row"][data-number="1"][data-status="draft"]').waitFor();
    const copy = await api('GET', `/api/deploy/packages/${imported}/revisions/1`);
    expect(copy.definition.actions.map((a: { name: string }) => a.name)).toEqual(['Logs', 'Config', 'Install']);
    expect(copy.definition.files.map((f: { sha512: string }) => f.sha512)).toEqual([sha512]);
  });

  it('creates a mirror and an interaction template, and a message of the draft uses the template', async () => {
    await page.goto(`${base}/deploy/mirrors`);
    await page.getByTestId('mirrors-create').click();
    await page.getByTestId('mirror-name').fill('Site A');
    await page.getByTestId('mirror-url').fill('http://mirror.site-a/parc/');
    await page.getByTestId('mirror-networks').fill('10.1.0.0/16\nlab');
    await page.getByTestId('mirror-save').click();
    await page.locator('mat-error', { hasText: 'lab is not a network' }).waitFor();
    await page.getByTestId('mirror-networks').fill('10.1.0.0/16\n2001:db8::/32');
    await page.getByTestId('mirror-save').click();
    const mirror = page.locator('[data-testid="mirror-row"][data-name="Site A"]');
    await mirror.waitFor();
    await expect(mirror.textContent()).resolves.toMatch(/10\.1\.0\.0\/16.*2001:db8::\/32/);
    await expect(api('GET', '/api/deploy/mirrors')).resolves.toMatchObject({ items: [expect.objectContaining({ name: 'Site A', networks: ['10.1.0.0/16', '2001:db8::/32'], active: true })] });

    await page.getByTestId('deploy-tab-templates').click();
    await page.getByTestId('templates-create').click();
    await page.getByTestId('template-name').fill('Ask first');
    await choose(page, 'template-buttons', 'template-buttons-option', 'data-value', 'yesno');
    await page.getByTestId('template-behaviour-on_no').click();
    await page.locator('mat-option[data-value="stop:postpone"]').click();
    await page.getByTestId('template-save').click();
    await page.locator('[data-testid="template-row"][data-name="Ask first"]').waitFor();
    const [template] = (await api('GET', '/api/deploy/interaction-templates')).items;
    expect(template).toMatchObject({ name: 'Ask first', buttons: 'yesno', behaviours: { on_no: 'stop:postpone' } });

    await page.goto(`${base}/deploy/packages/${packageId}/draft`);
    await page.getByTestId('interactions-add').click();
    await page.getByTestId('interaction-add-before').click();
    await page.getByTestId('interaction-title').fill('Acme Reader');
    await page.getByTestId('interaction-text').fill('Close your PDFs, %u.');
    await choose(page, 'interaction-template', 'interaction-template-option', 'data-value', String(template.id));
    await page.getByTestId('interaction-from-template').waitFor();
    await page.getByTestId('editor-save').click();
    await page.getByTestId('editor-unsaved').waitFor({ state: 'detached' });
    const draft = await api('GET', `/api/deploy/packages/${packageId}/revisions/2`);
    expect(draft.definition.userInteractions).toEqual([
      expect.objectContaining({ event: 'before', title: 'Acme Reader', text: 'Close your PDFs, %u.', templateId: template.id, buttons: 'yesno' }),
    ]);
  });
});
