import { INestApplicationContext, Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '../src/config/config';
import { ChannelDeliveryService } from '../src/notifications/channel-delivery.service';
import { DeliveryError } from '../src/notifications/channels/delivery-error';
import { NotificationDeliveryService } from '../src/notifications/notification-delivery.service';
import {
  DELIVER_BATCH_JOB,
  DELIVER_CHANNEL_JOB,
  DELIVER_JOB,
  DeliverBatchJobData,
  DeliverChannelJobData,
  DeliverJobData,
  NOTIFICATIONS_QUEUE,
  NotificationJobData,
  NotificationQueue,
} from '../src/notifications/notification-queue';
import { bullConnection } from '../src/redis/redis.module';

const CONCURRENCY = 10;

interface Handler {
  run(job: Job<NotificationJobData>): Promise<unknown>;
  /** Records a failed attempt on the row the job delivers (final: no retry follows). */
  fail(job: Job<NotificationJobData>, error: string, final: boolean): Promise<void>;
}

/** A batch job's rows, or the one row of a job queued before batches. */
function notificationIdsOf(job: Job<NotificationJobData>): string[] {
  return job.name === DELIVER_JOB ? [(job.data as DeliverJobData).notificationId] : (job.data as DeliverBatchJobData).notificationIds;
}

/** Consumes the `notifications` queue: one handler per job name, an unknown name fails for good. */
export function startNotificationDelivery(app: INestApplicationContext, config: AppConfig): { close(): Promise<void> } {
  const inApp = app.get(NotificationDeliveryService);
  const channels = app.get(ChannelDeliveryService);
  const queue = app.get(NotificationQueue);
  const logger = new Logger('NotificationDelivery');
  const inAppDelivery: Handler = {
    async run(job) {
      const ids = notificationIdsOf(job);
      const outcome = await inApp.deliver(ids);
      await queue.enqueueChannels(await channels.pendingFor(ids), channels.delayMs());
      return outcome;
    },
    fail: (job, error, final) => inApp.recordFailure(notificationIdsOf(job), error, final),
  };
  const handlers: Record<string, Handler> = {
    [DELIVER_BATCH_JOB]: inAppDelivery,
    [DELIVER_JOB]: inAppDelivery,
    [DELIVER_CHANNEL_JOB]: {
      async run(job) {
        try {
          return await channels.deliver((job.data as DeliverChannelJobData).deliveryId);
        } catch (err) {
          // A refusal that no retry can mend (a 4xx, a bad address) fails the job for good.
          if (err instanceof DeliveryError && !err.retryable) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
      fail: (job, error, final) => channels.recordFailure((job.data as DeliverChannelJobData).deliveryId, error, final),
    },
  };
  // BullMQ leaves a connection it was handed open on close: this one is closed below.
  const connection = bullConnection(config.redisUrl);
  const worker = new Worker<NotificationJobData>(
    NOTIFICATIONS_QUEUE,
    async (job) => {
      const handler = handlers[job.name];
      if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
      return handler.run(job);
    },
    { connection, prefix: config.queuePrefix, concurrency: CONCURRENCY },
  );
  worker.on('failed', (job, err) => {
    const handler = job && handlers[job.name];
    if (!job || !handler) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    logger.warn(`${job.name} ${job.id} failed (attempt ${job.attemptsMade}${final ? ', final' : ''}): ${err.message}`);
    void handler.fail(job, err.message, final).catch((e: Error) => logger.error(e.message));
  });
  worker.on('error', (err) => logger.error(err.message));
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
