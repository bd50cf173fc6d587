import fc from 'fast-check';
import { digestKey, groupIntoDigests } from '../../src/domain/digest';

const at = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);

describe(digestKey.name, () => {
  it('keys a day digest by the person and the local (Beijing) date', () => {
    expect(digestKey('u1', at('2026-03-25 08:00'), 'day')).toBe('u1:2026-03-25');
    expect(digestKey('u1', at('2026-03-25 23:59'), 'day')).toBe('u1:2026-03-25');
    // 00:30 in Beijing is still 24 March in UTC, but the digest is of 25 March
    expect(digestKey('u1', at('2026-03-25 00:30'), 'day')).toBe('u1:2026-03-25');
    expect(digestKey('u1', at('2026-03-25 00:30'), 'day', 0)).toBe('u1:2026-03-24');
  });

  it('keys by the exact instant when digests are off', () => {
    expect(digestKey('u1', new Date('2026-03-25T01:02:03.004Z'), 'none')).toBe('u1:2026-03-25T01:02:03.004Z');
  });

  it('rejects an invalid instant or window', () => {
    expect(() => digestKey('u1', new Date('x'), 'none')).toThrow(RangeError);
    expect(() => digestKey('u1', new Date('x'), 'day')).toThrow(RangeError);
    expect(() => digestKey('u1', new Date(), 'week' as 'day')).toThrow(/digest window/);
  });
});

describe(groupIntoDigests.name, () => {
  const items = [
    { recipientUserId: 'u2', at: at('2026-03-25 10:00'), id: 'a' },
    { recipientUserId: 'u1', at: at('2026-03-25 15:00'), id: 'b' },
    { recipientUserId: 'u1', at: at('2026-03-26 09:00'), id: 'c' },
    { recipientUserId: 'u1', at: at('2026-03-25 08:00'), id: 'd' },
    { recipientUserId: 'u1', at: at('2026-03-25 00:10'), id: 'e' },
  ];

  it('gathers a person’s items of one local day, digests sorted by key and items by time', () => {
    const digests = groupIntoDigests(items, 'day');
    expect(digests.map((d) => ({ key: d.key, user: d.recipientUserId, ids: d.items.map((i) => i.id) }))).toEqual([
      { key: 'u1:2026-03-25', user: 'u1', ids: ['e', 'd', 'b'] },
      { key: 'u1:2026-03-26', user: 'u1', ids: ['c'] },
      { key: 'u2:2026-03-25', user: 'u2', ids: ['a'] },
    ]);
  });

  it('gathers nothing when digests are off, except items of the very same instant', () => {
    const same = { recipientUserId: 'u1', at: at('2026-03-25 15:00'), id: 'f' };
    const digests = groupIntoDigests([...items, same], 'none');
    expect(digests.map((d) => d.items.map((i) => i.id))).toEqual([['e'], ['d'], ['b', 'f'], ['c'], ['a']]);
  });

  it('returns nothing for nothing', () => {
    expect(groupIntoDigests([], 'day')).toEqual([]);
  });

  it('keeps every item exactly once, under unique keys, each digest of one person and one day', () => {
    const item = fc.record({
      recipientUserId: fc.constantFrom('u1', 'u2', 'u10'),
      at: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-01-05T00:00:00Z'), noInvalidDate: true }),
      n: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.constantFrom('day' as const, 'none' as const), (list, window) => {
        const digests = groupIntoDigests(list, window);
        expect(digests.flatMap((d) => d.items)).toHaveLength(list.length);
        expect(new Set(digests.flatMap((d) => d.items)).size).toBe(list.length);
        expect(new Set(digests.map((d) => d.key)).size).toBe(digests.length);
        expect([...digests.map((d) => d.key)].sort()).toEqual(digests.map((d) => d.key));
        for (const d of digests) {
          for (const i of d.items) {
            expect(i.recipientUserId).toBe(d.recipientUserId);
            expect(digestKey(i.recipientUserId, i.at, window)).toBe(d.key);
          }
          d.items.forEach((i, k) => k > 0 && expect(i.at.getTime()).toBeGreaterThanOrEqual(d.items[k - 1].at.getTime()));
        }
      }),
    );
  });
});
