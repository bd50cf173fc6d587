import { localDateOf } from '../../../src/domain/time-zone';
import { WorkingDayCalendar, workingDaysBetween } from '../../../src/domain/working-days';

export interface DueCountdown {
  overdue: boolean;
  /** Working days left until the due day (0: due today), or working days overdue since it. */
  workingDays: number;
  /** What the task list shows: 还剩 3 个工作日, 今天到期, 已逾期 2 个工作日. */
  label: string;
  /** False when the calendar has no schedule for a year it crossed and guessed Monday–Friday. */
  calendarKnown: boolean;
}

/**
 * How a task's due time stands today, counted in working days (工作日) as the deadline engine counts
 * them: weekends, statutory holidays and make-up workdays of the loaded national calendar.
 */
export function dueCountdown(dueAt: Date, now: Date, calendar: WorkingDayCalendar): DueCountdown {
  const today = localDateOf(now);
  const dueDay = localDateOf(dueAt);
  const calendarKnown = [today, dueDay].every((d) => calendar.knowsYear(Number(d.slice(0, 4))));
  if (now.getTime() > dueAt.getTime()) {
    const days = Math.max(0, workingDaysBetween(calendar, dueDay, today));
    return { overdue: true, workingDays: days, label: days === 0 ? '今天已逾期' : `已逾期 ${days} 个工作日`, calendarKnown };
  }
  const days = Math.max(0, workingDaysBetween(calendar, today, dueDay));
  return { overdue: false, workingDays: days, label: days === 0 ? '今天到期' : `还剩 ${days} 个工作日`, calendarKnown };
}
