import fc from 'fast-check';
import { channelDeliveryAt, parseQuietHours } from '../../src/domain/delivery-timing';
import { isInQuietHours } from '../../src/domain/quiet-hours';

describe(channelDeliveryAt.name, () => {
  const quiet = { start: '21:00', end: '08:00' };

  it('waits the collection window in the daytime', () => {
    // 10:00 in Beijing
    expect(channelDeliveryAt(new Date('2026-03-25T02:00:00Z'), 60_000, quiet).toISOString()).toBe('2026-03-25T02:01:00.000Z');
  });

  it('holds a message gathered at night until 08:00 Beijing time', () => {
    // 20:59:30 + 60 s falls into quiet hours
    expect(channelDeliveryAt(new Date('2026-03-25T12:59:30Z'), 60_000, quiet).toISOString()).toBe('2026-03-26T00:00:00.000Z');
  });

  it('never lands inside quiet hours, nor before the window ends', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (now, collect) => {
          const at = channelDeliveryAt(now, collect, quiet);
          return !isInQuietHours(at, quiet) && at.getTime() >= now.getTime() + collect;
        },
      ),
    );
  });
});

describe(parseQuietHours.name, () => {
  it('reads HH:MM-HH:MM and none, and refuses anything else', () => {
    expect(parseQuietHours('22:30-07:00')).toEqual({ start: '22:30', end: '07:00' });
    expect(parseQuietHours('none')).toBeNull();
    expect(parseQuietHours('25:00-07:00')).toBeUndefined();
    expect(parseQuietHours('evening')).toBeUndefined();
  });
});
