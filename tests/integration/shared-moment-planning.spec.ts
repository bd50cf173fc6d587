import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { WorkingCalendarService } from '../../src/calendar/working-calendar.service';
import { clockKeyOf } from '../../src/domain/deadline-moments';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy } from '../../src/domain/deadline-policy';
import { scopeOf } from '../../src/domain/scope';
import { Campaign, CampaignStep } from '../../src/campaigns/campaign.entity';
import { makeResidentId } from '../../src/domain/resident-id';
import { addLocalDays, atLocalTime, endOfLocalDay, localDateOf } from '../../src/domain/time-zone';
import type { CatalogueDisease } from '../../src/domain/disease-catalogue';
import { assignHospital, handlingOf, isEligible, RoundDefinition } from '../../src/domain/treatment-round';
import { DeadlineMomentsService, MOMENT_ROWS, momentRowParams, TaskToPlan } from '../../src/tasks/deadline-moments.service';
import { TreatmentStages } from '../../src/treatment/treatment-stages';
import { Unit } from '../../src/units/unit.entity';
import { District, givenDistrict, givenReIdentificationCampaign, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const wd = (amount: number) => ({ unit: 'working_days' as const, amount });

/** Policies that exercise every part of planning: working days both ways, quiet hours, due-day times, mixed ladders. */
const POLICIES: DeadlinePolicy[] = [
  DEFAULT_DEADLINE_POLICY,
  {
    remindersBefore: [wd(3), wd(1), { unit: 'due_day_at', time: '07:30' }, { unit: 'hours', amount: 2 }],
    quietHours: { start: '22:00', end: '07:00' },
    escalation: [
      { level: 1, after: wd(0), target: 'assigned_unit_head' },
      { level: 2, after: wd(2), target: 'supervising_unit_head' },
      { level: 3, after: { unit: 'calendar_days', amount: 1 }, target: 'responsible_leader', opensFormalTalk: true },
    ],
    digestWindow: 'none',
  },
  {
    remindersBefore: [
      { unit: 'seconds', amount: 90 },
      { unit: 'calendar_days', amount: 5 },
    ],
    quietHours: { start: '08:00', end: '08:00' },
    escalation: [{ level: 1, after: { unit: 'seconds', amount: 30 }, target: 'assigned_unit_head' }],
    digestWindow: 'day',
  },
];

/** A policy edited by hand in the database: planning logs it and plans nothing for its task. */
const INVALID_POLICY = { remindersBefore: 'soon' };

/** `now` of the plans: the day before the 2026 Mid-Autumn holiday (25–27 September), a week before National Day (1–7 October; 10 October a make-up workday). */
const NOW = atLocalTime('2026-09-24', '10:00');
const DUE_DAYS = ['2026-09-25', '2026-09-28', '2026-09-30', '2026-10-09', '2026-10-12', '2026-10-16'];

/**
 * The set-based planner (`DeadlineMomentsService.planShared` and `plan`, what a treatment round's launch
 * and every generator use through `planGenerated`) writes exactly the rows the per-task planner
 * (`planRows`, one `planMoments` per task, the statement of `MOMENT_ROWS`) writes for the same tasks:
 * the same task, clock, kind, seq, version, due time and status, in the same order, with the same
 * clocks to wake. Over two counties (one with days of its own), a campaign step's tasks and standalone
 * ones, tasks alike by the hundred and one of a kind, every status, escalation levels and deadline
 * versions, and moments already acted on or void.
 */
describe('set-based moment planning writes what per-task planning writes', () => {
  let t: TestApp;
  let districts: District[];
  let stepId: string;
  let taskIds: string[];
  let moments: DeadlineMomentsService;

  beforeAll(async () => {
    t = await startTestApp({ env: { TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_CALL_TIMEOUT_MS: '500' } });
    moments = t.app.get(DeadlineMomentsService);
    districts = [await givenDistrict(t.app), await givenDistrict(t.app)];
    const admin = await givenUser(t.app, 'admin', districts[0].id.city);
    const city = await t.app.get(DataSource).getRepository(Unit).findOneByOrFail({ id: districts[0].id.city });
    const actor: Actor = { id: admin.id, username: admin.username, role: 'admin', unitId: city.id, scope: scopeOf('admin', city) };
    // The first county has days of its own: local holidays (one on the national make-up workday) and a workday inside National Day.
    await t.app.get(WorkingCalendarService).setCountyDays(actor, 2026, districts[0].id.county, {
      holidays: ['2026-10-10', '2026-09-29'],
      makeUpWorkdays: ['2026-10-03'],
    });
    const token = await t.login(admin.username, admin.password);
    ({ stepId } = await givenReIdentificationCampaign(t, token, districts[0].id.county, { name: '时点比对', launch: false }));

    // Units below a county (its clock and calendar), a county itself, and a city (above county level: its root's clock).
    const units = [...districts.flatMap((d) => [...d.id.clinics, ...d.id.centres, d.id.hospital, d.id.county]), districts[0].id.city];
    const rows: { unit: string; step: boolean; due: Date; policy: unknown; status: string; version: number; level: number }[] = [];
    // Pages of tasks alike: one plan for hundreds of tasks, as in a launch.
    for (let i = 0; i < 300; i++)
      rows.push({
        unit: units[i % units.length],
        step: i % 3 !== 0,
        due: endOfLocalDay(DUE_DAYS[(i >> 5) % DUE_DAYS.length]),
        policy: POLICIES[i % 2],
        status: 'open',
        version: 1,
        level: 0,
      });
    // And one of every kind.
    const statuses = ['open', 'in_progress', 'submitted', 'approved', 'cancelled'];
    let n = 0;
    for (const day of DUE_DAYS)
      for (const time of ['00:30', '07:45', '09:00', '21:30', '23:59'])
        for (const policy of POLICIES) {
          n++;
          rows.push({
            unit: units[(n * 7) % units.length],
            step: n % 2 === 0,
            due: atLocalTime(day, time),
            policy,
            status: statuses[n % statuses.length],
            version: 1 + (n % 3),
            level: n % 4,
          });
        }
    rows.push({
      unit: units[0],
      step: true,
      due: endOfLocalDay(DUE_DAYS[2]),
      policy: INVALID_POLICY,
      status: 'open',
      version: 1,
      level: 0,
    });
    // Due within the hour, and already past: reminders behind `now` are not planned.
    rows.push({
      unit: units[1],
      step: false,
      due: new Date(NOW.getTime() + 3_000_000),
      policy: POLICIES[2],
      status: 'open',
      version: 1,
      level: 0,
    });
    rows.push({
      unit: units[2],
      step: true,
      due: new Date(NOW.getTime() - 86_400_000),
      policy: POLICIES[0],
      status: 'open',
      version: 2,
      level: 1,
    });

    const dataSource = t.app.get(DataSource);
    const [campaign] = await dataSource.query<{ campaign_id: string }[]>(`SELECT campaign_id FROM campaign_steps WHERE id = $1`, [stepId]);
    const inserted: { id: string }[] = await dataSource.query(
      `INSERT INTO tasks (kind, title, unit_id, due_at, policy, status, deadline_version, escalation_level, campaign_id, step_id)
       SELECT 'moment_check', '时点比对', r.unit, r.due, r.policy, r.status, r.version, r.level,
              CASE WHEN r.step THEN $1::uuid END, CASE WHEN r.step THEN $2::uuid END
       FROM unnest($3::uuid[], $4::boolean[], $5::timestamptz[], $6::jsonb[], $7::varchar[], $8::int[], $9::int[]) WITH ORDINALITY
         AS r(unit, step, due, policy, status, version, level, ord)
       ORDER BY r.ord
       RETURNING id`,
      [
        campaign.campaign_id,
        stepId,
        rows.map((r) => r.unit),
        rows.map((r) => r.step),
        rows.map((r) => r.due),
        rows.map((r) => JSON.stringify(r.policy)),
        rows.map((r) => r.status),
        rows.map((r) => r.version),
        rows.map((r) => r.level),
      ],
    );
    taskIds = inserted.map((r) => r.id);
    // Moments already there: an acted reminder (stays acted), a void one and a pending one of the version (planned afresh).
    await dataSource.query(
      `INSERT INTO deadline_moments (task_id, clock_key, kind, seq, deadline_version, due_at, status, acted_at)
       SELECT t.id, 'step:' || $2, m.kind, m.seq, t.deadline_version, $3, m.status, CASE WHEN m.status = 'acted' THEN $3::timestamptz END
       FROM tasks t, (VALUES ('reminder', 0, 'acted'), ('reminder', 1, 'void'), ('escalation', 1, 'pending')) AS m(kind, seq, status)
       WHERE t.id = ANY($1::uuid[])`,
      [[taskIds[0], taskIds[5], taskIds[301], taskIds[320]], stepId, NOW],
    );
  }, 120_000);
  afterAll(() => t.stop());

  interface Written {
    rows: { task_id: string; clock_key: string; kind: string; seq: number; deadline_version: number; due_at: Date; status: string }[];
    wakes: [string, string][];
  }

  /** Plans the tasks in a transaction, reads what it wrote (in the order written) and rolls back. */
  async function written(planTasks: (manager: EntityManager) => Promise<Map<string, Date>>): Promise<Written> {
    let result: Written | undefined;
    await t.app
      .get(DataSource)
      .transaction(async (manager) => {
        const wakes = await planTasks(manager);
        result = {
          rows: await manager.query(
            `SELECT task_id, clock_key, kind, seq, deadline_version, due_at, status FROM deadline_moments
             WHERE task_id = ANY($1::uuid[]) ORDER BY id`,
            [taskIds],
          ),
          wakes: [...wakes].map(([clock, at]) => [clock, at.toISOString()] as [string, string]).sort(),
        };
        throw new Error('roll back');
      })
      .catch((err: Error) => {
        if (err.message !== 'roll back') throw err;
      });
    return result!;
  }

  /** The per-task planner as `plan` was before it went set-based: `planRows`, then one row each through `MOMENT_ROWS`. */
  async function perTask(manager: EntityManager): Promise<Map<string, Date>> {
    const tasks: TaskToPlan[] = await manager.query(
      `SELECT id, unit_id AS "unitId", step_id AS "stepId", status, due_at AS "dueAt", policy,
              deadline_version AS "deadlineVersion", escalation_level AS "escalationLevel"
       FROM tasks WHERE id = ANY($1::uuid[])`,
      [taskIds],
    );
    await manager.query(`UPDATE deadline_moments SET status = 'void' WHERE task_id = ANY($1::uuid[]) AND status = 'pending'`, [taskIds]);
    const timing = await moments.timingOf(
      tasks.map((task) => task.unitId),
      manager,
    );
    const { rows, wakes } = moments.planRows(tasks, timing, NOW);
    await manager.query(
      `INSERT INTO deadline_moments (task_id, clock_key, kind, seq, deadline_version, due_at)
       SELECT * FROM ${MOMENT_ROWS}
       ON CONFLICT (task_id, deadline_version, kind, seq) DO UPDATE
         SET due_at = EXCLUDED.due_at, clock_key = EXCLUDED.clock_key, status = 'pending'
         WHERE deadline_moments.status <> 'acted'`,
      momentRowParams(rows),
    );
    return wakes;
  }

  it('re-planning generated tasks (planGenerated, as a launch page does) writes the per-task rows, row for row', async () => {
    const expected = await written(perTask);
    const actual = await written((manager) => moments.replan(manager, taskIds, NOW));
    // The fixture reaches what it means to: most plans shared, both clocks kinds, working days, something acted.
    expect(expected.rows.length).toBeGreaterThan(1_500);
    expect(new Set(expected.rows.map((r) => r.clock_key.split(':')[0]))).toEqual(new Set(['step', 'county']));
    expect(expected.rows.filter((r) => r.status === 'acted')).toHaveLength(4);
    expect(actual).toEqual(expected);
  });

  it('planning task objects (plan, as creation and re-assignment do) writes the per-task rows, row for row', async () => {
    const expected = await written(perTask);
    const actual = await written(async (manager) => {
      const tasks: TaskToPlan[] = await manager.query(
        `SELECT id, unit_id AS "unitId", step_id AS "stepId", status, due_at AS "dueAt", policy,
                deadline_version AS "deadlineVersion", escalation_level AS "escalationLevel"
         FROM tasks WHERE id = ANY($1::uuid[])`,
        [taskIds],
      );
      await manager.query(`UPDATE deadline_moments SET status = 'void' WHERE task_id = ANY($1::uuid[]) AND status = 'pending'`, [taskIds]);
      return moments.plan(manager, tasks, NOW);
    });
    expect(actual).toEqual(expected);
  });

  it('planning tasks that have no moment yet (planNew: the tasks a launch page has just inserted) writes the per-task rows, row for row, without a conflict clause', async () => {
    // As the tasks a statement has just inserted: no moment row of any version.
    const fresh =
      (planTasks: (manager: EntityManager) => Promise<Map<string, Date>>) =>
      async (manager: EntityManager): Promise<Map<string, Date>> => {
        await manager.query(`DELETE FROM deadline_moments WHERE task_id = ANY($1::uuid[])`, [taskIds]);
        return planTasks(manager);
      };
    const readTasks = (manager: EntityManager): Promise<TaskToPlan[]> =>
      manager.query(
        `SELECT id, unit_id AS "unitId", step_id AS "stepId", status, due_at AS "dueAt", policy,
                deadline_version AS "deadlineVersion", escalation_level AS "escalationLevel"
         FROM tasks WHERE id = ANY($1::uuid[])`,
        [taskIds],
      );
    const expected = await written(fresh(perTask));
    const actual = await written(fresh(async (manager) => moments.planNew(manager, await readTasks(manager), NOW)));
    expect(expected.rows.length).toBeGreaterThan(1_500);
    expect(expected.rows.every((r) => r.status === 'pending')).toBe(true);
    expect(actual).toEqual(expected);
    // And what `plan` writes for them.
    expect(await written(fresh(async (manager) => moments.plan(manager, await readTasks(manager), NOW)))).toEqual(expected);
    // A task that has moments already is not one for planNew: its plain insert fails rather than touch them.
    await expect(
      written(
        fresh(async (manager) => {
          await moments.planNew(manager, await readTasks(manager), NOW);
          return moments.planNew(manager, await readTasks(manager), NOW);
        }),
      ),
    ).rejects.toThrow(/duplicate key/);
  });

  it('plans each distinct plan once: the 300 tasks alike share one plan per clock, calendar, due time and policy', async () => {
    const tasks: TaskToPlan[] = await t.app.get(DataSource).query(
      `SELECT id, unit_id AS "unitId", step_id AS "stepId", status, due_at AS "dueAt", policy,
              deadline_version AS "deadlineVersion", escalation_level AS "escalationLevel"
       FROM tasks WHERE id = ANY($1::uuid[])`,
      [taskIds.slice(0, 300)],
    );
    const timing = await moments.timingOf(tasks.map((task) => task.unitId));
    const { rows } = moments.planShared(tasks, timing, NOW);
    // Alike: the same clock, calendar (units without days of their own share the national one), due time and policy.
    const calendars = [...new Set([...timing.values()].map((unit) => unit.calendar))];
    const alike = new Set(
      tasks.map((task) => {
        const { clockUnitId, calendar } = timing.get(task.unitId)!;
        return `${clockKeyOf(task, clockUnitId)}|${calendars.indexOf(calendar)}|${task.dueAt.getTime()}|${JSON.stringify(task.policy)}`;
      }),
    );
    expect(new Set(rows.plans.plan).size).toBe(alike.size);
    expect(alike.size).toBeLessThan(60);
    expect(rows.tasks.taskId).toHaveLength(300);
    expect(moments.planRows(tasks, timing, NOW).rows.taskId.length).toBeGreaterThan(rows.plans.plan.length * 4);
  });
});

/**
 * A treatment round's launch page writes its cases, their referral tasks, the tasks' history and their
 * due moments in a few set-based statements (TreatmentStages.openCasesOfReferrers). It writes what
 * inserting the cases and opening each one's stage (`openStageTasks`, as a case added by hand or a
 * transition does) writes for the same persons, row for row but for the ids.
 */
describe('a treatment launch page writes what opening each case writes', () => {
  let t: TestApp;
  let district: District;
  let step: CampaignStep;
  let campaign: Campaign;
  let referrers: Unit[];
  /** The register's persons with what their latest approved result lists (none for the one re-identified later without it). */
  const persons: { id: string; birthDate: string; sex: 'male' | 'female'; codes: readonly string[] }[] = [];
  /** A district of its own: its county and hospital, to serve no person of the first. */
  let other: District;

  beforeAll(async () => {
    t = await startTestApp({ env: { TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_CALL_TIMEOUT_MS: '500' } });
    district = await givenDistrict(t.app);
    other = await givenDistrict(t.app);
    const db = t.app.get(DataSource);
    const today = localDateOf(new Date());
    const region = String(100_000 + Math.floor(Math.random() * 900_000));
    const [household] = await db.query(
      `INSERT INTO households (household_number, village_unit_id, head_name) VALUES ($1, $2, '户主') RETURNING id`,
      [`${region}-H`, district.id.villages[0]],
    );
    const [previous] = await db.query(
      `INSERT INTO campaigns (name, template, scope_unit_id, starts_on, ends_on, status, catalogue_version_id)
       SELECT '先前的再识别', 're_identification', $1, $2, $2, 'completed', id FROM disease_catalogue_versions WHERE version = 1 RETURNING id`,
      [district.id.county, today],
    );
    // Two re-identification steps: the second re-identifies one person without the disease, later.
    const reSteps: { id: string }[] = [];
    for (const ordinal of [0, 1])
      reSteps.push(
        (
          await db.query(
            `INSERT INTO campaign_steps (campaign_id, ordinal, kind, title, responsible_unit_kind, due_at, policy, status)
             VALUES ($1, $2, 're_identification', '疾病再识别', 'village_clinic', now(), '{}', 'completed') RETURNING id`,
            [previous.id, ordinal],
          )
        )[0],
      );
    // Persons in every village, one or two diagnoses each, some not eligible (a child-only disease at 40), one re-identified later without it.
    const people = district.id.villages.flatMap((village, v) =>
      [0, 1, 2].map((i) => ({
        village,
        birth: addLocalDays(today, -Math.round((8 + 20 * i + v) * 365.25)),
        codes: [['M01'], ['M09', 'C01'], ['M09']][i],
      })),
    );
    for (const [i, p] of people.entries()) {
      const [person] = await db.query(
        `INSERT INTO persons (household_id, village_unit_id, name, id_number, sex, birth_date, poverty_status)
         VALUES ($1, $2, $3, $4, $5, $6, 'not_out') RETURNING id`,
        [household.id, p.village, `欧阳${i}`, makeResidentId(region, p.birth, i * 2 + 1), i % 2 ? 'female' : 'male', p.birth],
      );
      persons.push({ id: person.id, birthDate: p.birth, sex: i % 2 ? 'female' : 'male', codes: i === 4 ? [] : p.codes });
      const clinic = district.id.clinics[district.id.villages.indexOf(p.village)];
      for (const [outcome, codes] of i === 4
        ? ([
            ['conditions', p.codes],
            ['none', []],
          ] as const)
        : ([['conditions', p.codes]] as const)) {
        const [task] = await db.query(
          `INSERT INTO tasks (kind, title, unit_id, due_at, policy, status, campaign_id, step_id, finished_at)
           VALUES ('re_identification', '疾病再识别', $1, now(), '{}', 'approved', $2, $3, now()) RETURNING id`,
          [clinic, previous.id, reSteps[outcome === 'none' ? 1 : 0].id],
        );
        await db.query(
          `INSERT INTO re_identification_items (step_id, task_id, person_id, village_unit_id, outcome, condition_codes, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, now() + $7 * interval '1 minute')`,
          [reSteps[outcome === 'none' ? 1 : 0].id, task.id, person.id, p.village, outcome, codes, outcome === 'none' ? 1 : 0],
        );
      }
    }
    const admin = await givenUser(t.app, 'admin', district.id.county);
    const token = await t.login(admin.username, admin.password);
    const created = await t.http
      .post('/api/campaigns')
      .set({ Authorization: `Bearer ${token}` })
      .send({
        name: '救治启动比对',
        template: 'treatment_round',
        scopeUnitId: district.id.county,
        startsOn: today,
        endsOn: addLocalDays(today, 90),
        steps: [
          {
            dueAt: addLocalDays(today, 60),
            responsibleUnitKind: 'health_centre',
            round: {
              startsOn: today,
              endsOn: addLocalDays(today, 60),
              diseases: [{ disease: 'M01', minAge: 0, maxAge: 14 }, { disease: '食管癌' }],
              hospitals: [{ unitId: district.id.hospital, diseases: ['M01', 'M09'] }],
              targetRate: 90,
              stages: { referral: { withinDays: 10 }, admission: { withinDays: 20 }, treatment: { withinDays: 30 } },
            },
          },
        ],
      })
      .expect(201);
    campaign = await db.getRepository(Campaign).findOneByOrFail({ id: created.body.id });
    step = await db.getRepository(CampaignStep).findOneByOrFail({ campaignId: campaign.id });
    referrers = await db.getRepository(Unit).findBy({ id: In(district.id.centres) });
  }, 120_000);
  afterAll(() => t.stop());

  /** The rows a page wrote, keyed by the case's person and disease instead of ids; rolled back. */
  async function pageRows(write: (manager: EntityManager) => Promise<unknown>): Promise<unknown> {
    let result: unknown;
    await t.app
      .get(DataSource)
      .transaction(async (manager) => {
        await write(manager);
        const cases: Record<string, unknown>[] = await manager.query(
          `SELECT c.person_id, c.disease_code, c.handling, c.village_unit_id, c.county_unit_id, c.referral_unit_id, c.hospital_unit_id,
                  c.status, c.version, c.origin, c.created_by_user_id,
                  t.kind, t.title, t.unit_id, t.due_at, t.policy, t.policy_id, t.campaign_id, t.step_id, t.created_by_user_id AS task_by,
                  t.status AS task_status, t.deadline_version, t.escalation_level, t.origin_key = 'case:' || c.id || ':' || c.version AS keyed,
                  (SELECT json_agg(json_build_object('action', e.action, 'actor', e.actor_user_id, 'from', e.from_status, 'to', e.to_status,
                                                     'reason', e.reason, 'details', e.details - 'treatmentCaseId', 'ofCase', e.details->>'treatmentCaseId' = c.id::text))
                   FROM task_events e WHERE e.task_id = t.id) AS events,
                  (SELECT json_agg(json_build_object('clock', m.clock_key, 'kind', m.kind, 'seq', m.seq, 'version', m.deadline_version,
                                                     'at', m.due_at, 'status', m.status) ORDER BY m.id)
                   FROM deadline_moments m WHERE m.task_id = t.id) AS moments
           FROM treatment_cases c JOIN tasks t ON t.id = c.stage_task_id
           WHERE c.step_id = $1 ORDER BY c.person_id, c.disease_code`,
          [step.id],
        );
        const [{ unlinked }] = await manager.query(
          `SELECT count(*)::int AS unlinked FROM treatment_cases WHERE step_id = $1 AND stage_task_id IS NULL`,
          [step.id],
        );
        result = { cases, unlinked };
        throw new Error('roll back');
      })
      .catch((err: Error) => {
        if (err.message !== 'roll back') throw err;
      });
    return result;
  }

  it('writes the cases, their tasks, history and moments that inserting the cases and opening their stages writes', async () => {
    const stages = t.app.get(TreatmentStages);
    const launched = await pageRows((manager) => stages.openCasesOfReferrers(manager, step, campaign, referrers));
    const opened = await pageRows(async (manager) => {
      // The cases as the launch inserted them before it wrote their tasks in the same statement.
      const catalogue = await stages.catalogueOf(manager, campaign);
      const launchedCases = (launched as { cases: Record<string, string | null>[] }).cases;
      const ids: { id: string }[] = await manager.query(
        `INSERT INTO treatment_cases (step_id, campaign_id, person_id, disease_code, handling, village_unit_id, county_unit_id,
                                      referral_unit_id, hospital_unit_id, origin, created_by_user_id)
         SELECT $1, $2, c.person_id, c.code, c.handling, c.village, c.county, c.referrer, c.hospital, 'results', $3
         FROM unnest($4::uuid[], $5::varchar[], $6::varchar[], $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[])
           AS c(person_id, code, handling, village, county, referrer, hospital)
         RETURNING id`,
        [
          step.id,
          campaign.id,
          campaign.createdByUserId,
          ...['person_id', 'disease_code', 'handling', 'village_unit_id', 'county_unit_id', 'referral_unit_id', 'hospital_unit_id'].map(
            (column) => launchedCases.map((c) => c[column]),
          ),
        ],
      );
      await stages.openStageTasks(
        manager,
        step,
        catalogue,
        ids.map((c) => c.id),
        campaign.createdByUserId,
      );
    });
    const { cases, unlinked } = launched as { cases: Record<string, unknown>[]; unlinked: number };
    // Four children with M01 and eight adults with M09 (C01 is not on the round), less the one re-identified later without it.
    expect(cases).toHaveLength(11);
    expect(unlinked).toBe(0);
    expect(cases.every((c) => c.keyed && (c.events as unknown[]).length === 1 && (c.moments as unknown[]).length > 0)).toBe(true);
    expect(launched).toEqual(opened);
  });

  /** The round's rules in JavaScript (isEligible, assignHospital, handlingOf) over the register: the cases a page must write. */
  function expectedCases(round: RoundDefinition, catalogue: CatalogueDisease[]) {
    return persons
      .flatMap((p) =>
        p.codes
          .filter((code) => isEligible(round, code, p))
          .map((code) => ({
            person_id: p.id,
            disease_code: code,
            handling: handlingOf(catalogue.find((d) => d.code === code)!.category),
            county_unit_id: district.id.county,
            hospital_unit_id: assignHospital(round, code, district.id.county),
          })),
      )
      .sort((a, b) => a.person_id.localeCompare(b.person_id) || a.disease_code.localeCompare(b.disease_code));
  }

  it('decides in SQL what the rules of the round decide: ages, sex, a disease listed twice, the first hospital serving the county', async () => {
    const stages = t.app.get(TreatmentStages);
    const catalogue = await stages.catalogueOf(t.app.get(DataSource).manager, campaign);
    // The step's round as the launch reads it, with more rules (a round from the API is checked; these are the cases that matter here).
    const round: RoundDefinition = {
      ...step.round!,
      diseases: [
        { code: 'M01', minAge: 0, maxAge: 14 },
        { code: 'M09', minAge: 30 },
        { code: 'C01', sex: 'female' },
        // Listed again: the first entry counts.
        { code: 'M09', maxAge: 10 },
      ],
      hospitals: [
        // Serves another county only, then none: never a case's here.
        { unitId: other.id.hospital, diseases: ['M09', 'C01'], countyUnitIds: [other.id.county] },
        { unitId: other.id.county, diseases: ['M09'], countyUnitIds: [] },
        { unitId: district.id.hospital, diseases: ['M01', 'M09'], countyUnitIds: [other.id.county, district.id.county] },
        // No county list: serves all, after the one above for M09.
        { unitId: other.id.city, diseases: ['M09', 'C01'] },
      ],
    };
    const variant = Object.assign(Object.create(Object.getPrototypeOf(step) as object) as CampaignStep, step, { round });
    const expected = expectedCases(round, catalogue);
    // The fixture reaches each rule: children and adults, both sexes, chronic handling, both hospitals.
    expect(new Set(expected.map((c) => c.disease_code))).toEqual(new Set(['M01', 'M09', 'C01']));
    expect(expected.filter((c) => c.disease_code === 'C01').length).toBeLessThan(persons.filter((p) => p.codes.includes('C01')).length);
    expect(expected.filter((c) => c.disease_code === 'M09').length).toBeLessThan(persons.filter((p) => p.codes.includes('M09')).length);
    expect(new Set(expected.map((c) => c.hospital_unit_id))).toEqual(new Set([district.id.hospital, other.id.city]));
    expect(new Set(expected.map((c) => c.handling))).toEqual(new Set(['major_treatment', 'chronic_contract']));

    const launched = (await pageRows((manager) => stages.openCasesOfReferrers(manager, variant, campaign, referrers))) as {
      cases: Record<string, unknown>[];
      unlinked: number;
    };
    expect(
      launched.cases.map((c) => ({
        person_id: c.person_id,
        disease_code: c.disease_code,
        handling: c.handling,
        county_unit_id: c.county_unit_id,
        hospital_unit_id: c.hospital_unit_id,
      })),
    ).toEqual(expected);
    expect(launched.unlinked).toBe(0);
  });

  it('adds only the cases that do not exist yet when launched again (a refresh, or a page retried after a crash)', async () => {
    const stages = t.app.get(TreatmentStages);
    let counts: { first: number; again: number; rows: unknown; after: unknown } | undefined;
    const count = async (manager: EntityManager) =>
      (
        await manager.query(
          `SELECT (SELECT count(*)::int FROM treatment_cases WHERE step_id = $1) AS cases,
                  (SELECT count(*)::int FROM tasks WHERE step_id = $1) AS tasks,
                  (SELECT count(*)::int FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE t.step_id = $1) AS events,
                  (SELECT count(*)::int FROM deadline_moments m JOIN tasks t ON t.id = m.task_id WHERE t.step_id = $1) AS moments`,
          [step.id],
        )
      )[0];
    await t.app
      .get(DataSource)
      .transaction(async (manager) => {
        const first = (await stages.openCasesOfReferrers(manager, step, campaign, referrers)).casesCreated;
        const rows = await count(manager);
        const again = (await stages.openCasesOfReferrers(manager, step, campaign, referrers)).casesCreated;
        counts = { first, again, rows, after: await count(manager) };
        throw new Error('roll back');
      })
      .catch((err: Error) => {
        if (err.message !== 'roll back') throw err;
      });
    expect(counts!.first).toBe(11);
    expect(counts!.again).toBe(0);
    expect(counts!.after).toEqual(counts!.rows);
  });
});
