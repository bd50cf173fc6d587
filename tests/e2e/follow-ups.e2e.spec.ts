import { DataSource } from 'typeorm';
import { FOLLOW_UP_SCHEDULE_ID } from '../../workflows/follow-up-generation.contract';
import { periodOf } from '../../src/domain/follow-up';
import { makeResidentId } from '../../src/domain/resident-id';
import { addLocalDays, endOfLocalDay, localDateOf } from '../../src/domain/time-zone';
import { FollowUpsService } from '../../src/follow-ups/follow-ups.service';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { District, givenDistrict, givenUser } from '../support/factories';
import { recordHistory } from '../support/histories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

type Key = 'hypertension' | 'diabetes' | 'psychosis' | 'noDoctor' | 'nowWell' | 'unapproved' | 'otherTownship' | 'byHand' | 'late';

/**
 * 慢病签约随访 through HTTP against real services and a worker: plans from approved re-identification
 * results, the generator across a year boundary with the day given by hand (the controllable clock),
 * idempotent re-runs, recording visits with errors naming the field, a task finishing when its last
 * follow-up is recorded (and running again when a plan joins its period), plans by hand, and scope.
 */
describe('chronic follow-ups through the HTTP API', () => {
  let t: TestApp;
  let district: District;
  const tokens = {} as Record<'cityAdmin' | 'countyAdmin' | 'manager' | 'staff' | 'staff2' | 'otherStaff', string>;
  const persons = {} as Record<Key, string>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const today = localDateOf(new Date());
  const clinic = () => district.id.clinics[0];
  /** Today's periods: the quarter (2026-P4 on 2 December 2026) and the month. */
  const quarter = periodOf(today, 4);
  const month = periodOf(today, 12);

  /** The follow-up task of a unit and period, with its follow-ups' persons. */
  async function taskOf(unitId: string, periodKey: string, perYear = 4) {
    const [task]: { id: string; title: string; due_at: Date; status: string; kind: string }[] = await db().query(
      `SELECT id, title, due_at, status, kind FROM tasks WHERE origin_key = $1`,
      [`follow-up:${unitId}:${periodKey}/${perYear}`],
    );
    if (!task) return undefined;
    const rows: { person_id: string }[] = await db().query(`SELECT person_id FROM follow_ups WHERE task_id = $1 ORDER BY person_id`, [
      task.id,
    ]);
    const [{ pending }]: { pending: number }[] = await db().query(
      `SELECT count(*)::int AS pending FROM deadline_moments WHERE task_id = $1 AND status = 'pending'`,
      [task.id],
    );
    return { ...task, persons: rows.map((r) => r.person_id), pendingMoments: pending };
  }

  const sorted = (...keys: Key[]) => keys.map((k) => persons[k]).sort();

  async function generate(asOf: string) {
    const res = await t.http.post('/api/follow-ups/generate').set(auth(tokens.cityAdmin)).send({ asOf }).expect(202);
    expect(res.body.asOf).toBe(asOf);
    const handle = t.app.get(TemporalClient).client.workflow.getHandle(res.body.workflowId);
    return { result: (await handle.result()) as { asOf: string; plans: number }, handle };
  }

  /** Persons of the district with re-identification results, approved unless said otherwise. */
  async function givenResults(): Promise<void> {
    const region = String(100_000 + Math.floor(Math.random() * 900_000));
    const [v1, v2, v3] = district.id.villages;
    const people: { key: Key; village: string; doctor: string; results: { codes: string[]; approved: boolean; daysAgo: number }[] }[] = [
      { key: 'hypertension', village: v1, doctor: '王医生', results: [{ codes: ['C01'], approved: true, daysAgo: 1 }] },
      { key: 'diabetes', village: v1, doctor: '王医生', results: [{ codes: ['C02', 'M09'], approved: true, daysAgo: 1 }] },
      { key: 'psychosis', village: v2, doctor: '李医生', results: [{ codes: ['C03'], approved: true, daysAgo: 1 }] },
      { key: 'noDoctor', village: v1, doctor: '', results: [{ codes: ['C01'], approved: true, daysAgo: 1 }] },
      {
        key: 'nowWell',
        village: v1,
        doctor: '王医生',
        results: [
          { codes: ['C01'], approved: true, daysAgo: 400 },
          { codes: [], approved: true, daysAgo: 2 },
        ],
      },
      { key: 'unapproved', village: v1, doctor: '王医生', results: [{ codes: ['C01'], approved: false, daysAgo: 1 }] },
      { key: 'otherTownship', village: v3, doctor: '赵医生', results: [{ codes: ['C01'], approved: true, daysAgo: 1 }] },
      { key: 'byHand', village: v1, doctor: '王医生', results: [] },
      { key: 'late', village: v1, doctor: '王医生', results: [] },
    ];
    const [household] = await db().query(
      `INSERT INTO households (household_number, village_unit_id, head_name) VALUES ($1, $2, '户主') RETURNING id`,
      [`${region}-H`, v1],
    );
    const [campaign] = await db().query(
      `INSERT INTO campaigns (name, template, scope_unit_id, starts_on, ends_on, status, catalogue_version_id)
       SELECT '先前的再识别', 're_identification', $1, $2, $2, 'completed', id FROM disease_catalogue_versions WHERE version = 1 RETURNING id`,
      [district.id.county, today],
    );
    for (const [i, p] of people.entries()) {
      const birth = addLocalDays(today, -(50 + i) * 365);
      const [person] = await db().query(
        `INSERT INTO persons (household_id, village_unit_id, name, id_number, sex, birth_date, poverty_status, family_doctor)
         VALUES ($1, $2, $3, $4, 'female', $5, 'not_out', $6) RETURNING id`,
        [household.id, p.village, `患者${i}`, makeResidentId(region, birth, i * 2 + 1), birth, p.doctor],
      );
      persons[p.key] = person.id;
      for (const [j, r] of p.results.entries()) {
        const [step] = await db().query(
          `INSERT INTO campaign_steps (campaign_id, ordinal, kind, title, responsible_unit_kind, due_at, policy, status)
           VALUES ($1, $2, 're_identification', '疾病再识别', 'village_clinic', now(), '{}', 'completed') RETURNING id`,
          [campaign.id, i * 10 + j],
        );
        const [task] = await db().query(
          `INSERT INTO tasks (kind, title, unit_id, due_at, policy, status, campaign_id, step_id)
           VALUES ('re_identification', '疾病再识别', $1, now(), '{}', $2, $3, $4) RETURNING id`,
          [district.id.clinics[0], r.approved ? 'approved' : 'in_progress', campaign.id, step.id],
        );
        await db().query(
          `INSERT INTO re_identification_items (step_id, task_id, person_id, village_unit_id, outcome, condition_codes, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7))`,
          [step.id, task.id, person.id, p.village, r.codes.length > 0 ? 'conditions' : 'none', r.codes, r.daysAgo],
        );
      }
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ worker: true, env: { FOLLOW_UP_SCHEDULE: 'true' } });
    district = await givenDistrict(t.app);
    const users = {
      cityAdmin: await givenUser(t.app, 'admin', district.id.city),
      countyAdmin: await givenUser(t.app, 'admin', district.id.county),
      manager: await givenUser(t.app, 'manager', district.id.townships[0]),
      staff: await givenUser(t.app, 'staff', district.id.clinics[0]),
      staff2: await givenUser(t.app, 'staff', district.id.clinics[1]),
      otherStaff: await givenUser(t.app, 'staff', district.id.clinics[2]),
    };
    for (const [k, u] of Object.entries(users)) tokens[k as keyof typeof tokens] = await t.login(u.username, u.password);
    await givenResults();
  }, 60_000);

  afterAll(async () => {
    await t.app
      .get(TemporalClient)
      .client.schedule.getHandle(FOLLOW_UP_SCHEDULE_ID)
      .delete()
      .catch(() => undefined);
    await t?.stop();
  });

  it('the worker creates the daily Schedule at 01:00 Asia/Shanghai, running the generator on its task queue', async () => {
    const handle = t.app.get(TemporalClient).client.schedule.getHandle(FOLLOW_UP_SCHEDULE_ID);
    const described = await eventually(() => handle.describe().catch(() => undefined), 20_000, 'the follow-up Schedule');
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({ hour: [{ start: 1, end: 1, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] }),
    ]);
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'followUpGenerationWorkflow',
      taskQueue: t.config.temporal.taskQueue,
    });
    // One Schedule per server: this file's queue goes away with it, so it goes now.
    await handle.delete();
  });

  it('makes a plan for each contracted patient whose latest approved result lists C01, C02 or C03, once', async () => {
    const body = { scopeUnitId: district.id.townships[0] };
    const first = await t.http.post('/api/follow-up-plans/from-results').set(auth(tokens.manager)).send(body).expect(201);
    expect(first.body).toMatchObject({ eligible: 3, created: 3, withoutClinic: 0 });
    const plans: { person_id: string; disease_code: string; unit_id: string; per_year: number; origin: string }[] = await db().query(
      `SELECT person_id, disease_code, unit_id, per_year, origin FROM follow_up_plans WHERE person_id = ANY($1) ORDER BY disease_code`,
      [Object.values(persons)],
    );
    expect(plans).toEqual([
      { person_id: persons.hypertension, disease_code: 'C01', unit_id: district.id.clinics[0], per_year: 4, origin: 'results' },
      { person_id: persons.diabetes, disease_code: 'C02', unit_id: district.id.clinics[0], per_year: 4, origin: 'results' },
      { person_id: persons.psychosis, disease_code: 'C03', unit_id: district.id.clinics[1], per_year: 4, origin: 'results' },
    ]);
    // The new plans get the follow-ups of today's period at once, through a generator run.
    expect(first.body.generationWorkflowId).toEqual(expect.stringContaining(`follow-up-generation-${today}-`));
    await t.app.get(TemporalClient).client.workflow.getHandle(first.body.generationWorkflowId).result();
    const current = await taskOf(clinic(), quarter.key);
    expect(current?.persons).toEqual(sorted('hypertension', 'diabetes'));

    const again = await t.http.post('/api/follow-up-plans/from-results').set(auth(tokens.manager)).send(body).expect(201);
    expect(again.body).toMatchObject({ eligible: 3, created: 0, generationWorkflowId: null });
    // Staff may not.
    await t.http.post('/api/follow-up-plans/from-results').set(auth(tokens.staff)).send(body).expect(403);
  });

  it('generates across the year boundary with the day given: 2027-P4 due 31 December, then 2028-P1, each task once', async () => {
    const { handle } = await generate('2027-12-20');
    await recordHistory(handle, 'follow-up-generation');
    const q4 = await taskOf(clinic(), '2027-P4');
    expect(q4).toMatchObject({ kind: 'follow_up', title: '随访任务：2027年第4季度 第1村卫生室', status: 'open' });
    expect(q4!.due_at.toISOString()).toBe(endOfLocalDay('2027-12-31').toISOString());
    expect(q4!.due_at.toISOString()).toBe('2027-12-31T15:59:59.999Z');
    expect(q4!.persons).toEqual(sorted('hypertension', 'diabetes'));
    // Its reminders and escalations are rows of the deadline engine, written with it.
    expect(q4!.pendingMoments).toBeGreaterThan(0);
    expect((await taskOf(district.id.clinics[1], '2027-P4'))!.persons).toEqual(sorted('psychosis'));

    await generate('2028-01-02');
    const q1 = await taskOf(clinic(), '2028-P1');
    expect(q1).toMatchObject({ title: '随访任务：2028年第1季度 第1村卫生室' });
    expect(q1!.due_at.toISOString()).toBe('2028-03-31T15:59:59.999Z');
    expect(q1!.persons).toEqual(sorted('hypertension', 'diabetes'));

    // Again: nothing twice.
    const count = async () =>
      (await db().query(`SELECT count(*)::int AS n FROM follow_ups WHERE unit_id = ANY($1)`, [district.id.clinics]))[0].n as number;
    const tasks = async () =>
      (await db().query(`SELECT count(*)::int AS n FROM tasks WHERE kind = 'follow_up' AND unit_id = ANY($1)`, [district.id.clinics]))[0]
        .n as number;
    const before = { followUps: await count(), tasks: await tasks() };
    await generate('2027-12-20');
    await generate('2028-01-02');
    expect({ followUps: await count(), tasks: await tasks() }).toEqual(before);
  });

  it('pages through the plans with a cursor: every page in one transaction, the last answering null', async () => {
    const service = t.app.get(FollowUpsService);
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await service.generate('2028-04-02', cursor, 2);
      expect(page.plans).toBeLessThanOrEqual(2);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10_000);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect((await taskOf(clinic(), '2028-P2'))!.persons).toEqual(sorted('hypertension', 'diabetes'));
  });

  it('refuses a run by anyone but an admin of a root unit, and a day before today or one that does not exist', async () => {
    await t.http.post('/api/follow-ups/generate').set(auth(tokens.countyAdmin)).send({ asOf: '2027-12-20' }).expect(403);
    const past = await t.http
      .post('/api/follow-ups/generate')
      .set(auth(tokens.cityAdmin))
      .send({ asOf: addLocalDays(today, -1) })
      .expect(400);
    expect(past.body.message).toContain('asOf');
    const wrong = await t.http.post('/api/follow-ups/generate').set(auth(tokens.cityAdmin)).send({ asOf: '2027-02-30' }).expect(400);
    expect(JSON.stringify(wrong.body.message)).toContain('asOf');
  });

  describe('recording visits', () => {
    let taskId: string;
    let byPerson: Record<string, { id: string; measure: string }>;

    beforeAll(async () => {
      taskId = (await taskOf(clinic(), quarter.key))!.id;
    });

    it('lists the task’s follow-ups to the unit and the managers above, ID numbers masked, ages not birth dates', async () => {
      const res = await t.http.get(`/api/tasks/${taskId}/follow-ups`).set(auth(tokens.staff)).expect(200);
      expect(res.body.total).toBe(2);
      byPerson = Object.fromEntries(res.body.items.map((i: { person: { id: string }; id: string; measure: string }) => [i.person.id, i]));
      expect(res.body.items[0]).toMatchObject({
        taskId,
        periodKey: quarter.key,
        visitDate: null,
        person: { idNumberMasked: expect.stringMatching(/^\d{4}\*{14}$/), age: expect.any(Number) },
      });
      expect(JSON.stringify(res.body)).not.toContain('birth');
      expect(byPerson[persons.hypertension]).toMatchObject({ diseaseCode: 'C01', diseaseName: '原发性高血压', measure: 'blood_pressure' });
      expect(byPerson[persons.diabetes]).toMatchObject({ diseaseCode: 'C02', measure: 'glucose' });
      await t.http.get(`/api/tasks/${taskId}/follow-ups`).set(auth(tokens.manager)).expect(200);
      const pending = await t.http.get(`/api/tasks/${taskId}/follow-ups?state=recorded`).set(auth(tokens.staff)).expect(200);
      expect(pending.body.total).toBe(0);
    });

    it('refuses a visit without what its disease needs, or outside its period, naming each field; nothing is recorded', async () => {
      const url = `/api/tasks/${taskId}/follow-ups/${byPerson[persons.hypertension].id}`;
      const missing = await t.http.put(url).set(auth(tokens.staff)).send({ visitDate: today }).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['systolic', 'diastolic']);
      expect(missing.body.message).toContain('systolic (mmHg) is required for 原发性高血压 (C01)');
      const implausible = await t.http
        .put(url)
        .set(auth(tokens.staff))
        .send({ visitDate: today, systolic: 1400, diastolic: 90 })
        .expect(400);
      expect(implausible.body.errors).toEqual([{ field: 'systolic', message: 'systolic must lie between 60 and 300 mmHg, not 1400' }]);
      const before = await t.http
        .put(url)
        .set(auth(tokens.staff))
        .send({ visitDate: '2025-09-30', systolic: 140, diastolic: 90 })
        .expect(400);
      expect(before.body.errors.map((e: { field: string }) => e.field)).toEqual(['visitDate']);
      const future = await t.http
        .put(url)
        .set(auth(tokens.staff))
        .send({ visitDate: addLocalDays(today, 1), systolic: 140, diastolic: 90 })
        .expect(400);
      expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['visitDate']);
      const typed = await t.http.put(url).set(auth(tokens.staff)).send({ visitDate: today, systolic: '140', diastolic: 90 }).expect(400);
      expect(JSON.stringify(typed.body.message)).toContain('systolic');
      const diabetes = `/api/tasks/${taskId}/follow-ups/${byPerson[persons.diabetes].id}`;
      const glucose = await t.http.put(diabetes).set(auth(tokens.staff)).send({ visitDate: today, notes: '空腹' }).expect(400);
      expect(glucose.body.errors.map((e: { field: string }) => e.field)).toEqual(['glucose']);
      const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM follow_ups WHERE task_id = $1 AND recorded_at IS NOT NULL`, [
        taskId,
      ]);
      expect(n).toBe(0);
    });

    it('lets only the unit’s staff record, and keeps another township out', async () => {
      const url = `/api/tasks/${taskId}/follow-ups/${byPerson[persons.hypertension].id}`;
      const visit = { visitDate: today, systolic: 142, diastolic: 91 };
      await t.http.put(url).set(auth(tokens.manager)).send(visit).expect(403);
      await t.http.put(url).set(auth(tokens.otherStaff)).send(visit).expect(403);
      await t.http.put(url).set(auth(tokens.staff2)).send(visit).expect(403);
      const listed = await t.http.get(`/api/tasks/${taskId}/follow-ups`).set(auth(tokens.otherStaff));
      expect([403, 404]).toContain(listed.status);
      expect(JSON.stringify(listed.body)).not.toContain(persons.hypertension);
      // A follow-up task is not submitted: it finishes by itself.
      await t.http.post(`/api/tasks/${taskId}/submit`).set(auth(tokens.staff)).expect(409);
    });

    it('records visits; the first starts the task, the last finishes it and voids its reminders; both are audited', async () => {
      const first = await t.http
        .put(`/api/tasks/${taskId}/follow-ups/${byPerson[persons.hypertension].id}`)
        .set(auth(tokens.staff))
        .send({ visitDate: today, systolic: 142, diastolic: 91, notes: '嘱低盐饮食' })
        .expect(200);
      expect(first.body).toMatchObject({
        visitDate: today,
        systolic: 142,
        diastolic: 91,
        glucose: null,
        notes: '嘱低盐饮食',
        taskStatus: 'in_progress',
      });
      expect((await taskOf(clinic(), quarter.key))!.pendingMoments).toBeGreaterThan(0);

      const last = await t.http
        .put(`/api/tasks/${taskId}/follow-ups/${byPerson[persons.diabetes].id}`)
        .set(auth(tokens.staff))
        .send({ visitDate: today, glucose: 6.8 })
        .expect(200);
      expect(last.body).toMatchObject({ glucose: 6.8, taskStatus: 'approved' });
      const task = await taskOf(clinic(), quarter.key);
      expect(task).toMatchObject({ status: 'approved', pendingMoments: 0 });
      const history = await t.http.get(`/api/tasks/${taskId}`).set(auth(tokens.staff)).expect(200);
      expect(history.body.history.map((e: { action: string }) => e.action)).toEqual(['created', 'started', 'approved']);
      expect(history.body.history[2].reason).toBe('every follow-up of the task is recorded');

      // Finished: no more changes.
      await t.http
        .put(`/api/tasks/${taskId}/follow-ups/${byPerson[persons.hypertension].id}`)
        .set(auth(tokens.staff))
        .send({ visitDate: today, systolic: 150, diastolic: 95 })
        .expect(409);
      const audit: { action: string }[] = await db().query(
        `SELECT action FROM audit_events WHERE entity_type = 'follow_up' AND entity_id = ANY($1::text[]) ORDER BY id`,
        [[byPerson[persons.hypertension].id, byPerson[persons.diabetes].id]],
      );
      expect(audit.map((a) => a.action)).toEqual(['follow_up.record', 'follow_up.record']);
    });
  });

  describe('plans by hand', () => {
    it('the clinic’s staff add a plan for a contracted patient of their village; its current follow-up is due at once', async () => {
      const res = await t.http
        .post('/api/follow-up-plans')
        .set(auth(tokens.staff))
        .send({ personId: persons.byHand, diseaseCode: 'C03', perYear: 12 })
        .expect(201);
      expect(res.body).toMatchObject({
        diseaseCode: 'C03',
        diseaseName: '严重精神障碍',
        perYear: 12,
        startsOn: today,
        active: true,
        origin: 'manual',
        unit: { id: clinic(), name: '第1村卫生室' },
        person: { id: persons.byHand, familyDoctor: '王医生', idNumberMasked: expect.stringMatching(/^\d{4}\*{14}$/) },
      });
      const monthly = await taskOf(clinic(), month.key, 12);
      expect(monthly).toMatchObject({ title: `随访任务：${month.label} 第1村卫生室`, status: 'open' });
      expect(monthly!.persons).toEqual([persons.byHand]);
      expect(monthly!.pendingMoments).toBeGreaterThan(0);

      await t.http.post('/api/follow-up-plans').set(auth(tokens.staff)).send({ personId: persons.byHand, diseaseCode: 'C03' }).expect(409);
    });

    it('refuses a person without a family doctor, another village’s person, and a disease without follow-ups (naming the field)', async () => {
      const noDoctor = await t.http
        .post('/api/follow-up-plans')
        .set(auth(tokens.staff))
        .send({ personId: persons.noDoctor, diseaseCode: 'C01' })
        .expect(409);
      expect(noDoctor.body.message).toContain('family doctor');
      await t.http.post('/api/follow-up-plans').set(auth(tokens.staff2)).send({ personId: persons.late, diseaseCode: 'C01' }).expect(403);
      await t.http
        .post('/api/follow-up-plans')
        .set(auth(tokens.otherStaff))
        .send({ personId: persons.late, diseaseCode: 'C01' })
        .expect(403);
      const disease = await t.http
        .post('/api/follow-up-plans')
        .set(auth(tokens.staff))
        .send({ personId: persons.late, diseaseCode: 'M09' })
        .expect(400);
      expect(JSON.stringify(disease.body.message)).toContain('diseaseCode');
      const perYear = await t.http
        .post('/api/follow-up-plans')
        .set(auth(tokens.staff))
        .send({ personId: persons.late, diseaseCode: 'C01', perYear: 3 })
        .expect(400);
      expect(JSON.stringify(perYear.body.message)).toContain('perYear');
    });

    it('a plan added after its period’s task finished puts the task back to work, its reminders with it', async () => {
      const key = quarter.key;
      expect((await taskOf(clinic(), key))!.status).toBe('approved');
      await t.http.post('/api/follow-up-plans').set(auth(tokens.manager)).send({ personId: persons.late, diseaseCode: 'C02' }).expect(201);
      const task = await taskOf(clinic(), key);
      expect(task).toMatchObject({ status: 'in_progress' });
      expect(task!.persons).toEqual(sorted('hypertension', 'diabetes', 'late'));
      expect(task!.pendingMoments).toBeGreaterThan(0);
      const [{ action }] = await db().query(`SELECT action FROM task_events WHERE task_id = $1 ORDER BY id DESC LIMIT 1`, [task!.id]);
      expect(action).toBe('reopened');
    });

    it('lists plans in scope: staff their clinic’s, managers under a unit, another township none', async () => {
      const mine = await t.http.get('/api/follow-up-plans').set(auth(tokens.staff)).expect(200);
      expect(mine.body.items.map((p: { person: { id: string } }) => p.person.id).sort()).toEqual(
        sorted('hypertension', 'diabetes', 'byHand', 'late'),
      );
      const village = await t.http.get(`/api/follow-up-plans?unitId=${district.id.villages[1]}`).set(auth(tokens.manager)).expect(200);
      expect(village.body.items.map((p: { person: { id: string } }) => p.person.id)).toEqual([persons.psychosis]);
      const other = await t.http.get('/api/follow-up-plans').set(auth(tokens.otherStaff)).expect(200);
      expect(other.body.total).toBe(0);
      await t.http.get(`/api/follow-up-plans?unitId=${district.id.villages[0]}`).set(auth(tokens.otherStaff)).expect(403);
    });

    it('ends a plan: its unrecorded follow-up leaves the running task, which is cancelled with nothing left; a new plan starts it again', async () => {
      const [plan] = await db().query(`SELECT id FROM follow_up_plans WHERE person_id = $1`, [persons.byHand]);
      await t.http.delete(`/api/follow-up-plans/${plan.id}`).set(auth(tokens.otherStaff)).expect(404);
      const ended = await t.http.delete(`/api/follow-up-plans/${plan.id}`).set(auth(tokens.staff)).expect(200);
      expect(ended.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
      const monthly = await taskOf(clinic(), month.key, 12);
      expect(monthly).toMatchObject({ status: 'cancelled', persons: [], pendingMoments: 0 });
      // Idempotent; and an ended plan is not generated.
      await t.http.delete(`/api/follow-up-plans/${plan.id}`).set(auth(tokens.staff)).expect(200);
      await t.app.get(FollowUpsService).generate('2028-05-02');
      expect(await taskOf(clinic(), '2028-P5', 12)).toBeUndefined();

      const again = await t.http
        .post('/api/follow-up-plans')
        .set(auth(tokens.staff))
        .send({ personId: persons.byHand, diseaseCode: 'C03' })
        .expect(201);
      expect(again.body).toMatchObject({ id: plan.id, active: true, perYear: 4, deactivatedAt: null });
      const audit: { action: string }[] = await db().query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [plan.id]);
      expect(audit.map((a) => a.action)).toEqual(['follow_up_plan.create', 'follow_up_plan.deactivate', 'follow_up_plan.reactivate']);
    });
  });
});
