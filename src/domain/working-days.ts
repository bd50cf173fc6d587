/**
 * The working-day calendar (工作日): Monday to Friday, minus the statutory holidays (法定节假日),
 * plus the weekend days the State Council moves work to (调休, make-up workdays). The State Council
 * publishes each year's schedule in November (国务院办公厅关于部分节假日安排的通知), so the calendar is
 * data an admin loads, one year at a time; a county may override single days (e.g. a local holiday).
 */
import { addLocalDays, isLocalDate, localDaysBetween, weekdayOf } from './time-zone';

export interface HolidayCalendarYear {
  year: number;
  /** Every day off of the schedule, weekend days inside a holiday span included. */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: string[];
  /** Where the data comes from, e.g. the notice number 国办发明电〔2024〕12号. */
  source?: string;
}

export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean;
  /** False when the calendar has no schedule for the year and guesses Monday–Friday: callers should warn. */
  knowsYear(year: number): boolean;
}

export interface WorkingDayOverrides {
  holidays?: string[];
  makeUpWorkdays?: string[];
}

/** A calendar that cannot be trusted; `problems` names every one of them at once. */
export class HolidayCalendarError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid holiday calendar:\n- ${problems.join('\n- ')}`);
    this.name = 'HolidayCalendarError';
  }
}

/**
 * Overrides win over the year data: a county holiday that falls on a national make-up workday is a
 * day off, and a county make-up workday is a working day even inside a national holiday. Unlike the
 * national schedule, a county may declare a make-up workday on any day of the week.
 */
export function buildWorkingDayCalendar(years: readonly HolidayCalendarYear[], overrides: WorkingDayOverrides = {}): WorkingDayCalendar {
  const problems: string[] = [];
  const seenYears = new Set<number>();
  years.forEach((y, i) => {
    problems.push(...holidayCalendarYearProblems(y).map((p) => `years[${i}] (${y.year}): ${p}`));
    if (seenYears.has(y.year)) problems.push(`years[${i}]: year ${y.year} is given more than once`);
    seenYears.add(y.year);
  });
  problems.push(
    ...dayListProblems(
      [
        ...(overrides.holidays ?? []).map((date, i) => ({ date, kind: 'holiday' as const, where: `overrides.holidays[${i}]` })),
        ...(overrides.makeUpWorkdays ?? []).map((date, i) => ({
          date,
          kind: 'workday' as const,
          where: `overrides.makeUpWorkdays[${i}]`,
        })),
      ],
      { year: undefined, makeUpOnWeekendsOnly: false },
    ),
  );
  if (problems.length > 0) throw new HolidayCalendarError(problems);

  const holidays = new Set(years.flatMap((y) => y.holidays));
  const makeUp = new Set(years.flatMap((y) => y.makeUpWorkdays));
  const localHolidays = new Set(overrides.holidays ?? []);
  const localMakeUp = new Set(overrides.makeUpWorkdays ?? []);
  const known = new Set(years.map((y) => y.year));

  return {
    isWorkingDay(date: string): boolean {
      const weekday = weekdayOf(date); // validates the date
      if (localHolidays.has(date)) return false;
      if (localMakeUp.has(date) || makeUp.has(date)) return true;
      if (holidays.has(date)) return false;
      return weekday >= 1 && weekday <= 5;
    },
    knowsYear: (year: number) => known.has(year),
  };
}

/** Everything wrong with one year's schedule; empty when it is sound. */
export function holidayCalendarYearProblems(y: HolidayCalendarYear): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(y.year) || y.year < 1 || y.year > 9999) {
    return [`year must be a whole number between 1 and 9999, got ${JSON.stringify(y.year)}`];
  }
  if (!Array.isArray(y.holidays)) problems.push('holidays must be a list of dates');
  if (!Array.isArray(y.makeUpWorkdays)) problems.push('makeUpWorkdays must be a list of dates');
  if (problems.length > 0) return problems;
  return dayListProblems(
    [
      ...y.holidays.map((date, i) => ({ date, kind: 'holiday' as const, where: `holidays[${i}]` })),
      ...y.makeUpWorkdays.map((date, i) => ({ date, kind: 'workday' as const, where: `makeUpWorkdays[${i}]` })),
    ],
    { year: y.year, makeUpOnWeekendsOnly: true },
  );
}

/**
 * The n-th working day after `fromDate`. n = 0 is `fromDate` itself when it is a working day, else
 * the next one: "3个工作日内" counted from a Friday before a holiday week lands after the holiday.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, fromDate: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Invalid working-day count ${n}: expected an integer ≥ 0`);
  if (n === 0 && calendar.isWorkingDay(fromDate)) return fromDate;
  return stepWorkingDays(calendar, fromDate, Math.max(n, 1), 1);
}

