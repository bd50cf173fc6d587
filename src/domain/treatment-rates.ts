/**
 * Treatment-rate tables (救治率) of a round: rows with their counts, rates rounded half up, the pace
 * flag, totals that are the exact sum of the rows, the dates of a series, and the XLSX layout of seed
 * 001's figures. Pure: the report service and the tests share it; the counts come from one query.
 */
import { addLocalDays, localDaysBetween } from './time-zone';
import {
  behindPace,
  HANDLING_CATEGORIES,
  HANDLING_CATEGORY_LABELS,
  HandlingCategory,
  ratePercent,
  RoundDefinition,
} from './treatment-round';

/** What a table is split by: the counties, the areas below a unit, 三个一批, or the round's diseases. */
export const RATE_DIMENSIONS = ['county', 'unit', 'handling', 'disease'] as const;
export type RateDimension = (typeof RATE_DIMENSIONS)[number];

export const SERIES_STEPS = ['day', 'week'] as const;
export type SeriesStep = (typeof SERIES_STEPS)[number];

export const MAX_RATE_DECIMALS = 4;

/** 应救治 (needing treatment) and 已救治 (treated) as of a day. */
export interface RateCounts {
  needing: number;
  treated: number;
}

export interface RateRowSpec {
  key: string;
  label: string;
}

export interface RateRow extends RateCounts {
  key: string;
  label: string;
  rate: number | null;
  behindPace: boolean;
}

export interface RateTotal extends RateCounts {
  rate: number | null;
}

export interface RateTable {
  rows: RateRow[];
  total: RateTotal;
}

export interface RateOptions {
  asOf: string;
  decimals: number;
  /** The round whose pace `behindPace` measures; without one (a rate with no target, e.g. 随访率) no row is behind. */
  round?: Pick<RoundDefinition, 'startsOn' | 'endsOn' | 'targetRate'>;
}

export const ZERO: RateCounts = Object.freeze({ needing: 0, treated: 0 });

export function addCounts(a: RateCounts, b: RateCounts): RateCounts {
  return { needing: a.needing + b.needing, treated: a.treated + b.treated };
}

/**
 * The rows in the order given, each with its counts (0 when none), its rate and whether it is behind
 * the pace to the round's target; a key counted but not listed is appended under its own key, so the
 * total, the sum of every count, is always the exact sum of the rows.
 */
export function rateTable(specs: readonly RateRowSpec[], counts: ReadonlyMap<string, RateCounts>, options: RateOptions): RateTable {
  const listed = new Set(specs.map((s) => s.key));
  const all = [...specs, ...[...counts.keys()].filter((k) => !listed.has(k)).map((key) => ({ key, label: key }))];
  const rows = all.map((spec) => rateRow(spec, counts.get(spec.key) ?? ZERO, options));
  const sum = rows.reduce<RateCounts>((acc, r) => addCounts(acc, r), ZERO);
  return { rows, total: { ...sum, rate: ratePercent(sum.treated, sum.needing, options.decimals) } };
}

export function rateRow(spec: RateRowSpec, counts: RateCounts, options: RateOptions): RateRow {
  const rate = ratePercent(counts.treated, counts.needing, options.decimals);
  return {
    key: spec.key,
    label: spec.label,
    needing: counts.needing,
    treated: counts.treated,
    rate,
    behindPace: options.round ? behindPace(rate, options.round.targetRate, options.round, options.asOf) : false,
  };
}

/** The rows of the 三个一批 split, all three always, in their fixed order. */
export function handlingRowSpecs(): RateRowSpec[] {
  return HANDLING_CATEGORIES.map((key) => ({ key, label: HANDLING_CATEGORY_LABELS[key] }));
}

/**
 * The days a series reports: from the round's first day to its last or `today`, whichever is
 * earlier; every day, or every seventh day from the first with the last day always included, so the
 * series ends on the latest figure. Empty before the round starts.
 */
export function seriesDates(round: Pick<RoundDefinition, 'startsOn' | 'endsOn'>, today: string, every: SeriesStep): string[] {
  const last = today < round.endsOn ? today : round.endsOn;
  if (last < round.startsOn) return [];
  const step = every === 'week' ? 7 : 1;
  const days = localDaysBetween(round.startsOn, last);
  const dates: string[] = [];
  for (let k = 0; k <= days; k += step) dates.push(addLocalDays(round.startsOn, k));
  if (dates[dates.length - 1] !== last) dates.push(last);
  return dates;
}

