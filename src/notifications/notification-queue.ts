import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { bullConnection } from '../redis/redis.module';

export const NOTIFICATIONS_QUEUE = 'notifications';
/** One outside channel (webhook, e-mail) of one notification. In-app delivery needs no job: the row's commit is it. */
export const DELIVER_CHANNEL_JOB = 'deliver-channel';
/**
 * In-app delivery jobs of earlier releases (one row; a batch of rows). Their rows reached the inbox when
 * written; such a job now only hands their outside channels on. Nothing enqueues them any more: their
 * handler can go once no queue holds one (`bullmq_queue_jobs` at 0 after the upgrade).
 */
export const LEGACY_IN_APP_JOBS = ['deliver', 'deliver-batch'] as const;
export interface DeliverChannelJobData {
  deliveryId: string;
}
export interface LegacyInAppJobData {
  notificationId?: string;
  notificationIds?: string[];
}
export type NotificationJobData = DeliverChannelJobData | LegacyInAppJobData;

/**
 * Retries with backoff. Finished jobs are dropped; failed ones are kept a week for inspection, and the
 * outbox sweeper removes one whose delivery is still pending before enqueuing it again (`requeueChannels`).
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
   * For the outbox sweeper: deliveries whose job was lost or failed without its row saying so (the failure
   * could not be recorded). A failed job still holds its id, which would make the add a no-op: it goes first.
   */
  async requeueChannels(deliveryIds: string[], delayMs: number): Promise<void> {
    await this.dropFailed(deliveryIds.map((id) => `channel-${id}`));
    await this.enqueueChannels(deliveryIds, delayMs);
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
