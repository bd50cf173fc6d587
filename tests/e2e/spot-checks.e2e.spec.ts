import { DataSource } from 'typeorm';
import { Campaign, CampaignStep } from '../../src/campaigns/campaign.entity';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { Problem, ProblemEvent } from '../../src/problems/problem.entity';
import { Task, TaskEvent } from '../../src/tasks/task.entity';
import { TreatmentCase, TreatmentCaseEvent } from '../../src/treatment/treatment-case.entity';
import { District, givenDistrict, givenReIdentificationCampaign, givenRegister, givenUser, Register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

interface SampleBody {
  id: string;
  unitId: string;
  itemId: string;
  draw: number;
  status: string;
  item: { personName: string | null; idNumberMasked: string | null; currentStatus: string };
}

/**
 * Spot checks (抽查) through HTTP against real services: a sample of approved re-identification results
 * drawn per clinic, the same seed drawing the same items; passed and failed samples, a failure of each
 * kind reopening its item with the reason (the result cleared and its task back in progress; a treated
 * case back to identified with a referral task; a cleared problem reopened as a recurrence); the failures
 * counted against the units in the 通报 ranking; bad input, scope and the checker rule.
 */
describe('spot checks (抽查) through the HTTP API', () => {
  let t: TestApp;
  let district: District;
  let register: Register;
  let adminToken: string;
  let managerToken: string;
  let otherManagerToken: string;
  let clinicManagerToken: string;
  let staffToken: string;
  let reIdStepId: string;
  let roundStepId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
  const samplesOf = async (token: string, id: string, query = '') =>
    (await t.http.get(`/api/spot-checks/${id}?pageSize=100${query}`).set(auth(token)).expect(200)).body.samples.items as SampleBody[];
  const outcome = (token: string, id: string, sampleId: string, body: object) =>
    t.http.post(`/api/spot-checks/${id}/samples/${sampleId}/outcome`).set(auth(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    register = await givenRegister(t.app, district.id.villages, [3, 3, 3, 3]);
    const users = await Promise.all([
      givenUser(t.app, 'admin', district.id.county),
      givenUser(t.app, 'manager', district.id.townships[0]),
      givenUser(t.app, 'manager', district.id.townships[1]),
      givenUser(t.app, 'manager', district.id.clinics[0]),
      givenUser(t.app, 'staff', district.id.clinics[0]),
    ]);
    [adminToken, managerToken, otherManagerToken, clinicManagerToken, staffToken] = await Promise.all(
      users.map((u) => t.login(u.username, u.password)),
    );

    // Re-identification over the district, launched; every result recorded and every task approved.
    const reId = await givenReIdentificationCampaign(t, adminToken, district.id.county, { name: '抽查用再识别', launch: true });
    reIdStepId = reId.stepId;
    await db().query(`UPDATE re_identification_items SET outcome = 'none', note = '无', recorded_at = now() WHERE step_id = $1`, [
      reIdStepId,
    ]);
    await db().query(`UPDATE tasks SET status = 'approved', finished_at = now() WHERE step_id = $1`, [reIdStepId]);

    // A treatment round over the district (written to the tables, as the rate tests do); each village's first
    // person a case, referred, admitted and treated through the API.
    const [{ id: catalogueVersionId }]: { id: string }[] = await db().query(`SELECT id FROM disease_catalogue_versions WHERE version = 1`);
    const roundCampaign = await db()
      .getRepository(Campaign)
      .save({
        name: '抽查用大病集中救治',
        template: 'treatment_round',
        scopeUnitId: district.id.county,
        startsOn: day(-10),
        endsOn: day(20),
        status: 'running',
        catalogueVersionId,
      });
    const round = await db()
      .getRepository(CampaignStep)
      .save({
        campaignId: roundCampaign.id,
        ordinal: 1,
        kind: 'treatment_round',
        title: '大病集中救治',
        responsibleUnitKind: 'health_centre',
        dueAt: new Date(Date.now() + 20 * 86400_000),
        policy: DEFAULT_DEADLINE_POLICY,
        round: {
          startsOn: day(-10),
          endsOn: day(20),
          diseases: [{ code: 'M09' }],
          hospitals: [{ unitId: district.id.hospital, diseases: ['M09'] }],
          targetRate: 90,
          stages: { referral: { withinDays: 7 }, admission: { withinDays: 14 }, treatment: { withinDays: 30 } },
        },
        status: 'running',
      });
    roundStepId = round.id;
    const firsts: { id: string }[] = await db().query(
      `SELECT DISTINCT ON (village_unit_id) id FROM persons WHERE village_unit_id = ANY($1::uuid[]) ORDER BY village_unit_id, id_number`,
      [district.id.villages],
    );
    for (const person of firsts) {
      const added = await t.http
        .post(`/api/treatment-rounds/${roundStepId}/cases`)
        .set(auth(adminToken))
        .send({ personId: person.id, diseaseCode: 'M09', reason: '抽查测试' })
        .expect(201);
      for (const [action, body] of [
        ['refer', {}],
        ['admit', {}],
        ['treat', { outcome: 'discharged' }],
      ] as const)
        await t.http.post(`/api/treatment-cases/${added.body.id}/${action}`).set(auth(adminToken)).send(body).expect(200);
    }

    // Two problems of township 1's clinics, cleared.
    for (const [unitId, category] of [
      [district.id.clinics[0], 'clinic_drugs'],
      [district.id.clinics[1], 'clinic_records'],
    ]) {
      const filed = await t.http
        .post('/api/problems')
        .set(auth(managerToken))
        .send({ unitId, source: 'unannounced_visit', category, description: `${category} 问题` })
        .expect(201);
      await db().getRepository(Problem).update({ id: filed.body.problem.id }, { status: 'cleared', clearedAt: new Date() });
      await db().getRepository(Task).update({ id: filed.body.problem.taskId }, { status: 'approved', finishedAt: new Date() });
    }
  });
  afterAll(() => t.stop());

  let reIdCheckId: string;

  it('draws a reproducible sample per unit: the same seed draws the same items, a share is rounded up', async () => {
    const create = (body: object) =>
      t.http
        .post('/api/spot-checks')
        .set(auth(adminToken))
        .send({ kind: 're_identification_result', stepId: reIdStepId, scopeUnitId: district.id.county, ...body });
    const first = await create({ perUnit: 2, seed: 7 }).expect(201);
    expect(first.body).toMatchObject({
      kind: 're_identification_result',
      perUnit: 2,
      share: null,
      seed: 7,
      counts: { samples: 8, pending: 8 },
    });
    reIdCheckId = first.body.id;
    const again = await create({ perUnit: 2, seed: 7 }).expect(201);
    expect(again.body.id).not.toBe(reIdCheckId);
    const items = async (id: string) => (await samplesOf(adminToken, id)).map((s) => `${s.unitId}:${s.itemId}`).sort();
    expect(await items(again.body.id)).toEqual(await items(reIdCheckId));
    // Each clinic has 3 results: 2 of them drawn, ordered by unit and draw.
    const samples = await samplesOf(adminToken, reIdCheckId);
    expect(new Set(samples.map((s) => s.unitId))).toEqual(new Set(district.id.clinics));
    expect(samples.every((s) => s.draw === 1 || s.draw === 2)).toBe(true);
    // Personal data masked as everywhere (maskResidentId): the name and the ID number's first four characters.
    const body = JSON.stringify(samples);
    for (const idNumber of register.idNumbers.flat()) expect(body).not.toContain(idNumber);
    expect(samples[0].item.idNumberMasked).toMatch(/^\d{4}\*{14}$/);
    expect(samples[0].item.personName).toMatch(/^村民/);

    // A share: ceil(0.5 × 3) = 2 per clinic.
    expect((await create({ share: 0.5, seed: 7 }).expect(201)).body.counts.samples).toBe(8);
    // Idempotent by the client's key: sent twice, one spot check.
    const keyed = await create({ perUnit: 1, requestKey: 'spot-1' }).expect(201);
    expect((await create({ perUnit: 1, requestKey: 'spot-1' }).expect(201)).body.id).toBe(keyed.body.id);
    expect(keyed.body.seed).toEqual(expect.any(Number));

    // The list shows them, newest first; another township's manager sees none of them.
    const list = await t.http.get('/api/spot-checks').set(auth(adminToken)).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(reIdCheckId);
    const other = await t.http.get('/api/spot-checks').set(auth(otherManagerToken)).expect(200);
    expect(other.body.items).toEqual([]);
    await t.http.get(`/api/spot-checks/${reIdCheckId}`).set(auth(otherManagerToken)).expect(404);
  });

  it('refuses bad input naming the field, out of scope (403) and unknown (404)', async () => {
    const base = { kind: 're_identification_result', stepId: reIdStepId, scopeUnitId: district.id.county, perUnit: 1 };
    const post = (token: string, body: object) => t.http.post('/api/spot-checks').set(auth(token)).send(body);
    expect((await post(adminToken, { ...base, share: 0.5 }).expect(400)).body.message).toMatch(/share or perUnit/);
    expect((await post(adminToken, { ...base, perUnit: undefined }).expect(400)).body.message).toMatch(/share or perUnit/);
    expect(JSON.stringify((await post(adminToken, { ...base, perUnit: undefined, share: 0 }).expect(400)).body.message)).toContain('share');
    expect(JSON.stringify((await post(adminToken, { ...base, kind: 'audit' }).expect(400)).body.message)).toContain('kind');
    expect((await post(adminToken, { ...base, stepId: roundStepId }).expect(400)).body.message).toMatch(/^stepId: /);
    expect((await post(adminToken, { ...base, stepId: undefined }).expect(400)).body.message).toMatch(/^stepId or campaignId/);
    await post(adminToken, { ...base, stepId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    await post(otherManagerToken, { ...base, scopeUnitId: district.id.townships[0] }).expect(403);
    await post(staffToken, base).expect(403);
    const [sample] = await samplesOf(adminToken, reIdCheckId);
    const failedWithoutReason = await outcome(adminToken, reIdCheckId, sample.id, { passed: false }).expect(400);
    expect(JSON.stringify(failedWithoutReason.body.message)).toContain('reason');
    await outcome(adminToken, reIdCheckId, sample.id, { passed: 'yes' }).expect(400);
    await outcome(adminToken, reIdCheckId, '00000000-0000-4000-8000-000000000000', { passed: true }).expect(404);
  });

  it('passes samples, and a failed re-identification result is cleared with the reason and its task back in progress', async () => {
    const samples = await samplesOf(adminToken, reIdCheckId);
    const ofClinic0 = samples.filter((s) => s.unitId === district.id.clinics[0]);
    // The clinic's own manager is inside the sampled unit: never its checker (here the area is the clinic itself).
    await outcome(clinicManagerToken, reIdCheckId, ofClinic0[0].id, { passed: true }).expect(404);
    const ofClinic = await t.http
      .post('/api/spot-checks')
      .set(auth(adminToken))
      .send({ kind: 're_identification_result', stepId: reIdStepId, scopeUnitId: district.id.clinics[0], perUnit: 1 })
      .expect(201);
    const [own] = await samplesOf(clinicManagerToken, ofClinic.body.id);
    const inside = await outcome(clinicManagerToken, ofClinic.body.id, own.id, { passed: true }).expect(403);
    expect(inside.body.message).toMatch(/^checker_above_unit/);
    // The county's spot check is the county's to record: a township's manager does not see it.
    await outcome(managerToken, reIdCheckId, ofClinic0[1].id, { passed: true }).expect(404);
    const passed = await outcome(adminToken, reIdCheckId, ofClinic0[1].id, { passed: true }).expect(200);
    expect(passed.body).toMatchObject({ status: 'passed', reopened: false, reason: null });
    await outcome(adminToken, reIdCheckId, ofClinic0[1].id, { passed: false, reason: '重复' }).expect(409);

    const failed = await outcome(adminToken, reIdCheckId, ofClinic0[0].id, { passed: false, reason: '入户核实：患高血压未识别' }).expect(
      200,
    );
    expect(failed.body).toMatchObject({ status: 'failed', reopened: true, reason: '入户核实：患高血压未识别' });
    const [item]: { outcome: string | null; note: string; task_id: string }[] = await db().query(
      `SELECT outcome, note, task_id FROM re_identification_items WHERE id = $1`,
      [ofClinic0[0].itemId],
    );
    expect(item).toMatchObject({ outcome: null, note: '抽查未通过：入户核实：患高血压未识别' });
    const task = await db().getRepository(Task).findOneByOrFail({ id: item.task_id });
    expect(task).toMatchObject({ status: 'in_progress', finishedAt: null });
    const event = await db().getRepository(TaskEvent).findOneByOrFail({ taskId: task.id, action: 'reopened' });
    expect(event).toMatchObject({ fromStatus: 'approved', toStatus: 'in_progress', reason: '入户核实：患高血压未识别' });
    const after = await samplesOf(adminToken, reIdCheckId, '&status=failed');
    expect(after.map((s) => [s.id, s.item.currentStatus])).toEqual([[ofClinic0[0].id, 'pending']]);
    const audit: { action: string }[] = await db().query(`SELECT action FROM audit_events WHERE entity_id = $1`, [ofClinic0[0].id]);
    expect(audit.map((a) => a.action)).toEqual(['spot_check.fail']);
  });

  it('a failed treated case goes back to identified with a referral task; a failed cleared problem reopens as a recurrence', async () => {
    const cases = await t.http
      .post('/api/spot-checks')
      .set(auth(managerToken))
      .send({ kind: 'treated_case', stepId: roundStepId, scopeUnitId: district.id.townships[0], perUnit: 1, seed: 3 })
      .expect(201);
    // Township 1's two treated cases count against its health centre, which refers and tracks them: one drawn.
    const [caseSample] = await samplesOf(managerToken, cases.body.id);
    expect(cases.body.counts.samples).toBe(1);
    expect(caseSample.unitId).toBe(district.id.centres[0]);
    await outcome(managerToken, cases.body.id, caseSample.id, { passed: false, reason: '患者未入院' }).expect(200);
    const treatmentCase = await db().getRepository(TreatmentCase).findOneByOrFail({ id: caseSample.itemId });
    expect(treatmentCase).toMatchObject({ status: 'identified', treatedAt: null, outcome: null });
    expect((await db().getRepository(Task).findOneByOrFail({ id: treatmentCase.stageTaskId! })).kind).toBe('case_referral');
    const caseEvent = await db().getRepository(TreatmentCaseEvent).findOneByOrFail({ caseId: treatmentCase.id, action: 'reopen' });
    expect(caseEvent).toMatchObject({ fromStatus: 'treated', toStatus: 'identified', reason: '抽查未通过：患者未入院' });

    const problems = await t.http
      .post('/api/spot-checks')
      .set(auth(managerToken))
      .send({ kind: 'cleared_problem', scopeUnitId: district.id.townships[0], share: 1 })
      .expect(201);
    const problemSamples = await samplesOf(managerToken, problems.body.id);
    expect(problemSamples.map((s) => s.unitId).sort()).toEqual([district.id.clinics[0], district.id.clinics[1]].sort());
    const failing = problemSamples.find((s) => s.unitId === district.id.clinics[1])!;
    await outcome(managerToken, problems.body.id, problemSamples.find((s) => s !== failing)!.id, {
      passed: true,
      reason: '复查合格',
    }).expect(200);
    await outcome(managerToken, problems.body.id, failing.id, { passed: false, reason: '统计表仍缺' }).expect(200);
    const problem = await db().getRepository(Problem).findOneByOrFail({ id: failing.itemId });
    expect(problem).toMatchObject({ status: 'open', recurrences: 1, clearedAt: null });
    expect((await db().getRepository(Task).findOneByOrFail({ id: problem.taskId! })).status).toBe('open');
    const reopen = await db().getRepository(ProblemEvent).findOneByOrFail({ problemId: problem.id, action: 'reopen' });
    expect(reopen.reason).toContain('抽查未通过：统计表仍缺');
  });

  it('counts failed spot checks against the units in the 通报 ranking', async () => {
    const ranking = await t.http.get('/api/oversight/overdue-ranking?pageSize=100').set(auth(adminToken)).expect(200);
    const row = (unitId: string) => ranking.body.items.find((r: { unit: { id: string } }) => r.unit.id === unitId);
    // Clinic 1: a passed and a failed result, and a passed problem. Clinic 2: a failed problem. Centre 1: a failed case.
    expect(row(district.id.clinics[0])).toMatchObject({ spotChecked: 3, failedSpotChecks: 1 });
    expect(row(district.id.clinics[1])).toMatchObject({ spotChecked: 1, failedSpotChecks: 1 });
    expect(row(district.id.centres[0])).toMatchObject({ spotChecked: 1, failedSpotChecks: 1 });
    const clinic2 = row(district.id.clinics[1]);
    expect(clinic2.rankingRate).toBe(Math.round(((clinic2.overdue + 1) / (clinic2.dueSoFar + 1)) * 10_000) / 100);
    // Units without spot checks keep their overdue rate as the order.
    const rates = ranking.body.items.map((r: { rankingRate: number }) => r.rankingRate);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => b - a));
  });
});
