import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../../src/demo/demo-district';
import { localDateOf, addLocalDays } from '../../src/domain/time-zone';
import { givenUser } from '../support/factories';
import { eventually, TestApp } from '../support/test-app';
import { ConsoleHarness, OFFICE, PHONE, startConsole } from '../support/browser-console';

/**
 * A problem from a failed checklist item to 销号 in Chromium, on the demo district: the round is set up
 * through the API, then the inspecting village doctor records the failure on a phone, the inspected
 * clinic rectifies, its own staff cannot verify, a manager outside refuses once and then verifies, and
 * the 清零 board no longer shows it. Screenshots: staff-phone-inspection, manager-qingling-board.
 * Then accountability (问责): a problem's formal talk opens a record, which the township's manager reaches
 * from the problem, completes with a measure after a confirmation, and a stale page is refused by the server.
 * Screenshot: manager-accountability.
 */
// A 1×1 PNG: the photo of the expired drugs.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

jest.setTimeout(240_000);

describe('rectification in a real browser', () => {
  let t: TestApp;
  let base: string;
  const work = join(tmpdir(), `rectification-browser-${process.pid}`);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  let c: ConsoleHarness;

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, '过期药品.png'), PHOTO);
    writeFileSync(join(work, '整改照片.png'), PHOTO);
    c = await startConsole('rectify');
    ({ t, base } = c);
  });
  afterAll(() => c?.stop());

  const signedIn = (username: string, password: string, viewport = OFFICE) => c.signedIn(username, viewport, password);
  const shot = (page: Page, name: string) => c.shot(page, name);

  /**
   * Clicks an action of the problem panel, fills its dialog's one field (if any), confirms, and returns the
   * HTTP status the server answered: a wait that fails then tells a refusal shown wrongly from a request
   * never sent or never answered.
   */
  async function act(page: Page, action: string, text?: string): Promise<number> {
    await page.getByRole('button', { name: action }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: action });
    await dialog.waitFor();
    if (text !== undefined) await dialog.getByRole('textbox').fill(text);
    return postStatus(page, /\/api\/problems\/[^/]+\/[a-z-]+$/, () => dialog.getByRole('button', { name: /^确\s*定$/ }).click());
  }

  /** Confirms the record of 问责 in its dialog and returns the HTTP status the server answered. */
  function confirmRecord(page: Page): Promise<number> {
    const confirm = page.locator('.ant-modal').filter({ hasText: '记录问责' }).getByRole('button', { name: '确认记录' });
    return postStatus(page, /\/api\/accountability\/[^/]+\/complete$/, () => confirm.click());
  }

  /** Clicks, and returns the HTTP status the server answered to the POST the click sent to a path matching `path`. */
  async function postStatus(page: Page, path: RegExp, click: () => Promise<void>): Promise<number> {
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && path.test(r.url())), click()]);
    return answer.status();
  }

  it("an admin edits a draft round's pairing: a pair inspecting its own unit is refused, the rule shown beside it", async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    const today = localDateOf(new Date());
    const campaign = (
      await t.http
        .post('/api/campaigns')
        .set(auth(admin))
        .send({
          name: '村与村交叉排查（配对）',
          template: 'cross_check',
          scopeUnitId: (await t.http.get('/api/auth/me').set(auth(admin))).body.unitId,
          startsOn: today,
          endsOn: addLocalDays(today, 90),
          steps: [
            { dueAt: addLocalDays(today, 14), responsibleUnitKind: 'village_clinic' },
            { dueAt: addLocalDays(today, 60), responsibleUnitKind: 'village_clinic' },
          ],
        })
        .expect(201)
    ).body;
    const stepId: string = campaign.steps[0].id;
    const first = (await t.http.get(`/api/cross-checks/${stepId}`).set(auth(admin)).expect(200)).body.pairs[0] as { teamName: string };
    const { context, page } = await signedIn('admin', DEMO_PASSWORD);
    await page.goto(`${base}/campaigns/${campaign.id}`);
    await page.getByRole('link', { name: '交叉排查配对' }).first().click();
    await page.getByTestId('pairs-table').waitFor();
    // The first pair's target becomes its own team, chosen from the keyboard.
    const target = page.getByLabel('检查对象').first();
    await target.click();
    await target.pressSequentially(first.teamName);
    await target.press('Enter');
    await page.getByRole('button', { name: '保存配对' }).click();
    const violations = page.getByTestId('pairing-violations');
    await violations.getByText(/不得检查本单位：/).waitFor();
    await page.getByTestId('pairs-table').getByText('不得检查本单位').first().waitFor();
    // Regenerated from another seed: every rule holds again.
    await page.getByLabel('随机种子').fill('7');
    await page.getByRole('button', { name: '按种子重新生成' }).click();
    await page.getByText('已按种子重新生成配对').waitFor();
    await expect(violations.count()).resolves.toBe(0);
    expect((await t.http.get(`/api/cross-checks/${stepId}`).set(auth(admin))).body.settings.seed).toBe(7);
    await context.close();
  });

  it('a failed item becomes a problem, rectified, refused once, verified from outside the unit and gone from the board', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    const staff = await t.login('staff', DEMO_PASSWORD);
    const today = localDateOf(new Date());
    // Set up through the API: a two-round cross-check over the district, launched.
    const campaign = (
      await t.http
        .post('/api/campaigns')
        .set(auth(admin))
        .send({
          name: '村与村交叉排查（浏览器测试）',
          template: 'cross_check',
          scopeUnitId: (await t.http.get('/api/auth/me').set(auth(admin))).body.unitId,
          startsOn: today,
          endsOn: addLocalDays(today, 90),
          steps: [
            { dueAt: addLocalDays(today, 14), responsibleUnitKind: 'village_clinic' },
            { dueAt: addLocalDays(today, 60), responsibleUnitKind: 'village_clinic' },
          ],
        })
        .expect(201)
    ).body;
    const staffUnitId: string = (await t.http.get('/api/auth/me').set(auth(staff))).body.unitId;
    const pair = (await t.http.get(`/api/cross-checks/${campaign.steps[0].id}`).set(auth(admin)).expect(200)).body.pairs.find(
      (p: { teamId: string }) => p.teamId === staffUnitId,
    ) as { targetId: string; targetName: string };
    await t.http.post(`/api/campaigns/${campaign.id}/launch`).set(auth(admin)).expect(202);
    const inspection: string = await eventually(
      async () =>
        ((await t.http.get('/api/tasks/mine?pageSize=100').set(auth(staff))).body.items as { id: string; kind: string }[]).find(
          (task) => task.kind === 'cross_check_inspection',
        )?.id,
      60_000,
      'the inspection task',
    );
    const items = (await t.http.get(`/api/inspections/${inspection}/items`).set(auth(staff)).expect(200)).body as {
      id: string;
      itemKey: string;
      text: string;
    }[];
    const failing = items.find((i) => i.itemKey === 'clinic.drugs_unexpired')!;
    // Every other item passes (through the API: the browser records the one that fails).
    for (const item of items.filter((i) => i !== failing))
      await t.http.put(`/api/inspections/${inspection}/items/${item.id}`).set(auth(staff)).send({ result: 'pass' }).expect(200);

    // The inspecting village doctor, on a phone: the failed item with a photo, then the task submitted.
    const doctor = await signedIn('staff', DEMO_PASSWORD, PHONE);
    await doctor.page.goto(`${base}/tasks/${inspection}`);
    await doctor.page.getByTestId('inspection-left').filter({ hasText: '还有 1 项' }).waitFor();
    await doctor.page.getByText(failing.text).first().click();
    const drawer = doctor.page.locator('.ant-drawer-body');
    await drawer
      .locator('label')
      .filter({ hasText: /^不合格$/ })
      .click();
    await drawer.getByLabel('情况说明').fill('有 2 种过期药品未清理');
    await doctor.page.getByTestId('inspection-photo').setInputFiles(join(work, '过期药品.png'));
    await drawer.getByText('已有 1 张').waitFor();
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    await doctor.page.getByText('不合格项已生成整改问题').waitFor();
    await doctor.page.getByTestId('inspection-left').filter({ hasText: '已全部检查' }).waitFor();
    await doctor.page.getByText('不合格', { exact: true }).first().scrollIntoViewIfNeeded();
    await shot(doctor.page, 'staff-phone-inspection');
    await doctor.page.getByRole('button', { name: '提交审核' }).click();
    await doctor.page.getByText('已提交，等待审核').waitFor();
    await doctor.context.close();

    const recorded = (await t.http.get(`/api/inspections/${inspection}/items`).set(auth(staff))).body.find(
      (i: { id: string }) => i.id === failing.id,
    ) as { problemId: string; evidenceIds: string[] };
    expect(recorded.evidenceIds).toHaveLength(1);
    const problemId = recorded.problemId;
    const problem = (await t.http.get(`/api/problems/${problemId}`).set(auth(admin)).expect(200)).body;
    expect(problem).toMatchObject({ unitId: pair.targetId, source: 'cross_check', status: 'open' });

    // The inspected clinic's staff, from the problem's rectification task: plan, start, fix with evidence.
    const target = await givenUser(t.app, 'staff', pair.targetId);
    const clinic = await signedIn(target.username, target.password);
    await clinic.page.goto(`${base}/tasks/${problem.taskId}`);
    const status = clinic.page.getByTestId('problem-status');
    await status.filter({ hasText: '待整改' }).waitFor();
    expect(await act(clinic.page, '提交整改方案', '3 日内清理过期药品并补购')).toBe(200);
    await status.filter({ hasText: '已报整改方案' }).waitFor();
    await clinic.page.getByRole('button', { name: '开始整改' }).click();
    await status.filter({ hasText: '整改中' }).waitFor();
    await clinic.page.getByTestId('evidence-file').setInputFiles(join(work, '整改照片.png'));
    await clinic.page.getByTestId('evidence-item').first().waitFor();
    expect(await act(clinic.page, '报告整改完成', '过期药品已清理，见照片')).toBe(200);
    await status.filter({ hasText: '已报整改完成' }).waitFor();
    // Inside the unit: the verification is refused in the server's words.
    expect(await act(clinic.page, '核实销号')).toBe(403);
    await clinic.page.getByText(/无权操作：verifier_outside_unit/).waitFor();
    await clinic.page
      .locator('.ant-modal')
      .getByRole('button', { name: /^取\s*消$/ })
      .click();

    // A manager outside the unit (the bureau's leader over the townships, else the district admin).
    const leader = await t.login('leader', DEMO_PASSWORD);
    const leaderMay = (await t.http.get(`/api/problems/${problemId}`).set(auth(leader))).body.mayVerify === true;
    const manager = await signedIn(leaderMay ? 'leader' : 'admin', DEMO_PASSWORD);
    await manager.page.goto(`${base}/problems?problem=${problemId}`);
    const drawerStatus = manager.page.locator('.ant-drawer-body').getByTestId('problem-status');
    await drawerStatus.filter({ hasText: '已报整改完成' }).waitFor();
    expect(await act(manager.page, '核实不通过', '药品登记表未更新')).toBe(200);
    await drawerStatus.filter({ hasText: '整改中' }).waitFor();
    await manager.page.getByText('药品登记表未更新').first().waitFor();

    // The clinic reports the fix again; the manager verifies: 已销号.
    await clinic.page.reload();
    await status.filter({ hasText: '整改中' }).waitFor();
    expect(await act(clinic.page, '报告整改完成', '登记表已更新')).toBe(200);
    await status.filter({ hasText: '已报整改完成' }).waitFor();
    await clinic.context.close();
    await manager.page.reload();
    await drawerStatus.filter({ hasText: '已报整改完成' }).waitFor();
    expect(await act(manager.page, '核实销号')).toBe(200);
    await drawerStatus.filter({ hasText: '已销号' }).waitFor();
    await manager.page
      .getByTestId('problem-history')
      .getByText(/核实不通过.*药品登记表未更新/)
      .waitFor();

    // The 清零 board: the clinic no longer among the units with open problems.
    await manager.page.goto(`${base}/qingling`);
    await manager.page.getByTestId('board-units').waitFor();
    await manager.page.getByTestId('burn-down-table').waitFor();
    await expect(manager.page.getByTestId('board-units').getByText(pair.targetName).count()).resolves.toBe(0);
    const board = (await t.http.get('/api/problems/board').set(auth(admin)).expect(200)).body;
    expect(board.byUnit.find((u: { unitId: string }) => u.unitId === pair.targetId)).toBeUndefined();
    await shot(manager.page, 'manager-qingling-board');
    await manager.context.close();
  });

  it("a manager records 问责 from the problem's panel after a confirmation; a stale page shows the server's refusal", async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    const staff = await t.login('staff', DEMO_PASSWORD);
    const unitId: string = (await t.http.get('/api/auth/me').set(auth(staff))).body.unitId;
    const description = '慢病随访记录不全（问责浏览器测试）';
    const filed = (
      await t.http
        .post('/api/problems')
        .set(auth(admin))
        .send({ unitId, source: 'inspection', category: 'clinic_records', description, itemKey: 'browser.accountability' })
        .expect(201)
    ).body.problem as { id: string; taskId: string };
    // What the ladder's top level does when the problem is overdue: a formal talk on its task, which opens
    // the accountability record (by trigger). Written directly: the escalation itself is the e2e test's.
    const [talk]: { id: string }[] = await t.app
      .get(DataSource)
      .query(`INSERT INTO formal_talks (task_id, deadline_version, level, unit_id) VALUES ($1, 1, 3, $2) RETURNING id`, [
        filed.taskId,
        unitId,
      ]);

    // The township's manager, from the problem's panel to its record.
    const manager = await signedIn('manager', DEMO_PASSWORD);
    await manager.page.goto(`${base}/problems?problem=${filed.id}`);
    await manager.page.getByTestId('problem-accountability').filter({ hasText: '待问责' }).click();
    await manager.page.waitForURL(/\/accountability\?problemId=/);
    const table = manager.page.getByTestId('accountability-table');
    await table.getByRole('link', { name: description }).waitFor();
    await table.getByText('第 3 级约谈 · 待安排').waitFor();
    // The same list in another window, left open while the record is completed.
    const stale = await signedIn('manager', DEMO_PASSWORD);
    await stale.page.goto(`${base}/accountability?status=pending&formalTalkId=${talk.id}`);
    const staleTable = stale.page.getByTestId('accountability-table');
    await staleTable.getByRole('link', { name: description }).waitFor();

    // The measure (a suggestion, or free text), then the confirmation.
    await table.getByRole('button', { name: '记录问责' }).click();
    const dialog = manager.page.locator('.ant-modal').filter({ hasText: '记录问责' });
    await dialog.getByRole('button', { name: '下一步' }).click();
    await dialog.getByText('请填写问责措施').waitFor();
    await c.pickOption(dialog.getByRole('combobox', { name: '问责措施' }), '诫勉', '诫勉谈话');
    await dialog.getByRole('button', { name: '下一步' }).click();
    await dialog.getByText('记录后该问责即为已完成，不能再修改。').waitFor();
    await dialog.getByText('「诫勉谈话」').waitFor();
    expect(await confirmRecord(manager.page)).toBe(200);
    await manager.page.getByText('问责已记录').waitFor();
    await table.getByTestId('accountability-measure').filter({ hasText: '诫勉谈话' }).waitFor();
    await table.getByText('已问责').waitFor();
    // The toast gone, the tag has finished its change of colour.
    await manager.page.getByText('问责已记录').waitFor({ state: 'hidden' });
    await shot(manager.page, 'manager-accountability');

    // The stale window tries again: the server's 409, in its words; the list then shows it completed.
    await staleTable.getByRole('button', { name: '记录问责' }).click();
    const staleDialog = stale.page.locator('.ant-modal').filter({ hasText: '记录问责' });
    await c.pickOption(staleDialog.getByRole('combobox', { name: '问责措施' }), '通报', '通报批评');
    await staleDialog.getByRole('button', { name: '下一步' }).click();
    expect(await confirmRecord(stale.page)).toBe(409);
    await staleDialog.getByRole('alert').filter({ hasText: 'already completed' }).waitFor();
    await stale.context.close();

    // The formal talks page links the talk to its record.
    await manager.page.goto(`${base}/formal-talks`);
    await manager.page.getByRole('link', { name: '已问责' }).first().click();
    await manager.page.waitForURL(new RegExp(`formalTalkId=${talk.id}`));
    await table.getByTestId('accountability-measure').filter({ hasText: '诫勉谈话' }).waitFor();
    await manager.context.close();

    const records = (await t.http.get(`/api/accountability?problemId=${filed.id}`).set(auth(admin)).expect(200)).body.items;
    expect(records).toEqual([expect.objectContaining({ formalTalkId: talk.id, status: 'completed', measure: '诫勉谈话' })]);
  });

  it('the follow-up rate: the series with its figures beside the chart, and the XLSX downloaded', async () => {
    const manager = await signedIn('manager', DEMO_PASSWORD);
    await manager.page.goto(`${base}/follow-ups`);
    await manager.page.getByRole('img', { name: '随访率随时间变化折线图' }).waitFor();
    await manager.page.getByTestId('follow-up-series-table').getByText('随访率（%）').waitFor();
    const [file] = await Promise.all([
      manager.page.waitForEvent('download'),
      manager.page.getByRole('button', { name: '下载随访率表' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^随访率-中子镇-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await manager.context.close();
  });
});
