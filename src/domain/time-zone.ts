/**
 * Local calendar days and clock times at a fixed UTC offset. China has kept UTC+8 with no daylight
 * saving since 1991, so Asia/Shanghai is plain arithmetic on epoch milliseconds: no time-zone database,
 * no `Intl`, nothing that could differ between the API and a replaying Temporal workflow.
 *
 * Dates are `YYYY-MM-DD` strings (years 0001–9999), clock times `HH:MM` (00:00–23:59). Calendar
 * arithmetic goes through day numbers of the proleptic Gregorian calendar rather than `Date.UTC`,
 * which would read years 0–99 as 1900–1999.
 */
export const CHINA_UTC_OFFSET_MINUTES = 480;

const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
/** Real offsets lie within UTC−12:00 … UTC+14:00; anything beyond is a unit mistake (hours, seconds). */
const MAX_OFFSET_MINUTES = 14 * 60;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Not a type guard: a string that fails is still a string (a guard would narrow it to never). */
export function isLocalDate(value: unknown): boolean {
  return typeof value === 'string' && parseDate(value) !== undefined;
}

export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && parseTime(value) !== undefined;
}

/** Minutes after local midnight of an `HH:MM` clock time. */
export function minutesOfLocalTime(hhmm: string): number {
  const minutes = parseTime(hhmm);
  if (minutes === undefined) throw new RangeError(`Invalid time "${hhmm}": expected HH:MM between 00:00 and 23:59`);
  return minutes;
}

/** The local calendar day (YYYY-MM-DD) the instant falls on. */
export function localDateOf(instant: Date, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): string {
  const day = Math.floor(localMs(instant, offsetMinutes) / MS_PER_DAY);
  return formatDay(day);
}

/** Milliseconds since local midnight of the day the instant falls on (0 … 86 399 999). */
export function msIntoLocalDay(instant: Date, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): number {
  const ms = localMs(instant, offsetMinutes);
  return ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant of local 00:00 on the date. */
export function startOfLocalDay(date: string, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): Date {
  checkOffset(offsetMinutes);
  return new Date(dayNumber(date) * MS_PER_DAY - offsetMinutes * MS_PER_MINUTE);
}

/** The instant of local `hh:mm` on the date. */
export function atLocalTime(date: string, hhmm: string, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): Date {
  return new Date(startOfLocalDay(date, offsetMinutes).getTime() + minutesOfLocalTime(hhmm) * MS_PER_MINUTE);
}

/** Local 23:59:59.999: "by 25 March" leaves the whole of 25 March. */
export function endOfLocalDay(date: string, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): Date {
  return new Date(startOfLocalDay(date, offsetMinutes).getTime() + MS_PER_DAY - 1);
}

export function addLocalDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Invalid day count ${days}: expected an integer`);
  return formatDay(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function weekdayOf(date: string): number {
  // Day 0 (1970-01-01) was a Thursday.
  return mod(dayNumber(date) + 4, 7);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function localDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

// ---------------------------------------------------------------------------------------------

function localMs(instant: Date, offsetMinutes: number): number {
  checkOffset(offsetMinutes);
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant: expected a valid Date');
  return ms + offsetMinutes * MS_PER_MINUTE;
}

function checkOffset(offsetMinutes: number): void {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
    throw new RangeError(`Invalid UTC offset ${offsetMinutes}: expected whole minutes within ±${MAX_OFFSET_MINUTES}`);
  }
}

/** Days since 1970-01-01 of a valid date string. */
function dayNumber(date: string): number {
  const parsed = typeof date === 'string' ? parseDate(date) : undefined;
  if (parsed === undefined) throw new RangeError(`Invalid date "${String(date)}": expected an existing day as YYYY-MM-DD`);
  return parsed;
}

function parseDate(value: string): number | undefined {
  const m = DATE_PATTERN.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

function parseTime(value: string): number | undefined {
  const m = TIME_PATTERN.exec(value);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

function formatDay(day: number): string {
  const { y, m, d } = civilFromDays(day);
  if (y < 1 || y > 9999) throw new RangeError(`Date out of range: year ${y} is outside 0001–9999`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

// H. Hinnant's civil-calendar algorithms (eras of 400 years), exact for every Gregorian date.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
