import { Module } from '@nestjs/common';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { UnitsModule } from '../units/units.module';
import { BulkTasksService } from './bulk-tasks.service';
import { EscalationTargets } from './escalation-targets';
import { OversightController } from './oversight.controller';
import { OversightService } from './oversight.service';
import { TaskDeadlineService } from './task-deadline.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [UnitsModule, NotificationsModule],
  controllers: [TasksController, OversightController],
  providers: [TasksService, BulkTasksService, TaskDeadlineService, EscalationTargets, WorkingCalendarService, OversightService],
  exports: [TasksService, TaskDeadlineService],
})
export class TasksModule {}
