import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ProblemsModule } from '../problems/problems.module';
import { TasksModule } from '../tasks/tasks.module';
import { CrossCheckRoundsModule } from './cross-check-rounds.module';
import { CrossChecksController } from './cross-checks.controller';
import { CrossChecksService } from './cross-checks.service';

/** Cross-village checks (村与村交叉排查): rounds, pairing, checklists, inspections. */
@Module({
  imports: [CampaignsModule, TasksModule, ProblemsModule, CrossCheckRoundsModule],
  controllers: [CrossChecksController],
  providers: [CrossChecksService],
})
export class CrossChecksModule {}
