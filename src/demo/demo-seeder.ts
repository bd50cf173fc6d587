import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { User } from '../users/user.entity';
import { DEMO_PASSWORD, demoUnits, demoUsers } from './demo-district';

const DEMO_SEED_LOCK_KEY = 724_002;

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
  ) {}

  /**
   * Loads the demo district and its users in one transaction, only into an empty database. A
   * transaction-scoped advisory lock lets several API replicas start at once: one seeds.
   */
  async seedIfEmpty(): Promise<boolean> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_KEY]);
      const [unitCount, userCount] = await Promise.all([manager.getRepository(Unit).count(), manager.getRepository(User).count()]);
      if (unitCount > 0 || userCount > 0) return false;
      await this.units.import(null, demoUnits(), manager);
      const users = demoUsers();
      const codes = users.flatMap((u) => [u.unitCode, ...u.responsibleUnitCodes]);
      const byCode = new Map((await manager.getRepository(Unit).findBy({ code: In(codes) })).map((u) => [u.code, u]));
      for (const user of users) {
        const saved = await manager.getRepository(User).save({
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          passwordHash,
          unitId: byCode.get(user.unitCode)!.id,
          responsibleUnits: user.responsibleUnitCodes.map((code) => byCode.get(code)!),
          passwordChangedAt: new Date(),
        });
        if (user.headOf) await manager.getRepository(Unit).update({ code: user.headOf }, { headUserId: saved.id });
      }
      return true;
    });
    if (!seeded) return false;
    this.logger.log(
      `Demo district loaded; users ${demoUsers()
        .map((u) => u.username)
        .join(', ')} with password ${DEMO_PASSWORD}`,
    );
    return true;
  }
}
