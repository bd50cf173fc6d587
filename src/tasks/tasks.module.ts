import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CalendarModule } from '../calendar/calendar.module';
import { diskUploadOptions } from '../common/upload-storage';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StorageModule } from '../storage/storage.module';
import { UnitsModule } from '../units/units.module';
import { BulkTasksService } from './bulk-tasks.service';
import { EscalationTargets } from './escalation-targets';
import { EvidenceController } from './evidence.controller';
import { EvidenceUploadAccess } from './evidence-upload.guard';
import { EvidenceService } from './evidence.service';
import { OversightController } from './oversight.controller';
import { OversightService } from './oversight.service';
import { DeadlineClockClient } from './deadline-clock-client';
import { DeadlineClockService } from './deadline-clock.service';
import { DeadlineMomentsService } from './deadline-moments.service';
import { TaskKindRules } from './task-kind-rules';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [
    UnitsModule,
    NotificationsModule,
    CalendarModule,
    StorageModule,
    // Evidence uploads stream to disk (the upload folder), then into the storage; larger files are cut off with 413 as they arrive.
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => diskUploadOptions(config, config.evidence.maxBytes, 'EVIDENCE_MAX_BYTES'),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [TasksController, OversightController, EvidenceController],
  providers: [
    TasksService,
    BulkTasksService,
    DeadlineMomentsService,
    DeadlineClockService,
    DeadlineClockClient,
    EscalationTargets,
    OversightService,
    EvidenceService,
    EvidenceUploadAccess,
    TaskKindRules,
  ],
  exports: [TasksService, DeadlineMomentsService, DeadlineClockService, DeadlineClockClient, TaskKindRules, EscalationTargets],
})
export class TasksModule {}
