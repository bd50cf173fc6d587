import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { loadConfig, withDevServerDefault } from '../../src/config/config';
import { startWorkerRuntime, WorkerTuning } from '../../workers/worker-runtime';

/**
 * The task benchmark's worker when it compares worker settings: `workers/main.ts` (the database is
 * already migrated by the bench) with the tuning given as JSON in BENCH_WORKER_TUNING.
 */
async function main(): Promise<void> {
  const config = withDevServerDefault(loadConfig());
  const tuning = JSON.parse(process.env.BENCH_WORKER_TUNING ?? '{}') as WorkerTuning;
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  const runtime = await startWorkerRuntime(app, config, { tuning });
  process.once('SIGTERM', () => {
    void runtime
      .stop()
      .then(() => app.close())
      .then(() => process.exit(0));
  });
  await runtime.running;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
