import fc from 'fast-check';
import { DEFAULT_QUIET_HOURS, deferOutOfQuietHours, isInQuietHours, QuietHours } from '../../src/domain/quiet-hours';
import { msIntoLocalDay } from '../../src/domain/time-zone';

/** Local Beijing time as an instant: `at('2026-03-25 21:00')`. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);

describe(isInQuietHours.name, () => {
  it('defaults to 21:00–08:00, start inclusive and end exclusive', () => {
    expect(DEFAULT_QUIET_HOURS).toEqual({ start: '21:00', end: '08:00' });
    expect(isInQuietHours(at('2026-03-25 20:59:59.999'), DEFAULT_QUIET_HOURS)).toBe(false);
    expect(isInQuietHours(at('2026-03-25 21:00'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isInQuietHours(at('2026-03-25 23:59'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isInQuietHours(at('2026-03-26 00:00'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isInQuietHours(at('2026-03-26 07:59:59.999'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isInQuietHours(at('2026-03-26 08:00'), DEFAULT_QUIET_HOURS)).toBe(false);
    expect(isInQuietHours(at('2026-03-26 12:00'), DEFAULT_QUIET_HOURS)).toBe(false);
  });

  it('reads the clock in Beijing, not UTC', () => {
    // 13:30 UTC is 21:30 in Beijing, but 13:30 at UTC+0.
    const instant = new Date('2026-03-25T13:30:00Z');
    expect(isInQuietHours(instant, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isInQuietHours(instant, DEFAULT_QUIET_HOURS, 0)).toBe(false);
  });

  it('handles a window within one day', () => {
    const lunch: QuietHours = { start: '12:00', end: '14:00' };
    expect(isInQuietHours(at('2026-03-25 11:59'), lunch)).toBe(false);
    expect(isInQuietHours(at('2026-03-25 12:00'), lunch)).toBe(true);
    expect(isInQuietHours(at('2026-03-25 13:59'), lunch)).toBe(true);
    expect(isInQuietHours(at('2026-03-25 14:00'), lunch)).toBe(false);
    expect(isInQuietHours(at('2026-03-25 23:00'), lunch)).toBe(false);
  });

  it('has no quiet hours when start equals end', () => {
    const none: QuietHours = { start: '00:00', end: '00:00' };
    expect(isInQuietHours(at('2026-03-25 00:00'), none)).toBe(false);
    expect(isInQuietHours(at('2026-03-25 03:00'), none)).toBe(false);
  });

  it('rejects a malformed window', () => {
    expect(() => isInQuietHours(at('2026-03-25 12:00'), { start: '9pm', end: '08:00' })).toThrow(RangeError);
    expect(() => isInQuietHours(at('2026-03-25 12:00'), { start: '21:00', end: '24:00' })).toThrow(RangeError);
  });
});

describe(deferOutOfQuietHours.name, () => {
  it('moves a late-evening instant to 08:00 the next morning', () => {
    expect(deferOutOfQuietHours(at('2026-03-25 23:30'), DEFAULT_QUIET_HOURS)).toEqual(at('2026-03-26 08:00'));
    expect(deferOutOfQuietHours(at('2026-03-25 21:00'), DEFAULT_QUIET_HOURS)).toEqual(at('2026-03-26 08:00'));
    expect(deferOutOfQuietHours(at('2025-12-31 22:00'), DEFAULT_QUIET_HOURS)).toEqual(at('2026-01-01 08:00'));
  });

  it('moves an early-morning instant to 08:00 the same morning', () => {
    expect(deferOutOfQuietHours(at('2026-03-26 03:00'), DEFAULT_QUIET_HOURS)).toEqual(at('2026-03-26 08:00'));
    expect(deferOutOfQuietHours(at('2026-03-26 00:00'), DEFAULT_QUIET_HOURS)).toEqual(at('2026-03-26 08:00'));
  });

  it('leaves an instant outside the window where it is', () => {
    expect(deferOutOfQuietHours(at('2026-03-26 08:00'), DEFAULT_QUIET_HOURS)).toEqual(at('2026-03-26 08:00'));
    expect(deferOutOfQuietHours(at('2026-03-26 20:59'), DEFAULT_QUIET_HOURS)).toEqual(at('2026-03-26 20:59'));
  });

  it('moves to the end of a window within one day', () => {
    expect(deferOutOfQuietHours(at('2026-03-25 12:30'), { start: '12:00', end: '14:00' })).toEqual(at('2026-03-25 14:00'));
  });

  it('uses the given offset', () => {
    // 22:00 at UTC+0 moves to 08:00 UTC the next day.
    expect(deferOutOfQuietHours(new Date('2026-03-25T22:00:00Z'), DEFAULT_QUIET_HOURS, 0)).toEqual(new Date('2026-03-26T08:00:00Z'));
  });

  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const quiet = fc.record({ start: time, end: time });
  const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true });
  const offset = fc.constantFrom(480, 0, -300, 330);

  it('never returns an instant in quiet hours, never moves backwards, and moves to the earliest way out', () => {
    fc.assert(
      fc.property(instant, quiet, offset, (t, q, off) => {
        const deferred = deferOutOfQuietHours(t, q, off);
        expect(isInQuietHours(deferred, q, off)).toBe(false);
        expect(deferred.getTime()).toBeGreaterThanOrEqual(t.getTime());
        if (!isInQuietHours(t, q, off)) {
          expect(deferred.getTime()).toBe(t.getTime());
        } else {
          // moved to the window's end: a whole minute on the local clock, and just before it still quiet
          expect(deferred.getTime() - t.getTime()).toBeLessThanOrEqual(86_400_000);
          const [h, m] = q.end.split(':').map(Number);
          expect(msIntoLocalDay(deferred, off)).toBe((h * 60 + m) * 60_000);
          expect(isInQuietHours(new Date(deferred.getTime() - 1), q, off)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
