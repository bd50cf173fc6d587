import { Client } from 'pg';
import IORedis from 'ioredis';
import { loadConfig } from '../../src/config/config';
import type { DevServerHandle } from '../../scripts/temporal-dev-server';

/** Stops the run's Temporal server, drops its databases and removes its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __ORCHESTRATOR_TEST__?: { temporal: DevServerHandle; databaseUrl: string; runId: string } })
    .__ORCHESTRATOR_TEST__;
  if (!state) return;
  await state.temporal.stop();

  const admin = new URL(state.databaseUrl);
  admin.pathname = '/postgres';
  const pg = new Client({ connectionString: admin.toString() });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `orchestrator_test_${state.runId}%`,
    ]);
    for (const { datname } of rows) await pg.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  } finally {
    await pg.end();
  }

  const redis = new IORedis(loadConfig().redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `test-${state.runId}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
