import 'reflect-metadata';
import { createApiApp } from './app';
import { loadConfig, withDevServerDefault } from './config/config';

/** API-only process (`npm run start:api`): any number of these may run against one cluster. */
async function main(): Promise<void> {
  const config = withDevServerDefault(loadConfig());
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
