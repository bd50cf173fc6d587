import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Campaign, CampaignStep } from '../../src/campaigns/campaign.entity';
import { DISEASE_CATALOGUE_V1 } from '../../src/database/migrations/data/disease-catalogue-v1';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import type { CaseStatus, CloseReason, HandlingCategory, RoundDefinition } from '../../src/domain/treatment-round';
import { District, givenDistrict, givenRegister, givenUser } from '../support/factories';
import { TreatmentPaceService } from '../../src/treatment/treatment-pace.service';
import { binaryBody, startTestApp, TestApp } from '../support/test-app';

/**
 * 救治率 on a fixture written straight to the database: a round over a district (two townships, two
 * villages each) from 1 to 31 March 2025, twelve cases with chosen stages and times, and every
 * expected figure worked out by hand below.
 */

const ROUND: RoundDefinition = {
  startsOn: '2025-03-01',
  endsOn: '2025-03-31',
  diseases: [{ code: 'M01' }, { code: 'M09' }, { code: 'C01' }, { code: 'S01' }],
  hospitals: [{ unitId: '00000000-0000-4000-8000-000000000000', diseases: ['M01', 'M09', 'C01', 'S01'] }],
  targetRate: 90,
  stages: { referral: { withinDays: 7 }, admission: { withinDays: 14 }, treatment: { withinDays: 30 } },
};

const HANDLING: Record<string, HandlingCategory> = {
  M01: 'major_treatment',
  M09: 'major_treatment',
  C01: 'chronic_contract',
  S01: 'severe_safety_net',
};

/** Local times (+08:00): b's treatment falls on 10 March late at night, e's on 11 March just after midnight (10 March in UTC). */
interface CaseSpec {
  name: string;
  village: number;
  disease: string;
  created: string;
  status: CaseStatus;
  treated?: string;
  closed?: string;
  reason?: CloseReason;
}
const CASES: CaseSpec[] = [
  // 第1镇 第1村
  { name: 'a', village: 0, disease: 'M01', created: '2025-03-02T10:00', status: 'treated', treated: '2025-03-05T15:00' },
  { name: 'b', village: 0, disease: 'M01', created: '2025-03-02T10:00', status: 'treated', treated: '2025-03-10T23:30' },
  { name: 'c', village: 0, disease: 'C01', created: '2025-03-02T10:00', status: 'referred' },
  // 第1镇 第2村
  { name: 'd', village: 1, disease: 'M09', created: '2025-03-03T09:00', status: 'closed', closed: '2025-03-08T12:00', reason: 'deceased' },
  { name: 'e', village: 1, disease: 'S01', created: '2025-03-03T09:00', status: 'treated', treated: '2025-03-11T00:30' },
  { name: 'f', village: 1, disease: 'M09', created: '2025-03-04T09:00', status: 'closed', closed: '2025-03-09T12:00', reason: 'refused' },
  { name: 'g', village: 1, disease: 'C01', created: '2025-03-20T09:00', status: 'identified' },
  // 第2镇 第3村
  { name: 'h', village: 2, disease: 'M01', created: '2025-03-02T09:00', status: 'treated', treated: '2025-03-06T09:00' },
  {
    name: 'i',
    village: 2,
    disease: 'M01',
    created: '2025-03-02T09:00',
    status: 'closed',
    closed: '2025-03-15T09:00',
    reason: 'moved_away',
  },
  { name: 'j', village: 2, disease: 'S01', created: '2025-03-05T09:00', status: 'admitted' },
  // 第2镇 第4村
  { name: 'k', village: 3, disease: 'C01', created: '2025-03-02T09:00', status: 'treated', treated: '2025-03-25T09:00' },
  { name: 'l', village: 3, disease: 'M09', created: '2025-03-28T09:00', status: 'treated', treated: '2025-04-02T09:00' },
];