/** The n-th working day before `fromDate` (n ≥ 1); n = 0 is `fromDate` or the working day before it. */
export function subtractWorkingDays(calendar: WorkingDayCalendar, fromDate: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Invalid working-day count ${n}: expected an integer ≥ 0`);
  if (n === 0 && calendar.isWorkingDay(fromDate)) return fromDate;
  return stepWorkingDays(calendar, fromDate, Math.max(n, 1), -1);
}

/** Working days in (from, to]; negative (the count in (to, from]) when `to` is before `from`. */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: string, to: string): number {
  const span = localDaysBetween(from, to);
  if (span < 0) return 0 - workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let i = 1; i <= span; i++) if (calendar.isWorkingDay(addLocalDays(from, i))) count++;
  return count;
}

/** The notice a schedule comes from is named, not copied: 国办发明电〔2025〕7号 and its title fit easily. */
export const MAX_SOURCE_LENGTH = 500;
const MAX_DAYS_PER_LIST = 366;

/** A holiday schedule sent as JSON: `{ year, holidays: [...], makeUpWorkdays?: [...], source? }`; `holidays` is required. */
export function parseHolidayCalendarJson(json: unknown): HolidayCalendarYear {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new HolidayCalendarError(['expected an object { year, holidays, makeUpWorkdays, source? }']);
  }
  const o = json as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(o)) {
    if (!['year', 'holidays', 'makeUpWorkdays', 'source'].includes(key)) problems.push(`${key} is not a known field`);
  }
  if (!Number.isInteger(o.year)) problems.push('year must be a whole number');
  const dateList = (key: string, required: boolean): string[] => {
    const v = o[key];
    if (v === undefined && !required) return [];
    if (v === undefined) {
      problems.push(`${key} is required: the year's days off as a list of YYYY-MM-DD dates ([] for none)`);
      return [];
    }
    if (!Array.isArray(v)) {
      problems.push(`${key} must be a list of YYYY-MM-DD dates`);
      return [];
    }
    if (v.length > MAX_DAYS_PER_LIST) {
      problems.push(`${key} lists ${v.length} days; a year has at most ${MAX_DAYS_PER_LIST}`);
      return [];
    }
    v.forEach((d, i) => {
      if (typeof d !== 'string') problems.push(`${key}[${i}] must be a YYYY-MM-DD string`);
    });
    return v.filter((d): d is string => typeof d === 'string');
  };
  const holidays = dateList('holidays', true);
  const makeUpWorkdays = dateList('makeUpWorkdays', false);
  if (o.source !== undefined && typeof o.source !== 'string') problems.push('source must be a string');
  else if (typeof o.source === 'string' && o.source.length > MAX_SOURCE_LENGTH)
    problems.push(`source must be at most ${MAX_SOURCE_LENGTH} characters (the notice's name and number), got ${o.source.length}`);
  if (problems.length > 0) throw new HolidayCalendarError(problems);
  const year: HolidayCalendarYear = { year: o.year as number, holidays, makeUpWorkdays };
  if (typeof o.source === 'string') year.source = o.source;
  const yearProblems = holidayCalendarYearProblems(year);
  if (yearProblems.length > 0) throw new HolidayCalendarError(yearProblems);
  return year;
}

/**
 * One year's schedule as CSV: a header `date,type` (or `日期,类型`; other columns such as a name are
 * ignored), then one row per day off (`holiday` or `休`) or make-up workday (`workday` or `班`).
 * Rows are numbered by line with the header as row 0, like the unit import; blank lines are skipped.
 */
