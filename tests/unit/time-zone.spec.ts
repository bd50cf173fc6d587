import fc from 'fast-check';
import {
  addLocalDays,
  atLocalTime,
  CHINA_UTC_OFFSET_MINUTES,
  endOfLocalDay,
  localDateOf,
  startOfLocalDay,
  weekdayOf,
} from '../../src/domain/time-zone';

describe(localDateOf.name, () => {
  it('is UTC+8 by default: 16:00 UTC is already the next day in China', () => {
    expect(CHINA_UTC_OFFSET_MINUTES).toBe(480);
    expect(localDateOf(new Date('2026-03-24T15:59:59.999Z'))).toBe('2026-03-24');
    expect(localDateOf(new Date('2026-03-24T16:00:00.000Z'))).toBe('2026-03-25');
  });

  it('takes another offset, including negative ones', () => {
    expect(localDateOf(new Date('2026-03-24T16:00:00Z'), 0)).toBe('2026-03-24');
    expect(localDateOf(new Date('2026-01-01T03:00:00Z'), -300)).toBe('2025-12-31');
  });

  it('refuses an invalid Date and an impossible offset', () => {
    expect(() => localDateOf(new Date('nonsense'))).toThrow(RangeError);
    expect(() => localDateOf(new Date(), 8)).not.toThrow();
    expect(() => localDateOf(new Date(), 8.5)).toThrow(/offset/);
    expect(() => localDateOf(new Date(), 24 * 60)).toThrow(/offset/);
  });

  it('agrees with Date#toISOString on the shifted instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1901-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        expect(localDateOf(d)).toBe(new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe(startOfLocalDay.name, () => {
  it('is 16:00 UTC of the day before', () => {
    expect(startOfLocalDay('2026-03-25').toISOString()).toBe('2026-03-24T16:00:00.000Z');
    expect(startOfLocalDay('2026-03-25', 0).toISOString()).toBe('2026-03-25T00:00:00.000Z');
  });

  it('rejects malformed and impossible dates, naming them', () => {
    for (const bad of ['2026-3-25', '2026-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '25-03-2026', '', '2026-03-25T00:00']) {
      expect(() => startOfLocalDay(bad)).toThrow(RangeError);
    }
    expect(() => startOfLocalDay('2026-02-30')).toThrow('Invalid date "2026-02-30"');
    expect(startOfLocalDay('2024-02-29').toISOString()).toBe('2024-02-28T16:00:00.000Z');
  });

  it('round-trips with localDateOf for every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 80_000 }), fc.integer({ min: -720, max: 840 }), (day, offset) => {
        const date = addLocalDays('1970-01-01', day);
        expect(localDateOf(startOfLocalDay(date, offset), offset)).toBe(date);
        expect(localDateOf(endOfLocalDay(date, offset), offset)).toBe(date);
      }),
    );
  });
});

describe(atLocalTime.name, () => {
  it('places a clock time on the local day', () => {
    expect(atLocalTime('2026-03-25', '09:00').toISOString()).toBe('2026-03-25T01:00:00.000Z');
    expect(atLocalTime('2026-03-25', '07:30').toISOString()).toBe('2026-03-24T23:30:00.000Z');
    expect(atLocalTime('2026-03-25', '23:59').toISOString()).toBe('2026-03-25T15:59:00.000Z');
  });

  it('rejects malformed times', () => {
    for (const bad of ['24:00', '9:00', '09:60', '0900', '09:00:00', 'noon']) {
      expect(() => atLocalTime('2026-03-25', bad)).toThrow(RangeError);
    }
    expect(() => atLocalTime('2026-03-25', '25:00')).toThrow('Invalid time "25:00"');
  });
});

describe(endOfLocalDay.name, () => {
  it('is the last millisecond of the local day: "by 25 March" leaves all of 25 March', () => {
    expect(endOfLocalDay('2026-03-25').toISOString()).toBe('2026-03-25T15:59:59.999Z');
    expect(endOfLocalDay('2025-12-31').toISOString()).toBe('2025-12-31T15:59:59.999Z');
  });
});

describe(addLocalDays.name, () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addLocalDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addLocalDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addLocalDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addLocalDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addLocalDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addLocalDays('2026-03-25', 0)).toBe('2026-03-25');
    expect(addLocalDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('does not read years below 100 as 19xx', () => {
    expect(addLocalDays('0050-01-01', 1)).toBe('0050-01-02');
    expect(() => addLocalDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it('refuses a fractional day count', () => {
    expect(() => addLocalDays('2026-03-25', 1.5)).toThrow(RangeError);
  });

  it('agrees with Date arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 60_000 }), fc.integer({ min: -1000, max: 1000 }), (start, days) => {
        const date = new Date(start * 86_400_000).toISOString().slice(0, 10);
        const expected = new Date((start + days) * 86_400_000).toISOString().slice(0, 10);
        expect(addLocalDays(date, days)).toBe(expected);
      }),
    );
  });
});

describe(weekdayOf.name, () => {
  it('counts from Sunday = 0', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2025-01-26')).toBe(0);
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2026-03-25')).toBe(3);
    expect(weekdayOf('1969-12-28')).toBe(0);
  });

  it('agrees with Date#getUTCDay', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 60_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        expect(weekdayOf(d.toISOString().slice(0, 10))).toBe(d.getUTCDay());
      }),
    );
  });

  it('rejects a malformed date', () => {
    expect(() => weekdayOf('2026/03/25')).toThrow(RangeError);
  });
});
