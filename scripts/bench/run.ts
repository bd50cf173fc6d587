import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { loadConfig, withDevServerDefault } from '../../src/config/config';
import { prepareDatabase } from '../../src/database/bootstrap';
import { hierarchyBench } from './hierarchy.bench';
import { printAndSave } from './report';

/**
 * `npm run bench`: every benchmark against a scratch database of its own (dropped afterwards),
 * each figure beside a baseline measured in the same run.
 */
async function main(): Promise<void> {
  const base = withDevServerDefault(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }));
  const url = new URL(base.databaseUrl);
  const name = `orchestrator_bench_${Date.now()}`;
  url.pathname = `/${name}`;
  await prepareDatabase(url.toString());
  const config = { ...base, databaseUrl: url.toString() };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const results = [await hierarchyBench(app)];
    const file = printAndSave(results, join(__dirname, '..', '..', '..'));
    console.log(`\nFigures written to ${file}`);
  } finally {
    await app.close();
    const admin = new URL(base.databaseUrl);
    admin.pathname = '/postgres';
    const pg = new Client({ connectionString: admin.toString() });
    await pg.connect();
    await pg.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await pg.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