export function parseHolidayCalendarCsv(text: string): HolidayCalendarYear {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const dateColumn = header.findIndex((h) => h === 'date' || h === '日期');
  const typeColumn = header.findIndex((h) => h === 'type' || h === '类型');
  if (dateColumn < 0 || typeColumn < 0) {
    throw new HolidayCalendarError(['row 0: the header must name the columns date,type (or 日期,类型)']);
  }

  const problems: string[] = [];
  const entries: DayEntry[] = [];
  let year: number | undefined;
  for (let row = 1; row < lines.length; row++) {
    if (lines[row].trim() === '') continue;
    const cells = splitCsvLine(lines[row]);
    const date = (cells[dateColumn] ?? '').trim();
    const type = (cells[typeColumn] ?? '').trim().toLowerCase();
    const kind = type === 'holiday' || type === '休' ? 'holiday' : type === 'workday' || type === '班' ? 'workday' : undefined;
    if (!isLocalDate(date)) problems.push(`row ${row}: date "${date}" is not a YYYY-MM-DD day`);
    if (kind === undefined) problems.push(`row ${row}: type "${type}" must be holiday, workday, 休 or 班`);
    if (!isLocalDate(date) || kind === undefined) continue;
    year ??= Number(date.slice(0, 4));
    entries.push({ date, kind, where: `row ${row}` });
  }
  if (year === undefined && problems.length === 0) problems.push('the file has no rows: cannot tell which year it is for');
  // The first row names the year; a date of another year is reported on its row by the shared checks.
  problems.push(...dayListProblems(entries, { year, makeUpOnWeekendsOnly: true }));
  if (problems.length > 0 || year === undefined) throw new HolidayCalendarError(problems);
  return {
    year,
    holidays: entries.filter((e) => e.kind === 'holiday').map((e) => e.date),
    makeUpWorkdays: entries.filter((e) => e.kind === 'workday').map((e) => e.date),
  };
}

// ---------------------------------------------------------------------------------------------

/** Beyond ten years without a working day the calendar itself is broken; stop rather than spin. */
const MAX_DAYS_WITHOUT_WORK = 3660;

function stepWorkingDays(calendar: WorkingDayCalendar, fromDate: string, n: number, direction: 1 | -1): string {
  let date = fromDate;
  let idle = 0;
  for (let found = 0; found < n;) {
    date = addLocalDays(date, direction);
    if (calendar.isWorkingDay(date)) {
      found++;
      idle = 0;
    } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
      throw new RangeError(`No working day within ${MAX_DAYS_WITHOUT_WORK} days of ${date}: the calendar is broken`);
    }
  }
  return date;
}

interface DayEntry {
  date: string;
  kind: 'holiday' | 'workday';
  /** How a problem names the entry: a path such as `holidays[3]` or a CSV row. */
  where: string;
}

function dayListProblems(entries: DayEntry[], rules: { year: number | undefined; makeUpOnWeekendsOnly: boolean }): string[] {
  const problems: string[] = [];
  const first = new Map<string, DayEntry>();
  for (const e of entries) {
    if (!isLocalDate(e.date)) {
      problems.push(`${e.where}: "${String(e.date)}" is not a YYYY-MM-DD day`);
      continue;
    }
    if (rules.year !== undefined && Number(e.date.slice(0, 4)) !== rules.year) {
      problems.push(`${e.where}: ${e.date} is not in ${rules.year}`);
    }
    const earlier = first.get(e.date);
    if (earlier && earlier.kind === e.kind) {
      problems.push(`${e.where}: ${e.date} is listed twice (also ${earlier.where})`);
    } else if (earlier) {
      problems.push(`${e.where}: ${e.date} cannot be both a holiday and a make-up workday (also ${earlier.where})`);
    } else {
      first.set(e.date, e);
    }
    const weekday = weekdayOf(e.date);
    if (rules.makeUpOnWeekendsOnly && e.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      problems.push(`${e.where}: make-up workday ${e.date} is a ${WEEKDAY_NAMES[weekday]}, not a Saturday or Sunday`);
    }
  }
  return problems;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Splits one CSV line, honouring double quotes ("" inside quotes is a quote). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
