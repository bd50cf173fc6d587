import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { NOTIFICATIONS_QUEUE, NotificationQueue } from '../notifications/notification-queue';
import { REGISTER_IMPORTS_QUEUE } from '../population/register-import-queue';
import { RedisClient } from '../redis/redis.module';
import { deadlineSamples, notificationSamples, QUEUE_STATES, queueSamples, Sample } from './operations-snapshot';
import { OperationsStats } from './operations-stats.service';

/** A source that does not answer within this long is reported down; the scrape answers without it. */
const SOURCE_TIMEOUT_MS = 2000;

type Source = 'postgres' | 'redis';

const HELP: Record<string, [help: string, labels: string[], source: Source]> = {
  deadline_moments_pending: ['Deadline moments (reminders, escalation levels) planned and not yet acted on or voided', [], 'postgres'],
  deadline_clock_lag_seconds: [
    'Seconds the oldest pending moment has been due (0 when none is due): how late the clocks are',
    [],
    'postgres',
  ],
  deadline_moments_acted_per_second: ['Moments acted on in the last 60 s, per second', [], 'postgres'],
  deadline_clocks: ['Deadline clocks with a next wake (clocks with work)', [], 'postgres'],
  notifications_pending: [
    'Outside deliveries (webhook, email) not yet sent, by channel; in-app notifications reach the inbox when written',
    ['channel'],
    'postgres',
  ],
  notifications_failed: ['Outside deliveries that failed for good, by channel', ['channel'], 'postgres'],
  bullmq_queue_jobs: ['BullMQ jobs by queue and state', ['queue', 'state'], 'redis'],
};

/**
 * GET /metrics: a Prometheus registry of this application's own (each Nest app, e.g. each test app,
 * has one: nothing goes to prom-client's global registry), with the process's default metrics and
 * gauges read from PostgreSQL and Redis at scrape time. Concurrent scrapes share one reading.
 */
@Injectable()
export class MetricsService implements OnApplicationShutdown {
  private readonly logger = new Logger(MetricsService.name);
  readonly registry = new Registry();
  private readonly gauges = new Map<string, Gauge>();
  private readonly sourceUp: Gauge<'source'>;
  private readonly sourceSeconds: Gauge<'source'>;
  /** Created at the first scrape, on the shared fail-fast Redis connection; dropped after a failure. */
  private registerImports?: Queue;
  private scraping?: Promise<string>;

  constructor(
    private readonly stats: OperationsStats,
    private readonly notificationQueue: NotificationQueue,
    private readonly redis: RedisClient,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    collectDefaultMetrics({ register: this.registry });
    for (const [name, [help, labelNames]] of Object.entries(HELP)) {
      this.gauges.set(name, new Gauge({ name, help, labelNames, registers: [this.registry] }));
    }
    this.sourceUp = new Gauge({
      name: 'metrics_source_up',
      help: 'Whether the source answered this scrape (1) or not (0: its gauges are left out)',
      labelNames: ['source'],
      registers: [this.registry],
    });
    this.sourceSeconds = new Gauge({
      name: 'metrics_source_duration_seconds',
      help: 'How long reading the source took in this scrape',
      labelNames: ['source'],
      registers: [this.registry],
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The registry as Prometheus text, after reading every source afresh. */
  scrape(): Promise<string> {
    this.scraping ??= this.collect().finally(() => (this.scraping = undefined));
    return this.scraping;
  }

  private async collect(): Promise<string> {
    await Promise.all([
      this.readSource('postgres', async () => {
        const { deadlines, notifications } = await this.stats.read();
        return [...deadlineSamples(deadlines), ...notificationSamples(notifications)];
      }),
      this.readSource('redis', async () => {
        const [notifications, imports] = await Promise.all([
          this.notificationQueue.queue.getJobCounts(...QUEUE_STATES),
          this.registerImportsQueue().getJobCounts(...QUEUE_STATES),
        ]);
        return [...queueSamples(NOTIFICATIONS_QUEUE, notifications), ...queueSamples(REGISTER_IMPORTS_QUEUE, imports)];
      }),
    ]);
    return this.registry.metrics();
  }

  private async readSource(source: Source, read: () => Promise<Sample[]>): Promise<void> {
    const started = process.hrtime.bigint();
    let samples: Sample[] | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      samples = await Promise.race([
        read(),
        new Promise<never>(
          (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${SOURCE_TIMEOUT_MS} ms`)), SOURCE_TIMEOUT_MS)),
        ),
      ]);
    } catch (err) {
      this.logger.warn(`metrics: ${source} did not answer: ${(err as Error).message}`);
      if (source === 'redis') this.dropRegisterImportsQueue();
    } finally {
      clearTimeout(timer);
    }
    // Stale values would look current: the source's gauges are emptied, and set again only from this reading.
    for (const [name, [, , from]] of Object.entries(HELP)) if (from === source) this.gauges.get(name)!.reset();
    for (const { name, labels, value } of samples ?? []) this.gauges.get(name)!.set(labels, value);
    this.sourceUp.set({ source }, samples ? 1 : 0);
    this.sourceSeconds.set({ source }, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private registerImportsQueue(): Queue {
    if (!this.registerImports) {
      this.registerImports = new Queue(REGISTER_IMPORTS_QUEUE, { connection: this.redis.redis, prefix: this.config.queuePrefix });
      this.registerImports.on('error', () => undefined); // surfaces on the next call, which reports redis down
    }
    return this.registerImports;
  }

  /** A queue whose connection failed while it was being set up stays failed: the next scrape makes a new one. */
  private dropRegisterImportsQueue(): void {
    const queue = this.registerImports;
    this.registerImports = undefined;
    void queue?.close().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.registerImports?.close().catch(() => undefined);
  }
}
