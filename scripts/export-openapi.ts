import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { createApiApp } from '../src/app';
import { buildOpenApiDocument } from '../src/common/openapi';
import { loadConfig, withDevServerDefault } from '../src/config/config';
import { ensureDatabase } from '../src/database/bootstrap';
import { OPENAPI_TYPES_PATH, openApiTypes } from './openapi-types';

/**
 * `npm run api:generate`: builds the app (it connects to PostgreSQL, DATABASE_URL; Redis and Temporal
 * connect lazily) to read the OpenAPI document it serves, and writes the console's API types from it.
 */
async function main(): Promise<void> {
  const config = withDevServerDefault(loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }));
  await ensureDatabase(config.databaseUrl);
  const app = await createApiApp(config, { shutdownHooks: false });
  try {
    const types = await openApiTypes(buildOpenApiDocument(app));
    await mkdir(dirname(OPENAPI_TYPES_PATH), { recursive: true });
    await writeFile(OPENAPI_TYPES_PATH, types);
    console.log(`wrote ${relative(process.cwd(), OPENAPI_TYPES_PATH)}`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
