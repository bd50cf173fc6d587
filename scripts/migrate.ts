import { loadConfig } from '../src/config/config';
import { prepareDatabase } from '../src/database/bootstrap';

/** Creates the database if missing and applies pending migrations (used by docker compose). */
async function main(): Promise<void> {
  const applied = await prepareDatabase(loadConfig().databaseUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
