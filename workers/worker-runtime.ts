import { INestApplicationContext } from '@nestjs/common';
import { DefaultLogger, NativeConnection, Runtime, Worker, WorkerOptions } from '@temporalio/worker';
import { AppConfig } from '../src/config/config';
import { temporalConnectionOptions } from '../src/temporal/connection-options';
import { createActivities } from './activities';
import { Logger } from '@nestjs/common';
import { NotificationsService } from '../src/notifications/notifications.service';
import { DeadlineClockClient } from '../src/tasks/deadline-clock-client';
import { startNotificationDelivery } from './notification-delivery.processor';
import { startRegisterImports } from './register-import.processor';
import { startAuditRetention } from '../src/audit/audit-retention';
import { AuditService } from '../src/audit/audit.service';
import { BackgroundSweeps } from '../src/health/background-sweeps';
import { TreatmentPaceService } from '../src/treatment/treatment-pace.service';
import { AnnouncementsService } from '../src/announcements/announcements.service';
import { CampaignsService } from '../src/campaigns/campaigns.service';
import { FollowUpGenerationClient } from '../src/follow-ups/follow-up-generation-client';

export interface WorkerRuntimeOptions {
  /** A prebuilt bundle (tests bundle once per run); otherwise workflows/ is bundled at start. */
  workflowBundle?: { code: string };
  /** Overrides of the worker's tuning below (the benchmark compares settings with them). */
  tuning?: WorkerTuning;
}

/** The Worker.create options that decide the worker's memory and throughput. */
export type WorkerTuning = Pick<
  WorkerOptions,
  | 'maxCachedWorkflows'
  | 'maxConcurrentActivityTaskExecutions'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'maxConcurrentWorkflowTaskPolls'
  | 'nonStickyToStickyPollRatio'
  | 'workflowTaskPollerBehavior'
  | 'activityTaskPollerBehavior'
  | 'reuseV8Context'
>;

/**
 * Workflows kept in memory: a sleeping one beyond the cache costs the worker nothing but a replay of
 * its (short) history when its timer fires. 500 rather than 1000: with 10,000 open tasks a task's next
 * moment comes long after it has left either cache, so the larger one only held ~150–250 MiB more for
 * no lateness gained (README, Benchmarks). reuseV8Context stays on (the SDK default): off, every cached
 * workflow has a V8 context of its own and the worker passed 1 GiB at 3,000 open tasks.
 */
export const DEFAULT_WORKER_TUNING: WorkerTuning = { maxCachedWorkflows: 500 };

export interface WorkerRuntime {
  /** Resolves when the Temporal worker stops on its own (it should not). */
  readonly running: Promise<void>;
  /** Lets in-flight activities and jobs finish, then closes the connections. */
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/**
 * Once per process: Temporal's core runtime with warnings only, and no signal handlers of its own:
 * the process entry points order shutdown themselves (API, then worker, then Temporal).
 */
export function installTemporalRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

/** Starts the Temporal worker (workflows + activities) and the queue processors in this process. */
export async function startWorkerRuntime(
  app: INestApplicationContext,
  config: AppConfig,
  options: WorkerRuntimeOptions = {},
): Promise<WorkerRuntime> {
  installTemporalRuntime();
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: createActivities(app),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
    ...DEFAULT_WORKER_TUNING,
    ...options.tuning,
    shutdownGraceTime: '30s',
  });
  const delivery = startNotificationDelivery(app, config);
  const registerImports = startRegisterImports(app, config);
  const sweeps = app.get(BackgroundSweeps);
  const notifications = app.get(NotificationsService);
  const pace = app.get(TreatmentPaceService);
  const timers = [
    sweeps.every('outbox', SWEEP_EVERY_MS, () => notifications.requeueStale(SWEEP_EVERY_MS)),
    sweeps.every('treatment-pace', TREATMENT_PACE_EVERY_MS, () => pace.flagRunningRounds()),
    ...(config.deadlineClocks.sweep ? [startClockSweep(app.get(DeadlineClockClient), sweeps)] : []),
    ...(config.workflowStartSweep ? [startWorkflowStartSweep(app.get(AnnouncementsService), app.get(CampaignsService), sweeps)] : []),
    ...(config.followUpSchedule ? [startFollowUpSchedule(app.get(FollowUpGenerationClient), sweeps)] : []),
  ];
  const auditRetention = startAuditRetention(app.get(AuditService), config.auditRetentionYears, sweeps);
  const running = worker.run();
  return {
    running,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      auditRetention.stop();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await Promise.all([running.catch(() => undefined), delivery.close(), registerImports.close()]);
      await connection.close();
    },
  };
}

/** Rows pending this long have lost their job; every worker sweeps (a duplicate enqueue is a no-op). */
const SWEEP_EVERY_MS = 30_000;

/** Rows committed as started (an announcement `sending`, a campaign `launching`) whose workflow start was lost. */
const START_SWEEP_EVERY_MS = 60_000;

function startWorkflowStartSweep(
  announcements: AnnouncementsService,
  campaigns: CampaignsService,
  sweeps: BackgroundSweeps,
): NodeJS.Timeout {
  return sweeps.every('workflow-starts', START_SWEEP_EVERY_MS, () =>
    Promise.all([announcements.startStuck(START_SWEEP_EVERY_MS), campaigns.startStuck(START_SWEEP_EVERY_MS)]),
  );
}

/** How often a worker checks that the follow-up generation Schedule exists (one call; it is left alone when it does). */
const FOLLOW_UP_SCHEDULE_CHECK_EVERY_MS = 60 * 60_000;

/** The daily follow-up generation Schedule, created at start if missing, and again should it be deleted. */
function startFollowUpSchedule(generation: FollowUpGenerationClient, sweeps: BackgroundSweeps): NodeJS.Timeout {
  const logger = new Logger('FollowUpSchedule');
  const ensure = async () => {
    if (await generation.ensureSchedule()) logger.log('created the Schedule follow-up-generation (daily at 01:00 Asia/Shanghai)');
  };
  void sweeps.run('follow-up-schedule', ensure);
  return sweeps.every('follow-up-schedule', FOLLOW_UP_SCHEDULE_CHECK_EVERY_MS, ensure);
}

/** The pace warning of running treatment rounds: once a day per unit whatever the interval (its business key holds the date). */
const TREATMENT_PACE_EVERY_MS = 3600_000;

/** How often a worker starts the clocks that have pending moments but no run tending them. */
const CLOCK_SWEEP_EVERY_MS = 60_000;

/** At start, the move from per-task workflows (once, idempotent); then the clock sweep. */
function startClockSweep(clocks: DeadlineClockClient, sweeps: BackgroundSweeps): NodeJS.Timeout {
  const logger = new Logger('DeadlineClockSweep');
  void sweeps.run('deadline-clocks', async () => {
    const { planned, terminated } = await clocks.moveTaskWorkflowsToClocks();
    if (planned || terminated) logger.log(`moved to deadline clocks: ${planned} tasks planned, ${terminated} per-task workflows ended`);
    await clocks.ensureRunning();
  });
  return sweeps.every('deadline-clocks', CLOCK_SWEEP_EVERY_MS, () => clocks.ensureRunning());
}
