import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ProblemsModule } from '../problems/problems.module';
import { TasksModule } from '../tasks/tasks.module';
import { TreatmentModule } from '../treatment/treatment.module';
import { UnitsModule } from '../units/units.module';
import { SpotChecksController } from './spot-checks.controller';
import { SpotChecksService } from './spot-checks.service';

/** Spot checks (抽查) of completed items: re-identification results, treated cases, cleared problems. */
@Module({
  imports: [UnitsModule, TasksModule, CampaignsModule, TreatmentModule, ProblemsModule],
  controllers: [SpotChecksController],
  providers: [SpotChecksService],
})
export class SpotChecksModule {}
