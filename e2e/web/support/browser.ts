import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const WEB_INDEX = resolve(__dirname, '../../../web/dist/browser/index.html');
export const SCREENSHOTS = resolve(__dirname, '../../../reports/screenshots');

/** Debian's Chromium, headless, with a fresh profile (never a downloaded browser). */
export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run npm run build first`);
  const profile = mkdtempSync(join(tmpdir(), 'parc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  keepJournal(page);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const journals = new WeakMap<Page, string[]>();

/** What went wrong in the page, for the log written beside each screenshot: errors and refused requests. */
function keepJournal(page: Page): void {
  const journal: string[] = [];
  journals.set(page, journal);
  const note = (line: string) => journal.push(`${new Date().toISOString()} ${line}`);
  page.on('console', (message) => message.type() === 'error' && note(`console: ${message.text()}`));
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('requestfailed', (request) => note(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => response.status() >= 400 && note(`${response.status()}: ${response.request().method()} ${response.url()}`));
}

/**
 * After each test: a screenshot, and beside it a log of the page's errors and refused requests since the previous
 * test, with the server's output (warnings and errors) when given, so that a failure in CI can be understood.
 */
export async function screenshot(page: Page, name: string, serverOutput?: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const journal = journals.get(page)?.splice(0) ?? [];
  writeFileSync(join(SCREENSHOTS, `${name}.log`), [`url: ${page.url()}`, ...journal, '--- server output ---', serverOutput ?? '(not given)'].join('\n') + '\n');
}

/** Picks an option of a Material select by the text or attribute of the option. */
export async function choose(page: Page, selectTestId: string, optionTestId: string, attribute: string, value: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.locator(`[data-testid="${optionTestId}"][${attribute}="${value}"]`).click();
}
