import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TABLE_UPLOAD_MAX_BYTES } from '../common/uploaded-table';
import { diskUploadOptions } from '../common/upload-storage';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DiseasesModule } from '../diseases/diseases.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TasksModule } from '../tasks/tasks.module';
import { TreatmentStagesModule } from '../treatment/treatment-stages.module';
import { CrossCheckRoundsModule } from '../cross-checks/cross-check-rounds.module';
import { UnitsModule } from '../units/units.module';
import { CampaignLaunchService } from './campaign-launch.service';
import { CampaignProgressService } from './campaign-progress.service';
import { CampaignWorkflowClient } from './campaign-workflow-client';
import { CampaignsController } from './campaigns.controller';
import { CampaignTemplatesController } from './campaign-templates.controller';
import { CampaignsService } from './campaigns.service';
import { DataComparisonController } from './data-comparison.controller';
import { DataComparisonService } from './data-comparison.service';
import { LedgerService } from './ledger.service';
import { QinglingGate } from './qingling-gate';
import { ReIdentificationController } from './re-identification.controller';
import { ReIdentificationService } from './re-identification.service';
import { ComparisonUploadAccess, ResultsUploadAccess } from './upload-access.guards';

@Module({
  imports: [
    UnitsModule,
    TasksModule,
    TreatmentStagesModule,
    CrossCheckRoundsModule,
    DiseasesModule,
    NotificationsModule,
    // Result sheets and comparison lists stream to disk, are read from there and removed.
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => diskUploadOptions(config, TABLE_UPLOAD_MAX_BYTES),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [CampaignsController, CampaignTemplatesController, ReIdentificationController, DataComparisonController],
  providers: [
    CampaignsService,
    CampaignLaunchService,
    CampaignProgressService,
    CampaignWorkflowClient,
    QinglingGate,
    ReIdentificationService,
    LedgerService,
    DataComparisonService,
    ResultsUploadAccess,
    ComparisonUploadAccess,
  ],
  exports: [CampaignLaunchService, CampaignProgressService, CampaignWorkflowClient, ReIdentificationService],
})
export class CampaignsModule {}
