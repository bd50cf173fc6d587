import fc from 'fast-check';
import {
  dueForOccurrence,
  occurrenceKey,
  periodOf,
  recurrenceKey,
  recurrenceKeyPrefix,
  recurringTitle,
  validateCron,
} from '../../src/domain/recurrence';
import { addLocalDays, localDateOf, startOfLocalDay } from '../../src/domain/time-zone';

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day-of-week', min: 0, max: 7 },
];

/** A valid term of a field: a value, *, a range, each optionally with a step. */
const validTerm = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }).map(String),
    fc.constant('*'),
    fc.integer({ min: 1, max: max - min + 1 }).map((step) => `*/${step}`),
    fc
      .tuple(fc.integer({ min, max }), fc.integer({ min, max }), fc.option(fc.integer({ min: 1, max: max - min + 1 }), { nil: undefined }))
      .map(([a, b, step]) => `${Math.min(a, b)}-${Math.max(a, b)}${step === undefined ? '' : `/${step}`}`),
  );
const validField = (min: number, max: number) =>
  fc.array(validTerm(min, max), { minLength: 1, maxLength: 3 }).map((terms) => terms.join(','));
const validCron = fc.tuple(...FIELDS.map((f) => validField(f.min, f.max))).map((parts) => parts.join(' '));

describe(validateCron.name, () => {
  it('takes numbers, *, lists, ranges and steps, and normalizes the spacing', () => {
    for (const cron of ['0 9 1 * *', '*/15 8-18 * * 1-5', '0 0 1,15 * *', '30 8 * * 7', '0 9 1-7/2 1,4,7,10 *', '0 0 * * 0-6/2']) {
      expect(validateCron(cron)).toEqual({ ok: true, cron });
    }
    expect(validateCron('  0   9 1 *\t* ')).toEqual({ ok: true, cron: '0 9 1 * *' });
  });

  it('names the field of every value out of range', () => {
    expect(validateCron('60 * * * *')).toEqual({ ok: false, errors: ['minute: 60 is outside 0–59'] });
    expect(validateCron('0 25 * * *')).toEqual({ ok: false, errors: ['hour: 25 is outside 0–23'] });
    expect(validateCron('0 9 0 * *')).toEqual({ ok: false, errors: ['day-of-month: 0 is outside 1–31'] });
    expect(validateCron('0 9 1 13 *')).toEqual({ ok: false, errors: ['month: 13 is outside 1–12'] });
    expect(validateCron('0 9 * * 8')).toEqual({ ok: false, errors: ['day-of-week: 8 is outside 0–7'] });
    expect(validateCron('99 24 * * *')).toEqual({ ok: false, errors: ['minute: 99 is outside 0–59', 'hour: 24 is outside 0–23'] });
  });

  it('refuses backward ranges, zero or oversized steps and steps after a single value', () => {
    expect(validateCron('0 9 20-10 * *')).toEqual({ ok: false, errors: ['day-of-month: range 20-10 runs backwards'] });
    expect(validateCron('*/0 * * * *')).toEqual({ ok: false, errors: ['minute: step 0 is outside 1–60'] });
    expect(validateCron('0 */25 * * *')).toEqual({ ok: false, errors: ['hour: step 25 is outside 1–24'] });
    const single = validateCron('5/15 * * * *');
    expect(single.ok).toBe(false);
    expect(!single.ok && single.errors).toEqual([expect.stringMatching(/^minute: a step needs \* or a range/)]);
  });

  it('refuses names, macros and other syntax, naming the field', () => {
    const errorsOf = (cron: string) => {
      const result = validateCron(cron);
      return result.ok ? [] : result.errors;
    };
    expect(errorsOf('0 9 * * MON')).toEqual([expect.stringMatching(/^day-of-week: "MON" is not/)]);
    expect(errorsOf('0 9 L * *')).toEqual([expect.stringMatching(/^day-of-month: "L" is not/)]);
    expect(errorsOf('0 9 1 JAN *')).toEqual([expect.stringMatching(/^month: "JAN" is not/)]);
    expect(errorsOf('0 9 1,,2 * *')).toEqual([expect.stringMatching(/^day-of-month: "" is not/)]);
    expect(errorsOf('-1 9 * * *')).toEqual([expect.stringMatching(/^minute: "-1" is not/)]);
  });

  it('wants exactly five fields', () => {
    const fieldsMessage = (n: number) => `cron must have 5 fields (minute hour day-of-month month day-of-week), got ${n}`;
    expect(validateCron('@monthly')).toEqual({ ok: false, errors: [fieldsMessage(1)] });
    expect(validateCron('0 0 9 1 * *')).toEqual({ ok: false, errors: [fieldsMessage(6)] });
    expect(validateCron('   ')).toEqual({ ok: false, errors: [fieldsMessage(0)] });
    expect(validateCron(42)).toEqual({ ok: false, errors: ['cron must be a string'] });
  });

  it('accepts every cron built from valid terms', () => {
    fc.assert(fc.property(validCron, (cron) => expect(validateCron(cron)).toEqual({ ok: true, cron })));
  });

  it('refuses a value past the end of any field, naming that field only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FIELDS.length - 1 }), fc.integer({ min: 1, max: 1000 }), (i, excess) => {
        const parts = FIELDS.map(() => '*');
        parts[i] = String(FIELDS[i].max + excess);
        expect(validateCron(parts.join(' '))).toEqual({
          ok: false,
          errors: [`${FIELDS[i].name}: ${FIELDS[i].max + excess} is outside ${FIELDS[i].min}–${FIELDS[i].max}`],
        });
      }),
    );
  });
});

