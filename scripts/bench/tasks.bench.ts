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
import { BenchResult, BenchRow, percentile, timeMs } from './report';
import { taskWorkflowId } from '../../workflows/task-deadline.contract';
import { DEFAULT_WORKER_TUNING, WorkerTuning } from '../../workers/worker-runtime';

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

/**
 * A worker setting to compare (BENCH_WORKER_SETTINGS): null is the production worker
 * (`dist/workers/main.js`), else the bench worker with these Worker.create overrides.
 */
type WorkerSetting = WorkerTuning | null;

/** BENCH_WORKER_SETTINGS: `;`-separated JSON objects of WorkerTuning, or `default`; e.g. `{"maxCachedWorkflows":250};default`. */
export function workerSettings(value: string | undefined): WorkerSetting[] {
  if (!value) return [null];
  return value.split(';').map((part) => (part.trim() === 'default' ? null : (JSON.parse(part) as WorkerTuning)));
}

function settingLabel(setting: WorkerSetting): string {
  const show = (tuning: WorkerTuning) =>
    Object.entries(tuning)
      .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
      .join(', ');
  return setting ? show(setting) : `production worker (${show(DEFAULT_WORKER_TUNING)})`;
}

interface WorkerProcess {
  child: ChildProcess;
  peakRssMb: () => number;
  rssMb: () => number;
  stop: () => Promise<void>;
}

