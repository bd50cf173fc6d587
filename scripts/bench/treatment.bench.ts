import { INestApplicationContext } from '@nestjs/common';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { CampaignsService } from '../../src/campaigns/campaigns.service';
import { Unit } from '../../src/units/unit.entity';
import { BenchResult, timeMs } from './report';

/** Share of the register re-identified with a major disease of the round: 8 % of 150,000 ≈ 12,000 cases (seed 001: 11,777). */
const ILL_SHARE = 0.08;

/**
 * A treatment round at a city's size, on the campaign benchmark's register and re-identification
 * step: 8 % of the persons get an approved result with a disease of the round, then the round is
 * launched (a case per person, each with its referral task and due moments, by the campaign workflow).
 * The baseline writes the same rows (cases, tasks, task events, moments) again into the same tables in one
 * bare transaction of INSERT … SELECT, in the same run: what storing them costs with nothing decided (the
 * floor beside it writes them into unlogged temporary copies without foreign keys). The process's RSS is sampled every 100 ms through the launch (API, worker and benchmark
 * share the process here), and the load average is noted at its start and end: the machine is shared.
 */
export async function treatmentBench(
  app: INestApplicationContext,
  admin: Actor,
  county: Unit,
  reIdentificationStepId: string,
): Promise<BenchResult> {
  const dataSource = app.get(DataSource);
  await dataSource.query(
    `UPDATE re_identification_items SET outcome = 'conditions', condition_codes = ARRAY['M09'], recorded_at = now()
     WHERE step_id = $1 AND random() < $2`,
    [reIdentificationStepId, ILL_SHARE],
  );
  await dataSource.query(`UPDATE tasks SET status = 'approved', finished_at = now() WHERE step_id = $1`, [reIdentificationStepId]);
  const [hospital] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM units WHERE kind = 'designated_hospital' AND parent_id = $1`,
    [county.id],
  );

  const campaigns = app.get(CampaignsService);
  const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  const campaign = await campaigns.create(admin, {
    name: '基准：大病集中救治',
    template: 'treatment_round',
    scopeUnitId: county.id,
    startsOn: day(0),
    endsOn: day(90),
    steps: [
      {
        dueAt: day(90),
        responsibleUnitKind: 'health_centre',
        round: {
          startsOn: day(0),
          endsOn: day(90),
          diseases: [{ disease: 'M09' }],
          hospitals: [{ unitId: hospital.id, diseases: ['M09'] }],
          targetRate: 90,
          stages: { referral: { withinDays: 10 }, admission: { withinDays: 20 }, treatment: { withinDays: 60 } },
        },
      },
    ],
  });
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const loadAtStart = loadavg()[0];
  // Until the campaign runs: its status read every 20 ms (one row by its key; a poll of 200 ms through the
  // API's campaign view added 100 ms on average to a launch of about 5 s).
  const launchMs = await timeMs(async () => {
    await campaigns.launch(admin, campaign.id);
    for (;;) {
      const [{ status }] = await dataSource.query<{ status: string }[]>(`SELECT status FROM campaigns WHERE id = $1`, [campaign.id]);
      if (status === 'running') return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }).finally(() => clearInterval(sampler));
  const loadAtEnd = loadavg()[0];
  const stepId = campaign.steps[0].id;
  const [{ cases, tasks, events, moments }] = await dataSource.query<{ cases: number; tasks: number; events: number; moments: number }[]>(
    `SELECT (SELECT count(*)::int FROM treatment_cases WHERE step_id = $1) AS cases,
            (SELECT count(*)::int FROM tasks WHERE step_id = $1) AS tasks,
            (SELECT count(*)::int FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE t.step_id = $1) AS events,
            (SELECT count(*)::int FROM deadline_moments m JOIN tasks t ON t.id = m.task_id WHERE t.step_id = $1) AS moments`,
    [stepId],
  );

  // The same rows again, into tables shaped like the real ones (same columns, keys, indexes), in one transaction.
  const bareMs = await dataSource.transaction(async (manager) => {
    for (const table of ['treatment_cases', 'tasks', 'task_events', 'deadline_moments'])
      await manager.query(`CREATE TEMP TABLE bare_${table} (LIKE ${table} INCLUDING ALL) ON COMMIT DROP`);
    return timeMs(async () => {
      await manager.query(`INSERT INTO bare_treatment_cases OVERRIDING SYSTEM VALUE SELECT * FROM treatment_cases WHERE step_id = $1`, [
        stepId,
      ]);
      await manager.query(`INSERT INTO bare_tasks OVERRIDING SYSTEM VALUE SELECT * FROM tasks WHERE step_id = $1`, [stepId]);
      await manager.query(
        `INSERT INTO bare_task_events OVERRIDING SYSTEM VALUE SELECT e.* FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE t.step_id = $1`,
        [stepId],
      );
      await manager.query(
        `INSERT INTO bare_deadline_moments OVERRIDING SYSTEM VALUE SELECT m.* FROM deadline_moments m JOIN tasks t ON t.id = m.task_id WHERE t.step_id = $1`,
        [stepId],
      );
    });
  });
  const sameTablesMs = await sameTablesBaseline(dataSource, stepId);
  const rate = (ms: number) => cases / (ms / 1000);
  const mib = (bytes: number) => Math.round(bytes / 1_048_576);
  return {
    name: `treatment round: ${cases} cases from approved results over the campaign benchmark's register`,
    rows: [
      { metric: 'cases created', value: cases, unit: 'count', note: `${tasks} stage tasks, ${events} task events, ${moments} due moments` },
      { metric: 'launch (to running): cases created', value: rate(launchMs), unit: 'cases/s', note: `${(launchMs / 1000).toFixed(1)} s` },
      {
        metric: 'baseline: the same rows into the same tables, one bare transaction',
        value: rate(sameTablesMs),
        unit: 'cases/s',
        note: 'logged, keys checked, committed',
      },
      { metric: 'launch / baseline', value: sameTablesMs / launchMs, unit: '×', note: 'target ≥ 0.5' },
      { metric: 'floor: the same rows into temporary copies', value: rate(bareMs), unit: 'cases/s', note: 'unlogged, no foreign keys' },
      { metric: 'launch / floor', value: bareMs / launchMs, unit: '×' },
      { metric: 'process RSS at the launch', value: mib(startRss), unit: 'MiB' },
      { metric: 'process peak RSS during the launch', value: mib(peakRss), unit: 'MiB', note: 'target < 512 MiB' },
      { metric: 'load average (1 min) at the launch', value: loadAtStart, unit: '', note: `${loadAtEnd.toFixed(2)} at its end` },
    ],
  };
}

