import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { CrossCheckRounds } from './cross-check-rounds';

/** What the campaign launch needs of cross-check rounds (pairing, inspection tasks), apart from their API. */
@Module({
  imports: [TasksModule],
  providers: [CrossCheckRounds],
  exports: [CrossCheckRounds],
})
export class CrossCheckRoundsModule {}
