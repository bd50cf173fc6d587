import 'reflect-metadata';
import { createApiApp } from './app';
import { loadConfig, withDevServerDefault } from './config/config';
import { DemoSeeder } from './demo/demo-seeder';
import { prepareDatabase } from './database/bootstrap';

/** API-only process (`npm run start:api`): any number of these may run against one cluster. */
async function main(): Promise<void> {
  const config = withDevServerDefault(loadConfig());
  // Safe with many replicas: migrations run under an advisory lock, once.
  await prepareDatabase(config.databaseUrl);
  const app = await createApiApp(config);
  if (config.seedDemoOnEmpty) await app.get(DemoSeeder).seedIfEmpty();
  await app.listen(config.port, config.host);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
