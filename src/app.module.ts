import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { AnnouncementsModule } from './announcements/announcements.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { TreatmentModule } from './treatment/treatment.module';
import { DiseasesModule } from './diseases/diseases.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { ProblemsModule } from './problems/problems.module';
import { CrossChecksModule } from './cross-checks/cross-checks.module';
import { SpotChecksModule } from './spot-checks/spot-checks.module';
import { DemoModule } from './demo/demo.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { redactRequest } from './logging/request-log';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PoliciesModule } from './policies/policies.module';
import { PopulationModule } from './population/population.module';
import { RecurringModule } from './recurring/recurring.module';
import { RedisModule } from './redis/redis.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { TreatmentRatesModule } from './treatment/treatment-rates.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

const REQUEST_ID_HEADER = 'x-request-id';

@Module({})
export class AppModule {
  /** `logStream`: where the logs go (tests capture them); stdout when absent. */
  static forRoot(config: AppConfig, { logStream }: { logStream?: DestinationStream } = {}): DynamicModule {
    const pinoHttp: Options = {
      level: config.logLevel,
      // A caller's request id is kept so one request can be followed across services.
      genReqId: (req, res) => {
        const given = req.headers[REQUEST_ID_HEADER];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // Searched ID numbers and names (?idNumber=, ?q=, …) are logged as [REDACTED]: see PERSONAL_QUERY_PARAMS.
      serializers: { req: redactRequest },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    };
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // Named wildcard, as Express 5's router wants it (the default '*' is converted with a warning at every start).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: logStream ? [pinoHttp, logStream] : pinoHttp,
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.database)),
        RedisModule,
        TemporalModule,
        AuditModule,
        UnitsModule,
        UsersModule,
        AuthModule,
        NotificationsModule,
        AnnouncementsModule,
        TasksModule,
        PoliciesModule,
        PopulationModule,
        RecurringModule,
        DiseasesModule,
        CampaignsModule,
        TreatmentRatesModule,
        TreatmentModule,
        FollowUpsModule,
        ProblemsModule,
        CrossChecksModule,
        SpotChecksModule,
        HealthModule,
        MetricsModule,
        DemoModule,
      ],
    };
  }
}
