import { INestApplicationContext, Logger } from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '../src/config/config';
import { REGISTER_IMPORT_JOB, REGISTER_IMPORTS_QUEUE, RegisterImportJobData } from '../src/population/register-import-queue';
import { RegisterImportService } from '../src/population/register-import.service';
import { BackgroundSweeps } from '../src/health/background-sweeps';
import { bullConnection } from '../src/redis/redis.module';

/** One import at a time per worker: each holds a transaction and streams a whole county's file. */
const CONCURRENCY = 1;
/** Imports queued or running this long without a job in Redis are enqueued again (a duplicate enqueue is a no-op). */
const SWEEP_EVERY_MS = 30_000;

/** Consumes the `register-imports` queue and sweeps for imports whose job was lost. */
export function startRegisterImports(app: INestApplicationContext, config: AppConfig): { close(): Promise<void> } {
  const imports = app.get(RegisterImportService);
  const logger = new Logger('RegisterImports');
  // BullMQ leaves a connection it was handed open on close: this one is closed below.
  const connection = bullConnection(config.redisUrl);
  const worker = new Worker<RegisterImportJobData>(
    REGISTER_IMPORTS_QUEUE,
    async (job) => {
      if (job.name !== REGISTER_IMPORT_JOB) throw new UnrecoverableError(`no handler for job ${job.name}`);
      await imports.run(job.data.importId);
    },
    { connection, prefix: config.queuePrefix, concurrency: CONCURRENCY },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    logger.warn(`register import ${job.id} failed (attempt ${job.attemptsMade}${final ? ', final' : ''}): ${err.message}`);
    if (final) void imports.markFailed(job.data.importId, err.message).catch((e: Error) => logger.error(e.message));
  });
  worker.on('error', (err) => logger.error(err.message));
  const sweeper = app.get(BackgroundSweeps).every('register-imports', SWEEP_EVERY_MS, () => imports.requeueStale(SWEEP_EVERY_MS));
  return {
    async close() {
      clearInterval(sweeper);
      await worker.close();
      connection.disconnect();
    },
  };
}
