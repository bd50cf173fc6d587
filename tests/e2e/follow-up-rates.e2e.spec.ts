import { DataSource } from 'typeorm';
import { District, givenDistrict, givenRegister, givenUser } from '../support/factories';
import ExcelJS from 'exceljs';
import { localDateOf } from '../../src/domain/time-zone';
import { binaryBody, startTestApp, TestApp } from '../support/test-app';

/**
 * 随访率 on a fixture written straight to the tables: hypertension plans (4 a year) in three villages,
 * follow-ups of 2025-P1 (January–March) and 2025-P2 (April–June), recorded or not. By hand:
 *   第1村 (第1镇): 3 patients; P1: 2 recorded (one on 20 March, one on 31 March at 23:30), 1 not; P2: 1 recorded
 *   第2村 (第1镇): 1 patient;  P1: not recorded;  P2: not recorded
 *   第3村 (第2镇): 2 patients; P1: both recorded; P2: none
 * As of 31 March (P1 ended, P2 not begun):  第1镇 4 due, 2 done → 50.00;  第2镇 2 / 2 → 100;  county 6 / 4 → 66.67
 * As of 15 March (nothing ended yet): no follow-up is due; every rate is null.
 * As of 30 June: 第1镇 8 due, 3 done → 37.50; 第2镇 4 / 2 → 50.00; county 12 / 5 → 41.67 (truncation: 41.66)
 * The series from 29 March to 1 April, day by day: 0 / 0 (—) on 29 and 30 March, then the table of 31 March.
 * Every follow-up is of 原发性高血压 (C01): in the XLSX, its columns repeat the totals, 糖尿病 and 精神障碍 are 0 / 0 (—).
 * (In 2025, so that a series, which stops at today, reaches them.)
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
        ['2025-03-20T10:00', '2025-05-10T10:00'],
        ['2025-03-31T23:30', null],
        [null, null],
      ],
      1: [[null, null]],
      2: [
        ['2025-02-01T09:00', null],
        ['2025-03-01T09:00', null],
      ],
    };
    const periods = [
      { key: '2025-P1', from: '2025-01-01', to: '2025-03-31' },
      { key: '2025-P2', from: '2025-04-01', to: '2025-06-30' },
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
          `INSERT INTO follow_up_plans (person_id, disease_code, unit_id, per_year, starts_on, origin) VALUES ($1, 'C01', $2, 4, '2025-01-01', 'manual') RETURNING id`,
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
    const res = await rates(tokens.admin, 'asOf=2025-03-31').expect(200);
    expect(res.body).toEqual({
      asOf: '2025-03-31',
      unit: { id: district.id.county, name: '测试区', kind: 'county' },
      rows: [row('第1镇', 4, 2, 50), row('第2镇', 2, 2, 100)],
      total: { due: 6, done: 4, rate: 66.67 },
    });
  });

  it('counts nothing due while the first period still runs, and half up over two periods (41.67, not 41.66)', async () => {
    expect((await rates(tokens.admin, 'asOf=2025-03-15').expect(200)).body.total).toEqual({ due: 0, done: 0, rate: null });
    const june = await rates(tokens.admin, 'asOf=2025-06-30').expect(200);
    expect(june.body.rows).toEqual([row('第1镇', 8, 3, 37.5), row('第2镇', 4, 2, 50)]);
    expect(june.body.total).toEqual({ due: 12, done: 5, rate: 41.67 });
  });

  it('keeps to scope: a township manager sees its villages; another township’s is refused; staff are refused', async () => {
    const own = await rates(tokens.manager, 'asOf=2025-03-31').expect(200);
    expect(own.body.rows).toEqual([row('第1村', 3, 2, 66.67), row('第2村', 1, 0, 0)]);
    await rates(tokens.otherManager, `asOf=2025-03-31&unitId=${district.id.townships[0]}`).expect(403);
    await rates(tokens.staff, 'asOf=2025-03-31').expect(403);
    await rates(tokens.admin, 'asOf=2025-02-30').expect(400);
  });

  const point = (rows: unknown[], total: unknown) => ({ rows, total });
  const none = { due: 0, done: 0, rate: null };

  it('the series: the table of each day from `from` to `to`, rows summing to the total (41.67 half up)', async () => {
    const daily = await t.http
      .get('/api/follow-ups/rates/series?from=2025-03-29&to=2025-04-01&every=day')
      .set(auth(tokens.admin))
      .expect(200);
    const noneYet = point([row('第1镇', 0, 0, null), row('第2镇', 0, 0, null)], none);
    const march = point([row('第1镇', 4, 2, 50), row('第2镇', 2, 2, 100)], { due: 6, done: 4, rate: 66.67 });
    expect(daily.body).toEqual({
      unit: { id: district.id.county, name: '测试区', kind: 'county' },
      every: 'day',
      decimals: 2,
      from: '2025-03-29',
      to: '2025-04-01',
      points: [
        { date: '2025-03-29', ...noneYet },
        { date: '2025-03-30', ...noneYet },
        { date: '2025-03-31', ...march },
        { date: '2025-04-01', ...march },
      ],
    });

    // Every seventh day from 1 January, and 30 June (the last day) too: 27 points.
    const weekly = await t.http.get('/api/follow-ups/rates/series?from=2025-01-01&to=2025-06-30').set(auth(tokens.admin)).expect(200);
    expect(weekly.body.every).toBe('week');
    expect(weekly.body.points).toHaveLength(27);
    expect(weekly.body.points.map((p: { date: string }) => p.date).slice(12, 15)).toEqual(['2025-03-26', '2025-04-02', '2025-04-09']);
    expect(weekly.body.points[13]).toEqual({ date: '2025-04-02', ...march });
    expect(weekly.body.points[26]).toEqual({
      date: '2025-06-30',
      ...point([row('第1镇', 8, 3, 37.5), row('第2镇', 4, 2, 50)], { due: 12, done: 5, rate: 41.67 }),
    });
    for (const p of [weekly.body.points[12], weekly.body.points[20], weekly.body.points[26]]) {
      const table = await rates(tokens.admin, `asOf=${p.date}`).expect(200);
      expect({ date: p.date, rows: table.body.rows, total: table.body.total }).toEqual(p);
    }

    const oneDecimal = await t.http
      .get('/api/follow-ups/rates/series?from=2025-06-30&to=2025-06-30&decimals=1')
      .set(auth(tokens.admin))
      .expect(200);
    expect(oneDecimal.body.points[0].total).toEqual({ due: 12, done: 5, rate: 41.7 });
    const whole = await t.http.get('/api/follow-ups/rates/series?from=2025-06-30&to=2025-06-30&decimals=0').set(auth(tokens.admin));
    expect(whole.body.points[0].total.rate).toBe(42);
  });

  it('the series defaults to this year up to today, stops at today, and refuses a bad range or caller', async () => {
    const today = localDateOf(new Date());
    const current = await t.http.get('/api/follow-ups/rates/series').set(auth(tokens.admin)).expect(200);
    expect([current.body.from, current.body.to]).toEqual([`${today.slice(0, 4)}-01-01`, today]);
    // The rate as of a day counts every period ended by then, last year's too.
    expect(current.body.points.at(-1).total).toEqual({ due: 12, done: 5, rate: 41.67 });
    const next = Number(today.slice(0, 4)) + 1;
    const ahead = await t.http.get(`/api/follow-ups/rates/series?from=${next}-01-01&to=${next}-01-31`).set(auth(tokens.admin)).expect(200);
    expect(ahead.body).toMatchObject({ from: null, to: null, points: [] });

    const township = await t.http.get('/api/follow-ups/rates/series?from=2025-06-30&to=2025-06-30').set(auth(tokens.manager)).expect(200);
    expect(township.body.points[0].rows).toEqual([row('第1村', 6, 3, 50), row('第2村', 2, 0, 0)]);
    const village = await t.http
      .get(`/api/follow-ups/rates/series?from=2025-06-30&to=2025-06-30&unitId=${district.id.villages[0]}`)
      .set(auth(tokens.manager))
      .expect(200);
    expect(village.body.points[0]).toEqual({ date: '2025-06-30', ...point([row('第1村卫生室', 6, 3, 50)], { due: 6, done: 3, rate: 50 }) });

    const bad = await t.http.get('/api/follow-ups/rates/series?from=2025-07-01&to=2025-06-30').set(auth(tokens.admin)).expect(400);
    expect(bad.body.message).toContain('must not be after');
    await t.http.get('/api/follow-ups/rates/series?from=2024-01-01&to=2025-06-30').set(auth(tokens.admin)).expect(400);
    await t.http.get('/api/follow-ups/rates/series?every=month').set(auth(tokens.admin)).expect(400);
    await t.http.get('/api/follow-ups/rates/series?decimals=5').set(auth(tokens.admin)).expect(400);
    await t.http.get('/api/follow-ups/rates/series').set(auth(tokens.staff)).expect(403);
    await t.http.get(`/api/follow-ups/rates/series?unitId=${district.id.townships[0]}`).set(auth(tokens.otherManager)).expect(403);
  });

  const workbook = async (token: string, query: string) => {
    const res = await t.http.get(`/api/follow-ups/rates.xlsx?${query}`).set(auth(token)).buffer(true).parse(binaryBody).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.getWorksheet('随访率')!;
    return { res, sheet, values: (n: number) => Array.from({ length: 13 }, (_, i) => sheet.getRow(n).getCell(i + 1).value) };
  };

  it("XLSX: seed 001's layout with Chinese headers, number cells, the split by disease and 合计, read back", async () => {
    const { res, sheet, values } = await workbook(tokens.admin, 'asOf=2025-06-30');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('随访率-测试区-2025-06-30.xlsx'));
    expect(sheet.getCell('A1').value).toBe('测试区慢病签约随访率统计表（截至2025年6月30日）');
    const disease = (name: string) => [name, name, name];
    expect(values(2)).toEqual([
      '单位',
      '应随访人次',
      '已随访人次',
      '随访率(%)',
      ...disease('原发性高血压'),
      ...disease('2型糖尿病'),
      ...disease('严重精神障碍'),
    ]);
    expect(values(3).slice(4)).toEqual(['应随访', '已随访', '随访率(%)', '应随访', '已随访', '随访率(%)', '应随访', '已随访', '随访率(%)']);
    expect(values(4)).toEqual(['第1镇', 8, 3, 37.5, 8, 3, 37.5, 0, 0, '—', 0, 0, '—']);
    expect(values(5)).toEqual(['第2镇', 4, 2, 50, 4, 2, 50, 0, 0, '—', 0, 0, '—']);
    // 5 of 12 = 41.666…: half up 41.67 (truncation would write 41.66).
    expect(values(6)).toEqual(['合计', 12, 5, 41.67, 12, 5, 41.67, 0, 0, '—', 0, 0, '—']);
    expect(sheet.getCell('D6').numFmt).toBe('0.00');
    expect(sheet.getCell('A7').text).toContain('四舍五入保留2位小数');

    const rounded = await workbook(tokens.admin, 'asOf=2025-06-30&decimals=0');
    expect(rounded.values(6).slice(0, 4)).toEqual(['合计', 12, 5, 42]);
    expect(rounded.sheet.getCell('D6').numFmt).toBe('0');
    const early = await workbook(tokens.admin, 'asOf=2025-03-15');
    expect(early.values(6).slice(0, 4)).toEqual(['合计', 0, 0, '—']);
  });

  it('XLSX: scope as the table, and a unit name a spreadsheet would run as a formula is written as text', async () => {
    await t.http.get('/api/follow-ups/rates.xlsx').set(auth(tokens.staff)).expect(403);
    await t.http.get(`/api/follow-ups/rates.xlsx?unitId=${district.id.townships[0]}`).set(auth(tokens.otherManager)).expect(403);
    await t.http.get('/api/follow-ups/rates.xlsx?asOf=2025-02-30').set(auth(tokens.admin)).expect(400);
    await t.app.get(DataSource).query(`UPDATE units SET name = '=HYPERLINK("http://x")' WHERE id = $1`, [district.id.villages[1]]);
    const { values } = await workbook(tokens.manager, 'asOf=2025-03-31');
    expect(values(4).slice(0, 4)).toEqual(['第1村', 3, 2, 66.67]);
    expect(values(5).slice(0, 4)).toEqual([`'=HYPERLINK("http://x")`, 1, 0, 0]);
    expect(values(6).slice(0, 4)).toEqual(['合计', 4, 2, 50]);
  });
});
