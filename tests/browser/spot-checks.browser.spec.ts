import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-district';
import { TestApp } from '../support/test-app';
import { ConsoleHarness, startConsole } from '../support/browser-console';

/**
 * Spot checks (抽查) in Debian's Chromium against the real server, worker, Temporal, PostgreSQL and Redis on
 * the demo district: a problem of a village clinic filed and rectified to 销号 through the API, then the
 * township's manager draws a sample of cleared problems on the 抽查 page, fails the problem with a reason,
 * and the server holds it reopened as a recurrence. Screenshot: manager-spot-check.
 */

// A 1×1 PNG: the photo of the completed statistics.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

jest.setTimeout(180_000);

describe('spot checks (抽查) in a real browser', () => {
  let t: TestApp;
  let c: ConsoleHarness;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    c = await startConsole('spot');
    ({ t } = c);
  });
  afterAll(() => c?.stop());

  const shot = (page: Page, name: string) => c.shot(page, name);

  it('a manager draws cleared problems, fails one with a reason, and the problem is reopened', async () => {
    const manager = await t.login('manager', DEMO_PASSWORD);
    const admin = await t.login('admin', DEMO_PASSWORD);
    const staff = await t.login('staff', DEMO_PASSWORD);
    const clinicId: string = (await t.http.get('/api/auth/me').set(auth(staff))).body.unitId;
    // A problem of the demo village clinic, filed by its township, rectified by the clinic and verified by the district: 已销号.
    const filed = await t.http
      .post('/api/problems')
      .set(auth(manager))
      .send({ unitId: clinicId, source: 'unannounced_visit', category: 'clinic_records', description: '医疗救助统计表缺 3 月数据' })
      .expect(201);
    const problemId: string = filed.body.problem.id;
    await t.http.post(`/api/problems/${problemId}/plan`).set(auth(staff)).send({ plan: '补录 3 月救助数据' }).expect(200);
    await t.http.post(`/api/problems/${problemId}/start`).set(auth(staff)).send({}).expect(200);
    // A fix is reported with its evidence, uploaded to the problem's task.
    await t.http
      .post(`/api/tasks/${filed.body.problem.taskId}/evidence/files`)
      .set(auth(staff))
      .attach('file', PHOTO, { filename: '救助统计表.png', contentType: 'image/png' })
      .expect(201);
    await t.http.post(`/api/problems/${problemId}/report-fix`).set(auth(staff)).send({ note: '已补录' }).expect(200);
    await t.http.post(`/api/problems/${problemId}/verify`).set(auth(admin)).send({}).expect(200);
    expect((await t.http.get(`/api/problems/${problemId}`).set(auth(admin))).body.status).toBe('cleared');

    const { context, page } = await c.signedIn('manager');
    await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name: '抽查', exact: true }).click();
    await page.getByTestId('spot-checks-table').getByText('暂无抽查').waitFor();
    await page.getByRole('button', { name: '新建抽查' }).click();
    const dialog = page.getByRole('dialog', { name: '新建抽查' });
    const kind = dialog.getByLabel('抽查对象');
    await kind.click();
    await kind.pressSequentially('已销号');
    await kind.press('Enter');
    await c.pickUnit(dialog.getByLabel(/抽查范围/), '中子镇', '乡镇');
    await dialog.getByLabel(/每单位数量/).fill('2');
    await dialog.getByLabel(/种子/).fill('11');
    await dialog.getByRole('button', { name: '抽取样本' }).click();
    await page.getByText(/已抽取 1 个样本/).waitFor();

    // The drawer: the sample, the problem's category and its current status in Chinese.
    const drawer = page.locator('.ant-drawer-body');
    const sample = drawer.getByTestId('spot-check-samples').getByRole('row').filter({ hasText: '医疗救助统计表缺 3 月数据' });
    await sample.getByText('村卫生室资料台账').waitFor();
    await sample.getByText('已销号').waitFor();
    await sample.getByRole('button', { name: '不通过…' }).click();
    const fail = page.getByRole('dialog', { name: '核查不通过' });
    await fail.getByRole('button', { name: '记为不通过并重新打开' }).click();
    await fail.getByText('不通过须填写原因').waitFor();
    await fail.getByLabel('原因').fill('3 月救助统计表仍未补录');
    await fail.getByRole('button', { name: '记为不通过并重新打开' }).click();
    await page.getByText('已记为未通过，事项已重新打开').waitFor();
    await fail.waitFor({ state: 'hidden' });
    await sample.getByText('已重新打开').waitFor();
    await sample.getByText('3 月救助统计表仍未补录').waitFor();
    await sample.getByText('待整改').waitFor();
    await drawer.getByText('未通过 1').waitFor();
    await shot(page, 'manager-spot-check');

    // The server holds the problem reopened as a recurrence, the reason in its history; the list counts the failure.
    const problem = (await t.http.get(`/api/problems/${problemId}`).set(auth(admin)).expect(200)).body;
    expect(problem).toMatchObject({ status: 'open', recurrences: 1 });
    expect(problem.events).toContainEqual(
      expect.objectContaining({
        action: 'reopen',
        toStatus: 'open',
        reason: expect.stringContaining('抽查未通过：3 月救助统计表仍未补录'),
      }),
    );
    const checks = (await t.http.get('/api/spot-checks').set(auth(manager)).expect(200)).body;
    expect(checks.items[0]).toMatchObject({ kind: 'cleared_problem', seed: 11, counts: { samples: 1, failed: 1, passed: 0, pending: 0 } });
    await page.keyboard.press('Escape');
    await page.getByTestId('spot-checks-table').getByText('未通过 1').waitFor();
    await context.close();
  });
});
