import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-district';
import { startDemoServer } from './demo-server';
import { FAILURE_STATE_HOOK } from './failure-state-environment';
import { TestApp } from './test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '../../docs/screenshots');
export const OFFICE = { width: 1366, height: 768 };
export const PHONE = { width: 360, height: 800 };

export interface ConsoleHarness {
  t: TestApp;
  /** The server's address, e.g. http://127.0.0.1:41234. */
  base: string;
  browser: Browser;
  /** A new browser context signed in through the sign-in page, on 我的任务. */
  signedIn(
    username: string,
    viewport?: { width: number; height: number },
    password?: string,
  ): Promise<{ context: BrowserContext; page: Page }>;
  /** Picks an option of an Ant Design select by its label, as a keyboard user would: open, type, Enter. */
  chooseOption(page: Page, label: string, option: string): Promise<void>;
  /**
   * Picks an option of a select or an AutoComplete that searches as one types: types, clicks the option whose
   * title is `option`, and waits until the field shows it (a select's choice or tag, an AutoComplete's text).
   * Under load a click can land while the options are still being placed, or replaced by a search's answer
   * (both seen in CI), so it tries again, saying so in the log.
   */
  pickOption(field: Locator, typed: string, option: string): Promise<void>;
  /** Picks a unit in a UnitPicker (searched on the server by name), shown as 名称（类别）. */
  pickUnit(field: Locator, name: string, kindLabel: string): Promise<void>;
  /** Saves the page into docs/screenshots (the README shows them). */
  shot(page: Page, name: string): Promise<Buffer>;
  stop(): Promise<void>;
}

/**
 * The console's browser tests' world: the real server (serving the built console) and worker on the demo
 * district in a database of their own (`orchestrator_test_<run>_<name>`), listening on a free port, and
 * Debian's Chromium driven by playwright-core, started without the background traffic a closed network refuses.
 */
export async function startConsole(name: string): Promise<ConsoleHarness> {
  if (!existsSync(join(__dirname, '../../dist/web/index.html')))
    throw new Error('dist/web is missing: run npm run build:web (npm test does)');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { t, base } = await startDemoServer(name);
  const watched = new Set<WatchedPage>();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  (globalThis as Record<string, unknown>)[FAILURE_STATE_HOOK] = () => describePages(watched);
  return {
    t,
    base,
    browser,
    async signedIn(username, viewport = OFFICE, password = DEMO_PASSWORD) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      // The machine may be shared: a step may wait on a busy server and worker longer than the default 30 s.
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      watch(watched, page, `${username} ${viewport.width}×${viewport.height}`);
      await page.goto(`${base}/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('heading', { name: '我的任务' }).waitFor();
      return { context, page };
    },
    async chooseOption(page, label, option) {
      await page.getByLabel(label).click();
      await page.getByLabel(label).pressSequentially(option);
      await page.getByLabel(label).press('Enter');
    },
    pickOption,
    pickUnit: (field, name, kindLabel) => pickOption(field, name, `${name}（${kindLabel}）`),
    shot: (page, shotName) => page.screenshot({ path: join(SCREENSHOTS, `${shotName}.png`), fullPage: false }),
    async stop() {
      delete (globalThis as Record<string, unknown>)[FAILURE_STATE_HOOK];
      await browser.close();
      await t.stop();
    },
  };
}

/** See `ConsoleHarness.pickOption`. */
async function pickOption(field: Locator, typed: string, option: string): Promise<void> {
  const page = field.page();
  const choice = page.locator('.ant-select-item-option:visible').and(page.getByTitle(option, { exact: true }));
  // The select around the field's input, whatever the field's own locator starts from (a dialog, the page).
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const shown = async () => (await select.textContent())?.includes(option) || (await field.inputValue()) === option;
  for (let attempt = 1; ; attempt++) {
    // Emptied first: the same text typed again is no change, and would not search or open the options.
    await field.fill('');
    await field.fill(typed);
    await choice.click();
    if (await within(2_000, shown)) return;
    if (attempt === 3) throw new Error(`the field did not take the option ${option} in 3 clicks`);
    console.warn(`click ${attempt} on the option ${option} was not taken: again`);
  }
}

/** Whether `holds` answers true within `ms` milliseconds (asked every 100 ms). */
async function within(ms: number, holds: () => Promise<boolean>): Promise<boolean> {
  for (const end = Date.now() + ms; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (await holds()) return true;
    if (Date.now() > end) return false;
  }
}

/** A page the harness opened, with the last things that went wrong in it (kept for a failure's report). */
interface WatchedPage {
  label: string;
  page: Page;
  troubles: string[];
}

const TROUBLES_KEPT = 20;

function watch(watched: Set<WatchedPage>, page: Page, label: string): void {
  const entry: WatchedPage = { label, page, troubles: [] };
  const note = (trouble: string) => {
    entry.troubles.push(`${new Date().toISOString().slice(11, 23)} ${trouble}`);
    if (entry.troubles.length > TROUBLES_KEPT) entry.troubles.shift();
  };
  const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  page.on('response', (response) => {
    if (response.status() >= 400) note(`${response.status()} ${response.request().method()} ${path(response.url())}`);
  });
  page.on('requestfailed', (request) => note(`failed ${request.method()} ${path(request.url())}: ${request.failure()?.errorText}`));
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') note(`console: ${message.text()}`);
  });
  page.on('close', () => watched.delete(entry));
  watched.add(entry);
}

/** What each open page shows: its address, open dialogs, alerts and messages, fields' values, failed requests. */
async function describePages(watched: Set<WatchedPage>): Promise<string> {
  const parts: string[] = [];
  for (const { label, page, troubles } of watched) {
    let timer: NodeJS.Timeout | undefined;
    const seen = await Promise.race([
      page.evaluate<string>(READ_PAGE).catch((error: Error) => `(page not readable: ${error.message})`),
      new Promise<string>((resolve) => (timer = setTimeout(() => resolve('(page did not answer within 5 s)'), 5_000))),
    ]).finally(() => clearTimeout(timer));
    parts.push(`--- ${label} at ${page.url()}\n${seen}\nwent wrong: ${troubles.length ? troubles.join('\n  ') : 'nothing seen'}`);
  }
  return parts.join('\n') || '(no page open)';
}

/**
 * Runs in the page (a string: the tests are compiled without the DOM's types): the text a person would read
 * there now, open dialogs and alerts first, then the fields' values and the page's own text.
 */
const READ_PAGE = `(() => {
  const visible = (element) => element.getClientRects().length > 0;
  const text = (element, limit) => (element.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, limit);
  const all = (selector) => [...document.querySelectorAll(selector)].filter(visible);
  return [
    ...all('.ant-modal, .ant-drawer-content').map((dialog) => 'dialog: ' + text(dialog, 600)),
    ...all('[role="alert"], .ant-message-notice, .ant-notification-notice').map((alert) => 'alert: ' + text(alert, 300)),
    ...all('input, textarea')
      .filter((field) => field.value && !['password', 'checkbox', 'radio'].includes(field.type))
      .map((field) => 'field ' + (field.getAttribute('aria-label') || field.id || field.name) + ': ' + field.value.slice(0, 100)),
    'page: ' + text(document.body, 1500),
  ].join('\\n');
})()`;
