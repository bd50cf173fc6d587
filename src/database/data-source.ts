import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { loadConfig } from '../config/config';
import { ENTITIES } from './entities';
import { Platform1764300000000 } from './migrations/1764300000000-Platform';
import { Tasks1764400000000 } from './migrations/1764400000000-Tasks';
import { TaskEvidence1764500000000 } from './migrations/1764500000000-TaskEvidence';
import { RecurringTasks1764600000000 } from './migrations/1764600000000-RecurringTasks';
import { NotificationChannels1764700000000 } from './migrations/1764700000000-NotificationChannels';
import { HolidayCalendars1764800000000 } from './migrations/1764800000000-HolidayCalendars';
import { TaskPolicyLink1764900000000 } from './migrations/1764900000000-TaskPolicyLink';
import { NotificationTemplates1765000000000 } from './migrations/1765000000000-NotificationTemplates';
import { NotificationDigests1765100000000 } from './migrations/1765100000000-NotificationDigests';
import { PopulationRegister1765200000000 } from './migrations/1765200000000-PopulationRegister';
import { Campaigns1765300000000 } from './migrations/1765300000000-Campaigns';
import { DataComparison1765400000000 } from './migrations/1765400000000-DataComparison';
import { DeadlineClocks1765500000000 } from './migrations/1765500000000-DeadlineClocks';
import { UnitEditing1765600000000 } from './migrations/1765600000000-UnitEditing';
import { OperationsIndexes1765700000000 } from './migrations/1765700000000-OperationsIndexes';
import { AuditTrailImmutable1765810000000 } from './migrations/1765810000000-AuditTrailImmutable';
import { EncryptWebhookSecrets1766000500000 } from './migrations/1766000500000-EncryptWebhookSecrets';
import { DeliveryClaims1766100000000 } from './migrations/1766100000000-DeliveryClaims';
import { TreatmentRounds1766200000000 } from './migrations/1766200000000-TreatmentRounds';
import { TreatmentRateIndexes1766300000000 } from './migrations/1766300000000-TreatmentRateIndexes';
import { FollowUps1766400000000 } from './migrations/1766400000000-FollowUps';
import { Problems1766500000000 } from './migrations/1766500000000-Problems';
import { CrossChecks1766600000000 } from './migrations/1766600000000-CrossChecks';
import { SpotChecks1766700000000 } from './migrations/1766700000000-SpotChecks';
import { StepStartRules1766800000000 } from './migrations/1766800000000-StepStartRules';
import { ProblemBoard1766810000000 } from './migrations/1766810000000-ProblemBoard';
import { InAppDeliveredOnCommit1766900000000 } from './migrations/1766900000000-InAppDeliveredOnCommit';

/** In the order they apply (TypeORM orders them by timestamp too). */
export const MIGRATIONS = [
  Platform1764300000000,
  Tasks1764400000000,
  TaskEvidence1764500000000,
  RecurringTasks1764600000000,
  NotificationChannels1764700000000,
  HolidayCalendars1764800000000,
  TaskPolicyLink1764900000000,
  NotificationTemplates1765000000000,
  NotificationDigests1765100000000,
  PopulationRegister1765200000000,
  Campaigns1765300000000,
  DataComparison1765400000000,
  DeadlineClocks1765500000000,
  UnitEditing1765600000000,
  OperationsIndexes1765700000000,
  AuditTrailImmutable1765810000000,
  EncryptWebhookSecrets1766000500000,
  DeliveryClaims1766100000000,
  TreatmentRounds1766200000000,
  TreatmentRateIndexes1766300000000,
  FollowUps1766400000000,
  Problems1766500000000,
  CrossChecks1766600000000,
  SpotChecks1766700000000,
  StepStartRules1766800000000,
  ProblemBoard1766810000000,
  InAppDeliveredOnCommit1766900000000,
];

/** Session limits of the server's connections (AppConfig.database); migrations run without them. */
export interface SessionTimeouts {
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export function dataSourceOptions(databaseUrl: string, timeouts?: SessionTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Schema changes only through migrations, everywhere.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: {
      max: 20,
      // node-postgres sets these per session at connect; 0 leaves PostgreSQL's default (none).
      ...(timeouts && {
        statement_timeout: timeouts.statementTimeoutMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
      }),
    },
  };
}

/** For the TypeORM CLI (`npm run migration:run`). */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
