import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/config';
import { TemporalClient } from '../../src/temporal/temporal.module';

/**
 * The real worker entry point (workers/main.ts) in a process of its own, so a test can kill it the
 * way a machine dies: SIGKILL, no shutdown hook, activities cut off wherever they are.
 */
export function spawnWorkerProcess(config: AppConfig): ChildProcess {
  const root = join(__dirname, '..', '..');
  return spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'workers', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      TEMPORAL_ADDRESS: config.temporal.address,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      QUEUE_PREFIX: config.queuePrefix,
      LOG_LEVEL: 'error',
      NOTIFY_QUIET_HOURS: 'none',
      DEADLINE_CLOCK_SWEEP: String(config.deadlineClocks.sweep),
      WORKFLOW_START_SWEEP: String(config.workflowStartSweep),
      FOLLOW_UP_SCHEDULE: String(config.followUpSchedule),
      DEADLINE_CLOCK_PAGE_SIZE: String(config.deadlineClocks.pageSize),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Resolves once some worker polls the task queue for workflow tasks. */
export async function untilPolled(temporal: TemporalClient, config: AppConfig, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { pollers } = await temporal.client.workflowService.describeTaskQueue({
      namespace: config.temporal.namespace,
      taskQueue: { name: config.temporal.taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
    });
    if ((pollers ?? []).length > 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no worker polled ${config.temporal.taskQueue} within ${timeoutMs} ms`);
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGKILL, as a machine dies, and wait until the process is gone. */
export async function killHard(...children: ChildProcess[]): Promise<void> {
  for (const child of children) {
    child.kill('SIGKILL');
    await exited(child);
  }
}
