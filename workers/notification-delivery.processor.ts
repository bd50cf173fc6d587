import { INestApplicationContext, Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '../src/config/config';
import { ChannelDeliveryService } from '../src/notifications/channel-delivery.service';
import { DeliveryError } from '../src/notifications/channels/delivery-error';
import {
  DELIVER_CHANNEL_JOB,
  DeliverChannelJobData,
  LEGACY_IN_APP_JOBS,
  LegacyInAppJobData,
  NOTIFICATIONS_QUEUE,
  NotificationJobData,
} from '../src/notifications/notification-queue';
import { NotificationsService } from '../src/notifications/notifications.service';
import { bullConnection } from '../src/redis/redis.module';

const CONCURRENCY = 10;

interface Handler {
  run(job: Job<NotificationJobData>): Promise<unknown>;
  /** Records a failed attempt on the row the job delivers (final: no retry follows). */
  fail(job: Job<NotificationJobData>, error: string, final: boolean): Promise<void>;
}

/** Consumes the `notifications` queue: one handler per job name, an unknown name fails for good. */
export function startNotificationDelivery(app: INestApplicationContext, config: AppConfig): { close(): Promise<void> } {
  const channels = app.get(ChannelDeliveryService);
  const notifications = app.get(NotificationsService);
  const logger = new Logger('NotificationDelivery');
  // A job of an earlier release: its rows are in the inbox; their outside channels go on as fresh deliveries.
  const legacyInApp: Handler = {
    async run(job) {
      const { notificationId, notificationIds = [] } = job.data as LegacyInAppJobData;
      await notifications.handOn(await channels.pendingFor(notificationId ? [notificationId] : notificationIds));
    },
    // Nothing to record: the deliveries stay pending, and the outbox sweep hands them on.
    fail: () => Promise.resolve(),
  };
  const handlers: Record<string, Handler> = {
    ...Object.fromEntries(LEGACY_IN_APP_JOBS.map((name) => [name, legacyInApp])),
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
