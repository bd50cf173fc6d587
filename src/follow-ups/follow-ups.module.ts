import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { UnitsModule } from '../units/units.module';
import { FollowUpGenerationClient } from './follow-up-generation-client';
import { FollowUpPlansService } from './follow-up-plans.service';
import { FollowUpRatesService } from './follow-up-rates.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';

/** Chronic follow-ups (慢病签约随访): plans, the daily generator and its Schedule, recording visits. */
@Module({
  imports: [UnitsModule, TasksModule],
  controllers: [FollowUpsController],
  providers: [FollowUpsService, FollowUpPlansService, FollowUpRatesService, FollowUpGenerationClient],
  exports: [FollowUpsService, FollowUpGenerationClient],
})
export class FollowUpsModule {}
