import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { TasksModule } from '../tasks/tasks.module';
import { RoundRefreshClient } from './round-refresh-client';
import { TreatmentCasesService } from './treatment-cases.service';
import { TreatmentStagesModule } from './treatment-stages.module';
import { TreatmentController } from './treatment.controller';

/** Batch treatment rounds (大病集中救治): cases and their stages. */
@Module({
  imports: [CampaignsModule, TasksModule, TreatmentStagesModule],
  controllers: [TreatmentController],
  providers: [TreatmentCasesService, RoundRefreshClient],
  exports: [TreatmentCasesService],
})
export class TreatmentModule {}