/**
 * The baseline the clocks benchmark uses too: the launch's rows written again into the same tables (logged,
 * with their keys, checks and triggers) by one bare transaction of INSERT … SELECT that decides nothing —
 * copies under a copy of the step, new ids mapped beforehand — committed, timed, then removed.
 */
async function sameTablesBaseline(dataSource: DataSource, stepId: string): Promise<number> {
  const [{ id: copyStep }] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO campaign_steps SELECT (jsonb_populate_record(s, jsonb_build_object('id', gen_random_uuid(), 'ordinal', s.ordinal + 1000))).*
     FROM campaign_steps s WHERE s.id = $1 RETURNING id`,
    [stepId],
  );
  await dataSource.query(
    `CREATE TABLE bench_task_ids AS SELECT id AS old, gen_random_uuid() AS new FROM tasks WHERE step_id = $1;
     CREATE TABLE bench_case_ids AS SELECT id AS old, gen_random_uuid() AS new FROM treatment_cases WHERE step_id = $1;
     ANALYZE bench_task_ids; ANALYZE bench_case_ids`.replaceAll('$1', `'${stepId}'`),
  );
  const columns = async (table: string) =>
    (
      await dataSource.query<{ name: string }[]>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_name = $1 AND table_schema = 'public' AND is_identity = 'NO' ORDER BY ordinal_position`,
        [table],
      )
    ).map((c) => c.name);
  /** INSERT … SELECT of `table`'s rows `from`, each column as it is unless overridden. */
  const copy = async (table: string, from: string, overrides: Record<string, string>) => {
    const names = await columns(table);
    return `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')})
            SELECT ${names.map((n) => overrides[n] ?? `r."${n}"`).join(', ')} ${from}`;
  };
  const statements = [
    await copy('tasks', `FROM tasks r JOIN bench_task_ids m ON m.old = r.id`, {
      id: 'm.new',
      step_id: `'${copyStep}'`,
      origin_key: `r.origin_key || ':bench'`,
    }),
    await copy(
      'treatment_cases',
      `FROM treatment_cases r JOIN bench_case_ids c ON c.old = r.id LEFT JOIN bench_task_ids m ON m.old = r.stage_task_id`,
      {
        id: 'c.new',
        step_id: `'${copyStep}'`,
        stage_task_id: 'm.new',
      },
    ),
    await copy('task_events', `FROM task_events r JOIN bench_task_ids m ON m.old = r.task_id`, { task_id: 'm.new' }),
    await copy('deadline_moments', `FROM deadline_moments r JOIN bench_task_ids m ON m.old = r.task_id`, { task_id: 'm.new' }),
  ];
  try {
    return await timeMs(() =>
      dataSource.transaction(async (manager) => {
        for (const statement of statements) await manager.query(statement);
      }),
    );
  } finally {
    await dataSource.query(
      `DELETE FROM deadline_moments m USING bench_task_ids b WHERE m.task_id = b.new;
       DELETE FROM task_events e USING bench_task_ids b WHERE e.task_id = b.new;
       DELETE FROM treatment_cases WHERE step_id = '${copyStep}';
       DELETE FROM tasks WHERE step_id = '${copyStep}';
       DELETE FROM campaign_steps WHERE id = '${copyStep}';
       DROP TABLE bench_task_ids; DROP TABLE bench_case_ids`,
    );
  }
}
