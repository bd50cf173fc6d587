import { DataSource } from 'typeorm';
import { District, givenDistrict, givenRegister, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * 随访率 on a fixture written straight to the tables: hypertension plans (4 a year) in three villages,
 * follow-ups of 2027-P1 (January–March) and 2027-P2 (April–June), recorded or not. By hand:
 *   第1村 (第1镇): 3 patients; P1: 2 recorded (one on 20 March, one on 31 March at 23:30), 1 not; P2: 1 recorded
 *   第2村 (第1镇): 1 patient;  P1: not recorded;  P2: not recorded
 *   第3村 (第2镇): 2 patients; P1: both recorded; P2: none
 * As of 31 March (P1 ended, P2 not begun):  第1镇 4 due, 2 done → 50.00;  第2镇 2 / 2 → 100;  county 6 / 4 → 66.67
 * As of 15 March (nothing ended yet): no follow-up is due; every rate is null.
 * As of 30 June: 第1镇 8 due, 3 done → 37.50; 第2镇 4 / 2 → 50.00; county 12 / 5 → 41.67 (truncation: 41.66)
 */
describe('follow-up rates (随访率)', () => {
  let t: TestApp;
  let district: District;
  let tokens: Record<'admin' | 'manager' | 'staff' | 'otherManager', string>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const rates = (token: string, query: string) => t.http.get(`/api/follow-ups/rates?${query}`).set(auth(token));

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.get(DataSource);
    district = await givenDistrict(t.app);
    await givenRegister(t.app, district.id.villages, [3, 1, 2, 0]);
    const persons: { id: string; village_unit_id: string }[] = await db.query(
      `SELECT id, village_unit_id FROM persons WHERE village_unit_id = ANY($1) ORDER BY village_unit_id, id_number`,
      [district.id.villages.slice(0, 3)],
    );
    const clinicOf = (village: string) => district.id.clinics[district.id.villages.indexOf(village)];
    /** Recorded at these local times per patient of each village, for P1 and P2 (null: not recorded). */
    const recorded: Record<number, [string | null, string | null][]> = {
      0: [
        ['2027-03-20T10:00', '2027-05-10T10:00'],
        ['2027-03-31T23:30', null],
        [null, null],
      ],
      1: [[null, null]],
      2: [
        ['2027-02-01T09:00', null],
        ['2027-03-01T09:00', null],
      ],
    };
    const periods = [
      { key: '2027-P1', from: '2027-01-01', to: '2027-03-31' },
      { key: '2027-P2', from: '2027-04-01', to: '2027-06-30' },
    ];
    for (const [v, patients] of Object.entries(recorded)) {
      const village = district.id.villages[Number(v)];
      const clinic = clinicOf(village);
      const [task] = await db.query(
        `INSERT INTO tasks (kind, title, unit_id, due_at, policy) VALUES ('follow_up', '随访任务', $1, now() + interval '30 days', '{}') RETURNING id`,
        [clinic],
      );
      const people = persons.filter((p) => p.village_unit_id === village);
      for (const [i, times] of patients.entries()) {
        const [plan] = await db.query(
          `INSERT INTO follow_up_plans (person_id, disease_code, unit_id, per_year, starts_on, origin) VALUES ($1, 'C01', $2, 4, '2027-01-01', 'manual') RETURNING id`,
          [people[i].id, clinic],
        );
        for (const [p, period] of periods.entries()) {
          const at = times[p];
          await db.query(
            `INSERT INTO follow_ups (plan_id, person_id, unit_id, period_key, period_starts_on, period_ends_on, task_id, visit_date, systolic, diastolic, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [
              plan.id,
              people[i].id,
              clinic,
              period.key,
              period.from,
              period.to,
              task.id,
              at ? at.slice(0, 10) : null,
              at ? 140 : null,
              at ? 90 : null,
              at ? new Date(`${at}:00+08:00`) : null,
            ],
          );
        }
      }
    }
    const users = await Promise.all([
      givenUser(t.app, 'admin', district.id.county),
      givenUser(t.app, 'manager', district.id.townships[0]),
      givenUser(t.app, 'staff', district.id.clinics[0]),
      givenUser(t.app, 'manager', district.id.townships[1]),
    ]);
    const [admin, manager, staff, otherManager] = await Promise.all(users.map((u) => t.login(u.username, u.password)));
    tokens = { admin, manager, staff, otherManager };
  });
  afterAll(() => t.stop());

  const row = (label: string, due: number, done: number, rate: number | null) => ({ key: expect.any(String), label, due, done, rate });

  it('as of the end of a period: done ÷ due per township, summing to the county (4 of 6 is 66.67)', async () => {
    const res = await rates(tokens.admin, 'asOf=2027-03-31').expect(200);
    expect(res.body).toEqual({
      asOf: '2027-03-31',
      unit: { id: district.id.county, name: '测试区', kind: 'county' },
      rows: [row('第1镇', 4, 2, 50), row('第2镇', 2, 2, 100)],
      total: { due: 6, done: 4, rate: 66.67 },
    });
  });

  it('counts nothing due while the first period still runs, and half up over two periods (41.67, not 41.66)', async () => {
    expect((await rates(tokens.admin, 'asOf=2027-03-15').expect(200)).body.total).toEqual({ due: 0, done: 0, rate: null });
    const june = await rates(tokens.admin, 'asOf=2027-06-30').expect(200);
    expect(june.body.rows).toEqual([row('第1镇', 8, 3, 37.5), row('第2镇', 4, 2, 50)]);
    expect(june.body.total).toEqual({ due: 12, done: 5, rate: 41.67 });
  });

  it('keeps to scope: a township manager sees its villages; another township’s is refused; staff are refused', async () => {
    const own = await rates(tokens.manager, 'asOf=2027-03-31').expect(200);
    expect(own.body.rows).toEqual([row('第1村', 3, 2, 66.67), row('第2村', 1, 0, 0)]);
    await rates(tokens.otherManager, `asOf=2027-03-31&unitId=${district.id.townships[0]}`).expect(403);
    await rates(tokens.staff, 'asOf=2027-03-31').expect(403);
    await rates(tokens.admin, 'asOf=2027-02-30').expect(400);
  });
});
