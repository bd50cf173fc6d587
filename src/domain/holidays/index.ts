/**
 * The national holiday schedules this server ships with. A year not listed here falls back to
 * Monday–Friday (the calendar's `knowsYear` says so); add a year with a new file here, or load it
 * through `parseHolidayCalendarJson` / `parseHolidayCalendarCsv` once the State Council publishes it
 * (each November, for the following year).
 */
import type { HolidayCalendarYear } from '../working-days';
import { CN_2025 } from './cn-2025';
import { CN_2026 } from './cn-2026';

export { CN_2025, CN_2026 };

export const CHINA_HOLIDAY_CALENDARS: readonly HolidayCalendarYear[] = [CN_2025, CN_2026];
