/**
 * Deadline policies (催办与督办规则): when a task's unit is reminded before its due time, and who is
 * escalated to after it passes. A policy is plain JSON copied onto each task; the planners below turn
 * it into instants. Shared by the API (to validate and show a timeline) and the task workflow's
 * activities (to sleep until the next moment), so everything here is pure and deterministic.
 */
import { DEFAULT_QUIET_HOURS, deferOutOfQuietHours, QuietHours } from './quiet-hours';
import { atLocalTime, CHINA_UTC_OFFSET_MINUTES, isLocalTime, localDateOf, msIntoLocalDay, startOfLocalDay } from './time-zone';
import { addWorkingDays, subtractWorkingDays, WorkingDayCalendar } from './working-days';

export type Offset =
  | { unit: 'calendar_days'; amount: number }
  | { unit: 'working_days'; amount: number }
  | { unit: 'hours'; amount: number }
  /** Tests and demos run whole policies in seconds. */
  | { unit: 'seconds'; amount: number }
  /** A local clock time on the due day, e.g. 09:00; only meaningful before the due time (reminders). */
  | { unit: 'due_day_at'; time: string };

export const OFFSET_UNITS = ['calendar_days', 'working_days', 'hours', 'seconds', 'due_day_at'] as const;

export const ESCALATION_TARGETS = [
  'assigned_unit_head', // 责任单位负责人
  'supervising_unit_head', // 上级单位负责人
  'responsible_leader', // 分片联系领导
] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export interface EscalationStep {
  level: number;
  /** How long after the due time the level is reached. */
  after: Offset;
  target: EscalationTarget;
  /** Reaching the level also opens a formal-talk record (约谈). */
  opensFormalTalk?: boolean;
}

