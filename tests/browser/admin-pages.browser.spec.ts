import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../../src/demo/demo-district';
import { generateRegister } from '../../src/demo/register-generator';
import { COMPARISON_EXPORT_HEADER, COMPARISON_FLAG_LABELS } from '../../src/domain/data-comparison';
import { REGISTER_COLUMNS, REGISTER_HEADERS } from '../../src/domain/register-row';
import { TestApp } from '../support/test-app';
import { ConsoleHarness, startConsole } from '../support/browser-console';

/**
 * The administrators' settings pages in Debian's Chromium (playwright-core) against the real server,
 * worker, Temporal, PostgreSQL and Redis on the demo district: each page once, with what the server
 * then holds asserted; the district's admin meets the refusal of a global setting.
 */

jest.setTimeout(120_000);

describe('administrators’ console pages in a real browser', () => {
  let t: TestApp;
  let base: string;
  const work = join(tmpdir(), `admin-browser-${process.pid}`);

  let c: ConsoleHarness;

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    c = await startConsole('admin');
    ({ t, base } = c);
  });
  afterAll(() => c?.stop());

  const signedIn = (username: string) => c.signedIn(username);
  const shot = (page: Page, name: string) => c.shot(page, name);
  const menu = (page: Page, item: string) =>
    page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name: item, exact: true }).click();
  it('cityadmin loads a year of the national calendar and sets the district’s own days', async () => {
    const { context, page } = await signedIn('cityadmin');
    await menu(page, '工作日历');
    const years = page.getByTestId('calendar-years');
    await years.getByRole('cell', { name: '2026', exact: true }).waitFor();

    await page.getByRole('button', { name: '导入年度安排' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('年份').fill('2031');
    // A bad row first: the server names it and nothing is loaded.
    await dialog.getByLabel('内容').fill('date,type\n2031-01-01,休\n2031-02-30,休');
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    await dialog.getByRole('alert').getByText('row 2').waitFor();
    await dialog.getByLabel('内容').fill('date,type\n2031-01-01,休\n2031-01-02,休\n2031-01-04,班');
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    const row = years.getByRole('row').filter({ has: page.getByRole('cell', { name: '2031', exact: true }) });
    await row.getByText('已导入').waitFor();
    await expect(row.textContent()).resolves.toMatch(/已导入.*2.*1/);
    const loaded = (await t.http.get('/api/calendars').set('Authorization', `Bearer ${await t.login('cityadmin', DEMO_PASSWORD)}`))
      .body as { year: number; holidays: string[]; makeUpWorkdays: string[] }[];
    expect(loaded.find((y) => y.year === 2031)).toMatchObject({ holidays: ['2031-01-01', '2031-01-02'], makeUpWorkdays: ['2031-01-04'] });

    await c.pickUnit(page.getByLabel('县区'), '朝天区', '县/区');
    await page.getByLabel('年份').fill('2031');
    await page.getByLabel('放假日期').fill('2031-03-20\n2031-03-21');
    await page.getByRole('button', { name: '保存县区日期' }).click();
    await page.getByText('已保存 2031 年县区日期').waitFor();
    await expect(page.getByText('放假：2031年3月20日、2031年3月21日').count()).resolves.toBe(1);
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'admin-calendar');
    await context.close();
  });

  it('cityadmin adds a catalogue version and sees its diseases', async () => {
    const { context, page } = await signedIn('cityadmin');
    await menu(page, '疾病目录');
    await page.getByTestId('catalogue-versions').getByRole('cell', { name: '1', exact: true }).waitFor();
    await page.getByRole('button', { name: '新增目录版本' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('版本名称').fill('健康扶贫疾病目录（测试版）');
    // A code twice: the server's validation names it.
    await dialog.getByLabel(/病种/).fill('M01,食管癌,大病\nM01,胃癌,大病');
    await dialog.getByRole('button', { name: /发\s*布/ }).click();
    await dialog.getByText('diseases[1].code M01 appears twice').waitFor();
    await dialog.getByLabel(/病种/).fill('M01,食管癌,大病\nC01,原发性高血压,慢病\nS01,尿毒症透析,重病');
    await dialog.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText('第 2 版：健康扶贫疾病目录（测试版）').waitFor();
    const diseases = page.getByTestId('catalogue-diseases');
    await expect(diseases.locator('tbody tr').count()).resolves.toBe(3);
    await expect(diseases.locator('tbody tr').nth(1).textContent()).resolves.toBe('C01原发性高血压慢病');
    expect(page.url()).toContain('version=2');
    await context.close();
  });

  it('cityadmin edits the 排查清单 into a new version: a bad save refused beside its item, a good one the next version, which new rounds take', async () => {
    const admin = { Authorization: `Bearer ${await t.login('cityadmin', DEMO_PASSWORD)}` };
    const before = (await t.http.get('/api/checklists').set(admin).expect(200)).body as { version: number; items: { key: string }[] }[];
    const latest = before[0];
    const { context, page } = await signedIn('cityadmin');
    await menu(page, '排查清单');
    const row = page
      .getByTestId('checklist-versions')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: String(latest.version), exact: true }) });
    await row.getByText('最新').waitFor();
    await row.getByRole('button', { name: '查看检查项' }).click();
    // The items by kind, each with the category its failure files.
    const clinic = page.getByTestId('checklist-kind-clinic').getByRole('row').filter({ hasText: '无过期药品' });
    await clinic.getByText('村卫生室药品').waitFor();
    await page.getByTestId('checklist-kind-household').getByText('知道本户的家庭医生是谁').waitFor();

    await row.getByRole('button', { name: '以此为基础编辑' }).click();
    const editor = page.getByTestId('checklist-editor');
    await editor.getByLabel('新版本名称').fill('交叉排查清单（浏览器测试）');
    const drugs = editor.getByRole('row').filter({ hasText: 'clinic.drugs_unexpired' });
    await drugs.getByLabel('检查内容').fill('无过期、变质药品');
    // An item removed after a confirmation.
    await editor
      .getByRole('row')
      .filter({ hasText: 'doctor.treatment' })
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await expect(editor.getByText('doctor.treatment').count()).resolves.toBe(0);
    // A household item added, its text left empty: the server refuses it, naming the item.
    await c.chooseOption(page, '新增项类型', '农户');
    await editor.getByRole('button', { name: '新增检查项' }).click();
    const added = editor.getByRole('row').filter({ hasText: '新增' });
    await added.getByText('household.item_1').waitFor();
    await editor.getByRole('button', { name: '另存为新版本' }).click();
    await editor
      .getByTestId('checklist-refusal')
      .getByText(/未保存：items are invalid（1 个检查项有误/)
      .waitFor();
    await added
      .getByTestId('item-error')
      .getByText(/^检查内容有误：items\[\d+\]\.text must have 1–500 characters$/)
      .waitFor();
    await expect(editor.getByTestId('item-error').count()).resolves.toBe(1);
    await added.scrollIntoViewIfNeeded();
    await shot(page, 'admin-checklist-editor');
    expect((await t.http.get('/api/checklists').set(admin)).body).toHaveLength(before.length);

    await added.getByLabel('检查内容').fill('知道本村家庭医生签约服务的内容');
    await added.getByLabel('问题类别').click();
    await added.getByLabel('问题类别').pressSequentially('家庭医生');
    await added.getByLabel('问题类别').press('Enter');
    await editor.getByRole('button', { name: '另存为新版本' }).click();
    const next = latest.version + 1;
    await page.getByText(`第 ${next} 版：交叉排查清单（浏览器测试）`).waitFor();
    await page
      .getByTestId('checklist-versions')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: String(next), exact: true }) })
      .getByText('最新')
      .waitFor();
    await page
      .getByTestId('checklist-kind-household')
      .getByRole('row')
      .filter({ hasText: '知道本村家庭医生签约服务的内容' })
      .getByText('家庭医生签约服务', { exact: true })
      .waitFor();
    expect(page.url()).toContain(`version=${next}`);

    const saved = (await t.http.get(`/api/checklists/${next}`).set(admin).expect(200)).body as {
      items: { key: string; kind: string; text: string; category: string }[];
    };
    expect(saved.items).toHaveLength(latest.items.length);
    expect(saved.items.map((i) => i.key)).not.toContain('doctor.treatment');
    expect(saved.items).toContainEqual({
      key: 'clinic.drugs_unexpired',
      kind: 'clinic',
      text: '无过期、变质药品',
      category: 'clinic_drugs',
    });
    expect(saved.items).toContainEqual({
      key: 'household.item_1',
      kind: 'household',
      text: '知道本村家庭医生签约服务的内容',
      category: 'family_doctor',
    });
    // The earlier version is unchanged; a round set up now takes the new one.
    expect((await t.http.get(`/api/checklists/${latest.version}`).set(admin)).body.items).toEqual(latest.items);
    const district = { Authorization: `Bearer ${await t.login('admin', DEMO_PASSWORD)}` };
    const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const campaign = await t.http
      .post('/api/campaigns')
      .set(district)
      .send({
        name: '村与村交叉排查（新清单）',
        template: 'cross_check',
        scopeUnitId: (await t.http.get('/api/auth/me').set(district)).body.unitId,
        startsOn: day(0),
        endsOn: day(90),
        steps: [
          { dueAt: day(14), responsibleUnitKind: 'village_clinic' },
          { dueAt: day(60), responsibleUnitKind: 'village_clinic' },
        ],
      })
      .expect(201);
    const round = (await t.http.get(`/api/cross-checks/${campaign.body.steps[0].id}`).set(district).expect(200)).body;
    expect(round.settings.checklistVersion).toBe(next);
    await context.close();
  });

  it('cityadmin creates a policy (the server names a wrong path), makes it the default and applies it to running tasks', async () => {
    const { context, page } = await signedIn('cityadmin');
    await menu(page, '时限策略');
    await page.getByRole('button', { name: '新建策略' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('村级核查策略');
    const json = dialog.getByLabel('策略（JSON）');
    const policy = JSON.parse(await json.inputValue()) as { remindersBefore: unknown };
    await json.fill(JSON.stringify({ ...policy, remindersBefore: 'soon' }));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('remindersBefore must be a list of offsets').waitFor();
    await json.fill(JSON.stringify({ ...policy, remindersBefore: [{ unit: 'working_days', amount: 2 }] }, null, 2));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByTestId('policies').getByRole('row').filter({ hasText: '村级核查策略' });
    await row.getByText('提前2个工作日').waitFor();

    await row.getByRole('button', { name: '设为默认' }).click();
    await row.getByText('默认', { exact: true }).waitFor();
    await row.getByRole('button', { name: '应用到进行中任务' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /应\s*用/ })
      .click();
    await page.getByTestId('apply-result').getByText('已应用到 0 个进行中的任务').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await shot(page, 'admin-policies');
    await context.close();
  });

  it('cityadmin edits a template, previews it, saves it and resets it after a confirmation', async () => {
    const { context, page } = await signedIn('cityadmin');
    await menu(page, '通知模板');
    await page.getByRole('tab', { name: '逾期督办' }).click();
    const panel = page.getByTestId('template-escalation');
    await panel.getByLabel('标题').fill('【督办】{{unitName}}逾期{{daysOverdue}}天');
    await panel.getByRole('button', { name: /预\s*览/ }).click();
    await panel.getByTestId('template-preview').getByText('【督办】中子镇白果村卫生室逾期3天').waitFor();
    // A variable the kind does not supply is refused, naming it.
    await panel.getByLabel('标题').fill('【督办】{{nobody}}');
    await panel.getByRole('button', { name: /保\s*存/ }).click();
    await panel
      .getByRole('alert')
      .getByText(/nobody/)
      .first()
      .waitFor();
    await panel.getByLabel('标题').fill('【督办】{{unitName}}逾期{{daysOverdue}}天');
    await panel.getByRole('button', { name: /保\s*存/ }).click();
    await panel.getByText('已自定义').waitFor();
    const admin = await t.login('cityadmin', DEMO_PASSWORD);
    const saved = (await t.http.get('/api/notification-templates').set('Authorization', `Bearer ${admin}`)).body as {
      kind: string;
      title: string;
    }[];
    expect(saved.find((x) => x.kind === 'escalation')?.title).toBe('【督办】{{unitName}}逾期{{daysOverdue}}天');

    await panel.getByRole('button', { name: '恢复默认' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '恢复默认' }).click();
    await panel.getByText('系统默认').waitFor();
    await context.close();
  });

  it('cityadmin publishes an announcement to a township and sees it delivered', async () => {
    const { context, page } = await signedIn('cityadmin');
    await menu(page, '通知公告');
    await page.getByLabel('标题').fill('关于开展疾病再识别工作的通知');
    await page.getByLabel('正文').fill('请各医疗机构于3月25日前完成疾病再识别工作。');
    await c.pickUnit(page.getByLabel('发送范围'), '中子镇', '乡镇');
    await page.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByTestId('announcement-status').filter({ hasText: '已发送' }).waitFor({ timeout: 60_000 });
    const recipients = Number(await page.getByTestId('announcement-recipients').textContent());
    // The township's manager, its health centre and the village doctor at least.
    expect(recipients).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  it('the district’s admin sees the refusal when changing a global setting, and may still set the district’s days', async () => {
    const { context, page } = await signedIn('admin');
    await menu(page, '通知模板');
    await page.getByRole('tab', { name: '任务提醒' }).click();
    const panel = page.getByTestId('template-reminder');
    await panel.getByRole('button', { name: /保\s*存/ }).click();
    await panel
      .getByRole('alert')
      .getByText(/无权操作.*Only an admin of a root unit/)
      .waitFor();

    await menu(page, '工作日历');
    await page.getByRole('button', { name: '导入年度安排' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('年份').fill('2032');
    await dialog.getByLabel('内容').fill('date,type\n2032-01-01,休');
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    await dialog
      .getByRole('alert')
      .getByText(/无权操作/)
      .waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await c.pickUnit(page.getByLabel('县区'), '朝天区', '县/区');
    await page.getByLabel('年份').fill('2032');
    await page.getByLabel('调休上班日期').fill('2032-01-03');
    await page.getByRole('button', { name: '保存县区日期' }).click();
    await page.getByText('已保存 2032 年县区日期').waitFor();
    await context.close();
  });
  it('cityadmin creates a recurring task (a cron that never fires is refused), pauses it and deletes it after a confirmation', async () => {
    const { context, page } = await signedIn('cityadmin');
    await menu(page, '周期任务');
    await page.getByRole('button', { name: '新建周期任务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill('录入全国健康扶贫动态管理系统（{{period}}）');
    await c.pickUnit(dialog.getByLabel('范围单位'), '中子镇', '乡镇');
    await dialog.getByLabel('周期（cron）').fill('0 9 31 2 *');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.getByRole('alert').getByText(/cron/).first().waitFor();
    await dialog.getByLabel('周期（cron）').fill('0 9 1 * *');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const row = page.getByTestId('recurring-tasks').getByRole('row').filter({ hasText: '录入全国健康扶贫动态管理系统' });
    await row.getByText('运行中').waitFor();
    // The scope unit's name arrives with its own request.
    await row.getByText('中子镇', { exact: false }).first().waitFor();
    await expect(row.textContent()).resolves.toContain('中子镇 各乡镇卫生院');

    await row.getByRole('button', { name: /暂\s*停/ }).click();
    await row.getByText('已暂停').waitFor();
    await row.getByRole('button', { name: /删\s*除/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await page.getByText('暂无周期任务').waitFor();
    const admin = await t.login('cityadmin', DEMO_PASSWORD);
    const rows = await t.app.get(DataSource).query(`SELECT active, deleted_at FROM recurring_task_definitions`);
    expect(rows).toEqual([{ active: false, deleted_at: expect.any(Date) }]);
    expect((await t.http.get('/api/recurring-tasks').set('Authorization', `Bearer ${admin}`)).body.total).toBe(0);
    await context.close();
  });

  it('cityadmin compares the poverty office list from the campaign page: a refused row shown with its cells, then the counts per kind and unit and the flagged persons downloaded', async () => {
    // A running campaign over 中子镇 with a small register, set up through the API.
    const admin = await t.login('admin', DEMO_PASSWORD);
    const auth = { Authorization: `Bearer ${admin}` };
    const township = (await t.http.get('/api/units?q=中子镇&kind=township').set(auth)).body.items[0] as { id: string };
    const villages = (await t.http.get(`/api/units/${township.id}/subtree?kind=village`).set(auth)).body as { code: string }[];
    const register = [
      ...generateRegister({
        villageCodes: villages.map((v) => v.code),
        households: villages.length,
        persons: villages.length * 2,
        seed: 7,
      }),
    ];
    const csv = [REGISTER_HEADERS.join(','), ...register.map((r) => REGISTER_HEADERS.map((h) => r[h] ?? '').join(','))].join('\n');
    const imported = await t.http.post('/api/population/imports').set(auth).attach('file', Buffer.from(csv), '名册.csv');
    for (let i = 0; i < 120; i++) {
      const job = (await t.http.get(`/api/population/imports/${imported.body.id}`).set(auth)).body as { status: string };
      if (job.status === 'succeeded') break;
      if (job.status === 'failed' || i === 119) throw new Error(`register import ${job.status}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const campaign = await t.http
      .post('/api/campaigns')
      .set(auth)
      .send({
        name: '中子镇疾病再识别（比对）',
        template: 're_identification',
        scopeUnitId: township.id,
        startsOn: day(0),
        endsOn: day(30),
        steps: [{ dueAt: day(20), responsibleUnitKind: 'village_clinic' }],
      });
    expect(campaign.status).toBe(201);
    await t.http.post(`/api/campaigns/${campaign.body.id}/launch`).set(auth).expect(202);
    for (let i = 0; (await t.http.get(`/api/campaigns/${campaign.body.id}`).set(auth)).body.status !== 'running'; i++) {
      if (i === 120) throw new Error('the campaign did not start');
      await new Promise((r) => setTimeout(r, 500));
    }

    const { context, page } = await signedIn('cityadmin');
    await page.goto(`${base}/campaigns/${campaign.body.id}`);
    await page.getByRole('button', { name: '数据比对' }).click();
    await page.getByLabel('核实截止日期').fill(day(14));
    const header = '身份证号,户编号,主要致贫原因,次要致贫原因';
    const [a, b, c] = register.map((r) => r[REGISTER_COLUMNS.idNumber]);
    const household = (id: string) => register.find((r) => r[REGISTER_COLUMNS.idNumber] === id)![REGISTER_COLUMNS.householdNumber];
    writeFileSync(join(work, '名单-有错.csv'), [header, `${a},${household(a)},因病致贫,`, `51082119800101001X,H1,因病致贫,`].join('\n'));
    await page.getByTestId('comparison-file').setInputFiles(join(work, '名单-有错.csv'));
    const errorRow = page.getByTestId('row-errors').locator('tbody tr').first();
    await errorRow.waitFor();
    await expect(errorRow.textContent()).resolves.toContain('51082119800101001X');
    await expect(errorRow.textContent()).resolves.toContain('身份证号');

    // Three registered persons whose cause is illness (none has a result yet), and one the register lacks.
    const stranger = [...generateRegister({ villageCodes: ['000000000000'], households: 1, persons: 1, seed: 99 })][0][
      REGISTER_COLUMNS.idNumber
    ];
    const list = [header, ...[a, b, c].map((id) => `${id},${household(id)},因病致贫,`), `${stranger},,因学致贫,`];
    writeFileSync(join(work, '扶贫名单.csv'), list.join('\n'));
    await page.getByTestId('comparison-file').setInputFiles(join(work, '扶贫名单.csv'));
    const summary = page.getByTestId('comparison-summary');
    await summary.waitFor();
    const figure = (title: string) =>
      summary
        .locator('.ant-statistic')
        .filter({ has: page.getByText(title, { exact: true }) })
        .locator('.ant-statistic-content-value')
        .textContent();
    await expect(figure('名单人数')).resolves.toBe('4');
    await expect(figure(COMPARISON_FLAG_LABELS.illness_cause_without_condition)).resolves.toBe('3');
    await expect(figure(COMPARISON_FLAG_LABELS.only_on_poverty_list)).resolves.toBe('1');
    await expect(figure(COMPARISON_FLAG_LABELS.only_in_health_records)).resolves.toBe(String(register.length - 3));
    await expect(summary.getByTestId('comparison-units').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('comparison-runs').locator('tbody tr').count()).resolves.toBe(1);
    expect(page.url()).toMatch(new RegExp(`/campaigns/${campaign.body.id}/comparisons\\?runId=`));

    // The flagged persons for the poverty office: every flag a row, ID numbers masked.
    const [file] = await Promise.all([page.waitForEvent('download'), summary.getByRole('button', { name: '下载标记名单' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^数据比对标记名单-中子镇疾病再识别（比对）-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.worksheets[0];
    expect(COMPARISON_EXPORT_HEADER.map((_, i) => sheet.getRow(1).getCell(i + 1).text)).toEqual([...COMPARISON_EXPORT_HEADER]);
    expect(sheet.rowCount).toBe(1 + 3 + 1 + (register.length - 3));
    const exported = JSON.stringify(sheet.getSheetValues());
    for (const id of [a, b, c]) expect(exported).not.toContain(id);
    expect(exported).toContain(COMPARISON_FLAG_LABELS.only_on_poverty_list);
    await context.close();
  });

  it('admin creates the 清零 campaign from its template, each step with its start rule; launched, the first step runs and the rest wait', async () => {
    const { context, page } = await signedIn('admin');
    const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.goto(`${base}/campaigns`);
    await page.getByRole('button', { name: '新建专项行动' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('羊木镇健康扶贫问题清零行动');
    await c.chooseOption(page, '模板', '问题清零行动');
    await c.pickUnit(dialog.getByLabel('范围（市、县区或乡镇）'), '羊木镇', '乡镇');
    await dialog.getByLabel('开始日期').fill(day(0));
    await dialog.getByLabel('结束日期').fill(day(100));
    const titles = ['疾病再识别', '第一轮村与村交叉排查', '第一轮问题整改销号', '第二轮交叉排查', '第二轮问题整改销号'];
    for (const [i, title] of titles.entries()) await dialog.getByLabel(`${title}完成时限`).fill(day([10, 25, 40, 60, 90][i]));
    await dialog.getByLabel('第二轮交叉排查不早于').fill(day(45));
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('campaign-status').filter({ hasText: '草稿' }).waitFor();
    const rule = (i: number) => page.getByRole('row').filter({ hasText: titles[i] }).first().textContent();
    await expect(rule(1)).resolves.toContain('「疾病再识别」完成后');
    await expect(rule(3)).resolves.toMatch(/「第一轮村与村交叉排查」完成后，不早于 \d{4}年\d+月\d+日 00:00/);
    await expect(rule(4)).resolves.toContain('「第二轮交叉排查」完成后');
    await page.getByTestId('qingling-gate').getByText('范围内暂无未销号问题').waitFor();

    await page.getByRole('button', { name: /启\s*动/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /启\s*动/ })
      .click();
    await page.getByTestId('step-status-0').filter({ hasText: '进行中' }).waitFor({ timeout: 60_000 });
    for (const i of [1, 2, 3, 4]) await expect(page.getByTestId(`step-status-${i}`).textContent()).resolves.toBe('未开始');
    await shot(page, 'admin-qingling-campaign');
    await context.close();
  });
});
