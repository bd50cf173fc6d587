import fc from 'fast-check';
import {
  FollowUpCounts,
  followUpRateSheet,
  followUpRateTable,
  followUpSeriesDates,
  followUpSeriesRange,
  MAX_FOLLOW_UP_SERIES_DAYS,
  sumDiseases,
} from '../../src/domain/follow-up-rates';

const counts = (entries: [string, number, number][]) =>
  new Map<string, FollowUpCounts>(entries.map(([key, due, done]) => [key, { due, done }]));
const specs = [
  { key: 't1', label: '第1镇' },
  { key: 't2', label: '第2镇' },
  { key: 't3', label: '第3镇' },
];

describe(followUpRateTable.name, () => {
  it('rounds half up (5 of 12 → 41.67, where truncation gives 41.66), null when none is due, the total the sum of the rows', () => {
    const table = followUpRateTable(
      specs,
      counts([
        ['t1', 8, 3],
        ['t2', 4, 2],
      ]),
      '2027-06-30',
      2,
    );
    expect(table.rows).toEqual([
      { key: 't1', label: '第1镇', due: 8, done: 3, rate: 37.5 },
      { key: 't2', label: '第2镇', due: 4, done: 2, rate: 50 },
      { key: 't3', label: '第3镇', due: 0, done: 0, rate: null },
    ]);
    expect(table.total).toEqual({ due: 12, done: 5, rate: 41.67 });
  });

  it('takes the decimals asked for, and appends a counted key that is not listed', () => {
    const table = followUpRateTable(specs.slice(0, 1), counts([['stray', 3, 2]]), '2027-06-30', 0);
    expect(table.rows.map((r) => [r.key, r.rate])).toEqual([
      ['t1', null],
      ['stray', 67],
    ]);
    expect(table.total).toEqual({ due: 3, done: 2, rate: 67 });
  });

  it('always sums the rows exactly to the total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { maxLength: 8 }), (pairs) => {
        const entries = pairs.map(([a, b], i): [string, number, number] => [`k${i}`, Math.max(a, b), Math.min(a, b)]);
        const table = followUpRateTable([], counts(entries), '2027-06-30', 2);
        expect(table.total.due).toBe(table.rows.reduce((s, r) => s + r.due, 0));
        expect(table.total.done).toBe(table.rows.reduce((s, r) => s + r.done, 0));
      }),
    );
  });
});

describe(sumDiseases.name, () => {
  it('adds the diseases of each row', () => {
    const split = new Map([['t1', { C01: { due: 3, done: 1 }, C03: { due: 2, done: 2 } }]]);
    expect(sumDiseases(split)).toEqual(new Map([['t1', { due: 5, done: 3 }]]));
  });
});

describe(followUpSeriesRange.name, () => {
  it('defaults to 1 January of the last day’s year, up to today', () => {
    expect(followUpSeriesRange({}, '2027-06-30')).toEqual({ from: '2027-01-01', to: '2027-06-30' });
    expect(followUpSeriesRange({ to: '2026-12-31' }, '2027-06-30')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('refuses a range backwards or longer than a year, naming it', () => {
    expect(followUpSeriesRange({ from: '2027-07-01', to: '2027-06-30' }, '2027-06-30')).toEqual({
      error: 'from (2027-07-01) must not be after to (2027-06-30)',
    });
    expect(followUpSeriesRange({ from: '2024-01-01', to: '2024-12-31' }, '2027-06-30')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(followUpSeriesRange({ from: '2026-01-01', to: '2027-01-01' }, '2027-06-30')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(followUpSeriesRange({ from: '2026-01-01', to: '2027-01-02' }, '2027-06-30')).toEqual({
      error: `a series covers at most ${MAX_FOLLOW_UP_SERIES_DAYS} days: 2026-01-01 to 2027-01-01`,
    });
  });
});

describe(followUpSeriesDates.name, () => {
  it('every seventh day from the first, the last day (cut at today) always included', () => {
    expect(followUpSeriesDates('2027-03-01', '2027-12-31', '2027-03-20', 'week')).toEqual([
      '2027-03-01',
      '2027-03-08',
      '2027-03-15',
      '2027-03-20',
    ]);
    expect(followUpSeriesDates('2027-03-30', '2027-04-01', '2027-06-30', 'day')).toEqual(['2027-03-30', '2027-03-31', '2027-04-01']);
    expect(followUpSeriesDates('2027-07-01', '2027-12-31', '2027-06-30', 'day')).toEqual([]);
  });
});

describe(followUpRateSheet.name, () => {
  it("lays out seed 001's table: the totals, then 应随访/已随访/随访率 per disease, 合计 the sum of the rows", () => {
    const split = new Map([
      ['t1', { C01: { due: 2, done: 1 }, C02: { due: 1, done: 1 } }],
      ['t2', { C01: { due: 3, done: 2 } }],
    ]);
    const table = followUpRateTable(specs.slice(0, 2), sumDiseases(split), '2027-06-30', 2);
    const sheet = followUpRateSheet({ areaName: '测试区', asOf: '2027-06-30', decimals: 2, table, split });
    expect(sheet.title).toBe('测试区慢病签约随访率统计表（截至2027年6月30日）');
    expect(sheet.headers).toEqual([
      ['单位', '应随访人次', '已随访人次', '随访率(%)', '原发性高血压', '', '', '2型糖尿病', '', '', '严重精神障碍', '', ''],
      ['', '', '', '', '应随访', '已随访', '随访率(%)', '应随访', '已随访', '随访率(%)', '应随访', '已随访', '随访率(%)'],
    ]);
    expect(sheet.merges).toEqual(['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:G2', 'H2:J2', 'K2:M2']);
    const none = { rate: null };
    expect(sheet.body).toEqual([
      ['第1镇', 3, 2, { rate: 66.67 }, 2, 1, { rate: 50 }, 1, 1, { rate: 100 }, 0, 0, none],
      ['第2镇', 3, 2, { rate: 66.67 }, 3, 2, { rate: 66.67 }, 0, 0, none, 0, 0, none],
      ['合计', 6, 4, { rate: 66.67 }, 5, 3, { rate: 60 }, 1, 1, { rate: 100 }, 0, 0, none],
    ]);
    expect(sheet.columnCount).toBe(13);
    expect(sheet.note).toContain('四舍五入保留2位小数');
  });
});
