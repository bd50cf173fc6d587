import { DataSource } from 'typeorm';
import { addLocalDays, endOfLocalDay, localDateOf } from '../../src/domain/time-zone';
import { Problem } from '../../src/problems/problem.entity';
import { Task } from '../../src/tasks/task.entity';
import { TasksService } from '../../src/tasks/tasks.service';
import { District, givenDistrict, givenUser } from '../support/factories';
import { FORMAL_TALK_DRILL } from '../support/policies';
import ExcelJS from 'exceljs';
import { binaryBody, eventually, startTestApp, TestApp } from '../support/test-app';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/**
 * Problems and rectification (整改销号) through HTTP against real services: a problem filed by hand and
 * merged when reported again, its deadline a task on the county's clock; plan, fix with evidence, a
 * verification refused from inside the unit (403 naming the rule), refused with a reason by the township,
 * verified by the inspecting team; found again (a recurrence); overdue up to the formal talk and its
 * accountability record; an all-or-nothing import; scope.
 */
describe('problems and rectification through the HTTP API', () => {
  let t: TestApp;
  let district: District;
  let managerToken: string;
  let clinicToken: string;
  let clinicManagerToken: string;
  let teamToken: string;
  let otherManagerToken: string;
  let problemId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const today = localDateOf(new Date());
  const expiredDrugs = () => ({
    unitId: district.id.clinics[0],
    source: 'unannounced_visit',
    category: 'clinic_drugs',
    description: '村卫生室有过期药品 3 种',
    evidence: '暗访照片 2 张',
    inspectingUnitId: district.id.clinics[2],
  });

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    const users = await Promise.all([
      givenUser(t.app, 'manager', district.id.townships[0]),
      givenUser(t.app, 'staff', district.id.clinics[0]),
      givenUser(t.app, 'manager', district.id.clinics[0]),
      givenUser(t.app, 'staff', district.id.clinics[2]),
      givenUser(t.app, 'manager', district.id.townships[1]),
    ]);
    [managerToken, clinicToken, clinicManagerToken, teamToken, otherManagerToken] = await Promise.all(
      users.map((u) => t.login(u.username, u.password)),
    );
  });
  afterAll(() => t.stop());

  it("files a problem with its category's time limit as a task on the county's clock; reported again it merges", async () => {
    const filed = await t.http.post('/api/problems').set(auth(managerToken)).send(expiredDrugs()).expect(201);
    expect(filed.body).toMatchObject({ filedAs: 'created', problem: { status: 'open', reports: 1, recurrences: 0 } });
    problemId = filed.body.problem.id;
    const task = await db().getRepository(Task).findOneByOrFail({ id: filed.body.problem.taskId });
    // 药品 problems have 7 days (整改时限).
    expect(task).toMatchObject({ kind: 'rectification', unitId: district.id.clinics[0], status: 'open', stepId: null });
    expect(task.dueAt.toISOString()).toBe(endOfLocalDay(addLocalDays(today, 7)).toISOString());
    const clocks: { clock_key: string }[] = await db().query(`SELECT DISTINCT clock_key FROM deadline_moments WHERE task_id = $1`, [
      task.id,
    ]);
    expect(clocks).toEqual([{ clock_key: `county:${district.id.county}` }]);

    const again = await t.http.post('/api/problems').set(auth(managerToken)).send(expiredDrugs()).expect(201);
    expect(again.body).toMatchObject({ filedAs: 'merged', problem: { id: problemId, reports: 2, taskId: task.id } });
    expect(await db().getRepository(Task).countBy({ kind: 'rectification', unitId: district.id.clinics[0] })).toBe(1);
    // The unit's own staff do not file problems; their task's own submit is refused (it follows the problem).
    await t.http.post('/api/problems').set(auth(clinicToken)).send(expiredDrugs()).expect(403);
    const submit = await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(clinicToken)).send({});
    expect(submit.status).toBe(409);
  });

  it('keeps problems to their scope: another township neither files nor sees them', async () => {
    await t.http.post('/api/problems').set(auth(otherManagerToken)).send(expiredDrugs()).expect(403);
    await t.http.get(`/api/problems/${problemId}`).set(auth(otherManagerToken)).expect(404);
    const list = await t.http.get('/api/problems').set(auth(otherManagerToken)).expect(200);
    expect(list.body.items.map((p: Problem) => p.id)).not.toContain(problemId);
    const mine = await t.http.get('/api/problems').set(auth(clinicToken)).expect(200);
    expect(mine.body.items.map((p: Problem) => p.id)).toContain(problemId);
  });

  it('rectifies to 销号: plan, fix with evidence, refused from inside the unit (403) and by the township, verified by the inspecting team', async () => {
    const step = (path: string, token: string, body: object = {}) =>
      t.http.post(`/api/problems/${problemId}/${path}`).set(auth(token)).send(body);
    await step('verify', managerToken).expect(409);
    expect((await step('plan', clinicToken, { plan: '3 日内清理过期药品并补购' }).expect(200)).body.status).toBe('plan_submitted');
    const { taskId } = (await t.http.get(`/api/problems/${problemId}`).set(auth(clinicToken)).expect(200)).body;
    expect((await db().getRepository(Task).findOneByOrFail({ id: taskId })).status).toBe('in_progress');
    await step('start', clinicToken).expect(200);
    const noEvidence = await step('report-fix', clinicToken, { note: '已清理' }).expect(409);
    expect(noEvidence.body.message).toContain(`/api/tasks/${taskId}/evidence/files`);
    await t.http
      .post(`/api/tasks/${taskId}/evidence/files`)
      .set(auth(clinicToken))
      .attach('file', JPEG, { filename: '整改照片.jpg', contentType: 'image/jpeg' })
      .expect(201);
    expect((await step('report-fix', clinicToken, { note: '过期药品已清理，见照片' }).expect(200)).body.status).toBe('fix_reported');

    // The clinic's own manager may not verify its fix: the rule is named.
    const inside = await step('verify', clinicManagerToken).expect(403);
    expect(inside.body.message).toMatch(/^verifier_outside_unit/);
    await step('verify', clinicToken).expect(403);
    await step('refuse', managerToken, {}).expect(400);
    const refused = await step('refuse', managerToken, { reason: '药品登记表未更新' }).expect(200);
    expect(refused.body).toMatchObject({ status: 'rectifying', refusals: 1 });
    await step('report-fix', clinicToken, { note: '登记表已更新' }).expect(200);
    const cleared = await step('verify', teamToken, { reason: '复查合格' }).expect(200);
    expect(cleared.body).toMatchObject({ status: 'cleared', verifiedByUserId: expect.any(String) });
    expect(cleared.body.clearedAt).toBeTruthy();

    const task = await db().getRepository(Task).findOneByOrFail({ id: taskId });
    expect(task.status).toBe('approved');
    const [{ pending }] = await db().query(
      `SELECT count(*)::int AS pending FROM deadline_moments WHERE task_id = $1 AND status = 'pending'`,
      [taskId],
    );
    expect(pending).toBe(0);
    const history = (await t.http.get(`/api/problems/${problemId}`).set(auth(managerToken)).expect(200)).body.events.map(
      (e: { action: string }) => e.action,
    );
    expect(history).toEqual(['created', 'merged', 'submit_plan', 'start', 'report_fix', 'refuse', 'report_fix', 'verify']);
  });

  it('reopens a cleared problem found again, as a recurrence with a new task', async () => {
    const before = await db().getRepository(Problem).findOneByOrFail({ id: problemId });
    const found = await t.http.post('/api/problems').set(auth(managerToken)).send(expiredDrugs()).expect(201);
    expect(found.body).toMatchObject({ filedAs: 'reopened', problem: { id: problemId, status: 'open', recurrences: 1, clearedAt: null } });
    expect(found.body.problem.taskId).not.toBe(before.taskId);
    // And by hand: only from cleared.
    await t.http.post(`/api/problems/${problemId}/reopen`).set(auth(managerToken)).send({ reason: '抽查发现' }).expect(409);
  });

  it('escalates an overdue problem up to the formal talk, which opens an accountability record a manager completes', async () => {
    const { taskId } = await db().getRepository(Problem).findOneByOrFail({ id: problemId });
    // The drill: a seconds-scale ladder whose third level opens the formal talk (约谈), due in 3 s.
    await db().query(
      `UPDATE tasks SET policy = $2, due_at = now() + interval '3 seconds', deadline_version = deadline_version + 1 WHERE id = $1`,
      [taskId, JSON.stringify(FORMAL_TALK_DRILL)],
    );
    const tasks = t.app.get(TasksService);
    await tasks.wakeClocks(await db().transaction((manager) => tasks.planGenerated(manager, [taskId!])));
    const record = await eventually(
      async () => {
        const list = await t.http.get('/api/accountability').set(auth(managerToken)).expect(200);
        return list.body.items.find((r: { problemId: string }) => r.problemId === problemId);
      },
      30_000,
      'the accountability record',
    );
    expect(record).toMatchObject({
      status: 'pending',
      unitId: district.id.clinics[0],
      unitName: '第1村卫生室',
      problemDescription: '村卫生室有过期药品 3 种',
      problemCategory: 'clinic_drugs',
      problemStatus: 'open',
      talkLevel: 3,
      talkStatus: 'pending',
      talkScheduledAt: null,
      completedByName: null,
    });
    const [talk] = await db().query(`SELECT id, level FROM formal_talks WHERE task_id = $1`, [taskId]);
    expect(talk).toMatchObject({ id: record.formalTalkId, level: 3 });
    // The filters the console uses: status, an area, the problem, the formal talks of a page.
    const ids = async (query: string) =>
      (await t.http.get(`/api/accountability?${query}`).set(auth(managerToken)).expect(200)).body.items.map((r: { id: string }) => r.id);
    expect(await ids('status=pending')).toContain(record.id);
    expect(await ids('status=completed')).not.toContain(record.id);
    expect(await ids(`unitId=${district.id.villages[0]}`)).toContain(record.id);
    expect(await ids(`unitId=${district.id.villages[1]}`)).not.toContain(record.id);
    expect(await ids(`problemId=${problemId}`)).toEqual([record.id]);
    expect(await ids(`formalTalkId=${talk.id}&formalTalkId=${record.id}`)).toEqual([record.id]);
    expect(await ids(`formalTalkId=${record.id}`)).toEqual([]);
    await t.http.get('/api/accountability?status=open').set(auth(managerToken)).expect(400);
    await t.http.get('/api/accountability?formalTalkId=x').set(auth(managerToken)).expect(400);
    await t.http.get(`/api/accountability?unitId=${district.id.townships[1]}`).set(auth(managerToken)).expect(403);
    const overdue = await t.http.get('/api/problems').set(auth(managerToken)).expect(200);
    expect(overdue.body.items[0]).toMatchObject({ id: problemId, overdue: true });

    await t.http.post(`/api/accountability/${record.id}/complete`).set(auth(otherManagerToken)).send({ measure: '通报批评' }).expect(404);
    const done = await t.http
      .post(`/api/accountability/${record.id}/complete`)
      .set(auth(managerToken))
      .send({ measure: '通报批评' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'completed', measure: '通报批评' });
    const completed = await t.http.get('/api/accountability?status=completed').set(auth(managerToken)).expect(200);
    expect(completed.body.items).toEqual([
      expect.objectContaining({ id: record.id, measure: '通报批评', completedByName: expect.any(String), completedAt: expect.any(String) }),
    ]);
    await t.http.post(`/api/accountability/${record.id}/complete`).set(auth(managerToken)).send({ measure: '再次' }).expect(409);
  });

  it('imports a problem list all or nothing: bad rows are named and nothing is filed', async () => {
    const header = '责任单位编码,来源,类别,问题描述,佐证,整改时限';
    const bad = [
      header,
      `${district.code.clinics[1]},巡视巡察,档案资料,档案未分类,,`,
      `${district.code.clinics[1]},传闻,档案资料,档案未分类,,`,
      `NOPE,暗访,其他,,,${addLocalDays(today, -1)}`,
    ].join('\n');
    const count = () => db().getRepository(Problem).countBy({ unitId: district.id.clinics[1] });
    const refused = await t.http
      .post('/api/problems/import')
      .set(auth(managerToken))
      .attach('file', Buffer.from(bad), 'problems.csv')
      .expect(400);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'source' }),
        expect.objectContaining({ row: 4, column: 'description' }),
        expect.objectContaining({ row: 4, column: 'dueOn' }),
      ]),
    );
    expect(await count()).toBe(0);
    const outside = [header, `${district.code.clinics[2]},暗访,其他,门口无标识,,`].join('\n');
    const scoped = await t.http
      .post('/api/problems/import')
      .set(auth(managerToken))
      .attach('file', Buffer.from(outside), 'p.csv')
      .expect(400);
    expect(scoped.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'unitCode' })]);

    const good = [
      header,
      `${district.code.clinics[1]},巡视巡察,档案资料,档案未分类,,${addLocalDays(today, 20)}`,
      `${district.code.clinics[1]},第三方评估,档案资料,档案缺目录,照片,`,
      `${district.code.clinics[1]},绩效考核,动态管理系统,随访未录入,,`,
    ].join('\n');
    const imported = await t.http
      .post('/api/problems/import')
      .set(auth(managerToken))
      .attach('file', Buffer.from(good), 'p.csv')
      .expect(200);
    // The two 档案资料 rows are one problem of the unit (merged).
    expect(imported.body).toEqual({ created: 2, merged: 1, reopened: 0 });
    expect(await count()).toBe(2);
  });

  it('shows the 清零 board of an area: by unit (overdue first), source, category and age, with the burn-down', async () => {
    const board = (await t.http.get('/api/problems/board').set(auth(managerToken)).expect(200)).body;
    // The first clinic's reopened problem (overdue since the drill) and the second clinic's two.
    expect(board).toMatchObject({ root: { id: district.id.townships[0] }, open: 3, overdue: 1 });
    expect(board.byUnit[0]).toMatchObject({ unitId: district.id.clinics[0], open: 1, overdue: 1 });
    expect(board.byUnit[1]).toMatchObject({ unitId: district.id.clinics[1], open: 2, overdue: 0 });
    expect(board.bySource[0]).toMatchObject({ source: 'unannounced_visit', label: '暗访', overdue: 1 });
    expect(board.byCategory.map((c: { category: string }) => c.category).sort()).toEqual(['archives', 'clinic_drugs', 'dynamic_system']);
    expect(board.byAge[0]).toMatchObject({ bucket: '0-7', open: 3 });
    expect(board.burnDown).toHaveLength(30);
    expect(board.burnDown[29]).toEqual({ day: today, open: 3 });
    const week = (await t.http.get('/api/problems/board?days=7').set(auth(managerToken)).expect(200)).body;
    expect(week.burnDown).toHaveLength(7);
    await t.http.get(`/api/problems/board?unitId=${district.id.townships[0]}`).set(auth(otherManagerToken)).expect(403);
    await t.http.get('/api/problems/board').set(auth(clinicToken)).expect(403);
  });

  it('exports the problem ledger (问题清单) as XLSX, rolled up over the area, formulas neutralised', async () => {
    await t.http
      .post('/api/problems')
      .set(auth(managerToken))
      .send({ unitId: district.id.clinics[1], source: 'performance_review', category: 'other', description: '=HYPERLINK("http://x")' })
      .expect(201);
    const res = await t.http.get('/api/problems/ledger.xlsx').set(auth(managerToken)).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1, 4)).toEqual(['责任单位', '来源', '类别']);
    expect(rows).toHaveLength(1 + 4);
    expect(rows.map((r) => r[4])).toContain(`'=HYPERLINK("http://x")`);
    const own = await t.http
      .get(`/api/problems/ledger.xlsx?unitId=${district.id.clinics[0]}`)
      .set(auth(managerToken))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const single = new ExcelJS.Workbook();
    await single.xlsx.load(own.body);
    expect(single.worksheets[0].rowCount).toBe(2);
  });

  it("moves a problem's due time with its task: an extension granted on the task takes it off the board's overdue count", async () => {
    const filed = await t.http
      .post('/api/problems')
      .set(auth(managerToken))
      .send({
        unitId: district.id.clinics[1],
        source: 'inspection',
        category: 'clinic_staffing',
        description: '无执业医师在岗',
        dueOn: today,
      })
      .expect(201);
    const { id, taskId } = filed.body.problem as { id: string; taskId: string };
    const overdueOf = async () =>
      (await t.http.get(`/api/problems/board?unitId=${district.id.clinics[1]}`).set(auth(managerToken)).expect(200)).body.overdue as number;
    const before = await overdueOf();
    // Due at the end of today: overdue once the day is behind it, here by moving the task's due time back.
    await db().query(`UPDATE tasks SET due_at = now() - interval '1 hour' WHERE id = $1`, [taskId]);
    expect(await overdueOf()).toBe(before + 1);
    const newDueAt = addLocalDays(today, 20);
    const extended = await t.http
      .post('/api/tasks/bulk')
      .set(auth(managerToken))
      .send({ action: 'extend', taskIds: [taskId], reason: '等待设备到位', newDueAt })
      .expect(200);
    expect(extended.body.results[0]).toMatchObject({ taskId, ok: true });
    const problem = await db().getRepository(Problem).findOneByOrFail({ id });
    expect(problem.dueAt.toISOString()).toBe(endOfLocalDay(newDueAt).toISOString());
    expect(await overdueOf()).toBe(before);
  });
});
