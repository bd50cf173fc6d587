import { INestApplicationContext, Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '../src/config/config';
import { NotificationDeliveryService } from '../src/notifications/notification-delivery.service';
import { DELIVER_JOB, DeliverJobData, NOTIFICATIONS_QUEUE } from '../src/notifications/notification-queue';
import { bullConnection } from '../src/redis/redis.module';

const CONCURRENCY = 10;

/** Consumes the `notifications` queue: one handler per job name, an unknown name fails for good. */
export function startNotificationDelivery(app: INestApplicationContext, config: AppConfig): { close(): Promise<void> } {
  const delivery = app.get(NotificationDeliveryService);
  const logger = new Logger('NotificationDelivery');
  const handlers: Record<string, (job: Job<DeliverJobData>) => Promise<unknown>> = {
    [DELIVER_JOB]: (job) => delivery.deliver(job.data.notificationId),
  };
  // BullMQ leaves a connection it was handed open on close: this one is closed below.
  const connection = bullConnection(config.redisUrl);
  const worker = new Worker<DeliverJobData>(
    NOTIFICATIONS_QUEUE,
    async (job) => {
      const handler = handlers[job.name];
      if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
      return handler(job);
    },
    { connection, prefix: config.queuePrefix, concurrency: CONCURRENCY },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    logger.warn(`delivery of ${job.data.notificationId} failed (attempt ${job.attemptsMade}): ${err.message}`);
    void delivery.recordFailure(job.data.notificationId, err.message, final).catch((e: Error) => logger.error(e.message));
  });
  worker.on('error', (err) => logger.error(err.message));
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
