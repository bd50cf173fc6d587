import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../../src/config/config';
import { TemporalClient } from '../../src/temporal/temporal.module';

export interface WorkerProcess {
  child: ChildProcess;
  rssMb: () => number;
  /** The highest RSS sampled since the last reset. */
  peakRssMb: () => number;
  resetPeak: () => void;
  stop: () => Promise<void>;
}

/**
 * The worker (Temporal workflows and activities, the BullMQ delivery) in a process of its own, so its
 * memory is measured alone: VmRSS from /proc every 200 ms. BENCH_WORKER_NODE_ARGS passes node options,
 * e.g. `--cpu-prof --cpu-prof-dir=/tmp/worker-prof` (the profile is written when the bench stops it).
 */
export function startWorkerProcess(config: AppConfig, root: string): WorkerProcess {
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'scripts', 'bench', 'bench-worker.js')], {
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      TEMPORAL_ADDRESS: config.temporal.address,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      QUEUE_PREFIX: config.queuePrefix,
      LOG_LEVEL: 'warn',
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
    rssMb: () => (sample(), current),
    peakRssMb: () => (sample(), peak),
    resetPeak: () => void (sample(), (peak = current)),
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
export async function untilPolling(temporal: TemporalClient, config: AppConfig, pid: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const { pollers } = await temporal.client.workflowService.describeTaskQueue({
      namespace: config.temporal.namespace,
      taskQueue: { name: config.temporal.taskQueue },
      taskQueueType: 1, // WORKFLOW
    });
    if ((pollers ?? []).some((p) => p.identity?.startsWith(`${pid}@`))) return;
    await sleep(500);
  }
  throw new Error('the worker process did not start polling within 2 minutes');
}