/** The worker in a process of its own, so its memory is measured alone (VmRSS, sampled). */
function startWorkerProcess(config: AppConfig, root: string, setting: WorkerSetting): WorkerProcess {
  const entry = setting ? join(root, 'dist', 'scripts', 'bench', 'bench-worker.js') : join(root, 'dist', 'workers', 'main.js');
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      TEMPORAL_ADDRESS: config.temporal.address,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      QUEUE_PREFIX: config.queuePrefix,
      LOG_LEVEL: 'warn',
      ...(setting ? { BENCH_WORKER_TUNING: JSON.stringify(setting) } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  let current = 0;
  const sample = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      current = kb / 1024;
      peak = Math.max(peak, current);
    } catch {
      // the process is gone
    }
  };
  const sampler = setInterval(sample, 200);
  return {
    child,
    peakRssMb: () => peak,
    rssMb: () => (sample(), current),
    stop: () =>
      new Promise((resolve) => {
        clearInterval(sampler);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Waits until this worker process polls its task queue (it bundles the workflows first). */
async function untilPolling(temporal: TemporalClient, config: AppConfig, pid: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const { pollers } = await temporal.client.workflowService.describeTaskQueue({
      namespace: config.temporal.namespace,
      taskQueue: { name: config.temporal.taskQueue },
      taskQueueType: 1, // WORKFLOW
    });
    // A worker of an earlier round stays listed for a while; the default identity is `<pid>@<host>`.
    if ((pollers ?? []).some((p) => p.identity?.startsWith(`${pid}@`))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the worker process did not start polling within 2 minutes');
}

/**
 * 10,000 task workflows with deadlines (half completed, half left to escalate) beside a bare Temporal
 * client starting as many empty workflows in the same run. With BENCH_WORKER_SETTINGS, one round per
 * worker setting in the same run (same dev server and database; each round's rows are prefixed).
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
  const head = await dataSource
    .getRepository(User)
    .save({
      username: 'bench-head',
      displayName: '院长',
      role: 'staff',
      unitId: clinic.id,
      passwordHash: 'x',
      passwordChangedAt: new Date(),
    });
  await dataSource.getRepository(Unit).update({ id: clinic.id }, { headUserId: head.id });
  const admin: Actor = { id: head.id, username: 'bench', role: 'admin', unitId: county.id, scope: scopeOf('admin', county) };

  const settings = workerSettings(process.env.BENCH_WORKER_SETTINGS);
  const rows: BenchRow[] = [];
  let baselineMs = 0;
  for (const [round, setting] of settings.entries()) {
    const worker = startWorkerProcess(config, root, setting);
    try {
      await untilPolling(app.get(TemporalClient), config, worker.child.pid!);
      if (round === 0) baselineMs = await measureBaseline(app, config, count);
      const roundRows = await tasksRound(app, worker, admin, clinic.id, count, baselineMs);
      // The escalated half waits for its task to finish: end those runs, so that the next round's
      // worker starts on an empty queue.
      if (round < settings.length - 1) await terminateOpen(app, roundRows.taskIds);
      const prefix = settings.length > 1 ? `[${settingLabel(setting)}] ` : '';
      rows.push(...roundRows.rows.map((r) => ({ ...r, metric: prefix + r.metric })));
    } finally {
      await worker.stop();
    }
  }
  const worker = settings.length === 1 ? `; ${settingLabel(settings[0])}` : '';
  return { name: `tasks: ${count} task workflows (half cancelled, half escalated) on the embedded dev server${worker}`, rows };
}

/** Baseline: a bare client starting empty workflows (on a queue no worker polls). */
async function measureBaseline(app: INestApplicationContext, config: AppConfig, count: number): Promise<number> {
  const temporal = app.get(TemporalClient);
  const ids = Array.from({ length: count }, (_, i) => i);
  return timeMs(() =>
    inBatches(ids, (i) =>
      temporal.client.workflow.start('announcementWorkflow', {
        taskQueue: `${config.temporal.taskQueue}-idle`,
        workflowId: `bench-empty-${Date.now()}-${i}`,
        args: [{ announcementId: '00000000-0000-4000-8000-000000000000' }],
      }),
    ),
  );
}

async function tasksRound(
  app: INestApplicationContext,
  worker: WorkerProcess,
  admin: Actor,
  unitId: string,
  count: number,
  baselineMs: number,
): Promise<{ rows: BenchRow[]; taskIds: string[] }> {
  const dataSource = app.get(DataSource);
  const tasks = app.get(TasksService);
  const ids = Array.from({ length: count }, (_, i) => i);
  // Each task is due a fixed lead after its own start, long enough for all starts and the
  // cancellations to finish first; it is reminded 5 s before.
  const leadMs = Math.max(60_000, baselineMs * 3);
  const backlog = sampleBacklog(app);
  const created: Task[] = [];
  const firstThousand = Math.min(1000, count);
  let rssAtFirstThousand = 0;
  const taskMs = await timeMs(() =>
    inBatches(ids, async (i) => {
      created.push(
        await tasks.create(admin, {
          title: `基准任务${i}`,
          unitId,
          dueAt: new Date(Date.now() + leadMs).toISOString(),
          policy: JSON.parse(JSON.stringify(benchPolicy(5))),
        }),
      );
      if (created.length === firstThousand) rssAtFirstThousand = worker.peakRssMb();
    }),
  );
  const rssAfterStarts = worker.peakRssMb();
  const taskIds = created.map((t) => t.id);
  await inBatches(
    created.filter((_, i) => i % 2 === 0),
    (task) => tasks.act(admin, task.id, 'cancel', '基准：完成一半'),
  );

  // Wait (bounded) until every unfinished task has been reminded and escalated.
  const deadline = Date.now() + leadMs + 15 * 60_000;
  let escalated = 0;
  while (Date.now() < deadline) {
    escalated = Number(
      (await dataSource.query(`SELECT count(*) AS n FROM tasks WHERE escalation_level = 1 AND id = ANY($1::uuid[])`, [taskIds]))[0].n,
    );
    if (escalated >= count / 2) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const rssAtEnd = worker.rssMb();
  const peakBacklog = backlog.stop();
  const lateness: number[] = (
    await dataSource.query(
      `SELECT extract(epoch FROM e.at - (t.due_at - interval '5 seconds')) * 1000 AS ms
       FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE e.action = 'reminded' AND t.id = ANY($1::uuid[])`,
      [taskIds],
    )
  ).map((r: { ms: string }) => Number(r.ms));
  const escalationLateness: number[] = (
    await dataSource.query(
      `SELECT extract(epoch FROM e.at - t.due_at) * 1000 AS ms
       FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE e.action = 'escalated' AND t.id = ANY($1::uuid[])`,
      [taskIds],
    )
  ).map((r: { ms: string }) => Number(r.ms));
  const startsPerSecond = count / (taskMs / 1000);
  const baselinePerSecond = count / (baselineMs / 1000);
  return {
    taskIds,
    rows: [
      { metric: 'task starts (create + workflow start)', value: startsPerSecond, unit: '/s' },
      { metric: 'baseline: bare client, empty workflows', value: baselinePerSecond, unit: '/s' },
      { metric: 'ratio task / baseline', value: startsPerSecond / baselinePerSecond, unit: '×', note: 'target ≥ 0.5' },
      { metric: 'reminders sent', value: lateness.length, unit: 'count', note: `expected ${count / 2}` },
      { metric: 'escalated (level 1)', value: escalated, unit: 'count', note: `expected ${count / 2}` },
      { metric: 'reminder lateness p50', value: lateness.length ? percentile(lateness, 50) : NaN, unit: 'ms' },
      { metric: 'reminder lateness p99', value: lateness.length ? percentile(lateness, 99) : NaN, unit: 'ms', note: 'target < 2000 ms' },
      { metric: 'escalation lateness p99', value: escalationLateness.length ? percentile(escalationLateness, 99) : NaN, unit: 'ms' },
      {
        metric: 'peak workflow task backlog (task queue)',
        value: peakBacklog.count,
        unit: 'count',
        note: 'workflow tasks waiting for a poller',
      },
      { metric: 'peak workflow task backlog age', value: peakBacklog.ageMs, unit: 'ms' },
      { metric: `worker peak RSS at ${firstThousand} open tasks`, value: rssAtFirstThousand, unit: 'MiB' },
      { metric: `worker peak RSS at ${count} open tasks`, value: rssAfterStarts, unit: 'MiB' },
      { metric: 'RSS growth from the first 1,000 to all', value: rssAfterStarts / rssAtFirstThousand, unit: '×', note: 'flat ≈ 1' },
      { metric: 'worker RSS once all escalated', value: rssAtEnd, unit: 'MiB' },
      { metric: 'worker peak RSS overall', value: worker.peakRssMb(), unit: 'MiB', note: 'target < 1024 MiB' },
    ],
  };
}

/**
 * Samples the task queue's workflow task backlog (tasks no poller has taken yet; the workers' sticky
 * queues not included) every 2 s: how far the worker falls behind.
 */
/** A protobuf int64 (a Long object or a number) as a number. */
const num = (v: unknown): number =>
  v && typeof v === 'object' && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v ?? 0);

function sampleBacklog(app: INestApplicationContext): { stop: () => { count: number; ageMs: number } } {
  const temporal = app.get(TemporalClient);
  const peak = { count: 0, ageMs: 0 };
  const sample = async () => {
    try {
      const { stats } = await temporal.client.workflowService.describeTaskQueue({
        namespace: temporal.client.options.namespace,
        taskQueue: { name: temporal.taskQueue },
        taskQueueType: 1, // WORKFLOW
        reportStats: true,
      });
      const age = stats?.approximateBacklogAge;
      peak.count = Math.max(peak.count, num(stats?.approximateBacklogCount));
      peak.ageMs = Math.max(peak.ageMs, num(age?.seconds) * 1000 + Math.round((age?.nanos ?? 0) / 1e6));
    } catch {
      // a busy server may refuse a sample
    }
  };
  const timer = setInterval(() => void sample(), 2000);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Ends the round's runs still open (the escalated half, waiting for its task to finish). */
async function terminateOpen(app: INestApplicationContext, taskIds: string[]): Promise<void> {
  const temporal = app.get(TemporalClient);
  await inBatches(taskIds, async (taskId) => {
    try {
      await temporal.client.workflow.getHandle(taskWorkflowId(taskId)).terminate('benchmark round over');
    } catch {
      // already closed
    }
  });
}
