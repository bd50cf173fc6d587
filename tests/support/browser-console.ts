import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-district';
import { startDemoServer } from './demo-server';
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
   * Picks a unit in a UnitPicker (searched on the server by name) and waits until the select shows it:
   * under load the search's answer can replace the options under the click, so it tries again.
   */
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
  return {
    t,
    base,
    browser,
    async signedIn(username, viewport = OFFICE, password = DEMO_PASSWORD) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      // The machine may be shared: a step may wait on a busy server and worker longer than the default 30 s.
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
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
    async pickUnit(field, name, kindLabel) {
      const title = `${name}（${kindLabel}）`;
      // The select around the field's input, whatever the field's own locator starts from (a dialog, the page).
      const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
      for (let attempt = 1; ; attempt++) {
        await field.fill(name);
        await field.page().getByTitle(title).first().click();
        if ((await select.textContent())?.includes(title)) return;
        if (attempt === 3) throw new Error(`the unit picker did not take ${title}`);
      }
    },
    shot: (page, shotName) => page.screenshot({ path: join(SCREENSHOTS, `${shotName}.png`), fullPage: false }),
    async stop() {
      await browser.close();
      await t.stop();
    },
  };
}
