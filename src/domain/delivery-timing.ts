import { deferOutOfQuietHours, QuietHours } from './quiet-hours';
import { CHINA_UTC_OFFSET_MINUTES } from './time-zone';

/**
 * When an outside message may go: after a short collection window, so items that arrive together
 * (a morning's reminders) leave as one digest, and never inside quiet hours.
 */
export function channelDeliveryAt(now: Date, collectMs: number, quiet: QuietHours | null, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): Date {
  const collected = new Date(now.getTime() + collectMs);
  return quiet ? deferOutOfQuietHours(collected, quiet, offsetMinutes) : collected;
}

/** `21:00-08:00`, or `none` for no quiet hours. */
export function parseQuietHours(text: string): QuietHours | null | undefined {
  if (text.trim().toLowerCase() === 'none') return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? { start: `${match[1]}:${match[2]}`, end: `${match[3]}:${match[4]}` } : undefined;
}
