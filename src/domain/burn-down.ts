import { addLocalDays } from './time-zone';

/**
 * Open problems at the end of each day from `from` to `today`, oldest first, counted back from those open
 * now: a day's count is today's less what opened after it, plus what was cleared after it. Every opening
 * (created, found again) and clearing (销号) is an event of the problem's history, so this is exact.
 */
export function burnDownOf(
  openNow: number,
  deltas: readonly { day: string; delta: number }[],
  from: string,
  today: string,
): { day: string; open: number }[] {
  const byDay = new Map(deltas.map((d) => [d.day, d.delta]));
  const days: string[] = [];
  for (let day = from; day <= today; day = addLocalDays(day, 1)) days.push(day);
  let open = openNow;
  const counts = new Map<string, number>();
  for (const day of [...days].reverse()) {
    counts.set(day, open);
    open -= byDay.get(day) ?? 0;
  }
  return days.map((day) => ({ day, open: counts.get(day)! }));
}
