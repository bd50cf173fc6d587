import { INestApplicationContext } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { AppConfig } from '../../src/config/config';
import { DeadlinePolicy } from '../../src/domain/deadline-policy';
import { scopeOf } from '../../src/domain/scope';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { Task } from '../../src/tasks/task.entity';
import { TasksService } from '../../src/tasks/tasks.service';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { User } from '../../src/users/user.entity';
import { BenchResult, percentile, timeMs } from './report';

const CONCURRENCY = 32;

/** Reminders and the ladder in seconds, so a bench run sees them fire. */
function benchPolicy(reminderBeforeSeconds: number): DeadlinePolicy {
  return {
    remindersBefore: [{ unit: 'seconds', amount: reminderBeforeSeconds }],
    quietHours: { start: '00:00', end: '00:00' },
    escalation: [{ level: 1, after: { unit: 'seconds', amount: 0 }, target: 'assigned_unit_head' }],
    digestWindow: 'none',
  };
}

async function inBatches<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** The worker in a process of its own, so its memory is measured alone (VmRSS, sampled). */
function startWorkerProcess(config: AppConfig, root: string): { child: ChildProcess; peakRssMb: () => number; stop: () => Promise<void> } {
  const child = spawn(process.execPath, [join(root, 'dist', 'workers', 'main.js')], {
    env: { ...process.env, DATABASE_URL: config.databaseUrl, TEMPORAL_ADDRESS: config.temporal.address, TEMPORAL_TASK_QUEUE: config.temporal.taskQueue, QUEUE_PREFIX: config.queuePrefix, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process is gone
    }
  }, 200);
  return {
    child,
    peakRssMb: () => peak,
    stop: () =>
      new Promise((resolve) => {
        clearInterval(sampler);
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Waits until the worker process polls its task queue (it bundles the workflows first). */
async function untilPolling(temporal: TemporalClient, config: AppConfig): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const { pollers } = await temporal.client.workflowService.describeTaskQueue({
      namespace: config.temporal.namespace,
      taskQueue: { name: config.temporal.taskQueue },
      taskQueueType: 1, // WORKFLOW
    });
    if ((pollers ?? []).length > 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the worker process did not start polling within 2 minutes');
}

/**
 * 10,000 task workflows with deadlines (half completed, half left to escalate) beside a bare Temporal
 * client starting as many empty workflows in the same run.
 */
export async function tasksBench(app: INestApplicationContext, config: AppConfig, root: string, count: number): Promise<BenchResult> {
  const dataSource = app.get(DataSource);
  await app.get(UnitsService).import(null, [
    { code: 'TB', name: '基准区', kind: 'county' },
    { code: 'TBT', name: '基准镇', kind: 'township', parentCode: 'TB' },
    { code: 'TBV', name: '基准村', kind: 'village', parentCode: 'TBT' },
    { code: 'TBC', name: '基准村卫生室', kind: 'village_clinic', parentCode: 'TBV' },
  ]);
  const county = await dataSource.getRepository(Unit).findOneByOrFail({ code: 'TB' });
  const clinic = await dataSource.getRepository(Unit).findOneByOrFail({ code: 'TBC' });
  const head = await dataSource.getRepository(User).save({ username: 'bench-head', displayName: '院长', role: 'staff', unitId: clinic.id, passwordHash: 'x', passwordChangedAt: new Date() });
  await dataSource.getRepository(Unit).update({ id: clinic.id }, { headUserId: head.id });
  const admin: Actor = { id: head.id, username: 'bench', role: 'admin', unitId: county.id, scope: scopeOf('admin', county) };

  const worker = startWorkerProcess(config, root);
  const tasks = app.get(TasksService);
  const temporal = app.get(TemporalClient);
  try {
    await untilPolling(temporal, config);
    // Baseline: a bare client starting empty workflows that end at once.
    const ids = Array.from({ length: count }, (_, i) => i);
    const baselineMs = await timeMs(() =>
      inBatches(ids, (i) => temporal.client.workflow.start('announcementWorkflow', { taskQueue: `${config.temporal.taskQueue}-idle`, workflowId: `bench-empty-${Date.now()}-${i}`, args: [{ announcementId: '00000000-0000-4000-8000-000000000000' }] })),
    );

    // Each task is due a fixed lead after its own start, long enough for all starts and the
    // cancellations to finish first; it is reminded 5 s before.
    const leadMs = Math.max(60_000, baselineMs * 3);
    const created: Task[] = [];
    const firstThousand = Math.min(1000, count);
    let rssAtFirstThousand = 0;
    const taskMs = await timeMs(() =>
      inBatches(ids, async (i) => {
        created.push(await tasks.create(admin, { title: `基准任务${i}`, unitId: clinic.id, dueAt: new Date(Date.now() + leadMs).toISOString(), policy: JSON.parse(JSON.stringify(benchPolicy(5))) }));
        if (created.length === firstThousand) rssAtFirstThousand = worker.peakRssMb();
      }),
    );
    const rssAfterStarts = worker.peakRssMb();
    await inBatches(created.filter((_, i) => i % 2 === 0), (task) => tasks.act(admin, task.id, 'cancel', '基准：完成一半'));

    // Wait (bounded) until every unfinished task has been reminded and escalated.
    const deadline = Date.now() + leadMs + 15 * 60_000;
    let escalated = 0;
    while (Date.now() < deadline) {
      escalated = Number((await dataSource.query(`SELECT count(*) AS n FROM tasks WHERE escalation_level = 1`))[0].n);
      if (escalated >= count / 2) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const lateness: number[] = (
      await dataSource.query(
        `SELECT extract(epoch FROM e.at - (t.due_at - interval '5 seconds')) * 1000 AS ms
         FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE e.action = 'reminded'`,
      )
    ).map((r: { ms: string }) => Number(r.ms));
    const startsPerSecond = count / (taskMs / 1000);
    const baselinePerSecond = count / (baselineMs / 1000);
    return {
      name: `tasks: ${count} task workflows (half cancelled, half escalated) on the embedded dev server`,
      rows: [
        { metric: 'task starts (create + workflow start)', value: startsPerSecond, unit: '/s' },
        { metric: 'baseline: bare client, empty workflows', value: baselinePerSecond, unit: '/s' },
        { metric: 'ratio task / baseline', value: startsPerSecond / baselinePerSecond, unit: '×', note: 'target ≥ 0.5' },
        { metric: 'reminders sent', value: lateness.length, unit: 'count', note: `expected ${count / 2}` },
        { metric: 'escalated (level 1)', value: escalated, unit: 'count', note: `expected ${count / 2}` },
        { metric: 'reminder lateness p50', value: lateness.length ? percentile(lateness, 50) : NaN, unit: 'ms' },
        { metric: 'reminder lateness p99', value: lateness.length ? percentile(lateness, 99) : NaN, unit: 'ms', note: 'target < 2000 ms' },
        { metric: `worker peak RSS at ${firstThousand} open tasks`, value: rssAtFirstThousand, unit: 'MiB' },
        { metric: `worker peak RSS at ${count} open tasks`, value: rssAfterStarts, unit: 'MiB' },
        { metric: 'RSS growth from the first 1,000 to all', value: rssAfterStarts / rssAtFirstThousand, unit: '×', note: 'flat ≈ 1' },
        { metric: 'worker peak RSS overall', value: worker.peakRssMb(), unit: 'MiB', note: 'target < 1024 MiB' },
      ],
    };
  } finally {
    await worker.stop();
  }
}
