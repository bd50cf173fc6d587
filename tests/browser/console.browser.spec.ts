import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../../src/demo/demo-district';
import { generateRegister } from '../../src/demo/register-generator';
import { REGISTER_COLUMNS, REGISTER_HEADERS } from '../../src/domain/register-row';
import { Task } from '../../src/tasks/task.entity';
import { TestApp } from '../support/test-app';
import { ConsoleHarness, OFFICE, PHONE, startConsole } from '../support/browser-console';

/**
 * The web console in Debian's Chromium, driven by playwright-core, against the real server, worker,
 * Temporal, PostgreSQL and Redis, on the demo district. The flows run in order, as a bureau's day would.
 * Screenshots of the main pages go to docs/screenshots (the README shows them).
 */

jest.setTimeout(120_000);

describe('web console in a real browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let register: { row: Record<string, string>; idNumber: string; name: string; villageCode: string }[];
  let staffVillageCode: string;
  let campaignId: string;
  let staffTaskId: string;
  const work = join(tmpdir(), `console-browser-${process.pid}`);

  let c: ConsoleHarness;

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    c = await startConsole('browser');
    ({ t, base, browser } = c);
  });
  afterAll(() => c?.stop());

  const signedIn = (username: string, viewport = OFFICE) => c.signedIn(username, viewport);
  const chooseOption = (page: Page, label: string, option: string) => c.chooseOption(page, label, option);
  const shot = (page: Page, name: string) => c.shot(page, name);

  it('signs in as each demo role and shows that role its menu; a wrong password says so', async () => {
    const expected: Record<string, { has: string[]; lacks: string[] }> = {
      admin: { has: ['我的任务', '逾期督办', '人口导入'], lacks: [] },
      manager: { has: ['我的任务', '逾期督办', '专项行动'], lacks: ['人口导入'] },
      staff: { has: ['我的任务', '消息'], lacks: ['逾期督办', '人口导入'] },
    };
    for (const [username, menu] of Object.entries(expected)) {
      const { context, page } = await signedIn(username);
      const nav = page.getByRole('menu', { name: '主菜单' });
      for (const item of menu.has) await expect(nav.getByText(item, { exact: true }).count()).resolves.toBe(1);
      for (const item of menu.lacks) await expect(nav.getByText(item, { exact: true }).count()).resolves.toBe(0);
      // The session survives a reload.
      await page.reload();
      await page.getByRole('heading', { name: '我的任务' }).waitFor();
      await context.close();
    }
    const context = await browser.newContext({ viewport: OFFICE });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('staff');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码错误');
    await context.close();
  });

  it('an admin imports a small register and launches a campaign, and watches its progress bar finish', async () => {
    const { context, page } = await signedIn('admin');
    const admin = await t.login('admin', DEMO_PASSWORD);
    const township = (await t.http.get('/api/units?q=中子镇&kind=township').set('Authorization', `Bearer ${admin}`)).body.items[0];
    const villages = (await t.http.get(`/api/units/${township.id}/subtree?kind=village`).set('Authorization', `Bearer ${admin}`)).body as {
      code: string;
    }[];
    // The village doctor's village (staff see only their own unit: the admin looks it up).
    const staffUnitId = (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${await t.login('staff', DEMO_PASSWORD)}`)).body
      .unitId;
    const clinic = (await t.http.get(`/api/units/${staffUnitId}`).set('Authorization', `Bearer ${admin}`)).body;
    staffVillageCode = (await t.http.get(`/api/units/${clinic.parentId}`).set('Authorization', `Bearer ${admin}`)).body.code;
    // A register of two households a village; the first seed that gives the doctor's village at least three persons.
    const generate = (seed: number) =>
      [
        ...generateRegister({
          villageCodes: villages.map((v) => v.code),
          households: villages.length * 2,
          persons: villages.length * 5,
          seed,
        }),
      ].map((r) => ({
        row: r,
        idNumber: r[REGISTER_COLUMNS.idNumber],
        name: r[REGISTER_COLUMNS.name],
        villageCode: r[REGISTER_COLUMNS.villageCode],
      }));
    let seed = 1;
    while (generate(seed).filter((p) => p.villageCode === staffVillageCode).length < 3) seed++;
    register = generate(seed);
    const rows = register.map((p) => p.row);
    const csv = [REGISTER_HEADERS.join(','), ...rows.map((r) => REGISTER_HEADERS.map((h) => r[h] ?? '').join(','))].join('\n');
    writeFileSync(join(work, '名册.csv'), csv);

    await page.getByRole('link', { name: '人口导入' }).click();
    await page.getByTestId('register-file').setInputFiles(join(work, '名册.csv'));
    await page.getByTestId('import-status').filter({ hasText: '已完成' }).waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-progress').textContent()).resolves.toContain('已完成');
    await shot(page, 'admin-register-import');

    await page.getByRole('link', { name: '专项行动' }).click();
    await page.getByRole('button', { name: '新建专项行动' }).click();
    const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('名称').fill('中子镇疾病再识别');
    await c.pickUnit(page.getByLabel('范围（市、县区或乡镇）'), '中子镇', '乡镇');
    await page.getByLabel('开始日期').fill(day(0));
    await page.getByLabel('结束日期').fill(day(30));
    await page.getByLabel('完成时限').fill(day(10));
    await page.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('campaign-status').filter({ hasText: '草稿' }).waitFor();
    campaignId = page.url().split('/campaigns/')[1]!;
    await page.getByRole('button', { name: /启\s*动/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /启\s*动/ })
      .click();
    await page.getByTestId('campaign-status').filter({ hasText: '进行中' }).waitFor({ timeout: 60_000 });
    await page
      .getByTestId('launch-progress')
      .getByText('100%')
      .or(page.getByTestId('launch-progress').locator('.anticon-check-circle'))
      .first()
      .waitFor();
    await page.getByTestId('progress-table').waitFor();
    await shot(page, 'admin-campaign');
    await context.close();
  });

  it('a village doctor on a phone records results by form and by upload (a planted error shown on its row), adds evidence and submits', async () => {
    const mine = register.filter((p) => p.villageCode === staffVillageCode);

    const { context, page } = await signedIn('staff', PHONE);
    await page.getByTestId('task-card').first().getByRole('link').click();
    await page.getByRole('tab', { name: '识别人员' }).waitFor();
    staffTaskId = page.url().split('/tasks/')[1].split('?')[0]!;
    await page.getByTestId('masked-id').first().waitFor();
    await shot(page, 'staff-phone-task');
    // The ID numbers are masked on the page.
    const shown = await page.getByTestId('masked-id').allTextContents();
    for (const text of shown) expect(text).toMatch(/\*/);

    // One by form: the first person has a chronic disease.
    const [first, ...rest] = mine;
    await page.getByRole('button', { name: `录入 ${first.name} 的识别结果` }).click();
    await page.getByLabel('患病').check();
    await c.pickOption(page.getByRole('combobox', { name: '疾病' }), 'C01', 'C01 原发性高血压');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`已录入 ${first.name}`).waitFor();

    // By upload: a planted error (an unknown outcome) refuses the file and is shown on its row.
    const header = '身份证号,识别结果,疾病,说明';
    const bad = [header, ...rest.map((p, i) => `${p.idNumber},${i === 0 ? '不知道' : '未患目录内疾病'},,`)].join('\n');
    writeFileSync(join(work, '结果-有错.csv'), bad);
    await page.getByTestId('results-file').setInputFiles(join(work, '结果-有错.csv'));
    const errors = page.getByTestId('row-errors');
    await errors.waitFor();
    const errorRow = errors.locator('tbody tr').first();
    await expect(errorRow.textContent()).resolves.toContain(rest[0].idNumber);
    await expect(errorRow.textContent()).resolves.toContain('识别结果');
    await shot(page, 'staff-phone-upload-errors');
    await page.keyboard.press('Escape');

    const good = [header, ...rest.map((p) => `${p.idNumber},未患目录内疾病,,`)].join('\n');
    writeFileSync(join(work, '结果.csv'), good);
    await page.getByTestId('results-file').setInputFiles(join(work, '结果.csv'));
    await page.getByText(`已录入 ${rest.length} 人的识别结果`).waitFor();

    // Evidence, then submit.
    await page.getByRole('tab', { name: '佐证资料' }).click();
    writeFileSync(join(work, '入户核实.png'), readFileSync(join(__dirname, '../../docs/screenshots/staff-phone-task.png')));
    await page.getByTestId('evidence-file').setInputFiles(join(work, '入户核实.png'));
    await page.getByTestId('evidence-item').filter({ hasText: '入户核实.png' }).waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByTestId('task-status').filter({ hasText: '已提交待审核' }).waitFor();
    await context.close();
  });

  it('the manager sees the overdue unit, approves its submission, and the unit leaves the overdue board', async () => {
    // As the board finds it a day after the due time.
    await t.app
      .get(DataSource)
      .getRepository(Task)
      .update({ id: staffTaskId }, { dueAt: new Date(Date.now() - 86_400_000 - 60_000) });
    const { context, page } = await signedIn('manager');
    await page.goto(`${base}/oversight?campaignId=${campaignId}`);
    const board = page.getByTestId('overdue-board');
    await board.getByTestId('overdue-unit').first().waitFor();
    const before = await board.getByTestId('overdue-unit').allTextContents();
    expect(before.length).toBe(1);
    await shot(page, 'manager-overdue-board');

    await page.goto(`${base}/tasks/${staffTaskId}`);
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByTestId('task-status').filter({ hasText: '已通过' }).waitFor();

    await page.goto(`${base}/oversight?campaignId=${campaignId}`);
    await page.getByText('没有逾期任务').waitFor();
    await context.close();
  });

  it('a treatment round from those results: the centre refers the case, the hospital admits and treats it on their task pages, the rate reaches 100 %', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    const hospital = (await t.http.get('/api/units?kind=designated_hospital&q=人民医院').set('Authorization', `Bearer ${admin}`)).body
      .items[0];
    const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const round = {
      startsOn: day(0),
      endsOn: day(30),
      diseases: [{ disease: 'C01' }],
      hospitals: [{ unitId: hospital.id, diseases: ['C01'] }],
      targetRate: 90,
      stages: { referral: { withinDays: 10 }, admission: { withinDays: 20 }, treatment: { withinDays: 60 } },
    };
    const { context, page } = await signedIn('admin');
    await page.goto(`${base}/campaigns`);
    await page.getByRole('button', { name: '新建专项行动' }).click();
    await page.getByLabel('名称').fill('朝天区慢病救治');
    await chooseOption(page, '模板', '大病集中救治');
    // The district: its designated hospital must lie inside the round's scope.
    await c.pickUnit(page.getByLabel('范围（市、县区或乡镇）'), '朝天区', '县/区');
    await page.getByLabel('开始日期').fill(day(0));
    await page.getByLabel('结束日期').fill(day(30));
    await page.getByLabel('完成时限').fill(day(30));
    await chooseOption(page, '责任单位', '乡镇卫生院');
    await page.getByLabel('救治批次定义（JSON）').fill(JSON.stringify(round));
    await page.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('campaign-status').filter({ hasText: '草稿' }).waitFor();
    await page.getByRole('button', { name: /启\s*动/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /启\s*动/ })
      .click();
    await page.getByTestId('campaign-status').filter({ hasText: '进行中' }).waitFor({ timeout: 60_000 });
    const roundLink = page.getByRole('link', { name: '救治病例与救治率' });
    const roundPath = (await roundLink.getAttribute('href'))!;
    await context.close();

    // The health centre refers the case from its referral task, on a phone.
    const centre = await signedIn('centre', PHONE);
    await centre.page.getByTestId('task-card').filter({ hasText: '转诊' }).first().getByRole('link').click();
    await centre.page.getByRole('tab', { name: '救治病例' }).waitFor();
    await expect(centre.page.getByRole('button', { name: '提交审核' }).count()).resolves.toBe(0);
    await shot(centre.page, 'staff-phone-treatment-case');
    // Ant Design spaces out a two-character button label: 转 诊.
    await centre.page.getByRole('button', { name: /^转\s*诊$/ }).click();
    await centre.page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await centre.page.getByTestId('case-status').filter({ hasText: '已转诊' }).waitFor();
    await centre.context.close();

    // The hospital admits and treats it from its admission task.
    const hospitalUser = await signedIn('hospital');
    await hospitalUser.page.getByRole('link', { name: /入院/ }).first().click();
    await hospitalUser.page.getByRole('button', { name: /^入\s*院$/ }).click();
    await hospitalUser.page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await hospitalUser.page.getByTestId('case-status').filter({ hasText: '已入院' }).waitFor();
    await hospitalUser.page.getByRole('button', { name: '救治完成' }).click();
    const dialog = hospitalUser.page.getByRole('dialog');
    await chooseOption(hospitalUser.page, '救治结果', '已出院');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await hospitalUser.page.getByTestId('case-status').filter({ hasText: '已救治' }).waitFor();
    await hospitalUser.context.close();

    // The round's rate as the admin sees it.
    const again = await signedIn('admin');
    await again.page.goto(`${base}${roundPath}?tab=rates`);
    await again.page.getByTestId('rates-table').waitFor();
    await again.page.getByText(/应救治 1 人，已救治 1 人，救治率 100%/).waitFor();
    await shot(again.page, 'admin-treatment-rates');
    await again.context.close();
  });

  it('an out-of-scope deep link shows the refusal, and an expired session returns to sign-in and then to the page', async () => {
    const otherTask = (
      await t.app.get(DataSource).query(`SELECT id FROM tasks WHERE campaign_id = $1 AND id <> $2 LIMIT 1`, [campaignId, staffTaskId])
    )[0].id as string;
    const { context, page } = await signedIn('staff', PHONE);
    await page.goto(`${base}/tasks/${otherTask}`);
    await page.getByText('无权访问').first().waitFor();
    await shot(page, 'staff-out-of-scope');

    // The token expires (here: it is replaced by one the server no longer takes).
    await page.evaluate("localStorage.setItem('orchestrator.token', 'e30.eyJleHAiOjQxMDI0NDQ4MDB9.invalid')");
    await page.goto(`${base}/tasks/${staffTaskId}`);
    await page.getByText('登录已过期').waitFor();
    await page.getByLabel('用户名').fill('staff');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('task-status').waitFor();
    expect(page.url()).toContain(`/tasks/${staffTaskId}`);
    await context.close();
  });
});
