import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { bullConnection } from '../redis/redis.module';

export const REGISTER_IMPORTS_QUEUE = 'register-imports';
/** Reads one uploaded register file into the register (RegisterImportService.run). */
export const REGISTER_IMPORT_JOB = 'import';
export interface RegisterImportJobData {
  importId: string;
}

/**
 * A few retries for a lost database or storage; the file's own errors are not retried (they end the
 * import as failed). Finished jobs are dropped so the sweeper may enqueue an import whose job Redis lost.
 */
export const REGISTER_IMPORT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

@Injectable()
export class RegisterImportQueue implements OnApplicationShutdown {
  private readonly connection: IORedis;
  private readonly queue: Queue<RegisterImportJobData>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = bullConnection(config.redisUrl);
    this.queue = new Queue<RegisterImportJobData>(REGISTER_IMPORTS_QUEUE, {
      connection: this.connection,
      prefix: config.queuePrefix,
      defaultJobOptions: REGISTER_IMPORT_JOB_OPTIONS,
    });
    // While Redis is away BullMQ reconnects by itself; unheard, its errors would end the process.
    const logger = new Logger(RegisterImportQueue.name);
    this.queue.on('error', (err) => logger.warn(`register-imports queue: ${err.message}`));
  }

  /** Job id = import id: while the import's job is in Redis, enqueuing it again is a no-op. */
  async enqueue(importId: string): Promise<void> {
    await this.queue.add(REGISTER_IMPORT_JOB, { importId }, { jobId: importId });
  }

  async job(importId: string): Promise<Job<RegisterImportJobData> | undefined> {
    return this.queue.getJob(importId);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}
