import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { CampaignProgressService } from '../../src/campaigns/campaign-progress.service';
import { CampaignsService } from '../../src/campaigns/campaigns.service';
import { AppConfig } from '../../src/config/config';
import { generateRegister } from '../../src/demo/register-generator';
import { UnitImportRow } from '../../src/domain/hierarchy';
import { POVERTY_STATUS_LABELS, REGISTER_COLUMNS as C, REGISTER_HEADERS, SEX_LABELS } from '../../src/domain/register-row';
import { writeRegisterFile } from '../../src/population/register-file';
import { RegisterImportService } from '../../src/population/register-import.service';
import { scopeOf } from '../../src/domain/scope';
import { OversightService } from '../../src/tasks/oversight.service';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { User } from '../../src/users/user.entity';
import { startWorkerRuntime } from '../../workers/worker-runtime';
import { comparisonBench } from './comparison.bench';
import { BenchResult, percentile, timeMs } from './report';
import { followUpBench } from './follow-up.bench';
import { treatmentBench } from './treatment.bench';

const TOWNSHIPS = 30;
const VILLAGES_PER_TOWNSHIP = 20;
const SAMPLES = 40;
const PERSONS = 150_000;
const HOUSEHOLDS = 40_000;
const REGISTER_SEED = 7;

/** A county of 600 villages, each with its clinic (the responsible units), and a centre per township. */
function benchCounty(): UnitImportRow[] {
  const rows: UnitImportRow[] = [
    { code: 'RB', name: '基准县', kind: 'county' },
    { code: 'RBH', name: '基准县人民医院', kind: 'designated_hospital', parentCode: 'RB' },
  ];
  for (let t = 0; t < TOWNSHIPS; t++) {
    rows.push({ code: `RBT${t}`, name: `第${t + 1}镇`, kind: 'township', parentCode: 'RB' });
    rows.push({ code: `RBT${t}H`, name: `第${t + 1}镇卫生院`, kind: 'health_centre', parentCode: `RBT${t}` });
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
      rows.push({ code: `RBT${t}V${v}`, name: `第${v + 1}村`, kind: 'village', parentCode: `RBT${t}` });
      rows.push({ code: `RBT${t}V${v}C`, name: `第${v + 1}村卫生室`, kind: 'village_clinic', parentCode: `RBT${t}V${v}` });
    }
  }
  return rows;
}

async function samplesOf(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await timeMs(fn));
  return samples;
}

/**
 * The re-identification step at a city's size: the register over 600 villages, a campaign launched
 * over it (a task per clinic, an item per person), then the progress query and a manager's overdue
 * list, each beside the plainest query over the same rows in the same run. With `treatment`, a
 * treatment round follows on the same register (treatment.bench.ts); with `followUps`, a year of chronic
 * follow-ups (follow-up.bench.ts).
 */
