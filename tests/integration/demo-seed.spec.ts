import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/config';
import { prepareDatabase } from '../../src/database/bootstrap';
import { DEMO_PASSWORD, demoUnits, demoUsers } from '../../src/demo/demo-district';
import { DemoSeeder } from '../../src/demo/demo-seeder';
import { UsersService } from '../../src/users/users.service';
import { databaseUrlNamed, requiredEnv, TEST_ENV } from '../support/test-env';

describe(DemoSeeder.name, () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    const databaseUrl = databaseUrlNamed(`orchestrator_test_${requiredEnv(TEST_ENV.runId)}_demo`);
    await prepareDatabase(databaseUrl);
    app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig({ ...process.env, DATABASE_URL: databaseUrl })), {
      logger: false,
    });
  });
  afterAll(() => app.close());

  it('loads the demo district into an empty database once, with working credentials', async () => {
    const dataSource = app.get(DataSource);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual([{ n: 0 }]);
    expect(await app.get(DemoSeeder).seedIfEmpty()).toBe(true);
    expect(await app.get(DemoSeeder).seedIfEmpty()).toBe(false);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM units')).toEqual([{ n: demoUnits().length }]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM units WHERE kind = 'village' AND is_poor_village`)).toEqual([{ n: 64 }]);
    for (const user of demoUsers()) {
      expect(await app.get(UsersService).verifyCredentials(user.username, DEMO_PASSWORD)).not.toBeNull();
    }
  });
});
