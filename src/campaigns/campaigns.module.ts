import { Module } from '@nestjs/common';
import { DiseasesModule } from '../diseases/diseases.module';
import { TasksModule } from '../tasks/tasks.module';
import { UnitsModule } from '../units/units.module';
import { CampaignLaunchService } from './campaign-launch.service';
import { CampaignProgressService } from './campaign-progress.service';
import { CampaignWorkflowClient } from './campaign-workflow-client';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { DataComparisonController } from './data-comparison.controller';
import { DataComparisonService } from './data-comparison.service';
import { LedgerService } from './ledger.service';
import { ReIdentificationController } from './re-identification.controller';
import { ReIdentificationService } from './re-identification.service';

@Module({
  imports: [UnitsModule, TasksModule, DiseasesModule],
  controllers: [CampaignsController, ReIdentificationController, DataComparisonController],
  providers: [
    CampaignsService,
    CampaignLaunchService,
    CampaignProgressService,
    CampaignWorkflowClient,
    ReIdentificationService,
    LedgerService,
    DataComparisonService,
  ],
  exports: [CampaignLaunchService, ReIdentificationService],
})
export class CampaignsModule {}
