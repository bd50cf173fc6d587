/**
 * Recurring tasks (每月按时录入 and the like): the cron a Temporal Schedule fires on, and what one
 * occurrence of it means in China — its local date, the period in its title, its due time. Pure and
 * deterministic: the API validates with it and the occurrence activity computes with it.
 */
import { addLocalDays, endOfLocalDay, isLocalDate, localDateOf, weekdayOf } from './time-zone';

/** Schedules are evaluated in China's time zone, the one every local date here is in. */
export const RECURRENCE_TIME_ZONE = 'Asia/Shanghai';

export const PERIOD_PLACEHOLDER = '{{period}}';

interface CronField {
  name: string;
  min: number;
  max: number;
}

const CRON_FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  // 7 is Sunday as well as 0, as in most crons (Temporal's included).
  { name: 'day-of-week', min: 0, max: 7 },
];

const CRON_TERM = /^(?:(\*)|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/;

export type CronValidation = { ok: true; cron: string } | { ok: false; errors: string[] };

/**
 * Checks a 5-field cron (minute hour day-of-month month day-of-week) made of numbers, `*`, lists,
 * ranges and steps, and returns it with single spaces. Names (`MON`), `L`, `#` and `@monthly` are
 * refused even where Temporal would take them, so what is stored reads the same to everyone. Every
 * error names its field, e.g. `hour: 25 is outside 0–23`.
 */
export function validateCron(cron: unknown, now?: Date): CronValidation {
  if (typeof cron !== 'string') return { ok: false, errors: ['cron must be a string'] };
  const parts = cron.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== CRON_FIELDS.length) {
    return { ok: false, errors: [`cron must have 5 fields (${CRON_FIELDS.map((f) => f.name).join(' ')}), got ${parts.length}`] };
  }
  const errors = parts.flatMap((part, i) => checkCronField(part, CRON_FIELDS[i]));
  if (errors.length > 0) return { ok: false, errors };
  const normalised = parts.join(' ');
  // With a clock: a cron that names no real day (31 February) is refused rather than scheduled to never fire.
  if (now && nextFireDate(normalised, now, CRON_FIRE_HORIZON_YEARS) === null)
    return {
      ok: false,
      errors: [
        `cron "${normalised}" never fires within ${CRON_FIRE_HORIZON_YEARS} years: no day matches its day-of-month, month and day-of-week together`,
      ],
    };
  return { ok: true, cron: normalised };
}

/** A recurring task must fire within this many years of its creation. */
export const CRON_FIRE_HORIZON_YEARS = 5;

/**
 * The first local date (Asia/Shanghai), from the day of `from` on and within `years`, on which a valid
 * cron fires, or null. Temporal ANDs day-of-month and day-of-week (the classic cron ORs them), so a day
 * must match month, day-of-month and day-of-week alike.
 */
export function nextFireDate(cron: string, from: Date, years: number): string | null {
  const [, , dom, month, dow] = cron.split(' ').map((part, i) => cronFieldValues(part, CRON_FIELDS[i]));
  if (dow.has(7)) dow.add(0);
  const start = localDateOf(from);
  for (let day = 0; day <= years * 366; day++) {
    const date = addLocalDays(start, day);
    const [m, d] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
    if (month.has(m) && dom.has(d) && dow.has(weekdayOf(date))) return date;
  }
  return null;
}

/** The values a checked field stands for. */
function cronFieldValues(part: string, field: CronField): Set<number> {
  const values = new Set<number>();
  for (const term of part.split(',')) {
    const [, star, from, to, step] = CRON_TERM.exec(term)!;
    const low = star ? field.min : Number(from);
    const high = star ? field.max : to !== undefined ? Number(to) : low;
    for (let v = low; v <= high; v += step ? Number(step) : 1) values.add(v);
  }
  return values;
}

function checkCronField(part: string, field: CronField): string[] {
  const errors: string[] = [];
  for (const term of part.split(',')) {
    const m = CRON_TERM.exec(term);
    if (!m) {
      errors.push(`${field.name}: "${term}" is not a number, *, a range a-b or one of them with /step`);
      continue;
    }
    const [, star, from, to, step] = m;
    if (!star) {
      const outside = [from, to].filter((v) => v !== undefined && (Number(v) < field.min || Number(v) > field.max));
      outside.forEach((v) => errors.push(`${field.name}: ${v} is outside ${field.min}–${field.max}`));
      if (outside.length === 0 && to !== undefined && Number(from) > Number(to))
        errors.push(`${field.name}: range ${from}-${to} runs backwards`);
      // `5/15` means "from 5 every 15" in some crons and nothing in others: only `*/n` and `a-b/n`.
      if (step !== undefined && to === undefined)
        errors.push(`${field.name}: a step needs * or a range before it, as in */${step} or ${from}-${field.max}/${step}`);
    }
    if (step !== undefined && (Number(step) < 1 || Number(step) > field.max - field.min + 1)) {
      errors.push(`${field.name}: step ${step} is outside 1–${field.max - field.min + 1}`);
    }
  }
  return errors;
}

/** An occurrence is named by the local date it was scheduled for: a retry or a late run keeps it. */
export function occurrenceKey(scheduledAt: Date): string {
  return localDateOf(scheduledAt);
}

/** `录入动态管理系统（{{period}}）` → `录入动态管理系统（2026年11月）`. Never longer than the template. */
export function recurringTitle(template: string, occurrenceDate: string): string {
  return template.split(PERIOD_PLACEHOLDER).join(periodOf(occurrenceDate));
}

/** The month an occurrence belongs to, as offices write it: 2026年11月. */
export function periodOf(occurrenceDate: string): string {
  if (!isLocalDate(occurrenceDate)) throw new RangeError(`Invalid occurrence date "${occurrenceDate}": expected YYYY-MM-DD`);
  const [year, month] = occurrenceDate.split('-').map(Number);
  return `${year}年${month}月`;
}

/** The end of the local day `dueAfterDays` after the occurrence (0: the occurrence's own day). */
export function dueForOccurrence(occurrenceDate: string, dueAfterDays: number): Date {
  return endOfLocalDay(addLocalDays(occurrenceDate, dueAfterDays));
}

/** What makes a task of an occurrence unique: one per (definition, occurrence, unit). */
export function recurrenceKey(definitionId: string, occurrence: string, unitId: string): string {
  return `${recurrenceKeyPrefix(definitionId, occurrence)}${unitId}`;
}

/** Every task of one occurrence has a key starting with this. */
export function recurrenceKeyPrefix(definitionId: string, occurrence: string): string {
  return `${definitionId}:${occurrence}:`;
}
