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
 * The baseline writes the same rows (cases, tasks, task events, moments) in one bare transaction of
 * INSERT … SELECT into tables shaped like them, in the same run: what storing them costs with nothing
 * decided. The process's RSS is sampled every 100 ms through the launch (API, worker and benchmark
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
  const launchMs = await timeMs(async () => {
    await campaigns.launch(admin, campaign.id);
    for (;;) {
      if ((await campaigns.get(admin, campaign.id)).status === 'running') return;
      await new Promise((r) => setTimeout(r, 200));
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
  const rate = (ms: number) => cases / (ms / 1000);
  const mib = (bytes: number) => Math.round(bytes / 1_048_576);
  return {
    name: `treatment round: ${cases} cases from approved results over the campaign benchmark's register`,
    rows: [
      { metric: 'cases created', value: cases, unit: 'count', note: `${tasks} stage tasks, ${events} task events, ${moments} due moments` },
      { metric: 'launch (to running): cases created', value: rate(launchMs), unit: 'cases/s', note: `${(launchMs / 1000).toFixed(1)} s` },
      { metric: 'baseline: the same rows in one bare transaction', value: rate(bareMs), unit: 'cases/s' },
      { metric: 'launch / baseline', value: bareMs / launchMs, unit: '×', note: 'target ≥ 0.5' },
      { metric: 'process RSS at the launch', value: mib(startRss), unit: 'MiB' },
      { metric: 'process peak RSS during the launch', value: mib(peakRss), unit: 'MiB', note: 'target < 512 MiB' },
      { metric: 'load average (1 min) at the launch', value: loadAtStart, unit: '', note: `${loadAtEnd.toFixed(2)} at its end` },
    ],
  };
}
