import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { Campaign, CampaignStep } from '../../src/campaigns/campaign.entity';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { UnitImportRow } from '../../src/domain/hierarchy';
import { scopeOf } from '../../src/domain/scope';
import { addLocalDays, localDateOf } from '../../src/domain/time-zone';
import { RoundDefinition } from '../../src/domain/treatment-round';
import { TreatmentRatesService } from '../../src/treatment/treatment-rates.service';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { User } from '../../src/users/user.entity';
import { BenchResult, percentile, timeMs } from './report';

const TOWNSHIPS = 30;
const VILLAGES_PER_TOWNSHIP = 20;
const PERSONS = 150_000;
const HOUSEHOLDS = 40_000;
const CASES = 12_000;
const SAMPLES = 60;

/** A county of its own (600 villages), apart from the other benchmarks' units. */
function rateCounty(): UnitImportRow[] {
  const rows: UnitImportRow[] = [{ code: 'RR', name: '救治率基准县', kind: 'county' }];
  for (let t = 0; t < TOWNSHIPS; t++) {
    rows.push({ code: `RRT${t}`, name: `第${t + 1}镇`, kind: 'township', parentCode: 'RR' });
    rows.push({ code: `RRT${t}H`, name: `第${t + 1}镇卫生院`, kind: 'health_centre', parentCode: `RRT${t}` });
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++)
      rows.push({ code: `RRT${t}V${v}`, name: `第${v + 1}村`, kind: 'village', parentCode: `RRT${t}` });
  }
  return rows;
}

/** A small deterministic generator (mulberry32), so every run draws the same cases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function samplesOf(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await timeMs(fn));
  return samples;
}

/**
 * The rate report of a treatment round at seed 001's size: a county's 150,000-person register, a
 * round of 12,000 cases (and a previous round of as many beside it in the same table) at every
 * stage, 90 days in; each table's p95 beside the plainest query over the same rows
 * (SELECT count(*) … GROUP BY county) in the same run.
 */