describe(occurrenceKey.name, () => {
  it('is the date in China: 09:00 on the 1st local time is 01:00 UTC, 00:30 local is still the day before in UTC', () => {
    expect(occurrenceKey(new Date('2026-11-01T01:00:00Z'))).toBe('2026-11-01');
    expect(occurrenceKey(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11-01');
    expect(occurrenceKey(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10-31');
  });

  it('is the same for every instant of one local day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 86_399_999 }), (day, ms) => {
        const date = addLocalDays('2000-01-01', day);
        expect(occurrenceKey(new Date(startOfLocalDay(date).getTime() + ms))).toBe(date);
      }),
    );
  });
});

describe(recurringTitle.name, () => {
  it('puts the month of the occurrence in place of every {{period}}', () => {
    expect(recurringTitle('录入全国健康扶贫动态管理系统（{{period}}）', '2026-11-01')).toBe('录入全国健康扶贫动态管理系统（2026年11月）');
    expect(recurringTitle('{{period}}动态管理：{{period}}', '2027-01-31')).toBe('2027年1月动态管理：2027年1月');
    expect(recurringTitle('每月按时录入', '2026-11-01')).toBe('每月按时录入');
    expect(recurringTitle('{{ period }} and {period}', '2026-11-01')).toBe('{{ period }} and {period}');
  });

  it('never makes a title longer than its template, so a 200-character template stays within the column', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant('{{period}}'))), fc.integer({ min: 0, max: 2_900_000 }), (pieces, day) => {
        const template = pieces.join('');
        expect(recurringTitle(template, addLocalDays('0001-01-01', day)).length).toBeLessThanOrEqual(template.length);
      }),
    );
  });
});

describe(periodOf.name, () => {
  it('writes the month as offices do, without leading zeros', () => {
    expect(periodOf('2026-03-05')).toBe('2026年3月');
    expect(periodOf('2026-12-31')).toBe('2026年12月');
  });

  it('refuses anything but an existing date', () => {
    for (const bad of ['2026-02-30', '2026-11', '2026/11/01', '']) expect(() => periodOf(bad)).toThrow(RangeError);
  });
});

describe(dueForOccurrence.name, () => {
  it('is the end of the local day N days after the occurrence', () => {
    expect(dueForOccurrence('2026-11-01', 5).toISOString()).toBe('2026-11-06T15:59:59.999Z');
    expect(dueForOccurrence('2026-11-01', 0).toISOString()).toBe('2026-11-01T15:59:59.999Z');
    expect(dueForOccurrence('2026-12-30', 3).toISOString()).toBe('2027-01-02T15:59:59.999Z');
    expect(dueForOccurrence('2028-02-27', 2).toISOString()).toBe('2028-02-29T15:59:59.999Z');
  });

  it('falls on the right local day, one millisecond before the next one begins', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 366 }), (day, after) => {
        const date = addLocalDays('2000-01-01', day);
        const due = dueForOccurrence(date, after);
        expect(localDateOf(due)).toBe(addLocalDays(date, after));
        expect(due.getTime() + 1).toBe(startOfLocalDay(addLocalDays(date, after + 1)).getTime());
      }),
    );
  });
});

describe(recurrenceKey.name, () => {
  it('is <definition>:<occurrence>:<unit>, within the 120 characters of its column, under its occurrence prefix', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.integer({ min: 0, max: 2_900_000 }), (definitionId, unitId, day) => {
        const date = addLocalDays('0001-01-01', day);
        const key = recurrenceKey(definitionId, date, unitId);
        expect(key).toBe(`${definitionId}:${date}:${unitId}`);
        expect(key.startsWith(recurrenceKeyPrefix(definitionId, date))).toBe(true);
        expect(key.length).toBeLessThanOrEqual(120);
      }),
    );
  });
});
