import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { bullConnection } from '../redis/redis.module';

export const NOTIFICATIONS_QUEUE = 'notifications';
/** In-app delivery of a batch of notification rows, which then hands their outside channels on. */
export const DELIVER_BATCH_JOB = 'deliver-batch';
/**
 * The one-row job of releases before batches: jobs queued by them are still delivered after an upgrade.
 * Nothing enqueues it any more; it can go once no queue holds one (`bullmq_queue_jobs` at 0 after the upgrade).
 */
export const DELIVER_JOB = 'deliver';
/** One outside channel (webhook, e-mail) of one notification. */
export const DELIVER_CHANNEL_JOB = 'deliver-channel';
export interface DeliverBatchJobData {
  notificationIds: string[];
}
export interface DeliverJobData {
  notificationId: string;
}
export interface DeliverChannelJobData {
  deliveryId: string;
}
export type NotificationJobData = DeliverBatchJobData | DeliverJobData | DeliverChannelJobData;

/**
 * Rows per in-app delivery job. A clock's page writes up to a thousand notifications: one job per row made
 * handing them to Redis a quarter of the page's time and left the consumer a job (three statements) per row.
 */
export const DELIVERY_BATCH_SIZE = 500;

/** The batches of these rows, each with a job id of its own rows: enqueuing the same batch again while it is queued is a no-op. */
export function deliveryBatches(notificationIds: string[]): { jobId: string; notificationIds: string[] }[] {
  const ids = [...new Set(notificationIds)].sort();
  const batches: { jobId: string; notificationIds: string[] }[] = [];
  for (let i = 0; i < ids.length; i += DELIVERY_BATCH_SIZE) {
    const batch = ids.slice(i, i + DELIVERY_BATCH_SIZE);
    batches.push({ jobId: `batch-${createHash('sha1').update(batch.join(',')).digest('hex')}`, notificationIds: batch });
  }
  return batches;
}

/**
 * Retries with backoff. Finished jobs are dropped; failed ones are kept a week for inspection, and the
 * outbox sweeper removes one whose row is still pending before enqueuing that row again (`requeue`).
 */
export const DELIVERY_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

@Injectable()
export class NotificationQueue implements OnApplicationShutdown {
  private readonly connection: IORedis;
  readonly queue: Queue<NotificationJobData>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = bullConnection(config.redisUrl);
    this.queue = new Queue<NotificationJobData>(NOTIFICATIONS_QUEUE, {
      connection: this.connection,
      prefix: config.queuePrefix,
      defaultJobOptions: DELIVERY_JOB_OPTIONS,
    });
    // While Redis is away BullMQ reconnects by itself; unheard, its errors would end the process.
    const logger = new Logger(NotificationQueue.name);
    this.queue.on('error', (err) => logger.warn(`notifications queue: ${err.message}`));
  }

  /** In batches (see deliveryBatches); a row in two queued batches is sent once: the row says it was. */
  async enqueue(notificationIds: string[]): Promise<void> {
    const batches = deliveryBatches(notificationIds);
    if (batches.length === 0) return;
    await this.queue.addBulk(
      batches.map(({ jobId, notificationIds: ids }) => ({ name: DELIVER_BATCH_JOB, data: { notificationIds: ids }, opts: { jobId } })),
    );
  }

  /** `delayMs`: the digest collection window and quiet hours (see channelDeliveryAt). */
  async enqueueChannels(deliveryIds: string[], delayMs = 0): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.queue.addBulk(
      deliveryIds.map((id) => ({
        name: DELIVER_CHANNEL_JOB,
        data: { deliveryId: id },
        opts: { jobId: `channel-${id}`, delay: Math.max(0, delayMs) },
      })),
    );
  }

  /**
   * For the outbox sweeper: rows whose job was lost or failed without its row saying so (the failure
   * could not be recorded). A failed job still holds its id, which would make the add a no-op: it goes first.
   */
  async requeue(notificationIds: string[], deliveryIds: string[], channelDelayMs: number): Promise<void> {
    await this.dropFailed([...deliveryBatches(notificationIds).map((b) => b.jobId), ...deliveryIds.map((id) => `channel-${id}`)]);
    await this.enqueue(notificationIds);
    await this.enqueueChannels(deliveryIds, channelDelayMs);
  }

  private async dropFailed(jobIds: string[]): Promise<void> {
    await Promise.all(
      jobIds.map(async (jobId) => {
        const job = await this.queue.getJob(jobId);
        if (job && (await job.isFailed())) await job.remove();
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}
