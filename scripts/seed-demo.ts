import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { loadConfig, withDevServerDefault } from '../src/config/config';
import { prepareDatabase } from '../src/database/bootstrap';
import { DemoSeeder } from '../src/demo/demo-seeder';

/** `npm run seed:demo`: loads the demo district into an empty database. */
async function main(): Promise<void> {
  const config = withDevServerDefault(loadConfig());
  await prepareDatabase(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const seeded = await app.get(DemoSeeder).seedIfEmpty();
    console.log(
      seeded
        ? 'Demo district loaded: users admin, leader, manager, centre, staff, hospital; password demo1234'
        : 'The database already holds units or users: nothing loaded',
    );
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