export async function treatmentRatesBench(app: INestApplicationContext): Promise<BenchResult> {
  const db = app.get(DataSource);
  await app.get(UnitsService).import(null, rateCounty());
  const county = await db.getRepository(Unit).findOneByOrFail({ code: 'RR' });
  const townships = await db.getRepository(Unit).find({ where: { parentId: county.id, kind: 'township' }, order: { code: 'ASC' } });
  const villages: { id: string }[] = await db.query(`SELECT id FROM units WHERE kind = 'village' AND path LIKE $1 ORDER BY code`, [
    `${county.path}%`,
  ]);
  const villageIds = villages.map((v) => v.id);

  // The register, written straight to its tables (the import has its own benchmark).
  await db.query(
    `INSERT INTO households (household_number, village_unit_id, head_name)
     SELECT 'RR-H' || lpad(g::text, 6, '0'), ($1::uuid[])[1 + g % array_length($1::uuid[], 1)], '户主' FROM generate_series(0, $2 - 1) g`,
    [villageIds, HOUSEHOLDS],
  );
  await db.query(
    `WITH h AS (SELECT id, village_unit_id, (row_number() OVER (ORDER BY household_number) - 1)::int AS n
                FROM households WHERE household_number LIKE 'RR-H%')
     INSERT INTO persons (household_id, village_unit_id, name, id_number, sex, birth_date, poverty_status)
     SELECT h.id, h.village_unit_id, '村民' || g, 'RR' || lpad(g::text, 16, '0'),
            CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END, date '1950-01-01' + (g % 25000), 'not_out'
     FROM generate_series(0, $1 - 1) g JOIN h ON h.n = g % $2`,
    [PERSONS, HOUSEHOLDS],
  );
  const [{ persons }] = await db.query<{ persons: number }[]>(
    `SELECT count(*)::int AS persons FROM persons p JOIN units v ON v.id = p.village_unit_id WHERE v.path LIKE $1`,
    [`${county.path}%`],
  );

  const today = localDateOf(new Date());
  const [{ id: catalogueVersionId }] = await db.query<{ id: string }[]>(`SELECT id FROM disease_catalogue_versions WHERE version = 1`);
  const diseases: { code: string; handling: string }[] = [
    ...Array.from({ length: 19 }, (_, i) => ({ code: `M${String(i + 1).padStart(2, '0')}`, handling: 'major_treatment' })),
    ...['C01', 'C02', 'C03'].map((code) => ({ code, handling: 'chronic_contract' })),
    ...['S01', 'S02', 'S03', 'S04'].map((code) => ({ code, handling: 'severe_safety_net' })),
  ];
  async function givenRound(name: string, startsOn: string, endsOn: string, seed: number): Promise<string> {
    const round: RoundDefinition = {
      startsOn,
      endsOn,
      diseases: diseases.map((d) => ({ code: d.code })),
      hospitals: [{ unitId: county.id, diseases: diseases.map((d) => d.code) }],
      targetRate: 90,
      stages: { referral: { withinDays: 7 }, admission: { withinDays: 14 }, treatment: { withinDays: 30 } },
    };
    const campaign = await db.getRepository(Campaign).save({
      name,
      template: 'treatment_round',
      scopeUnitId: county.id,
      startsOn,
      endsOn,
      status: 'running',
      catalogueVersionId,
    });
    const step = await db.getRepository(CampaignStep).save({
      campaignId: campaign.id,
      ordinal: 1,
      kind: 'treatment_round',
      title: '大病集中救治',
      responsibleUnitKind: 'health_centre',
      dueAt: new Date(`${endsOn}T15:59:59Z`),
      policy: DEFAULT_DEADLINE_POLICY,
      round,
      status: 'running',
    });
    // 12,000 persons drawn from the register, each a case at some stage: most treated, some closed.
    const draw = random(seed);
    const chosen: { id: string; village_unit_id: string }[] = await db.query(
      `SELECT p.id, p.village_unit_id FROM persons p WHERE p.id_number LIKE 'RR%' ORDER BY md5(p.id::text || $1) LIMIT $2`,
      [String(seed), CASES],
    );
    const days = Math.max(1, Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000));
    const at = (day: number) => new Date(Date.parse(`${startsOn}T00:00:00+08:00`) + day * 86_400_000 + draw() * 86_400_000);
    const cols = {
      person: [] as string[],
      village: [] as string[],
      disease: [] as string[],
      handling: [] as string[],
      status: [] as string[],
      reason: [] as (string | null)[],
      created: [] as Date[],
      treated: [] as (Date | null)[],
      closed: [] as (Date | null)[],
    };
    const span = Math.min(days, 90);
    for (const p of chosen) {
      const d = diseases[Math.floor(draw() * diseases.length)];
      const createdDay = Math.floor(draw() * span * 0.6);
      const roll = draw();
      const status = roll < 0.7 ? 'treated' : roll < 0.78 ? 'closed' : roll < 0.86 ? 'admitted' : roll < 0.93 ? 'referred' : 'identified';
      const laterDay = Math.min(span - 1, createdDay + 1 + Math.floor(draw() * 30));
      const reasons = ['refused', 'not_treatable', 'deceased', 'moved_away'];
      cols.person.push(p.id);
      cols.village.push(p.village_unit_id);
      cols.disease.push(d.code);
      cols.handling.push(d.handling);
      cols.status.push(status);
      cols.reason.push(status === 'closed' ? reasons[Math.floor(draw() * reasons.length)] : null);
      cols.created.push(at(createdDay));
      cols.treated.push(status === 'treated' ? at(laterDay) : null);
      cols.closed.push(status === 'closed' ? at(laterDay) : null);
    }
    await db.query(
      `INSERT INTO treatment_cases (step_id, campaign_id, person_id, village_unit_id, disease_code, handling, status, close_reason,
                                    created_at, treated_at, closed_at, county_unit_id, origin)
       SELECT $1, $2, * , $12, 'results'
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[])`,
      [
        step.id,
        campaign.id,
        cols.person,
        cols.village,
        cols.disease,
        cols.handling,
        cols.status,
        cols.reason,
        cols.created,
        cols.treated,
        cols.closed,
        county.id,
      ],
    );
    return step.id;
  }
  await givenRound('基准：第三批大病集中救治', addLocalDays(today, -300), addLocalDays(today, -210), 3);
  const stepId = await givenRound('基准：第四批大病集中救治', addLocalDays(today, -90), addLocalDays(today, 30), 4);
  // As autovacuum leaves a table that has settled: statistics, and the visibility map index-only scans rely on.
  await db.query(`VACUUM ANALYZE treatment_cases`);
  const [{ cases }] = await db.query<{ cases: number }[]>(`SELECT count(*)::int AS cases FROM treatment_cases WHERE step_id = $1`, [
    stepId,
  ]);

  const user = await db.getRepository(User).save({
    username: 'bench-rates-admin',
    displayName: '救治率基准管理员',
    role: 'admin',
    unitId: county.id,
    passwordHash: 'x',
    passwordChangedAt: new Date(),
  });
  const admin: Actor = { id: user.id, username: user.username, role: 'admin', unitId: county.id, scope: scopeOf('admin', county) };
  const manager: Actor = { ...admin, role: 'manager', unitId: townships[0].id, scope: scopeOf('manager', townships[0]) };
  const rates = app.get(TreatmentRatesService);
  const table = (actor: Actor, by: 'county' | 'unit' | 'handling' | 'disease', unitId?: string) => () =>
    rates.rates(actor, stepId, { by, unitId, decimals: 2 });

  const measured = {
    county: await samplesOf(table(admin, 'county')),
    unit: await samplesOf(table(admin, 'unit')),
    villages: await samplesOf(table(admin, 'unit', townships[0].id)),
    handling: await samplesOf(table(admin, 'handling')),
    disease: await samplesOf(table(admin, 'disease')),
    manager: await samplesOf(table(manager, 'unit')),
    series: await samplesOf(() => rates.series(admin, stepId, { by: 'unit', decimals: 2, every: 'day' })),
    xlsx: await samplesOf(() => rates.workbook(admin, stepId, { by: 'unit', decimals: 2 })),
    plain: await samplesOf(() =>
      db.query(`SELECT county_unit_id, count(*) FROM treatment_cases WHERE step_id = $1 GROUP BY county_unit_id`, [stepId]),
    ),
  };
  const p95 = (s: number[]) => percentile(s, 95);
  const row = (metric: string, samples: number[], target?: string) => ({
    metric: `${metric} p95`,
    value: p95(samples),
    unit: 'ms',
    note: [`p50 ${percentile(samples, 50).toFixed(1)} ms`, target].filter(Boolean).join('; '),
  });
  return {
    name: `treatment rates: a round of ${cases} cases over a register of ${persons} persons in ${villageIds.length} villages`,
    rows: [
      row('rate report by county', measured.county, 'target < 100 ms'),
      row('rate report by unit (30 townships)', measured.unit, 'target < 100 ms'),
      row('rate report by unit (a township: 20 villages)', measured.villages),
      row('rate report by 三个一批 category', measured.handling),
      row('rate report by disease', measured.disease),
      row("rate report as a township's manager", measured.manager),
      row('baseline: SELECT count(*) … GROUP BY county', measured.plain),
      { metric: 'rate report by county / baseline (p95)', value: p95(measured.county) / p95(measured.plain), unit: '×' },
      row(
        `series by unit, every day (${(await rates.series(admin, stepId, { by: 'unit', decimals: 2, every: 'day' })).points.length} days)`,
        measured.series,
      ),
      row('XLSX by unit', measured.xlsx),
    ],
  };
}