/** `2027-09-30` → `2027年9月30日`, as the bureaus' reports write a date. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A cell of the sheet: text, a whole number, or a rate (a number cell shown with the table's decimals, or "—"). */
export type SheetCell = string | number | { rate: number | null };

export interface RateSheet {
  title: string;
  /** Two header rows; `merges` spans them (`A2:A3`, `E2:G2`, …). */
  headers: [SheetCell[], SheetCell[]];
  merges: string[];
  /** The rows, then 合计. */
  body: SheetCell[][];
  note: string;
  columnCount: number;
}

export const SHEET_FIGURE_HEADERS = ['应救治人数', '已救治人数', '救治率(%)'] as const;
export const SHEET_SPLIT_HEADERS = ['应救治', '已救治', '救治率(%)'] as const;
export const SHEET_TOTAL_LABEL = '合计';

const FIRST_COLUMN: Record<RateDimension, string> = { county: '单位', unit: '单位', handling: '类别', disease: '病种' };

/**
 * Seed 001's figures as a sheet: per row 应救治人数, 已救治人数, 救治率(%), then the same three for
 * each 三个一批 category; a 合计 row last; the title names the round and the day (截至…).
 * `split` holds, per row key, the counts of each category (the row's own counts are their sum).
 */
export function rateSheet(input: {
  roundName: string;
  asOf: string;
  by: RateDimension;
  decimals: number;
  targetRate: number;
  table: RateTable;
  split: ReadonlyMap<string, Partial<Record<HandlingCategory, RateCounts>>>;
}): RateSheet {
  return splitRateSheet({
    title: `${input.roundName}救治率统计表（截至${chineseDate(input.asOf)}）`,
    firstColumn: FIRST_COLUMN[input.by],
    figureHeaders: SHEET_FIGURE_HEADERS,
    splitHeaders: SHEET_SPLIT_HEADERS,
    splits: handlingRowSpecs(),
    rows: input.table.rows.map((r) => ({ label: r.label, counts: r, split: input.split.get(r.key) ?? {} })),
    decimals: input.decimals,
    note:
      `救治率 = 已救治人数 ÷ 应救治人数 × 100%，四舍五入保留${input.decimals}位小数；应救治人数不含已死亡、已迁出者；` +
      `目标救治率 ${input.targetRate}%；无应救治人数时记“—”。`,
  });
}

/**
 * The layout of seed 001's table for any rate (救治率, 随访率): a title row; two header rows (the
 * first column, the row's numerator, denominator and rate, then the same three under each split
 * category); a row per row given, its split by category (0 where none); 合计, the exact sum of the
 * rows and of their splits; a note. `RateCounts` holds the denominator as `needing`, the numerator as
 * `treated`, whatever they count.
 */
export function splitRateSheet(input: {
  title: string;
  firstColumn: string;
  figureHeaders: readonly [string, string, string];
  splitHeaders: readonly [string, string, string];
  splits: readonly RateRowSpec[];
  rows: readonly { label: string; counts: RateCounts; split: Readonly<Partial<Record<string, RateCounts>>> }[];
  decimals: number;
  note: string;
}): RateSheet {
  const { splits, decimals } = input;
  const figures = (c: RateCounts): SheetCell[] => [c.needing, c.treated, { rate: ratePercent(c.treated, c.needing, decimals) }];
  const splitOf = (parts: Readonly<Partial<Record<string, RateCounts>>>): SheetCell[] =>
    splits.flatMap((s) => figures(parts[s.key] ?? ZERO));
  let total = ZERO;
  const totalSplit: Partial<Record<string, RateCounts>> = {};
  for (const row of input.rows) {
    total = addCounts(total, row.counts);
    for (const s of splits) if (row.split[s.key]) totalSplit[s.key] = addCounts(totalSplit[s.key] ?? ZERO, row.split[s.key]!);
  }

  const column = (n: number) => String.fromCharCode(65 + n); // A…Z: up to 7 split categories
  const merges = ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', ...splits.map((_, i) => `${column(4 + 3 * i)}2:${column(6 + 3 * i)}2`)];
  return {
    title: input.title,
    headers: [
      [input.firstColumn, ...input.figureHeaders, ...splits.flatMap((s) => [s.label, '', ''])],
      ['', '', '', '', ...splits.flatMap(() => [...input.splitHeaders])],
    ],
    merges,
    body: [
      ...input.rows.map((r) => [r.label, ...figures(r.counts), ...splitOf(r.split)]),
      [SHEET_TOTAL_LABEL, ...figures(total), ...splitOf(totalSplit)],
    ],
    note: input.note,
    columnCount: 4 + 3 * splits.length,
  };
}