export async function campaignBench(
  app: INestApplicationContext,
  config: AppConfig,
  options: { treatment: boolean; followUps: boolean },
): Promise<BenchResult[]> {
  const dataSource = app.get(DataSource);
  const rows = benchCounty();
  await app.get(UnitsService).import(null, rows);
  const county = await dataSource.getRepository(Unit).findOneByOrFail({ code: 'RB' });
  const user = await dataSource.getRepository(User).save({
    username: 'bench-admin',
    displayName: '基准管理员',
    role: 'admin',
    unitId: county.id,
    passwordHash: 'x',
    passwordChangedAt: new Date(),
  });
  const admin: Actor = { id: user.id, username: user.username, role: 'admin', unitId: county.id, scope: scopeOf('admin', county) };
  const villageCodes = rows.filter((r) => r.kind === 'village').map((r) => r.code as string);

  const worker = await startWorkerRuntime(app, config);
  const dir = await mkdtemp(join(tmpdir(), 'bench-register-'));
  try {
    const registerRows = await importBeside(app, admin, villageCodes, dir);
    const [{ persons }] = await dataSource.query<{ persons: number }[]>(`SELECT count(*)::int AS persons FROM persons`);
    const campaigns = app.get(CampaignsService);
    const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
    const campaign = await campaigns.create(admin, {
      name: '基准：疾病再识别',
      template: 're_identification',
      scopeUnitId: county.id,
      startsOn: day(0),
      endsOn: day(60),
      steps: [{ dueAt: day(30), responsibleUnitKind: 'village_clinic' }],
    });
    const launchMs = await timeMs(async () => {
      await campaigns.launch(admin, campaign.id);
      for (;;) {
        if ((await campaigns.get(admin, campaign.id)).status === 'running') return;
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    const launched = await campaigns.get(admin, campaign.id);

    const progress = app.get(CampaignProgressService);
    const stepId = launched.steps[0].id;
    const progressSamples = await samplesOf(() => progress.progress(admin, launched, undefined));
    const countSamples = await samplesOf(() =>
      dataSource.query(`SELECT village_unit_id, count(*) FROM re_identification_items WHERE step_id = $1 GROUP BY village_unit_id`, [
        stepId,
      ]),
    );

    // A third of the clinics past their deadline, as a manager finds them a week later.
    await dataSource.query(`UPDATE tasks SET due_at = now() - interval '3 days' WHERE step_id = $1 AND random() < 0.33`, [stepId]);
    const oversight = app.get(OversightService);
    const overdueSamples = await samplesOf(() => oversight.overdueByUnit(admin, { sort: 'days', page: 1, pageSize: 50 }));
    const plainOverdueSamples = await samplesOf(() =>
      dataSource.query(
        `SELECT unit_id, count(*) FROM tasks WHERE due_at < now() AND status NOT IN ('approved', 'cancelled') GROUP BY unit_id`,
      ),
    );

    const p95 = (s: number[]) => percentile(s, 95);
    const reIdentification: BenchResult = {
      name: `campaign: re-identification over ${persons} persons in ${rows.filter((r) => r.kind === 'village').length} villages`,
      rows: [
        ...registerRows,
        { metric: 'launch: tasks created', value: launched.steps[0].taskCount, unit: 'count' },
        { metric: 'launch: items created', value: launched.steps[0].itemCount, unit: 'count' },
        { metric: 'launch time (to running, incl. deadline moments)', value: launchMs / 1000, unit: 's', note: 'target < 10 s' },
        { metric: 'progress query p50', value: percentile(progressSamples, 50), unit: 'ms' },
        { metric: 'progress query p95', value: p95(progressSamples), unit: 'ms', note: 'target < 200 ms' },
        { metric: 'baseline: items grouped by village p95', value: p95(countSamples), unit: 'ms' },
        { metric: 'progress / baseline (p95)', value: p95(progressSamples) / p95(countSamples), unit: '×' },
        { metric: "manager's overdue list p50", value: percentile(overdueSamples, 50), unit: 'ms' },
        { metric: "manager's overdue list p95", value: p95(overdueSamples), unit: 'ms', note: 'target < 200 ms' },
        { metric: 'baseline: overdue tasks grouped by unit p95', value: p95(plainOverdueSamples), unit: 'ms' },
        { metric: 'overdue list / baseline (p95)', value: p95(overdueSamples) / p95(plainOverdueSamples), unit: '×' },
      ],
    };
    const idNumbers = [...generateRegister({ villageCodes, households: HOUSEHOLDS, persons: PERSONS, seed: REGISTER_SEED })].map(
      (r) => r[C.idNumber],
    );
    // Before the treatment round, which records results: with none yet, every illness cause is a flag.
    const results = [reIdentification, await comparisonBench(app, admin, await campaigns.findVisible(admin, campaign.id), idNumbers)];
    if (options.treatment) results.push(await treatmentBench(app, admin, county, stepId));
    if (options.followUps) results.push(await followUpBench(app));
    return results;
  } finally {
    await worker.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The register file (150,000 persons in 40,000 households) imported through the real path (upload,
 * queue, worker: every row parsed and checked, staged by COPY, upserted), beside PostgreSQL's raw COPY
 * of the same rows, already shaped, into tables like the register's (same columns, keys and indexes):
 * what loading the data costs with nothing read, checked or merged. A COPY of the file into bare text
 * columns is shown too, as the floor.
 */
async function importBeside(app: INestApplicationContext, admin: Actor, villageCodes: string[], dir: string): Promise<BenchResult['rows']> {
  const file = join(dir, 'register.csv');
  const register = () => generateRegister({ villageCodes, households: HOUSEHOLDS, persons: PERSONS, seed: REGISTER_SEED });
  await writeRegisterFile(createWriteStream(file), register(), 'csv');

  const dataSource = app.get(DataSource);
  const villageRows = await dataSource.query<{ code: string; id: string }[]>(`SELECT code, id FROM units WHERE kind = 'village'`);
  const villages = new Map<string, string>(villageRows.map((v) => [v.code, v.id]));
  const { households, persons } = shapedRows(register(), villages);
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const copy = (sql: string, text: string) => pipeline(Readable.from([text]), client.query(copyFrom(sql)));
  let copyMs: number;
  let bareCopyMs: number;
  try {
    await runner.query(`CREATE TEMP TABLE raw_households (LIKE households INCLUDING ALL)`);
    await runner.query(`CREATE TEMP TABLE raw_persons (LIKE persons INCLUDING ALL)`);
    copyMs = await timeMs(async () => {
      await copy(`COPY raw_households (id, household_number, village_unit_id, head_name) FROM STDIN`, households);
      await copy(
        `COPY raw_persons (household_id, village_unit_id, name, id_number, sex, birth_date, relation_to_head, poverty_status, poverty_cause_main, poverty_cause_secondary, family_doctor, known_conditions) FROM STDIN`,
        persons,
      );
    });
    await runner.query(`CREATE TEMP TABLE raw_register (${REGISTER_HEADERS.map((_, i) => `c${i} text`).join(', ')})`);
    bareCopyMs = await timeMs(() =>
      pipeline(createReadStream(file), client.query(copyFrom(`COPY raw_register FROM STDIN WITH (FORMAT csv, HEADER true)`))),
    );
  } finally {
    await runner.release();
  }

  const imports = app.get(RegisterImportService);
  const upload = join(dir, 'upload.csv');
  await copyFile(file, upload); // the service removes its upload once stored
  let status = '';
  const importMs = await timeMs(async () => {
    const { id } = await imports.create(admin, { path: upload, originalname: 'register.csv' } as Express.Multer.File);
    for (;;) {
      status = (await imports.findVisible(admin, id)).status;
      if (status === 'succeeded' || status === 'failed') return;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  if (status !== 'succeeded') throw new Error(`the benchmark register did not import (${status})`);
  const rate = (ms: number) => PERSONS / (ms / 1000);
  return [
    { metric: 'register import (upload → succeeded)', value: rate(importMs), unit: 'rows/s' },
    { metric: 'baseline: raw COPY of the same rows into register-shaped tables', value: rate(copyMs), unit: 'rows/s' },
    { metric: 'import / raw COPY', value: importMs > 0 ? copyMs / importMs : NaN, unit: '×', note: 'target ≥ 0.3' },
    { metric: 'floor: raw COPY of the file into text columns', value: rate(bareCopyMs), unit: 'rows/s' },
  ];
}

/** COPY text of the file's rows as the register tables hold them (one household row per household number). */
function shapedRows(rows: Iterable<Record<string, string>>, villages: Map<string, string>): { households: string; persons: string } {
  const household = new Map<string, string>();
  const households: string[] = [];
  const persons: string[] = [];
  const sex = Object.fromEntries(Object.entries(SEX_LABELS).map(([k, v]) => [v, k]));
  const status = Object.fromEntries(Object.entries(POVERTY_STATUS_LABELS).map(([k, v]) => [v, k]));
  for (const r of rows) {
    const village = villages.get(r[C.villageCode])!;
    let id = household.get(r[C.householdNumber]);
    if (!id) {
      id = randomUUID();
      household.set(r[C.householdNumber], id);
      households.push([id, r[C.householdNumber], village, r[C.headName]].join('\t'));
    }
    persons.push(
      [
        id,
        village,
        r[C.name],
        r[C.idNumber],
        sex[r[C.sex]],
        r[C.birthDate],
        r[C.relationToHead],
        status[r[C.povertyStatus]],
        r[C.povertyCauseMain],
        r[C.povertyCauseSecondary],
        r[C.familyDoctor],
        r[C.knownConditions],
      ].join('\t'),
    );
  }
  return { households: `${households.join('\n')}\n`, persons: `${persons.join('\n')}\n` };
}