/*
 * By hand, as of the end of 31 March (d deceased and i moved away no longer need treatment; f refused
 * still does; l's treatment on 2 April is later):
 *   第1村 a b c → needing 3, treated 2 (a, b) → 66.67 (truncation would give 66.66)
 *   第2村 e f g → needing 3, treated 1 (e)    → 33.33
 *   第1镇 6 / 3 → 50.00
 *   第3村 h j   → needing 2, treated 1 (h)    → 50.00
 *   第4村 k l   → needing 2, treated 1 (k)    → 50.00
 *   第2镇 4 / 2 → 50.00;  测试区 10 / 5 → 50.00
 *   三个一批: 大病 a b f h l → 5 / 3 → 60.00; 慢病 c g k → 3 / 1 → 33.33; 重病 e j → 2 / 1 → 50.00
 *   diseases: M01 a b h → 3 / 3 → 100; M09 f l → 2 / 0 → 0; C01 3 / 1 → 33.33; S01 2 / 1 → 50
 * As of the end of 10 March (g, l not yet created; d gone on the 8th; i still there; b treated at
 * 23:30, e not until 00:30 on the 11th):
 *   第1村 a b c 3 / 2 → 66.67;  第2村 e f 2 / 0 → 0;  第1镇 5 / 2 → 40.00
 *   第3村 h i j 3 / 1 → 33.33;  第4村 k 1 / 0 → 0;    第2镇 4 / 1 → 25.00;  测试区 9 / 3 → 33.33
 * Target 90 over 31 days: on 10 March the line is 90 × 10 / 31 = 29.03, on 31 March 90.
 */

const name = (code: string) => DISEASE_CATALOGUE_V1.diseases.find((d) => d.code === code)!.name;

