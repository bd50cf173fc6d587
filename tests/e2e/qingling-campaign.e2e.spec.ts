import { DataSource } from 'typeorm';
import { campaignWorkflowId } from '../../workflows/campaign.contract';
import { addLocalDays, localDateOf } from '../../src/domain/time-zone';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { District, givenDistrict, givenRegister, givenUser } from '../support/factories';
import { recordHistory } from '../support/histories';
import { FORMAL_TALK_DRILL } from '../support/policies';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const DRUGS_ITEM = 'clinic.drugs_unexpired';

interface StepView {
  id: string;
  kind: string;
  status: string;
  startsAt: string | null;
  startAfter: number | null;
  itemCount: number;
}
interface PairView {
  teamId: string;
  targetId: string;
  taskId: string | null;
}

/**
 * Seed 002's year from the built-in `qingling_year` template, through HTTP against real services, with
 * seconds-scale dates: re-identification; the first village-to-village check when it completes, a failed
 * item becoming a problem due with the first rectification step; that problem escalated to a formal talk,
 * its fix refused once and then verified (销号), which completes the first rectification; the second check
 * on its date, finding the problem again (a recurrence); the 清零 gate holding the campaign open (its
 * holder escalated to the township's head) until the last problem is cleared.
 */
describe('the seed-002 campaign template, chained to 清零', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  let townshipHeadTokens: string[];
  let townshipHeadIds: string[];
  const clinicTokens: string[] = [];
  let campaignId: string;
  let steps: StepView[];
  let problemId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const today = localDateOf(new Date());
  const tokenOf = (clinicId: string) => clinicTokens[district.id.clinics.indexOf(clinicId)];
  const campaign = async () => (await t.http.get(`/api/campaigns/${campaignId}`).set(auth(adminToken)).expect(200)).body;
  const stepStatus = async (i: number) => ((await campaign()).steps as StepView[])[i].status;
  const untilStep = (i: number, status: string, what: string) =>
    eventually(async () => ((await stepStatus(i)) === status ? true : undefined), 60_000, what);
  const pairsOf = async (stepId: string): Promise<PairView[]> =>
    (await t.http.get(`/api/cross-checks/${stepId}`).set(auth(adminToken)).expect(200)).body.pairs;

  /** Every team records its inspection (failing the drugs item where asked), submits, and the bureau approves. */
  const inspectAll = async (stepId: string, failDrugsAt: string | null): Promise<string | null> => {
    const pairs = await eventually(
      async () => {
        const p = await pairsOf(stepId);
        return p.length > 0 && p.every((x) => x.taskId) ? p : undefined;
      },
      60_000,
      'the inspection tasks',
    );
    let failedProblem: string | null = null;
    for (const pair of pairs) {
      const token = tokenOf(pair.teamId);
      const items: { id: string; itemKey: string }[] = (
        await t.http.get(`/api/inspections/${pair.taskId}/items`).set(auth(token)).expect(200)
      ).body;
      for (const item of items) {
        const fail = pair.targetId === failDrugsAt && item.itemKey === DRUGS_ITEM;
        const res = await t.http
          .put(`/api/inspections/${pair.taskId}/items/${item.id}`)
          .set(auth(token))
          .send(fail ? { result: 'fail', note: '有过期药品' } : { result: 'pass' })
          .expect(200);
        if (fail) failedProblem = res.body.problemId;
      }
      await t.http.post(`/api/tasks/${pair.taskId}/submit`).set(auth(token)).send({}).expect(201);
      await t.http.post(`/api/tasks/${pair.taskId}/approve`).set(auth(adminToken)).send({}).expect(201);
    }
    return failedProblem;
  };

  /** The responsible clinic plans, rectifies and reports the fix with a photo. */
  const rectify = async (clinicToken: string) => {
    const problem = (await t.http.get(`/api/problems/${problemId}`).set(auth(clinicToken)).expect(200)).body;
    const act = (path: string, body: object) => t.http.post(`/api/problems/${problemId}/${path}`).set(auth(clinicToken)).send(body);
    if (problem.status === 'open') await act('plan', { plan: '清理过期药品，建立效期登记' }).expect(200);
    if (problem.status === 'open' || problem.status === 'planned') await act('start', {}).expect(200);
    await t.http
      .post(`/api/tasks/${problem.taskId}/evidence/files`)
      .set(auth(clinicToken))
      .attach('file', JPEG, { filename: '整改后.jpg', contentType: 'image/jpeg' })
      .expect(201);
    await act('report-fix', { note: '已清理并登记效期' }).expect(200);
  };

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    await givenRegister(t.app, district.id.villages, [1, 1, 1, 1]);
    const admin = await givenUser(t.app, 'admin', district.id.county);
    // The bureau's leader answers for the county (分片联系): the ladder's level 3 reaches someone.
    const leader = await givenUser(t.app, 'manager', district.id.county, { responsibleUnitIds: [district.id.county] });
    const heads = await Promise.all(district.id.townships.map((id) => givenUser(t.app, 'manager', id)));
    const clinics = await Promise.all(district.id.clinics.map((c) => givenUser(t.app, 'staff', c)));
    [adminToken] = await Promise.all([t.login(admin.username, admin.password), t.login(leader.username, leader.password)]);
    townshipHeadTokens = await Promise.all(heads.map((h) => t.login(h.username, h.password)));
    townshipHeadIds = heads.map((h) => h.id);
    clinicTokens.push(...(await Promise.all(clinics.map((c) => t.login(c.username, c.password)))));
    for (const [i, township] of district.id.townships.entries())
      await t.http.patch(`/api/units/${township}`).set(auth(adminToken)).send({ headUserId: heads[i].id }).expect(200);
  });
  afterAll(() => t.stop());

  it('creates the campaign from the template with its start rules, refusing a rule that names a later step', async () => {
    const templates = (await t.http.get('/api/campaign-templates').set(auth(clinicTokens[0])).expect(200)).body;
    const year = templates.find((tp: { key: string }) => tp.key === 'qingling_year');
    expect(year.steps.map((s: { title: string }) => s.title)).toEqual([
      '疾病再识别',
      '第一轮村与村交叉排查',
      '第一轮问题整改销号',
      '第二轮交叉排查',
      '第二轮问题整改销号',
    ]);
    const now = Date.now();
    const body = (secondRoundStartsAt: string, startAfter: number | undefined = undefined) => ({
      name: '2027 年健康扶贫问题清零行动',
      template: 'qingling_year',
      scopeUnitId: district.id.county,
      startsOn: today,
      endsOn: addLocalDays(today, 90),
      steps: [
        { dueAt: addLocalDays(today, 14) },
        { dueAt: addLocalDays(today, 30) },
        // The first round's problems are due with this step: within seconds, on the drill ladder.
        { dueAt: new Date(now + 30_000).toISOString(), policy: FORMAL_TALK_DRILL },
        { dueAt: addLocalDays(today, 60), startsAt: secondRoundStartsAt, ...(startAfter === undefined ? {} : { startAfter }) },
        { dueAt: addLocalDays(today, 75) },
      ],
    });
    const refused = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send(body(new Date(now + 45_000).toISOString(), 4))
      .expect(400);
    expect(refused.body.errors).toEqual(['steps[3].startAfter must name an earlier step (0 to 2), not 4']);
    const late = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send(body(addLocalDays(today, 100)))
      .expect(400);
    expect(late.body.errors).toContain("steps[3].startsAt must lie between the campaign's startsOn and endsOn");

    // One township's two clinics can only inspect each other: a reciprocal pair, which the rules refuse.
    const township = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send({ ...body(new Date(now + 45_000).toISOString()), scopeUnitId: district.id.townships[0] })
      .expect(400);
    expect(township.body.message).toMatch(/^steps\[1\]: reciprocal: /);
    const created = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send(body(new Date(now + 45_000).toISOString()))
      .expect(201);
    campaignId = created.body.id;
    steps = created.body.steps;
    expect(steps.map((s) => [s.kind, s.startAfter])).toEqual([
      ['re_identification', null],
      ['cross_check', 0],
      ['rectification', 1],
      ['cross_check', 1],
      ['rectification', 3],
    ]);
    expect(steps[3].startsAt).toBe(new Date(now + 45_000).toISOString());
    await t.http.post(`/api/campaigns/${campaignId}/launch`).set(auth(adminToken)).expect(202);
  });

  it('runs re-identification first; the first cross-check round launches only when it completes', async () => {
    await untilStep(0, 'running', 're-identification running');
    expect((await campaign()).steps.slice(1).map((s: StepView) => s.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const tasks: { id: string; unitId: string }[] = await db().query(`SELECT id, unit_id AS "unitId" FROM tasks WHERE step_id = $1`, [
      steps[0].id,
    ]);
    expect(tasks).toHaveLength(4);
    for (const task of tasks) {
      const token = tokenOf(task.unitId);
      const items = (await t.http.get(`/api/tasks/${task.id}/items`).set(auth(token)).expect(200)).body.items as { id: string }[];
      for (const item of items)
        await t.http.put(`/api/tasks/${task.id}/items/${item.id}`).set(auth(token)).send({ outcome: 'none' }).expect(200);
      await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(token)).expect(201);
      await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(adminToken)).expect(201);
    }
    await untilStep(0, 'completed', 're-identification completed');
    await untilStep(1, 'running', 'the first round launched');
  });

  it('turns a failed item into a problem due with the first rectification step, which starts when the round completes', async () => {
    const target = district.id.clinics[2];
    problemId = (await inspectAll(steps[1].id, target))!;
    expect(problemId).toEqual(expect.any(String));
    const problem = (await t.http.get(`/api/problems/${problemId}`).set(auth(adminToken)).expect(200)).body;
    expect(problem).toMatchObject({ unitId: target, stepId: steps[1].id, status: 'open' });
    // 整改时限: the rectification step's due time, on its drill ladder.
    const [task] = await db().query(`SELECT due_at, policy FROM tasks WHERE id = $1`, [problem.taskId]);
    expect(new Date(task.due_at).toISOString()).toBe(new Date((await campaign()).steps[2].dueAt).toISOString());
    expect(task.policy.escalation).toHaveLength(3);

    await untilStep(1, 'completed', 'the first round completed');
    await untilStep(2, 'running', 'the first rectification running');
    const view = await campaign();
    expect(view.steps[2].itemCount).toBe(1);
    // The second round waits for its date (unless the machine was slower than its 45 s).
    if (Date.now() < new Date(steps[3].startsAt!).getTime() - 2_000) expect(view.steps[3].status).toBe('pending');
  });

  it('escalates the overdue problem to a formal talk; a refused fix goes back, a verified one is cleared and ends the step', async () => {
    const record = await eventually(
      async () => {
        const list = await t.http.get('/api/accountability').set(auth(adminToken)).expect(200);
        return list.body.items.find((r: { problemId: string }) => r.problemId === problemId);
      },
      60_000,
      'the formal talk and its accountability record',
    );
    expect(record).toMatchObject({ unitId: district.id.clinics[2], status: 'pending' });

    const target = clinicTokens[2];
    const team = (await t.http.get(`/api/problems/${problemId}`).set(auth(adminToken)).expect(200)).body.inspectingUnitId as string;
    await rectify(target);
    // Not by the responsible unit itself; the inspecting team refuses, with a reason.
    await t.http.post(`/api/problems/${problemId}/verify`).set(auth(target)).send({}).expect(403);
    await t.http
      .post(`/api/problems/${problemId}/refuse`)
      .set(auth(tokenOf(team)))
      .send({ reason: '仍有一盒过期' })
      .expect(200);
    expect((await t.http.get(`/api/problems/${problemId}`).set(auth(target)).expect(200)).body).toMatchObject({
      status: 'rectifying',
      refusals: 1,
    });
    expect(await stepStatus(2)).toBe('running');
    await rectify(target);
    await t.http
      .post(`/api/problems/${problemId}/verify`)
      .set(auth(tokenOf(team)))
      .send({})
      .expect(200);
    await untilStep(2, 'completed', 'the first rectification completed');
  });

  it('starts the second round on its date; the problem found again is a recurrence, due with the second rectification', async () => {
    await untilStep(3, 'running', 'the second round launched on its date');
    const launchedAt = new Date((await campaign()).steps[3].launchedAt).getTime();
    expect(launchedAt).toBeGreaterThanOrEqual(new Date(steps[3].startsAt!).getTime());
    const again = await inspectAll(steps[3].id, district.id.clinics[2]);
    expect(again).toBe(problemId);
    const problem = (await t.http.get(`/api/problems/${problemId}`).set(auth(adminToken)).expect(200)).body;
    expect(problem).toMatchObject({ status: 'open', recurrences: 1 });
    const [task] = await db().query(`SELECT due_at FROM tasks WHERE id = $1`, [problem.taskId]);
    expect(new Date(task.due_at).toISOString()).toBe(new Date((await campaign()).steps[4].dueAt).toISOString());
    await untilStep(3, 'completed', 'the second round completed');
    await untilStep(4, 'running', 'the second rectification running');
  });

  it('holds the campaign at the 清零 gate, escalating the holder to its township head, until the last problem is cleared', async () => {
    // An unannounced visit (暗访, no campaign) finds a problem in the scope: it holds the gate too.
    const visit = await t.http
      .post('/api/problems')
      .set(auth(adminToken))
      .send({
        unitId: district.id.clinics[0],
        source: 'unannounced_visit',
        category: 'clinic_records',
        description: '暗访：救治台账未更新',
      })
      .expect(201);
    const view = await campaign();
    expect(view.status).toBe('running');
    expect(view.gate.openProblems).toBe(2);
    expect(view.gate.holders.map((h: { unitName: string; open: number }) => [h.unitName, h.open])).toEqual([
      ['第1村卫生室', 1],
      ['第3村卫生室', 1],
    ]);
    // The recurring problem cleared: every step is done, and the gate holds on the visit's problem alone.
    await rectify(clinicTokens[2]);
    const team = (await t.http.get(`/api/problems/${problemId}`).set(auth(adminToken)).expect(200)).body.inspectingUnitId as string;
    await t.http
      .post(`/api/problems/${problemId}/verify`)
      .set(auth(tokenOf(team)))
      .send({})
      .expect(200);
    await untilStep(4, 'completed', 'the second rectification completed');
    // 清零督办 to the first township's head, who answers for the clinic; the campaign stays open.
    const escalation = await eventually(
      async () => {
        const inbox = await t.http.get('/api/notifications').set(auth(townshipHeadTokens[0])).expect(200);
        return inbox.body.items.find((n: { kind: string }) => n.kind === 'qingling_gate');
      },
      60_000,
      'the gate escalation',
    );
    expect(escalation.title).toBe('清零督办：第1村卫生室');
    expect(escalation.body).toContain('第1村卫生室尚有 1 个问题未整改销号');
    const [{ n }] = await db().query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'qingling_gate' AND recipient_user_id = $1`,
      [townshipHeadIds[1]],
    );
    expect(n).toBe(0);
    expect((await campaign()).status).toBe('running');

    // The township verifies the clinic's fix: the last problem cleared, the campaign closes.
    problemId = visit.body.problem.id;
    await rectify(clinicTokens[0]);
    await t.http.post(`/api/problems/${problemId}/verify`).set(auth(townshipHeadTokens[0])).send({}).expect(200);
    await eventually(async () => ((await campaign()).status === 'completed' ? true : undefined), 60_000, 'the campaign closed');
    const closed = await campaign();
    expect(closed.steps.map((s: StepView) => s.status)).toEqual(Array(5).fill('completed'));
    expect(closed.gate).toEqual({ openProblems: 0, holders: [] });
    await recordHistory(t.app.get(TemporalClient).client.workflow.getHandle(campaignWorkflowId(campaignId)), 'campaign-chained');
  }, 120_000);
});
