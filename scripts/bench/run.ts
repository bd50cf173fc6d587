import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { loadConfig, withDevServerDefault } from '../../src/config/config';
import { prepareDatabase } from '../../src/database/bootstrap';
import { freePort, startTemporalDevServer } from '../temporal-dev-server';
import { campaignBench } from './campaign.bench';
import { hierarchyBench } from './hierarchy.bench';
import { clocksBench } from './clocks.bench';
import { treatmentRatesBench } from './treatment-rates.bench';
import { pairingBench } from './pairing.bench';
import { problemsBench } from './problems.bench';
import { BenchResult, printAndSave } from './report';

/**
 * BENCH_ONLY=hierarchy,clocks,campaign,treatment,follow-ups,treatment-rates,pairing,problems picks benchmarks (treatment and
 * follow-ups run on the campaign benchmark's register, so they bring that one along); BENCH_CLOCK_TASKS
 * sets the clocks benchmark's task count (default 20,000).
 */
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? 'hierarchy,clocks,campaign,treatment,follow-ups,treatment-rates,pairing,problems').split(','),
);
const CLOCK_TASKS = Number(process.env.BENCH_CLOCK_TASKS ?? 20_000);

/**
 * `npm run bench`: every benchmark against a scratch database and a Temporal dev server of its own
 * (in memory; both gone afterwards), each figure beside a baseline measured in the same run.
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  const temporal = await startTemporalDevServer({ port: await freePort(), uiPort: null, dbFile: null });
  const base = withDevServerDefault(
    loadConfig({
      ...process.env,
      LOG_LEVEL: 'warn',
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'bench',
      QUEUE_PREFIX: `bench-${Date.now()}`,
    }),
  );
  const url = new URL(base.databaseUrl);
  const name = `orchestrator_bench_${Date.now()}`;
  url.pathname = `/${name}`;
  await prepareDatabase(url.toString());
  const config = { ...base, databaseUrl: url.toString() };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const results: BenchResult[] = [];
    if (ONLY.has('hierarchy')) results.push(await hierarchyBench(app));
    if (ONLY.has('clocks')) results.push(await clocksBench(app, config, root, CLOCK_TASKS));
    if (ONLY.has('campaign') || ONLY.has('treatment') || ONLY.has('follow-ups'))
      results.push(...(await campaignBench(app, config, { treatment: ONLY.has('treatment'), followUps: ONLY.has('follow-ups') })));
    if (ONLY.has('treatment-rates')) results.push(await treatmentRatesBench(app));
    if (ONLY.has('pairing')) results.push(pairingBench());
    if (ONLY.has('problems')) results.push(await problemsBench(app, config, root));
    const file = printAndSave(results, root);
    console.log(`\nFigures written to ${file}`);
  } finally {
    await app.close();
    await temporal.stop();
    // BENCH_KEEP_DB=true keeps the database to look into (EXPLAIN a query over the same rows).
    if (process.env.BENCH_KEEP_DB === 'true') console.log(`Kept the database ${name}`);
    else {
      const admin = new URL(base.databaseUrl);
      admin.pathname = '/postgres';
      const pg = new Client({ connectionString: admin.toString() });
      await pg.connect();
      await pg.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await pg.end();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
