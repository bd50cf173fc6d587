import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FollowUpsService } from '../../src/follow-ups/follow-ups.service';
import { BenchResult, timeMs } from './report';

const PLANS = 10_000;
/** One day in each quarter of a year: the daily run that opens each period's follow-ups (4 a year). */
const QUARTER_DAYS = ['2027-01-15', '2027-04-15', '2027-07-15', '2027-10-15'];

/**
 * Chronic follow-ups for a year, on the campaign benchmark's register: 10,000 hypertension plans
 * (4 visits a year) at their village clinics, and the generator run once in each quarter as the daily
 * Schedule's run would (pages of 1,000 plans, each page one transaction: follow-ups, the clinics' tasks
 * of the period and their due moments). Beside it, one bare transaction writing the same rows again
 * into tables shaped like them. The process's RSS (API, worker and generator in one process here) is
 * sampled every 100 ms while it runs.
 */
export async function followUpBench(app: INestApplicationContext): Promise<BenchResult> {
  const dataSource = app.get(DataSource);
  await dataSource.query(
    `INSERT INTO follow_up_plans (person_id, disease_code, unit_id, per_year, starts_on, origin)
     SELECT p.id, 'C01', clinic.id, 4, '2027-01-01', 'manual'
     FROM persons p JOIN units clinic ON clinic.parent_id = p.village_unit_id AND clinic.kind = 'village_clinic'
     ORDER BY p.id LIMIT $1
     ON CONFLICT (person_id, disease_code) DO NOTHING`,
    [PLANS],
  );
  const generator = app.get(FollowUpsService);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const startRss = process.memoryUsage().rss;
  let ms: number;
  try {
    ms = await timeMs(async () => {
      for (const asOf of QUARTER_DAYS) {
        let cursor: string | null = null;
        do cursor = (await generator.generate(asOf, cursor)).nextCursor;
        while (cursor);
      }
    });
  } finally {
    clearInterval(sampler);
  }
  const [{ followUps, tasks, moments }] = await dataSource.query<{ followUps: number; tasks: number; moments: number }[]>(
    `SELECT (SELECT count(*)::int FROM follow_ups) AS "followUps",
            (SELECT count(*)::int FROM tasks WHERE kind = 'follow_up') AS tasks,
            (SELECT count(*)::int FROM deadline_moments m JOIN tasks t ON t.id = m.task_id WHERE t.kind = 'follow_up') AS moments`,
  );
  const bareMs = await dataSource.transaction(async (manager) => {
    for (const table of ['follow_ups', 'tasks', 'task_events', 'deadline_moments'])
      await manager.query(`CREATE TEMP TABLE bare_${table} (LIKE ${table} INCLUDING ALL) ON COMMIT DROP`);
    return timeMs(async () => {
      await manager.query(`INSERT INTO bare_follow_ups OVERRIDING SYSTEM VALUE SELECT * FROM follow_ups`);
      await manager.query(`INSERT INTO bare_tasks OVERRIDING SYSTEM VALUE SELECT * FROM tasks WHERE kind = 'follow_up'`);
      await manager.query(
        `INSERT INTO bare_task_events OVERRIDING SYSTEM VALUE SELECT e.* FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE t.kind = 'follow_up'`,
      );
      await manager.query(
        `INSERT INTO bare_deadline_moments OVERRIDING SYSTEM VALUE SELECT m.* FROM deadline_moments m JOIN tasks t ON t.id = m.task_id WHERE t.kind = 'follow_up'`,
      );
    });
  });
  const mib = (bytes: number) => bytes / 1024 / 1024;
  return {
    name: `chronic follow-ups: ${PLANS} plans (4 a year) over a year, on the campaign benchmark's register`,
    rows: [
      { metric: 'follow-ups created', value: followUps, unit: 'count', note: `${tasks} clinic tasks, ${moments} due moments` },
      {
        metric: 'generator (4 quarterly runs, pages of 1,000)',
        value: followUps / (ms / 1000),
        unit: 'follow-ups/s',
        note: `${(ms / 1000).toFixed(1)} s`,
      },
      { metric: 'generator: follow-up tasks', value: tasks / (ms / 1000), unit: 'tasks/s' },
      { metric: 'baseline: the same rows in one bare transaction', value: followUps / (bareMs / 1000), unit: 'follow-ups/s' },
      { metric: 'generator / baseline', value: bareMs / ms, unit: '×' },
      { metric: 'process RSS at the start', value: mib(startRss), unit: 'MiB' },
      { metric: 'process peak RSS while generating', value: mib(peakRss), unit: 'MiB', note: 'target < 512 MiB' },
    ],
  };
}
