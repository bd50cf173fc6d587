import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../src/auth/passwords';
import { loadConfig, withDevServerDefault } from '../src/config/config';
import { prepareDatabase } from '../src/database/bootstrap';
import { Unit } from '../src/units/unit.entity';
import { UnitsService } from '../src/units/units.service';
import { User } from '../src/users/user.entity';

const USAGE = `npm run bootstrap -- --root-code 510812 --root-name 朝天区 --root-kind county --admin-username admin --admin-password '…' [--admin-name 管理员]`;

/**
 * The first root unit (a city or county) and its first admin, for a real deployment without the
 * demo data: no admin's scope holds a new root, so only this script makes one. Refuses to run twice.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'root-code': { type: 'string' },
      'root-name': { type: 'string' },
      'root-kind': { type: 'string', default: 'county' },
      'admin-username': { type: 'string' },
      'admin-password': { type: 'string' },
      'admin-name': { type: 'string', default: '系统管理员' },
    },
  });
  const missing = ['root-code', 'root-name', 'admin-username', 'admin-password'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length > 0) throw new Error(`missing --${missing.join(', --')}\nusage: ${USAGE}`);
  if (!['city', 'county'].includes(values['root-kind'])) throw new Error('--root-kind must be city or county');
  if (values['admin-password']!.length < MIN_PASSWORD_LENGTH)
    throw new Error(`--admin-password must have at least ${MIN_PASSWORD_LENGTH} characters`);

  const config = withDevServerDefault(loadConfig());
  await prepareDatabase(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const dataSource = app.get(DataSource);
    if ((await dataSource.getRepository(User).count()) > 0) throw new Error('the database already has users: sign in as an admin instead');
    const passwordHash = await hashPassword(values['admin-password']!);
    await dataSource.transaction(async (manager) => {
      await app
        .get(UnitsService)
        .import(null, [{ code: values['root-code'], name: values['root-name'], kind: values['root-kind'] }], manager);
      const root = await manager.getRepository(Unit).findOneByOrFail({ code: values['root-code']! });
      await manager.getRepository(User).save({
        username: values['admin-username']!.toLowerCase(),
        displayName: values['admin-name'],
        role: 'admin',
        unitId: root.id,
        passwordHash,
        passwordChangedAt: new Date(),
      });
    });
    console.log(
      `Created ${values['root-kind']} ${values['root-code']} ${values['root-name']} and admin ${values['admin-username']}; import the rest of the tree through POST /api/units/import`,
    );
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
