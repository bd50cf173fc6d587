import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../src/app.module';
import { loadConfig, withDevServerDefault } from '../src/config/config';
import { startWorkerRuntime } from './worker-runtime';
import { prepareDatabase } from '../src/database/bootstrap';

/** Worker-only process (`npm run start:worker`): any number may serve one task queue. */
async function main(): Promise<void> {
  const config = withDevServerDefault(loadConfig());
  // Safe with many replicas: migrations run under an advisory lock, once.
  await prepareDatabase(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const runtime = await startWorkerRuntime(app, config);
  const logger = app.get(Logger);
  logger.log(`Worker polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal}: finishing in-flight activities and jobs`);
      void runtime
        .stop()
        .then(() => app.close())
        .then(() => process.exit(0));
    });
  }
  await runtime.running;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
