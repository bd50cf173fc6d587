import { localDateOf } from '../../../src/domain/time-zone';

/** 2027-03-25 → 2027年3月25日: how dates are written in Chinese government documents. */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant as its day in China (Asia/Shanghai, UTC+8 all year), written 2027年3月25日. */
export function formatDate(instant: string | Date): string {
  return formatLocalDate(localDateOf(new Date(instant)));
}

/** An instant as 2027年3月25日 09:05 (China time), whatever the browser's time zone. */
export function formatDateTime(instant: string | Date): string {
  const at = new Date(instant);
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  const hh = String(shifted.getUTCHours()).padStart(2, '0');
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(at)} ${hh}:${mm}`;
}
