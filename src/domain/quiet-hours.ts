/**
 * Quiet hours (免打扰时段): no reminder reaches a phone at night. The window is local clock time,
 * `start` inclusive and `end` exclusive, and may wrap midnight (21:00–08:00); `start === end` means
 * no quiet hours at all.
 */
import { addLocalDays, atLocalTime, CHINA_UTC_OFFSET_MINUTES, localDateOf, minutesOfLocalTime, msIntoLocalDay } from './time-zone';

export interface QuietHours {
  /** `HH:MM`, local. */
  start: string;
  /** `HH:MM`, local: the first minute people may be disturbed again. */
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = Object.freeze({ start: '21:00', end: '08:00' });

export function isInQuietHours(instant: Date, quiet: QuietHours, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): boolean {
  const start = minutesOfLocalTime(quiet.start) * 60_000;
  const end = minutesOfLocalTime(quiet.end) * 60_000;
  const t = msIntoLocalDay(instant, offsetMinutes);
  if (start === end) return false;
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/** An instant inside the window moves to the window's end (the next local `end`); any other stays. */
export function deferOutOfQuietHours(instant: Date, quiet: QuietHours, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): Date {
  if (!isInQuietHours(instant, quiet, offsetMinutes)) return new Date(instant.getTime());
  const today = localDateOf(instant, offsetMinutes);
  const endToday = atLocalTime(today, quiet.end, offsetMinutes);
  // Before midnight in a wrapping window the end is tomorrow morning; after midnight, this morning.
  return endToday.getTime() > instant.getTime() ? endToday : atLocalTime(addLocalDays(today, 1), quiet.end, offsetMinutes);
}
