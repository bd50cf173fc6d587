import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { CalendarController } from './calendar.controller';
import { WorkingCalendarService } from './working-calendar.service';

@Module({
  imports: [UnitsModule],
  controllers: [CalendarController],
  providers: [WorkingCalendarService],
  exports: [WorkingCalendarService],
})
export class CalendarModule {}