describe('treatment rates (救治率) of a round', () => {
  let t: TestApp;
  let district: District;
  let stepId: string;
  let townshipStepId: string;
  let reIdentificationStepId: string;
  let tokens: Record<'admin' | 'manager1' | 'manager2' | 'staff' | 'stranger', string>;
  let manager2Id: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const rates = (token: string, query: string, step = stepId) =>
    t.http.get(`/api/treatment-rounds/${step}/rates?${query}`).set(auth(token));

  async function givenRound(db: DataSource, scopeUnitId: string, template: string, kind: CampaignStep['kind'], title: string) {
    const [{ id: catalogueVersionId }]: { id: string }[] = await db.query(`SELECT id FROM disease_catalogue_versions WHERE version = 1`);
    const campaign = await db.getRepository(Campaign).save({
      name: '2025年第四批大病集中救治',
      template,
      scopeUnitId,
      startsOn: ROUND.startsOn,
      endsOn: ROUND.endsOn,
      status: 'running',
      catalogueVersionId,
    });
    const step = await db.getRepository(CampaignStep).save({
      campaignId: campaign.id,
      ordinal: 1,
      kind,
      title,
      responsibleUnitKind: 'health_centre',
      dueAt: new Date('2025-03-31T15:59:59Z'),
      policy: DEFAULT_DEADLINE_POLICY,
      round: kind === 'treatment_round' ? ROUND : null,
      status: 'running',
    });
    return { campaignId: campaign.id, stepId: step.id };
  }

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.get(DataSource);
    district = await givenDistrict(t.app);
    const other = await givenDistrict(t.app);
    await givenRegister(t.app, district.id.villages, [3, 4, 3, 2]);
    const round = await givenRound(db, district.id.county, 'treatment_round', 'treatment_round', '大病集中救治');
    stepId = round.stepId;
    townshipStepId = (await givenRound(db, district.id.townships[0], 'treatment_round', 'treatment_round', '大病集中救治')).stepId;
    reIdentificationStepId = (await givenRound(db, district.id.county, 're_identification', 're_identification', '疾病再识别')).stepId;

    const persons: { id: string; village_unit_id: string }[] = await db.query(
      `SELECT id, village_unit_id FROM persons WHERE village_unit_id = ANY($1) ORDER BY id_number`,
      [district.id.villages],
    );
    const used = new Map<string, number>();
    const at = (local?: string) => (local ? new Date(`${local}:00+08:00`) : null);
    for (const c of CASES) {
      const villageId = district.id.villages[c.village];
      const n = used.get(villageId) ?? 0;
      used.set(villageId, n + 1);
      const person = persons.filter((p) => p.village_unit_id === villageId)[n];
      await db.query(
        `INSERT INTO treatment_cases (step_id, campaign_id, person_id, disease_code, handling, village_unit_id, county_unit_id,
                                      referral_unit_id, status, outcome, close_reason, origin, created_at, treated_at, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'results', $12, $13, $14)`,
        [
          stepId,
          round.campaignId,
          person.id,
          c.disease,
          HANDLING[c.disease],
          villageId,
          district.id.county,
          district.id.centres[c.village < 2 ? 0 : 1],
          c.status,
          c.treated ? 'discharged' : null,
          c.reason ?? null,
          at(c.created),
          at(c.treated),
          at(c.closed),
        ],
      );
    }

    const users = {
      admin: await givenUser(t.app, 'admin', district.id.county),
      manager1: await givenUser(t.app, 'manager', district.id.townships[0]),
      manager2: await givenUser(t.app, 'manager', district.id.townships[1]),
      staff: await givenUser(t.app, 'staff', district.id.centres[0]),
      stranger: await givenUser(t.app, 'manager', other.id.county),
    };
    manager2Id = users.manager2.id;
    const entries = await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await t.login(u.username, u.password)] as const));
    tokens = Object.fromEntries(entries) as typeof tokens;
  });
  afterAll(() => t.stop());

  const row = (key: string, label: string, needing: number, treated: number, rate: number | null, behindPace: boolean) => ({
    key,
    label,
    needing,
    treated,
    rate,
    behindPace,
  });

  it('by county as of the last day: needing leaves out the deceased and the moved away, not the refusal', async () => {
    const res = await rates(tokens.admin, 'asOf=2025-03-31&by=county').expect(200);
    expect(res.body).toMatchObject({ asOf: '2025-03-31', by: 'county', decimals: 2, targetRate: 90 });
    expect(res.body.rows).toEqual([row(district.id.county, '测试区', 10, 5, 50, true)]);
    expect(res.body.total).toEqual({ needing: 10, treated: 5, rate: 50 });
  });

  it('by unit: townships sum exactly to the county, villages to their township; 2 of 3 is 66.67', async () => {
    const county = await rates(tokens.admin, 'asOf=2025-03-31&by=unit').expect(200);
    expect(county.body.unit).toEqual({ id: district.id.county, name: '测试区', kind: 'county' });
    expect(county.body.rows).toEqual([
      row(district.id.townships[0], '第1镇', 6, 3, 50, true),
      row(district.id.townships[1], '第2镇', 4, 2, 50, true),
    ]);
    expect(county.body.total).toEqual({ needing: 10, treated: 5, rate: 50 });

    const t1 = await rates(tokens.admin, `asOf=2025-03-31&by=unit&unitId=${district.id.townships[0]}`).expect(200);
    expect(t1.body.rows).toEqual([
      row(district.id.villages[0], '第1村', 3, 2, 66.67, true),
      row(district.id.villages[1], '第2村', 3, 1, 33.33, true),
    ]);
    expect(t1.body.total).toEqual({ needing: 6, treated: 3, rate: 50 });
    const t2 = await rates(tokens.admin, `asOf=2025-03-31&by=unit&unitId=${district.id.townships[1]}`).expect(200);
    expect(t2.body.rows).toEqual([
      row(district.id.villages[2], '第3村', 2, 1, 50, true),
      row(district.id.villages[3], '第4村', 2, 1, 50, true),
    ]);

    // Children sum to the parent, field by field.
    for (const [parent, children] of [
      [county.body, county.body.rows],
      [t1.body, t1.body.rows],
    ] as const) {
      for (const field of ['needing', 'treated'] as const)
        expect(children.reduce((s: number, r: Record<string, number>) => s + r[field], 0)).toBe(parent.total[field]);
    }
    expect(county.body.rows[0]).toMatchObject({ needing: t1.body.total.needing, treated: t1.body.total.treated });
  });

  it('as of 10 March: later cases and treatments are not counted, the Asia/Shanghai day decides, the pace line is 29.03', async () => {
    const res = await rates(tokens.admin, `asOf=2025-03-10&by=unit&unitId=${district.id.townships[0]}`).expect(200);
    expect(res.body.rows).toEqual([
      row(district.id.villages[0], '第1村', 3, 2, 66.67, false),
      row(district.id.villages[1], '第2村', 2, 0, 0, true),
    ]);
    const county = await rates(tokens.admin, 'asOf=2025-03-10&by=unit').expect(200);
    expect(county.body.rows).toEqual([
      row(district.id.townships[0], '第1镇', 5, 2, 40, false),
      row(district.id.townships[1], '第2镇', 4, 1, 25, true),
    ]);
    expect(county.body.total).toEqual({ needing: 9, treated: 3, rate: 33.33 });
    // e's treatment at 00:30 on 11 March (still 10 March in UTC) counts from the 11th.
    const next = await rates(tokens.admin, `asOf=2025-03-11&by=unit&unitId=${district.id.townships[0]}`).expect(200);
    expect(next.body.rows[1]).toMatchObject({ needing: 2, treated: 1, rate: 50 });
    // After the round: l's treatment on 2 April is in.
    const after = await rates(tokens.admin, `asOf=2025-04-05&by=unit&unitId=${district.id.townships[1]}`).expect(200);
    expect(after.body.rows[1]).toMatchObject({ needing: 2, treated: 2, rate: 100, behindPace: false });
  });

  it('by 三个一批 category and by disease, named by the pinned catalogue', async () => {
    const handling = await rates(tokens.admin, 'asOf=2025-03-31&by=handling').expect(200);
    expect(handling.body.rows).toEqual([
      row('major_treatment', '大病集中救治', 5, 3, 60, true),
      row('chronic_contract', '慢病签约服务管理', 3, 1, 33.33, true),
      row('severe_safety_net', '重病兜底保障', 2, 1, 50, true),
    ]);
    expect(handling.body.total).toEqual({ needing: 10, treated: 5, rate: 50 });
    const disease = await rates(tokens.admin, 'asOf=2025-03-31&by=disease').expect(200);
    expect(disease.body.rows).toEqual([
      row('M01', name('M01'), 3, 3, 100, false),
      row('M09', name('M09'), 2, 0, 0, true),
      row('C01', name('C01'), 3, 1, 33.33, true),
      row('S01', name('S01'), 2, 1, 50, true),
    ]);
  });

  it('rounds to the decimals asked for (half up), 0 to 4', async () => {
    const village = `asOf=2025-03-31&by=unit&unitId=${district.id.townships[0]}`;
    expect((await rates(tokens.admin, `${village}&decimals=0`).expect(200)).body.rows[0].rate).toBe(67);
    expect((await rates(tokens.admin, `${village}&decimals=4`).expect(200)).body.rows[0].rate).toBe(66.6667);
    expect((await rates(tokens.admin, `${village}&decimals=1`).expect(200)).body.rows[1].rate).toBe(33.3);
    await rates(tokens.admin, `${village}&decimals=5`).expect(400);
    await rates(tokens.admin, 'asOf=2025-02-30').expect(400);
    await rates(tokens.admin, 'by=hospital').expect(400);
  });

  it('no one needing treatment is a null rate, not behind pace', async () => {
    const res = await rates(tokens.admin, 'asOf=2025-03-01&by=unit').expect(200);
    expect(res.body.rows.map((r: { rate: unknown; behindPace: unknown }) => [r.rate, r.behindPace])).toEqual([
      [null, false],
      [null, false],
    ]);
    expect(res.body.total).toEqual({ needing: 0, treated: 0, rate: null });
  });

  it("scope: a township's manager sees its own villages only; another township, another district, staff are refused", async () => {
    const own = await rates(tokens.manager1, 'asOf=2025-03-31&by=unit').expect(200);
    expect(own.body.unit.id).toBe(district.id.townships[0]);
    expect(own.body.rows.map((r: { label: string }) => r.label)).toEqual(['第1村', '第2村']);
    expect(own.body.total).toEqual({ needing: 6, treated: 3, rate: 50 });
    // The county and category tables hold the township's cases only.
    expect((await rates(tokens.manager1, 'asOf=2025-03-31&by=county').expect(200)).body.total).toEqual({
      needing: 6,
      treated: 3,
      rate: 50,
    });
    const handling = await rates(tokens.manager2, 'asOf=2025-03-31&by=handling').expect(200);
    expect(handling.body.rows.map((r: { needing: number; treated: number }) => [r.needing, r.treated])).toEqual([
      [2, 1], // 大病 h l (i moved away) / h
      [1, 1], // 慢病 k
      [1, 0], // 重病 j
    ]);

    await rates(tokens.manager2, `asOf=2025-03-31&by=unit&unitId=${district.id.townships[0]}`).expect(403);
    await rates(tokens.manager2, 'by=unit', townshipStepId).expect(403);
    await rates(tokens.manager1, 'by=unit', townshipStepId).expect(200);
    await rates(tokens.stranger, 'by=county').expect(403);
    await rates(tokens.staff, 'by=county').expect(403);
    await t.http
      .get(`/api/treatment-rounds/${stepId}/rates.xlsx`)
      .set(auth(tokens.manager2))
      .query({ unitId: district.id.townships[0] })
      .expect(403);
  });

  it('404 for an unknown round or a step that is no round; 400 for a unit outside the campaign or not an area', async () => {
    await rates(tokens.admin, 'by=county', '6f1c1d2e-0000-4000-8000-000000000000').expect(404);
    await rates(tokens.admin, 'by=county', reIdentificationStepId).expect(404);
    await rates(tokens.admin, 'by=county', 'not-a-uuid').expect(400);
    await rates(tokens.admin, `by=unit&unitId=${district.id.city}`).expect(400);
    await rates(tokens.admin, `by=unit&unitId=${district.id.centres[0]}`).expect(400);
    await rates(tokens.admin, `by=unit&unitId=${district.id.villages[0]}`).expect(400);
    await rates(tokens.admin, `by=county&unitId=${district.id.villages[0]}`).expect(200);
  });

  it('the series: a point per day from the first to the last day, each the table as of that day', async () => {
    const res = await t.http.get(`/api/treatment-rounds/${stepId}/rates/series?by=unit`).set(auth(tokens.admin)).expect(200);
    expect(res.body).toMatchObject({ by: 'unit', every: 'day', from: '2025-03-01', to: '2025-03-31', targetRate: 90 });
    expect(res.body.points).toHaveLength(31);
    const point = (date: string) => res.body.points.find((p: { date: string }) => p.date === date);
    expect(point('2025-03-01').total).toEqual({ needing: 0, treated: 0, rate: null });
    expect(point('2025-03-02').total).toEqual({ needing: 6, treated: 0, rate: 0 }); // a b c h i k
    expect(point('2025-03-08').rows.map((r: { needing: number; treated: number }) => [r.needing, r.treated])).toEqual([
      [5, 1], // a b c e f (d gone on the 8th) / a
      [4, 1], // h i j k / h
    ]);
    for (const date of ['2025-03-10', '2025-03-11', '2025-03-31']) {
      const table = (await rates(tokens.admin, `asOf=${date}&by=unit`).expect(200)).body;
      expect(point(date)).toEqual({ date, rows: table.rows, total: table.total });
    }

    const weekly = await t.http
      .get(`/api/treatment-rounds/${stepId}/rates/series?by=handling&every=week&decimals=1`)
      .set(auth(tokens.manager1))
      .expect(200);
    expect(weekly.body.points.map((p: { date: string }) => p.date)).toEqual([
      '2025-03-01',
      '2025-03-08',
      '2025-03-15',
      '2025-03-22',
      '2025-03-29',
      '2025-03-31',
    ]);
    // 第1镇 on 22 March: 大病 a b f (d gone) 3 / 2 → 66.7; 慢病 c g 2 / 0; 重病 e 1 / 1
    expect(
      weekly.body.points[3].rows.map((r: { needing: number; treated: number; rate: number }) => [r.needing, r.treated, r.rate]),
    ).toEqual([
      [3, 2, 66.7],
      [2, 0, 0],
      [1, 1, 100],
    ]);
  });

  it("XLSX: seed 001's layout, Chinese headers, number cells, the split by category and 合计", async () => {
    const res = await t.http
      .get(`/api/treatment-rounds/${stepId}/rates.xlsx?asOf=2025-03-31&by=unit`)
      .set(auth(tokens.admin))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('救治率-2025年第四批大病集中救治-2025-03-31.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.getWorksheet('救治率')!;
    const values = (n: number) => Array.from({ length: 13 }, (_, i) => sheet.getRow(n).getCell(i + 1).value);
    expect(sheet.getCell('A1').value).toBe('2025年第四批大病集中救治救治率统计表（截至2025年3月31日）');
    expect(values(2)).toEqual([
      '单位',
      '应救治人数',
      '已救治人数',
      '救治率(%)',
      '大病集中救治',
      '大病集中救治',
      '大病集中救治',
      '慢病签约服务管理',
      '慢病签约服务管理',
      '慢病签约服务管理',
      '重病兜底保障',
      '重病兜底保障',
      '重病兜底保障',
    ]);
    expect(values(3).slice(4)).toEqual(['应救治', '已救治', '救治率(%)', '应救治', '已救治', '救治率(%)', '应救治', '已救治', '救治率(%)']);
    // 第1镇: 大病 a b f 3 / 2, 慢病 c g 2 / 0, 重病 e 1 / 1;  第2镇: 大病 h l 2 / 1, 慢病 k 1 / 1, 重病 j 1 / 0
    expect(values(4)).toEqual(['第1镇', 6, 3, 50, 3, 2, 66.67, 2, 0, 0, 1, 1, 100]);
    expect(values(5)).toEqual(['第2镇', 4, 2, 50, 2, 1, 50, 1, 1, 100, 1, 0, 0]);
    expect(values(6)).toEqual(['合计', 10, 5, 50, 5, 3, 60, 3, 1, 33.33, 2, 1, 50]);
    expect(sheet.getCell('D6').numFmt).toBe('0.00');
    expect(sheet.getCell('A7').text).toContain('目标救治率 90%');

    const empty = await t.http
      .get(`/api/treatment-rounds/${stepId}/rates.xlsx?asOf=2025-03-01&by=county`)
      .set(auth(tokens.admin))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(empty.body);
    const first = book.getWorksheet('救治率')!;
    expect(first.getCell('A2').value).toBe('单位');
    expect([first.getCell('A4').value, first.getCell('B4').value, first.getCell('D4').value]).toEqual(['测试区', 0, '—']);
    expect(first.getCell('A5').value).toBe('合计');
  });

  it('flags a township behind the pace to its manager, once a day, in Chinese (救治进度预警)', async () => {
    const pace = t.app.get(TreatmentPaceService);
    // On 10 March the line is 29.03: 第2镇 at 25.00 is behind, 第1镇 at 40.00 is not.
    expect(await pace.flagRound(stepId, '2025-03-10')).toBe(1);
    expect(await pace.flagRound(stepId, '2025-03-10')).toBe(0);
    const warnings = await t.app
      .get(DataSource)
      .query(`SELECT recipient_user_id, kind, title, body FROM notifications WHERE business_key LIKE $1`, [`treatment-pace:${stepId}:%`]);
    expect(warnings).toEqual([
      {
        recipient_user_id: manager2Id,
        kind: 'escalation',
        title: '【救治进度预警】2025年第四批大病集中救治：第2镇',
        body: '截至2025-03-10，第2镇应救治4人，已救治1人，救治率25.00%，低于按期达到90%目标所需的进度（29.03%）。请督促卫生院及时转诊、定点医院加快救治。',
      },
    ]);
    // After the round's last day nothing is flagged any more.
    expect(await pace.flagRound(stepId, '2025-04-01')).toBe(0);
  });
});
