import { formatDateTime } from './dates';

/** What a step's start rule says, in the words of a work plan: 第1步完成后、不早于 2027年5月15日 00:00. */
export function startRuleText(step: { startAfter: number | null; startsAt: string | null }, steps: readonly { title: string }[]): string {
  const parts: string[] = [];
  if (step.startAfter !== null) parts.push(`「${steps[step.startAfter]?.title ?? `第${step.startAfter + 1}步`}」完成后`);
  if (step.startsAt) parts.push(`不早于 ${formatDateTime(step.startsAt)}`);
  return parts.length ? parts.join('，') : '启动即开始';
}
