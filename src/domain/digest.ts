/**
 * Digests (汇总提醒): a person with many tasks would otherwise get one message per reminder and
 * escalation. With the 'day' window everything addressed to one person on one local day is delivered
 * together; with 'none' every instant stands alone.
 */
import { CHINA_UTC_OFFSET_MINUTES, localDateOf } from './time-zone';

export type DigestWindow = 'day' | 'none';

/** `<user>:<local date>` for 'day'; `<user>:<ISO instant>` for 'none', so only simultaneous items share a key. */
export function digestKey(recipientUserId: string, instant: Date, window: DigestWindow, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): string {
  if (window === 'day') return `${recipientUserId}:${localDateOf(instant, offsetMinutes)}`;
  if (window === 'none') {
    if (!Number.isFinite(instant.getTime())) throw new RangeError('Invalid instant: expected a valid Date');
    return `${recipientUserId}:${instant.toISOString()}`;
  }
  throw new RangeError(`Invalid digest window ${JSON.stringify(window)}: expected "day" or "none"`);
}

export interface Digest<T> {
  /** Unique among the digests returned: usable as (part of) a delivery's business key. */
  key: string;
  recipientUserId: string;
  /** By time, ties in input order. */
  items: T[];
}

/** Groups items by `digestKey`; digests sorted by key (so by person, then by time). */
export function groupIntoDigests<T extends { recipientUserId: string; at: Date }>(
  items: T[],
  window: DigestWindow,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): Digest<T>[] {
  const byKey = new Map<string, Digest<T>>();
  for (const item of items) {
    const key = digestKey(item.recipientUserId, item.at, window, offsetMinutes);
    const digest = byKey.get(key) ?? { key, recipientUserId: item.recipientUserId, items: [] };
    digest.items.push(item);
    byKey.set(key, digest);
  }
  const digests = [...byKey.values()];
  for (const d of digests) d.items.sort((a, b) => a.at.getTime() - b.at.getTime()); // stable: ties keep input order
  return digests.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