export interface DeadlinePolicy {
  remindersBefore: Offset[];
  quietHours: QuietHours;
  escalation: EscalationStep[];
  /** 'day': a person's notifications of one local day are delivered together; 'none': one by one. */
  digestWindow: 'day' | 'none';
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = deepFreeze({
  remindersBefore: [
    { unit: 'calendar_days', amount: 3 },
    { unit: 'calendar_days', amount: 1 },
    { unit: 'due_day_at', time: '09:00' },
  ],
  quietHours: { ...DEFAULT_QUIET_HOURS },
  escalation: [
    { level: 1, after: { unit: 'hours', amount: 0 }, target: 'assigned_unit_head' },
    { level: 2, after: { unit: 'calendar_days', amount: 2 }, target: 'supervising_unit_head' },
    { level: 3, after: { unit: 'calendar_days', amount: 5 }, target: 'responsible_leader', opensFormalTalk: true },
  ],
  digestWindow: 'day',
});

/** Bounds that catch a unit mistake (minutes typed as days) long before a task would notice. */
const MAX_AMOUNT: Record<Exclude<Offset['unit'], 'due_day_at'>, number> = {
  calendar_days: 366,
  working_days: 250,
  hours: 24 * 366,
  seconds: 366 * 86_400,
};
const MAX_REMINDERS = 20;
const MAX_ESCALATION_LEVELS = 10;

export type PolicyValidation = { ok: true; policy: DeadlinePolicy } | { ok: false; errors: string[] };

/**
 * Checks a policy sent by a client and returns a clean copy (nothing but the known fields). Every
 * problem is reported, each naming its path, e.g. `escalation[1].level must increase`. All four parts
 * are required: a policy is copied onto the task whole, so what the client sees is what runs.
 */
export function validateDeadlinePolicy(p: unknown): PolicyValidation {
  const errors: string[] = [];
  if (!isRecord(p)) return { ok: false, errors: ['policy must be an object'] };
  unknownKeys(p, ['remindersBefore', 'quietHours', 'escalation', 'digestWindow'], '', errors);

  const remindersBefore: Offset[] = [];
  if (!Array.isArray(p.remindersBefore)) errors.push('remindersBefore must be a list of offsets');
  else if (p.remindersBefore.length > MAX_REMINDERS) errors.push(`remindersBefore must have at most ${MAX_REMINDERS} entries`);
  else {
    p.remindersBefore.forEach((o, i) => {
      // 0 before the due time is the due time itself, which no reminder may reach.
      const offset = checkOffset(o, `remindersBefore[${i}]`, { dueDayAt: true, minAmount: 1 }, errors);
      if (offset) remindersBefore.push(offset);
    });
  }

  let quietHours: QuietHours | undefined;
  if (!isRecord(p.quietHours)) errors.push('quietHours must be an object { start, end }');
  else {
    unknownKeys(p.quietHours, ['start', 'end'], 'quietHours.', errors);
    for (const key of ['start', 'end'] as const) {
      if (!isLocalTime(p.quietHours[key])) errors.push(`quietHours.${key} must be a time HH:MM (00:00–23:59)`);
    }
    if (isLocalTime(p.quietHours.start) && isLocalTime(p.quietHours.end)) {
      quietHours = { start: p.quietHours.start, end: p.quietHours.end };
    }
  }

  const escalation: EscalationStep[] = [];
  if (!Array.isArray(p.escalation)) errors.push('escalation must be a list of steps');
  else if (p.escalation.length > MAX_ESCALATION_LEVELS) errors.push(`escalation must have at most ${MAX_ESCALATION_LEVELS} steps`);
  else {
    p.escalation.forEach((s, i) => {
      const path = `escalation[${i}]`;
      if (!isRecord(s)) {
        errors.push(`${path} must be an object { level, after, target, opensFormalTalk? }`);
        return;
      }
      const before = errors.length;
      unknownKeys(s, ['level', 'after', 'target', 'opensFormalTalk'], `${path}.`, errors);
      if (!Number.isInteger(s.level) || (s.level as number) < 1) errors.push(`${path}.level must be a whole number ≥ 1`);
      // An escalation is a moment after the due time; a clock time on the due day is a reminder's business.
      const after = checkOffset(s.after, `${path}.after`, { dueDayAt: false, minAmount: 0 }, errors);
      if (!(ESCALATION_TARGETS as readonly unknown[]).includes(s.target)) {
        errors.push(`${path}.target must be one of ${ESCALATION_TARGETS.join(', ')}`);
      }
      if (s.opensFormalTalk !== undefined && typeof s.opensFormalTalk !== 'boolean') {
        errors.push(`${path}.opensFormalTalk must be true or false`);
      }
      if (errors.length > before || !after) return;
      const step: EscalationStep = { level: s.level as number, after, target: s.target as EscalationTarget };
      if (s.opensFormalTalk !== undefined) step.opensFormalTalk = s.opensFormalTalk as boolean;
      const previous = escalation[escalation.length - 1];
      if (previous && step.level <= previous.level) {
        errors.push(`${path}.level must increase: ${step.level} follows level ${previous.level}`);
      }
      // Offsets of different units cannot be compared without a calendar (the planner keeps the
      // ladder in order then); of the same unit, a later level before an earlier one is a typo.
      if (previous && previous.after.unit === after.unit && 'amount' in after && 'amount' in previous.after) {
        if (after.amount < previous.after.amount) {
          errors.push(`${path}.after must not come before the previous level's (${previous.after.amount} ${after.unit})`);
        }
      }
      escalation.push(step);
    });
  }

  if (p.digestWindow !== 'day' && p.digestWindow !== 'none') errors.push('digestWindow must be "day" or "none"');

  if (errors.length > 0 || !quietHours) return { ok: false, errors };
  return { ok: true, policy: { remindersBefore, quietHours, escalation, digestWindow: p.digestWindow as 'day' | 'none' } };
}

export interface PlannedReminder {
  at: Date;
  /** Index into `remindersBefore`: part of the reminder's unique key, so it must not depend on `now`. */
  offsetIndex: number;
}

/**
 * The reminders still ahead: each offset taken back from `due` (working days count back over working
 * days, keeping the time of day), then moved out of quiet hours. Kept only when strictly after `now`
 * and strictly before `due`, sorted; reminders landing on the same instant collapse into the one of
 * the lowest index. A reminder pushed by quiet hours to or past the due time is dropped: the
 * escalation at the due time says the rest.
 *
 * The filter applies to the deferred instant: a reminder due at 22:00 that waits for 08:00 is still
 * ahead when the plan is made at 23:00, and is sent then.
 */
export function planReminders(
  due: Date,
  policy: DeadlinePolicy,
  now: Date,
  calendar: WorkingDayCalendar,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): PlannedReminder[] {
  const dueMs = validInstant(due, 'due');
  const nowMs = validInstant(now, 'now');
  const planned: PlannedReminder[] = [];
  policy.remindersBefore.forEach((offset, offsetIndex) => {
    const raw = shift(due, offset, -1, calendar, offsetMinutes);
    const at = deferOutOfQuietHours(raw, policy.quietHours, offsetMinutes);
    if (at.getTime() > nowMs && at.getTime() < dueMs) planned.push({ at, offsetIndex });
  });
  planned.sort((a, b) => a.at.getTime() - b.at.getTime() || a.offsetIndex - b.offsetIndex);
  return planned.filter((r, i) => i === 0 || r.at.getTime() !== planned[i - 1].at.getTime());
}

export interface PlannedEscalation {
  level: number;
  at: Date;
  target: EscalationTarget;
  opensFormalTalk: boolean;
}

/**
 * The escalation ladder for a due time, by level: each at `due` plus its offset (working days count
 * forward over working days, keeping the time of day). A level is never before the due time nor before
 * the level below it, so a ladder mixing units (2 working days, then 3 calendar days) stays in order.
 *
 * Quiet hours do not move escalations. The moment a level is reached is a recorded fact: it sets the
 * task's escalation level shown in the oversight views and the overdue ranking, and level 3 opens a
 * formal-talk record (约谈). Those must not depend on the quiet-hours setting nor lag by a night. Only
 * the notification to a person waits for the morning, and delivery (the digest) takes care of that.
 */
export function planEscalations(
  due: Date,
  policy: DeadlinePolicy,
  calendar: WorkingDayCalendar,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): PlannedEscalation[] {
  let floor = validInstant(due, 'due');
  return [...policy.escalation]
    .sort((a, b) => a.level - b.level)
    .map((step) => {
      floor = Math.max(floor, shift(due, step.after, 1, calendar, offsetMinutes).getTime());
      return { level: step.level, at: new Date(floor), target: step.target, opensFormalTalk: step.opensFormalTalk === true };
    });
}

/** The instant `offset` before (direction −1) or after (+1) `due`. An amount of 0 is `due` itself. */
export function applyOffset(
  due: Date,
  offset: Offset,
  direction: 1 | -1,
  calendar: WorkingDayCalendar,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): Date {
  validInstant(due, 'due');
  return shift(due, offset, direction, calendar, offsetMinutes);
}

// ---------------------------------------------------------------------------------------------

function shift(due: Date, offset: Offset, direction: 1 | -1, calendar: WorkingDayCalendar, offsetMinutes: number): Date {
  const dueMs = due.getTime();
  switch (offset.unit) {
    case 'due_day_at':
      return atLocalTime(localDateOf(due, offsetMinutes), offset.time, offsetMinutes);
    case 'calendar_days':
      // A fixed offset has no daylight-saving jumps: a local day is always 24 hours.
      return new Date(dueMs + direction * offset.amount * 86_400_000);
    case 'hours':
      return new Date(dueMs + direction * offset.amount * 3_600_000);
    case 'seconds':
      return new Date(dueMs + direction * offset.amount * 1000);
    case 'working_days': {
      if (offset.amount === 0) return new Date(dueMs);
      const dueDate = localDateOf(due, offsetMinutes);
      const date = direction > 0 ? addWorkingDays(calendar, dueDate, offset.amount) : subtractWorkingDays(calendar, dueDate, offset.amount);
      return new Date(startOfLocalDay(date, offsetMinutes).getTime() + msIntoLocalDay(due, offsetMinutes));
    }
    default:
      throw new RangeError(`Unknown offset unit ${JSON.stringify((offset as { unit: unknown }).unit)}`);
  }
}

function checkOffset(o: unknown, path: string, rules: { dueDayAt: boolean; minAmount: number }, errors: string[]): Offset | undefined {
  if (!isRecord(o)) {
    errors.push(`${path} must be an object { unit, amount } or { unit: "due_day_at", time }`);
    return undefined;
  }
  const units = rules.dueDayAt ? OFFSET_UNITS : OFFSET_UNITS.filter((u) => u !== 'due_day_at');
  if (!(units as readonly unknown[]).includes(o.unit)) {
    errors.push(`${path}.unit must be one of ${units.join(', ')}`);
    return undefined;
  }
  if (o.unit === 'due_day_at') {
    unknownKeys(o, ['unit', 'time'], `${path}.`, errors);
    if (!isLocalTime(o.time)) {
      errors.push(`${path}.time must be a time HH:MM (00:00–23:59)`);
      return undefined;
    }
    return { unit: 'due_day_at', time: o.time };
  }
  const unit = o.unit as Exclude<Offset['unit'], 'due_day_at'>;
  unknownKeys(o, ['unit', 'amount'], `${path}.`, errors);
  const amount = o.amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < rules.minAmount || amount > MAX_AMOUNT[unit]) {
    errors.push(`${path}.amount must be a whole number from ${rules.minAmount} to ${MAX_AMOUNT[unit]} (${unit})`);
    return undefined;
  }
  return { unit, amount };
}

function unknownKeys(o: Record<string, unknown>, known: string[], prefix: string, errors: string[]): void {
  for (const key of Object.keys(o)) if (!known.includes(key)) errors.push(`${prefix}${key} is not allowed`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validInstant(d: Date, name: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid ${name}: expected a valid Date`);
  return ms;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
