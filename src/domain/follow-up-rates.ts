/**
 * Follow-up rate tables (随访率): follow-ups due (their period ended by the day) and done (recorded by
 * its end) per row, rates rounded half up, the total the exact sum of the rows; the series' dates; the
 * XLSX layout of seed 001's table split by disease. Pure: the counting is the treatment rates' code
 * (`rateTable`, `seriesDates`, `splitRateSheet`) with 应随访 as the denominator and 已随访 as the numerator.
 */
import { FOLLOW_UP_DISEASE_CODES, FOLLOW_UP_DISEASES, FollowUpDiseaseCode } from './follow-up';
import { addLocalDays, localDaysBetween } from './time-zone';
import { chineseDate, RateCounts, RateRowSpec, RateSheet, rateTable, seriesDates, SeriesStep, splitRateSheet } from './treatment-rates';

/** 应随访 and 已随访 as of a day. */
export interface FollowUpCounts {
  due: number;
  done: number;
}

export interface FollowUpRateRow extends FollowUpCounts {
  key: string;
  label: string;
  rate: number | null;
}

export interface FollowUpRateTable {
  rows: FollowUpRateRow[];
  total: FollowUpCounts & { rate: number | null };
}

/** The longest series asked for at once: a year, leap or not. */
export const MAX_FOLLOW_UP_SERIES_DAYS = 366;

const asRate = (c: FollowUpCounts): RateCounts => ({ needing: c.due, treated: c.done });

/**
 * The rows in the order given, each with its counts (0 when none) and rate; a key counted but not
 * listed is appended under its own key, so the total is always the exact sum of the rows.
 */
export function followUpRateTable(
  specs: readonly RateRowSpec[],
  counts: ReadonlyMap<string, FollowUpCounts>,
  asOf: string,
  decimals: number,
): FollowUpRateTable {
  const table = rateTable(specs, new Map([...counts].map(([key, c]) => [key, asRate(c)])), { asOf, decimals });
  return {
    rows: table.rows.map((r) => ({ key: r.key, label: r.label, due: r.needing, done: r.treated, rate: r.rate })),
    total: { due: table.total.needing, done: table.total.treated, rate: table.total.rate },
  };
}

/** Adds counts split by disease into one figure per row. */
export function sumDiseases(split: ReadonlyMap<string, Partial<Record<FollowUpDiseaseCode, FollowUpCounts>>>): Map<string, FollowUpCounts> {
  return new Map(
    [...split].map(([key, parts]) => [
      key,
      Object.values(parts).reduce<FollowUpCounts>((a, b) => ({ due: a.due + b.due, done: a.done + b.done }), { due: 0, done: 0 }),
    ]),
  );
}

/**
 * The days of a series from `from` to `to` (both included, `to` cut at `today`): every day, or every
 * seventh day from `from` with the last day always included. Empty when `from` is after today.
 */
export function followUpSeriesDates(from: string, to: string, today: string, every: SeriesStep): string[] {
  return seriesDates({ startsOn: from, endsOn: to }, today, every);
}

/**
 * The range a series covers: `to` defaults to today, `from` to the first of January of `to`'s year (the
 * plans run by the year); an error names what is wrong (from after to, more than a year).
 */
export function followUpSeriesRange(
  query: { from?: string; to?: string },
  today: string,
): { from: string; to: string } | { error: string } {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) return { error: `from (${from}) must not be after to (${to})` };
  if (localDaysBetween(from, to) + 1 > MAX_FOLLOW_UP_SERIES_DAYS)
    return {
      error: `a series covers at most ${MAX_FOLLOW_UP_SERIES_DAYS} days: ${from} to ${addLocalDays(from, MAX_FOLLOW_UP_SERIES_DAYS - 1)}`,
    };
  return { from, to };
}

/** The diseases a follow-up table is split by, in their order, as the sheet names them. */
export function followUpDiseaseSpecs(): RateRowSpec[] {
  return FOLLOW_UP_DISEASE_CODES.map((code) => ({ key: code, label: FOLLOW_UP_DISEASES[code].name }));
}

export const FOLLOW_UP_SHEET_FIGURE_HEADERS = ['应随访人次', '已随访人次', '随访率(%)'] as const;
export const FOLLOW_UP_SHEET_SPLIT_HEADERS = ['应随访', '已随访', '随访率(%)'] as const;

/**
 * Seed 001's layout for 随访率: per row 应随访人次, 已随访人次, 随访率(%), then the same three under each of
 * 原发性高血压, 2型糖尿病 and 严重精神障碍; 合计 last; the title names the area and the day.
 */
export function followUpRateSheet(input: {
  areaName: string;
  asOf: string;
  decimals: number;
  table: FollowUpRateTable;
  split: ReadonlyMap<string, Partial<Record<FollowUpDiseaseCode, FollowUpCounts>>>;
}): RateSheet {
  const splitOf = (key: string): Partial<Record<string, RateCounts>> =>
    Object.fromEntries(Object.entries(input.split.get(key) ?? {}).map(([code, c]) => [code, asRate(c)]));
  return splitRateSheet({
    title: `${input.areaName}慢病签约随访率统计表（截至${chineseDate(input.asOf)}）`,
    firstColumn: '单位',
    figureHeaders: FOLLOW_UP_SHEET_FIGURE_HEADERS,
    splitHeaders: FOLLOW_UP_SHEET_SPLIT_HEADERS,
    splits: followUpDiseaseSpecs(),
    rows: input.table.rows.map((r) => ({ label: r.label, counts: asRate(r), split: splitOf(r.key) })),
    decimals: input.decimals,
    note:
      `随访率 = 已随访人次 ÷ 应随访人次 × 100%，四舍五入保留${input.decimals}位小数；应随访人次：随访周期截至当日已结束的随访；` +
      `已随访人次：其中截至当日已记录的；无应随访人次时记“—”。`,
  });
}
