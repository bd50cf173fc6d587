import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { UnitsModule } from '../units/units.module';
import { RecurringScheduleClient } from './recurring-schedule-client';
import { RecurringTasksController } from './recurring-tasks.controller';
import { RecurringTasksService } from './recurring-tasks.service';

@Module({
  imports: [UnitsModule, TasksModule],
  controllers: [RecurringTasksController],
  providers: [RecurringTasksService, RecurringScheduleClient],
  exports: [RecurringTasksService],
})
export class RecurringModule {}
