import fc from 'fast-check';
import {
  applyOffset,
  DeadlinePolicy,
  DEFAULT_DEADLINE_POLICY,
  EscalationStep,
  Offset,
  planEscalations,
  planReminders,
  validateDeadlinePolicy,
} from '../../src/domain/deadline-policy';
import { CHINA_HOLIDAY_CALENDARS } from '../../src/domain/holidays';
import { deferOutOfQuietHours, isInQuietHours, QuietHours } from '../../src/domain/quiet-hours';
import { endOfLocalDay } from '../../src/domain/time-zone';
import { buildWorkingDayCalendar } from '../../src/domain/working-days';

const calendar = buildWorkingDayCalendar(CHINA_HOLIDAY_CALENDARS);
/** Local Beijing time as an instant: `at('2026-03-25 17:00')`. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
const NO_QUIET: QuietHours = { start: '00:00', end: '00:00' };
const policyWith = (patch: Partial<DeadlinePolicy>): DeadlinePolicy => ({ ...DEFAULT_DEADLINE_POLICY, ...patch });
const longAgo = at('2020-01-01 00:00');

describe('DEFAULT_DEADLINE_POLICY', () => {
  it('is the documented policy, and valid', () => {
    expect(DEFAULT_DEADLINE_POLICY).toEqual({
      remindersBefore: [
        { unit: 'calendar_days', amount: 3 },
        { unit: 'calendar_days', amount: 1 },
        { unit: 'due_day_at', time: '09:00' },
      ],
      quietHours: { start: '21:00', end: '08:00' },
      escalation: [
        { level: 1, after: { unit: 'hours', amount: 0 }, target: 'assigned_unit_head' },
        { level: 2, after: { unit: 'calendar_days', amount: 2 }, target: 'supervising_unit_head' },
        { level: 3, after: { unit: 'calendar_days', amount: 5 }, target: 'responsible_leader', opensFormalTalk: true },
      ],
      digestWindow: 'day',
    });
    expect(validateDeadlinePolicy(DEFAULT_DEADLINE_POLICY)).toEqual({ ok: true, policy: DEFAULT_DEADLINE_POLICY });
  });

  it('cannot be changed by accident, since every task starts from it', () => {
    expect(() => DEFAULT_DEADLINE_POLICY.escalation.push({} as EscalationStep)).toThrow(TypeError);
    expect(() => {
      (DEFAULT_DEADLINE_POLICY.quietHours as { start: string }).start = '22:00';
    }).toThrow(TypeError);
  });
});

describe(validateDeadlinePolicy.name, () => {
  it('returns a clean copy of a valid policy, sharing nothing with the input', () => {
    const input = JSON.parse(JSON.stringify(DEFAULT_DEADLINE_POLICY));
    const result = validateDeadlinePolicy(input);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.policy).toEqual(input);
    expect(result.policy.escalation).not.toBe(input.escalation);
    input.escalation[0].level = 9;
    expect(result.policy.escalation[0].level).toBe(1);
  });

  it('accepts a demo policy in seconds without quiet hours or escalations', () => {
    const policy = { remindersBefore: [{ unit: 'seconds', amount: 10 }], quietHours: NO_QUIET, escalation: [], digestWindow: 'none' };
    expect(validateDeadlinePolicy(policy)).toEqual({ ok: true, policy });
  });

  it('names the path of every problem', () => {
    const result = validateDeadlinePolicy({
      remindersBefore: [
        { unit: 'calendar_days', amount: 0 },
        { unit: 'weeks', amount: 1 },
        { unit: 'due_day_at', time: '9:00' },
        { unit: 'hours', amount: 1.5 },
        'tomorrow',
      ],
      quietHours: { start: '21:00', end: '25:00', mood: 'calm' },
      escalation: [
        { level: 1, after: { unit: 'hours', amount: 0 }, target: 'assigned_unit_head' },
        { level: 1, after: { unit: 'hours', amount: 24 }, target: 'supervising_unit_head' },
        { level: 3, after: { unit: 'hours', amount: 12 }, target: 'mayor', opensFormalTalk: 'yes' },
        { level: 4, after: { unit: 'due_day_at', time: '09:00' }, target: 'responsible_leader' },
        { level: 5, after: { unit: 'calendar_days', amount: -1 }, target: 'responsible_leader', extra: 1 },
      ],
      digestWindow: 'week',
      colour: 'red',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'colour is not allowed',
        'remindersBefore[0].amount must be a whole number from 1 to 366 (calendar_days)',
        'remindersBefore[1].unit must be one of calendar_days, working_days, hours, seconds, due_day_at',
        'remindersBefore[2].time must be a time HH:MM (00:00–23:59)',
        'remindersBefore[3].amount must be a whole number from 1 to 8784 (hours)',
        'remindersBefore[4] must be an object { unit, amount } or { unit: "due_day_at", time }',
        'quietHours.mood is not allowed',
        'quietHours.end must be a time HH:MM (00:00–23:59)',
        'escalation[1].level must increase: 1 follows level 1',
        'escalation[2].target must be one of assigned_unit_head, supervising_unit_head, responsible_leader',
        'escalation[2].opensFormalTalk must be true or false',
        'escalation[3].after.unit must be one of calendar_days, working_days, hours, seconds',
        'escalation[4].extra is not allowed',
        'escalation[4].after.amount must be a whole number from 0 to 366 (calendar_days)',
        'digestWindow must be "day" or "none"',
      ],
    });
  });

  it('refuses a later level set before an earlier one in the same unit', () => {
    const result = validateDeadlinePolicy(
      policyWith({
        escalation: [
          { level: 1, after: { unit: 'calendar_days', amount: 3 }, target: 'assigned_unit_head' },
          { level: 2, after: { unit: 'calendar_days', amount: 2 }, target: 'supervising_unit_head' },
        ],
      }),
    );
    expect(result).toEqual({ ok: false, errors: ["escalation[1].after must not come before the previous level's (3 calendar_days)"] });
  });

  it('requires every part and an object', () => {
    expect(validateDeadlinePolicy(null)).toEqual({ ok: false, errors: ['policy must be an object'] });
    expect(validateDeadlinePolicy([])).toEqual({ ok: false, errors: ['policy must be an object'] });
    expect(validateDeadlinePolicy({})).toEqual({
      ok: false,
      errors: [
        'remindersBefore must be a list of offsets',
        'quietHours must be an object { start, end }',
        'escalation must be a list of steps',
        'digestWindow must be "day" or "none"',
      ],
    });
  });
});

describe(planReminders.name, () => {
  it('plans 3 days, 1 day and 09:00 on the due day before a 17:00 deadline', () => {
    expect(planReminders(at('2026-03-25 17:00'), DEFAULT_DEADLINE_POLICY, longAgo, calendar)).toEqual([
      { at: at('2026-03-22 17:00'), offsetIndex: 0 },
      { at: at('2026-03-24 17:00'), offsetIndex: 1 },
      { at: at('2026-03-25 09:00'), offsetIndex: 2 },
    ]);
  });

  it('moves reminders of an end-of-day deadline ("by 25 March") out of the night', () => {
    expect(planReminders(endOfLocalDay('2026-03-25'), DEFAULT_DEADLINE_POLICY, longAgo, calendar)).toEqual([
      { at: at('2026-03-23 08:00'), offsetIndex: 0 },
      { at: at('2026-03-25 08:00'), offsetIndex: 1 },
      { at: at('2026-03-25 09:00'), offsetIndex: 2 },
    ]);
  });

  it('keeps only reminders strictly after now', () => {
    const due = at('2026-03-25 17:00');
    expect(planReminders(due, DEFAULT_DEADLINE_POLICY, at('2026-03-24 12:00'), calendar).map((r) => r.offsetIndex)).toEqual([1, 2]);
    expect(planReminders(due, DEFAULT_DEADLINE_POLICY, at('2026-03-24 17:00'), calendar).map((r) => r.offsetIndex)).toEqual([2]);
    expect(planReminders(due, DEFAULT_DEADLINE_POLICY, at('2026-03-25 09:00'), calendar)).toEqual([]);
  });

  it('judges "still ahead" by the deferred time: a 22:00 reminder waiting for 08:00 is still ahead at 23:00', () => {
    const policy = policyWith({ remindersBefore: [{ unit: 'hours', amount: 14 }] });
    expect(planReminders(at('2026-03-26 12:00'), policy, at('2026-03-25 23:00'), calendar)).toEqual([
      { at: at('2026-03-26 08:00'), offsetIndex: 0 },
    ]);
  });

  it('drops a reminder that quiet hours would push to or past the due time', () => {
    const policy = policyWith({ remindersBefore: [{ unit: 'hours', amount: 1 }] });
    expect(planReminders(at('2026-03-25 07:30'), policy, longAgo, calendar)).toEqual([]);
    expect(planReminders(at('2026-03-25 08:00'), policy, longAgo, calendar)).toEqual([]);
    expect(planReminders(at('2026-03-25 08:01'), policy, longAgo, calendar)).toEqual([{ at: at('2026-03-25 08:00'), offsetIndex: 0 }]);
  });

  it('drops a due-day reminder after the due time', () => {
    expect(planReminders(at('2026-03-25 08:30'), DEFAULT_DEADLINE_POLICY, longAgo, calendar).map((r) => r.offsetIndex)).toEqual([0, 1]);
  });

  it('collapses reminders that land on the same instant into the lowest index', () => {
    const policy = policyWith({
      remindersBefore: [
        { unit: 'hours', amount: 4 }, // 08:00
        { unit: 'hours', amount: 6 }, // 06:00 → 08:00
        { unit: 'hours', amount: 5 }, // 07:00 → 08:00
        { unit: 'due_day_at', time: '08:00' },
        { unit: 'hours', amount: 2 }, // 10:00
      ],
    });
    expect(planReminders(at('2026-03-25 12:00'), policy, longAgo, calendar)).toEqual([
      { at: at('2026-03-25 08:00'), offsetIndex: 0 },
      { at: at('2026-03-25 10:00'), offsetIndex: 4 },
    ]);
  });

  it('counts working days back over a holiday week and onto a make-up day, keeping the time of day', () => {
    const policy = policyWith({
      remindersBefore: [
        { unit: 'working_days', amount: 1 },
        { unit: 'working_days', amount: 2 },
      ],
    });
    expect(planReminders(at('2025-10-09 17:00'), policy, longAgo, calendar)).toEqual([
      { at: at('2025-09-29 17:00'), offsetIndex: 1 },
      { at: at('2025-09-30 17:00'), offsetIndex: 0 },
    ]);
    expect(planReminders(at('2025-10-13 10:00'), policy, longAgo, calendar)).toEqual([
      { at: at('2025-10-10 10:00'), offsetIndex: 1 },
      { at: at('2025-10-11 10:00'), offsetIndex: 0 }, // Saturday, a make-up workday
    ]);
  });

  it('runs in seconds for tests and demos', () => {
    const due = new Date('2026-03-25T12:00:00Z');
    const policy = policyWith({
      remindersBefore: [
        { unit: 'seconds', amount: 30 },
        { unit: 'seconds', amount: 10 },
      ],
      quietHours: NO_QUIET,
    });
    expect(planReminders(due, policy, new Date('2026-03-25T11:59:00Z'), calendar)).toEqual([
      { at: new Date('2026-03-25T11:59:30Z'), offsetIndex: 0 },
      { at: new Date('2026-03-25T11:59:50Z'), offsetIndex: 1 },
    ]);
  });

  it('refuses an invalid due time', () => {
    expect(() => planReminders(new Date('x'), DEFAULT_DEADLINE_POLICY, longAgo, calendar)).toThrow(RangeError);
  });
});

describe(planEscalations.name, () => {
  it('climbs the default ladder at the due time, two and five days later', () => {
    expect(planEscalations(at('2026-03-25 17:00'), DEFAULT_DEADLINE_POLICY, calendar)).toEqual([
      { level: 1, at: at('2026-03-25 17:00'), target: 'assigned_unit_head', opensFormalTalk: false },
      { level: 2, at: at('2026-03-27 17:00'), target: 'supervising_unit_head', opensFormalTalk: false },
      { level: 3, at: at('2026-03-30 17:00'), target: 'responsible_leader', opensFormalTalk: true },
    ]);
  });

  it('is not moved by quiet hours', () => {
    const [level1] = planEscalations(endOfLocalDay('2026-03-25'), DEFAULT_DEADLINE_POLICY, calendar);
    expect(level1.at).toEqual(endOfLocalDay('2026-03-25'));
    expect(isInQuietHours(level1.at, DEFAULT_DEADLINE_POLICY.quietHours)).toBe(true);
  });

  it('counts working days forward over a holiday week, and keeps a mixed ladder in order', () => {
    const policy = policyWith({
      escalation: [
        { level: 2, after: { unit: 'calendar_days', amount: 2 }, target: 'supervising_unit_head' },
        { level: 1, after: { unit: 'working_days', amount: 3 }, target: 'assigned_unit_head' },
      ],
    });
    expect(planEscalations(at('2025-09-30 17:00'), policy, calendar)).toEqual([
      // 9 Oct, 10 Oct, then Saturday 11 Oct (make-up workday)
      { level: 1, at: at('2025-10-11 17:00'), target: 'assigned_unit_head', opensFormalTalk: false },
      // 2 Oct would come before level 1: a level never fires before the one below it
      { level: 2, at: at('2025-10-11 17:00'), target: 'supervising_unit_head', opensFormalTalk: false },
    ]);
  });

  it('plans nothing for a policy without escalation', () => {
    expect(planEscalations(at('2026-03-25 17:00'), policyWith({ escalation: [] }), calendar)).toEqual([]);
  });
});

describe('deadline planning (properties)', () => {
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const amountOffset = (min: number): fc.Arbitrary<Offset> =>
    fc.oneof(
      fc.record({ unit: fc.constant('calendar_days' as const), amount: fc.integer({ min, max: 10 }) }),
      fc.record({ unit: fc.constant('working_days' as const), amount: fc.integer({ min, max: 10 }) }),
      fc.record({ unit: fc.constant('hours' as const), amount: fc.integer({ min, max: 72 }) }),
      fc.record({ unit: fc.constant('seconds' as const), amount: fc.integer({ min, max: 100_000 }) }),
    );
  const reminderOffset: fc.Arbitrary<Offset> = fc.oneof(amountOffset(1), fc.record({ unit: fc.constant('due_day_at' as const), time }));
  const quietHours = fc.oneof(fc.constant({ start: '21:00', end: '08:00' }), fc.record({ start: time, end: time }));
  const ladder = fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), amountOffset(0), fc.boolean()), { maxLength: 6 }).map((steps) => {
    let level = 0;
    return steps.map(([gap, after, talk]): EscalationStep => {
      level += gap;
      return { level, after, target: 'supervising_unit_head', opensFormalTalk: talk };
    });
  });
  const policy = fc.record({
    remindersBefore: fc.array(reminderOffset, { maxLength: 8 }),
    quietHours,
    escalation: ladder,
    digestWindow: fc.constantFrom('day' as const, 'none' as const),
  });
  const due = fc.date({ min: new Date('2025-01-15T00:00:00Z'), max: new Date('2026-12-15T00:00:00Z'), noInvalidDate: true });
  const nowBeforeDue = fc.integer({ min: -2 * 86_400_000, max: 15 * 86_400_000 });

  it('planReminders returns only instants in (now, due), none in quiet hours, sorted and distinct, and misses none', () => {
    fc.assert(
      fc.property(due, policy, nowBeforeDue, (dueAt, p, lead) => {
        const now = new Date(dueAt.getTime() - lead);
        const planned = planReminders(dueAt, p, now, calendar);
        planned.forEach((r, i) => {
          expect(r.at.getTime()).toBeGreaterThan(now.getTime());
          expect(r.at.getTime()).toBeLessThan(dueAt.getTime());
          expect(isInQuietHours(r.at, p.quietHours)).toBe(false);
          if (i > 0) expect(r.at.getTime()).toBeGreaterThan(planned[i - 1].at.getTime());
        });
        // every offset whose (deferred) moment is in (now, due) is represented by a reminder at that instant
        p.remindersBefore.forEach((offset, index) => {
          const moment = deferOutOfQuietHours(applyOffset(dueAt, offset, -1, calendar), p.quietHours).getTime();
          const expected = moment > now.getTime() && moment < dueAt.getTime();
          const found = planned.find((r) => r.at.getTime() === moment);
          expect(found !== undefined).toBe(expected);
          if (found) expect(found.offsetIndex).toBeLessThanOrEqual(index);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('planEscalations levels strictly increase and times never decrease, none before the due time', () => {
    fc.assert(
      fc.property(due, policy, (dueAt, p) => {
        const planned = planEscalations(dueAt, p, calendar);
        expect(planned).toHaveLength(p.escalation.length);
        planned.forEach((e, i) => {
          expect(e.at.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
          expect(e.at.getTime()).toBeGreaterThanOrEqual(applyOffset(dueAt, p.escalation[i].after, 1, calendar).getTime());
          if (i > 0) {
            expect(e.level).toBeGreaterThan(planned[i - 1].level);
            expect(e.at.getTime()).toBeGreaterThanOrEqual(planned[i - 1].at.getTime());
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
