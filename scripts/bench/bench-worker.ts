import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { loadConfig, withDevServerDefault } from '../../src/config/config';
import { startWorkerRuntime } from '../../workers/worker-runtime';

/**
 * The clocks benchmark's worker, in a process of its own so that its memory is measured alone:
 * `workers/main.ts` without migrations (the bench has run them) and without log output.
 */
async function main(): Promise<void> {
  const config = withDevServerDefault(loadConfig());
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  const runtime = await startWorkerRuntime(app, config);
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
