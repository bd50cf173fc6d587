import { Injectable } from '@nestjs/common';
import { CHINA_HOLIDAY_CALENDARS } from '../domain/holidays';
import { buildWorkingDayCalendar, WorkingDayCalendar } from '../domain/working-days';

/**
 * The working-day calendar that applies to a unit: China's statutory holidays and make-up
 * workdays (调休) of the years the server knows.
 */
@Injectable()
export class WorkingCalendarService {
  private readonly national = buildWorkingDayCalendar(CHINA_HOLIDAY_CALENDARS);

  async forUnit(_unitId: string): Promise<WorkingDayCalendar> {
    return this.national;
  }
}
