import { DataSource } from 'typeorm';
import { makeResidentId } from '../../src/domain/resident-id';
import { addLocalDays, localDateOf } from '../../src/domain/time-zone';
import { Task } from '../../src/tasks/task.entity';
import { TasksService } from '../../src/tasks/tasks.service';
import { TreatmentCase } from '../../src/treatment/treatment-case.entity';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { District, givenDistrict, givenUser } from '../support/factories';
import { recordHistory } from '../support/histories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * 大病集中救治 through HTTP against real services: a round launched from approved re-identification
 * results (age-limited diseases), a case taken from identified to treated, a hospital reassigned, a
 * refusal closed with its signed evidence and reopened, and scope.
 */
describe('batch treatment rounds through the HTTP API', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  let managerToken: string;
  let centreToken: string;
  let hospitalToken: string;
  let otherManagerToken: string;
  let otherHospital: string;
  let managerId: string;
  let roundStepId: string;
  const persons: Record<'child' | 'adultLeukaemia' | 'oesophagus' | 'refuser' | 'otherTownship', string> = {} as never;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const today = localDateOf(new Date());
  const caseOf = (personId: string) => db().getRepository(TreatmentCase).findOneByOrFail({ stepId: roundStepId, personId });

  /** Persons of the first township's first village, and one of the second township, with approved results. */
  async function givenApprovedResults(): Promise<void> {
    const region = String(100_000 + Math.floor(Math.random() * 900_000));
    const born = (yearsAgo: number) => addLocalDays(today, -Math.round(yearsAgo * 365.25));
    const people = [
      { key: 'child', birth: born(8), village: district.id.villages[0], codes: ['M01'] },
      { key: 'adultLeukaemia', birth: born(40), village: district.id.villages[0], codes: ['M01'] },
      { key: 'oesophagus', birth: born(60), village: district.id.villages[0], codes: ['M09', 'C01'] },
      { key: 'refuser', birth: born(55), village: district.id.villages[1], codes: ['M09'] },
      { key: 'otherTownship', birth: born(50), village: district.id.villages[2], codes: ['M09'] },
    ] as const;
    const [household] = await db().query(
      `INSERT INTO households (household_number, village_unit_id, head_name) VALUES ($1, $2, '户主') RETURNING id`,
      [`${region}-H`, district.id.villages[0]],
    );
    const [campaign] = await db().query(
      `INSERT INTO campaigns (name, template, scope_unit_id, starts_on, ends_on, status, catalogue_version_id)
       SELECT '先前的再识别', 're_identification', $1, $2, $2, 'completed', id FROM disease_catalogue_versions WHERE version = 1 RETURNING id`,
      [district.id.county, today],
    );
    const [step] = await db().query(
      `INSERT INTO campaign_steps (campaign_id, ordinal, kind, title, responsible_unit_kind, due_at, policy, status)
       VALUES ($1, 0, 're_identification', '疾病再识别', 'village_clinic', now(), '{}', 'completed') RETURNING id`,
      [campaign.id],
    );
    for (const [i, p] of people.entries()) {
      const [person] = await db().query(
        `INSERT INTO persons (household_id, village_unit_id, name, id_number, sex, birth_date, poverty_status)
         VALUES ($1, $2, $3, $4, $5, $6, 'not_out') RETURNING id`,
        [household.id, p.village, `病人${i}`, makeResidentId(region, p.birth, i * 2 + 1), 'male', p.birth],
      );
      persons[p.key] = person.id;
      const [task] = await db().query(
        `INSERT INTO tasks (kind, title, unit_id, due_at, policy, status, campaign_id, step_id, finished_at)
         VALUES ('re_identification', '疾病再识别', $1, now(), '{}', 'approved', $2, $3, now()) RETURNING id`,
        [district.id.clinics[0], campaign.id, step.id],
      );
      await db().query(
        `INSERT INTO re_identification_items (step_id, task_id, person_id, village_unit_id, outcome, condition_codes, recorded_at)
         VALUES ($1, $2, $3, $4, 'conditions', $5, now())`,
        [step.id, task.id, person.id, p.village, p.codes],
      );
    }
  }

  const round = (hospitals: { unitId: string; diseases: string[] }[]) => ({
    startsOn: today,
    endsOn: addLocalDays(today, 60),
    diseases: [{ disease: 'M01', minAge: 0, maxAge: 14 }, { disease: '食管癌' }],
    hospitals,
    targetRate: 90,
    stages: { referral: { withinDays: 10 }, admission: { withinDays: 20 }, treatment: { withinDays: 30 } },
  });

  /** POST /api/campaigns of a treatment round over the county, its one step given by `step` (dueAt and unit kind filled in). */
  const createRoundCampaign = (name: string, step: Record<string, unknown>) =>
    t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send({
        name,
        template: 'treatment_round',
        scopeUnitId: district.id.county,
        startsOn: today,
        endsOn: addLocalDays(today, 90),
        steps: [{ dueAt: addLocalDays(today, 60), responsibleUnitKind: 'health_centre', ...step }],
      });

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    // A second designated hospital in the county, for the reassignment.
    await t.app
      .get(UnitsService)
      .import(null, [
        { code: `${district.prefix}D-H2`, name: '测试区中医医院', kind: 'designated_hospital', parentCode: district.code.county },
      ]);
    otherHospital = (
      await db()
        .getRepository(Unit)
        .findOneByOrFail({ code: `${district.prefix}D-H2` })
    ).id;
    const users = await Promise.all([
      givenUser(t.app, 'admin', district.id.county),
      givenUser(t.app, 'manager', district.id.townships[0]),
      givenUser(t.app, 'staff', district.id.centres[0]),
      givenUser(t.app, 'staff', district.id.hospital),
      givenUser(t.app, 'manager', district.id.townships[1]),
    ]);
    [adminToken, managerToken, centreToken, hospitalToken, otherManagerToken] = await Promise.all(
      users.map((u) => t.login(u.username, u.password)),
    );
    managerId = users[1].id;
    await givenApprovedResults();
  });
  afterAll(() => t.stop());

  it('refuses a round naming a disease the catalogue holds in two categories, and one without a step round', async () => {
    const res = await createRoundCampaign('第四批大病集中救治', {
      round: { ...round([{ unitId: district.id.hospital, diseases: ['M01'] }]), diseases: [{ disease: 'M01' }, { disease: '终末期肾病' }] },
    }).expect(400);
    expect(res.body.errors).toContain(
      'round.diseases[1].disease 终末期肾病 is in the catalogue more than once (M13 major, S10 severe): give its code',
    );
    await createRoundCampaign('缺少救治批次', {}).expect(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'steps[0].round is required for a treatment_round step',
    });
  });

  it('launches a round from approved results: one case per eligible diagnosis, each with its referral task', async () => {
    const created = await createRoundCampaign('第四批大病集中救治', {
      round: round([
        { unitId: district.id.hospital, diseases: ['M01', 'M09'] },
        { unitId: otherHospital, diseases: ['M09'] },
      ]),
    }).expect(201);
    roundStepId = created.body.steps[0].id;
    await t.http.post(`/api/campaigns/${created.body.id}/launch`).set(auth(adminToken)).expect(202);
    await eventually(
      async () =>
        (await t.http.get(`/api/campaigns/${created.body.id}`).set(auth(adminToken))).body.status === 'running' ? true : undefined,
      30_000,
      'the launch',
    );
    const cases = await db().getRepository(TreatmentCase).findBy({ stepId: roundStepId });
    // The 40-year-old's leukaemia is outside 0–14; hypertension (C01) is not on the round's list.
    expect(cases.map((c) => [c.personId, c.diseaseCode]).sort()).toEqual(
      [
        [persons.child, 'M01'],
        [persons.oesophagus, 'M09'],
        [persons.refuser, 'M09'],
        [persons.otherTownship, 'M09'],
      ].sort(),
    );
    const child = await caseOf(persons.child);
    expect(child).toMatchObject({
      status: 'identified',
      handling: 'major_treatment',
      referralUnitId: district.id.centres[0],
      hospitalUnitId: district.id.hospital,
      origin: 'results',
    });
    const task = await db().getRepository(Task).findOneByOrFail({ id: child.stageTaskId! });
    expect(task).toMatchObject({ kind: 'case_referral', unitId: district.id.centres[0], stepId: roundStepId, status: 'open' });
    expect(task.title).toBe('大病救治·转诊：病* 儿童急性淋巴细胞白血病（0-14岁）（第1村）');
    // Its deadline moments are on the round's clock.
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM deadline_moments WHERE task_id = $1 AND clock_key = $2`, [
      task.id,
      `step:${roundStepId}`,
    ]);
    expect(n).toBeGreaterThan(0);
  });

  it('takes a case from identified to treated, each stage its own deadline task, every transition recorded', async () => {
    const child = await caseOf(persons.child);
    // The stage task moves with the case only: submitting it on its own is refused.
    const refused = await t.http.post(`/api/tasks/${child.stageTaskId}/submit`).set(auth(centreToken)).send({}).expect(409);
    expect(refused.body.message).toContain('this task follows its treatment case');
    await t.http.post(`/api/treatment-cases/${child.id}/admit`).set(auth(hospitalToken)).send({}).expect(409);
    await t.http.post(`/api/treatment-cases/${child.id}/refer`).set(auth(hospitalToken)).send({}).expect(403);
    const referred = await t.http
      .post(`/api/treatment-cases/${child.id}/refer`)
      .set(auth(centreToken))
      .send({ reason: '已联系定点医院' })
      .expect(200);
    expect(referred.body).toMatchObject({
      status: 'referred',
      hospitalName: '测试区人民医院',
      idNumberMasked: expect.stringMatching(/^\d{4}\*{14}$/),
    });
    // The console opens a case from its stage task.
    const byTask = await t.http
      .get(`/api/treatment-rounds/${roundStepId}/cases?stageTaskId=${referred.body.stageTaskId}`)
      .set(auth(hospitalToken))
      .expect(200);
    expect(byTask.body.items.map((c: { id: string }) => c.id)).toEqual([child.id]);
    const byFinishedStage = await t.http
      .get(`/api/treatment-rounds/${roundStepId}/cases?stageTaskId=${child.stageTaskId}`)
      .set(auth(centreToken))
      .expect(200);
    expect(byFinishedStage.body.items.map((c: { id: string }) => c.id)).toEqual([child.id]);
    const admission = await db().getRepository(Task).findOneByOrFail({ id: referred.body.stageTaskId });
    expect(admission).toMatchObject({ kind: 'case_admission', unitId: district.id.hospital, status: 'open' });
    expect((await db().getRepository(Task).findOneByOrFail({ id: child.stageTaskId! })).status).toBe('approved');

    await t.http.post(`/api/treatment-cases/${child.id}/admit`).set(auth(hospitalToken)).send({}).expect(200);
    await t.http.post(`/api/treatment-cases/${child.id}/treat`).set(auth(hospitalToken)).send({}).expect(400);
    const treated = await t.http
      .post(`/api/treatment-cases/${child.id}/treat`)
      .set(auth(hospitalToken))
      .send({ outcome: 'discharged' })
      .expect(200);
    expect(treated.body).toMatchObject({ status: 'treated', outcome: 'discharged', stageTaskId: null });
    expect(treated.body.events.map((e: { action: string; toStatus: string }) => `${e.action}:${e.toStatus}`)).toEqual([
      'refer:referred',
      'admit:admitted',
      'treat:treated',
    ]);
    const stageTasks = await db().query(`SELECT kind, status FROM tasks WHERE origin_key LIKE $1 ORDER BY created_at`, [
      `case:${child.id}:%`,
    ]);
    expect(stageTasks).toEqual([
      { kind: 'case_referral', status: 'approved' },
      { kind: 'case_admission', status: 'approved' },
      { kind: 'case_treatment', status: 'approved' },
    ]);
    // A finished stage keeps no pending moment.
    const [{ pending }] = await db().query(
      `SELECT count(*)::int AS pending FROM deadline_moments m JOIN tasks t ON t.id = m.task_id WHERE t.origin_key LIKE $1 AND m.status = 'pending'`,
      [`case:${child.id}:%`],
    );
    expect(pending).toBe(0);
  });

  it('lets a manager reassign the hospital with a reason; the admission task moves with the case', async () => {
    const oesophagus = await caseOf(persons.oesophagus);
    await t.http.post(`/api/treatment-cases/${oesophagus.id}/refer`).set(auth(centreToken)).send({}).expect(200);
    await t.http
      .post(`/api/treatment-cases/${oesophagus.id}/hospital`)
      .set(auth(centreToken))
      .send({ hospitalUnitId: otherHospital, reason: '就近' })
      .expect(403);
    const moved = await t.http
      .post(`/api/treatment-cases/${oesophagus.id}/hospital`)
      .set(auth(managerToken))
      .send({ hospitalUnitId: otherHospital, reason: '患者就近选择' })
      .expect(200);
    expect(moved.body).toMatchObject({ hospitalUnitId: otherHospital, hospitalName: '测试区中医医院' });
    expect((await db().getRepository(Task).findOneByOrFail({ id: moved.body.stageTaskId })).unitId).toBe(otherHospital);
    // The first hospital no longer sees it; it still sees its own (the child's, and two others by rule).
    const list = await t.http.get(`/api/treatment-rounds/${roundStepId}/cases`).set(auth(hospitalToken)).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(oesophagus.id);
    expect(list.body.items.map((c: { diseaseCode: string }) => c.diseaseCode).sort()).toEqual(['M01', 'M09', 'M09']);
  });

  it('closes a refusal only with its signed evidence, and a manager reopens it', async () => {
    const refuser = await caseOf(persons.refuser);
    const body = { closeReason: 'refused', reason: '本人及家属签字拒绝' };
    await t.http.post(`/api/treatment-cases/${refuser.id}/close`).set(auth(centreToken)).send(body).expect(409);
    await t.http
      .post(`/api/tasks/${refuser.stageTaskId}/evidence/files`)
      .set(auth(centreToken))
      .attach('file', PDF, { filename: '拒绝治疗告知书.pdf', contentType: 'application/pdf' })
      .expect(201);
    const closed = await t.http.post(`/api/treatment-cases/${refuser.id}/close`).set(auth(centreToken)).send(body).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'refused', stageTaskId: null });
    await t.http.post(`/api/treatment-cases/${refuser.id}/reopen`).set(auth(centreToken)).send({ reason: '同意治疗' }).expect(403);
    const reopened = await t.http
      .post(`/api/treatment-cases/${refuser.id}/reopen`)
      .set(auth(managerToken))
      .send({ reason: '患者同意治疗' })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'identified', closeReason: null });
    expect((await db().getRepository(Task).findOneByOrFail({ id: reopened.body.stageTaskId })).kind).toBe('case_referral');
  });

  it('adds a case by hand with a reason, inside the round’s conditions only', async () => {
    await t.http
      .post(`/api/treatment-rounds/${roundStepId}/cases`)
      .set(auth(centreToken))
      .send({ personId: persons.adultLeukaemia, diseaseCode: 'M01', reason: '复核' })
      .expect(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'this person is outside the age or sex condition of M01 in this round',
      });
    const added = await t.http
      .post(`/api/treatment-rounds/${roundStepId}/cases`)
      .set(auth(centreToken))
      .send({ personId: persons.adultLeukaemia, diseaseCode: 'M09', reason: '复核发现，漏报' })
      .expect(201);
    expect(added.body).toMatchObject({ status: 'identified', origin: 'manual', diseaseCode: 'M09', hospitalUnitId: district.id.hospital });
    await t.http
      .post(`/api/treatment-rounds/${roundStepId}/cases`)
      .set(auth(centreToken))
      .send({ personId: persons.adultLeukaemia, diseaseCode: 'M09', reason: '重复' })
      .expect(409);
  });

  it('keeps cases in scope: another township’s manager sees none of these, and cannot act', async () => {
    const child = await caseOf(persons.child);
    await t.http.get(`/api/treatment-cases/${child.id}`).set(auth(otherManagerToken)).expect(404);
    await t.http.post(`/api/treatment-cases/${child.id}/reopen`).set(auth(otherManagerToken)).send({ reason: 'x' }).expect(404);
    const list = await t.http.get(`/api/treatment-rounds/${roundStepId}/cases`).set(auth(otherManagerToken)).expect(200);
    expect(list.body.items.map((c: { villageName: string }) => c.villageName)).toEqual(['第3村']);
    const mine = await t.http.get(`/api/treatment-rounds/${roundStepId}/cases?status=treated`).set(auth(managerToken)).expect(200);
    expect(mine.body).toMatchObject({ total: 1, items: [{ diseaseCode: 'M01', status: 'treated' }] });
  });

  it('gives each stage task the round’s deadline policy: it reminds and escalates like any task (seconds-scale)', async () => {
    const seconds = {
      remindersBefore: [{ unit: 'seconds', amount: 2 }],
      quietHours: { start: '00:00', end: '00:00' },
      escalation: [{ level: 1, after: { unit: 'seconds', amount: 0 }, target: 'assigned_unit_head' }],
      digestWindow: 'none',
    };
    const created = await createRoundCampaign('时限演练', {
      policy: seconds,
      round: round([{ unitId: district.id.hospital, diseases: ['M01', 'M09'] }]),
    }).expect(201);
    const added = await t.http
      .post(`/api/treatment-rounds/${created.body.steps[0].id}/cases`)
      .set(auth(centreToken))
      .send({ personId: persons.refuser, diseaseCode: 'M09', reason: '演练' })
      .expect(201);
    const taskId = added.body.stageTaskId as string;
    // The drill: the referral stage falls due in 4 s instead of 10 days (the head of the centre is the township manager).
    await db().query(`UPDATE units SET head_user_id = $1 WHERE id = $2`, [managerId, district.id.centres[0]]);
    await db().query(`UPDATE tasks SET due_at = now() + interval '4 seconds', deadline_version = deadline_version + 1 WHERE id = $1`, [
      taskId,
    ]);
    const tasks = t.app.get(TasksService);
    await tasks.wakeClocks(await db().transaction((manager) => tasks.planGenerated(manager, [taskId])));

    const kinds = await eventually(
      async () => {
        const rows: { kind: string; recipient_user_id: string }[] = await db().query(
          `SELECT kind, recipient_user_id FROM notifications WHERE business_key LIKE $1 ORDER BY kind`,
          [`task:${taskId}:%`],
        );
        return rows.some((r) => r.kind === 'escalation') ? rows : undefined;
      },
      30_000,
      'the stage task’s reminder and escalation',
    );
    expect(kinds.map((r) => r.kind)).toContain('reminder');
    expect(kinds.find((r) => r.kind === 'escalation')!.recipient_user_id).toBe(managerId);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM escalations WHERE task_id = $1 AND level = 1`, [taskId]);
    expect(n).toBe(1);
  });

  it('takes in results approved after the launch when an admin refreshes the round: only the new cases', async () => {
    // A person of the first village re-identified with 食管癌 after the launch, the result approved.
    const [late] = await db().query(
      `INSERT INTO persons (household_id, village_unit_id, name, id_number, sex, birth_date, poverty_status)
       SELECT household_id, village_unit_id, '补充病人', $2, 'female', '1970-05-05', 'not_out' FROM persons WHERE id = $1 RETURNING id`,
      [persons.child, makeResidentId(String(100_000 + Math.floor(Math.random() * 900_000)), '1970-05-05', 2)],
    );
    await db().query(
      `INSERT INTO re_identification_items (step_id, task_id, person_id, village_unit_id, outcome, condition_codes, recorded_at)
       SELECT i.step_id, i.task_id, $2, i.village_unit_id, 'conditions', ARRAY['M09'], now() FROM re_identification_items i WHERE i.person_id = $1`,
      [persons.child, late.id],
    );
    const before = await db().getRepository(TreatmentCase).countBy({ stepId: roundStepId });
    await t.http.post(`/api/treatment-rounds/${roundStepId}/refresh`).set(auth(managerToken)).expect(403);
    const started = await t.http.post(`/api/treatment-rounds/${roundStepId}/refresh`).set(auth(adminToken)).expect(202);
    expect(started.body.workflowId).toBe(`treatment-round-refresh-${roundStepId}`);
    const added = await eventually(
      async () => (await db().getRepository(TreatmentCase).findOneBy({ stepId: roundStepId, personId: late.id })) ?? undefined,
      30_000,
      'the new case',
    );
    expect(added).toMatchObject({ diseaseCode: 'M09', status: 'identified', origin: 'results' });
    expect(await db().getRepository(TreatmentCase).countBy({ stepId: roundStepId })).toBe(before + 1);
    const run = t.app.get(TemporalClient).client.workflow.getHandle(started.body.workflowId);
    expect(await run.result()).toEqual({ casesCreated: 1 });
    await recordHistory(run, 'treatment-round-refresh');
  });
});
