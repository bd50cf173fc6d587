import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ensureDatabase, migrate } from '../../src/database/bootstrap';
import { dataSourceOptions, MIGRATIONS } from '../../src/database/data-source';
import { databaseUrlNamed, requiredEnv, TEST_ENV } from '../support/test-env';

describe('database bootstrap', () => {
  const url = databaseUrlNamed(`orchestrator_test_${requiredEnv(TEST_ENV.runId)}_bootstrap`);

  it('creates a missing database and migrates it once even when replicas start together', async () => {
    await ensureDatabase(url);
    await ensureDatabase(url); // an existing database is left as it is
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flat()).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await migrate(url)).toEqual([]);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      expect(rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['units', 'users', 'notifications', 'audit_events', 'announcements', 'migrations']),
      );
    } finally {
      await client.end();
    }
  });

  it('reverts every migration and applies them again', async () => {
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const left = await dataSource.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(left[0].n).toBe(0);
    } finally {
      await dataSource.destroy();
    }
    expect(await migrate(url)).toHaveLength(MIGRATIONS.length);
  });
});
