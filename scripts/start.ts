import 'reflect-metadata';
import type { Server } from 'node:http';
import { createApiApp } from '../src/app';
import { AppConfig, loadConfig } from '../src/config/config';
import { prepareDatabase } from '../src/database/bootstrap';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { startWorkerRuntime } from '../workers/worker-runtime';
import { DevServerHandle, startTemporalDevServer } from './temporal-dev-server';

/**
 * `npm start`: the whole server on one machine. Unless TEMPORAL_ADDRESS names a cluster, it runs
 * the embedded Temporal dev server (SQLite file, so workflows survive a restart), then migrates
 * the database, loads the demo district into an empty one, and runs the API and the worker.
 */
async function main(): Promise<void> {
  let config: AppConfig = loadConfig();
  let devServer: DevServerHandle | undefined;
  if (!config.temporal.address) {
    const { port, uiPort, dbFile } = config.temporal.devServer;
    console.log(`Starting the embedded Temporal dev server on 127.0.0.1:${port} (state in ${dbFile})...`);
    devServer = await startTemporalDevServer({ port, uiPort, dbFile });
    console.log(`Temporal dev server ready; its web UI: ${devServer.uiUrl}`);
    config = { ...config, temporal: { ...config.temporal, address: devServer.address } };
  }
  const applied = await prepareDatabase(config.databaseUrl);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);

  const app = await createApiApp(config, { shutdownHooks: false });
  if (config.seedDemoOnEmpty) await app.get(DemoSeeder).seedIfEmpty();
  const worker = await startWorkerRuntime(app, config);
  await app.listen(config.port, config.host);
  console.log(`API on http://${config.host}:${config.port}/api (docs: /docs, health: /health)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: letting in-flight requests, activities and jobs finish...`);
    await new Promise<void>((resolve) => (app.getHttpServer() as Server).close(() => resolve()));
    await worker.stop();
    await app.close();
    await devServer?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
