import fc from 'fast-check';
import {
  chineseDate,
  handlingRowSpecs,
  RateCounts,
  rateSheet,
  rateTable,
  seriesDates,
  SHEET_TOTAL_LABEL,
} from '../../src/domain/treatment-rates';

/** Seed 004's fourth batch (1 Aug – 30 Oct, 91 days) with seed 001's target. */
const round = { startsOn: '2027-08-01', endsOn: '2027-10-30', targetRate: 90 };
const options = { asOf: '2027-10-30', decimals: 2, round };
const counts = (entries: [string, number, number][]) =>
  new Map<string, RateCounts>(entries.map(([key, needing, treated]) => [key, { needing, treated }]));

describe(rateTable.name, () => {
  it('rounds half up (2 of 3 → 66.67, where truncation gives 66.66) and gives null for nobody needing treatment', () => {
    const table = rateTable(
      [
        { key: 'a', label: '甲' },
        { key: 'b', label: '乙' },
        { key: 'c', label: '丙' },
      ],
      counts([
        ['a', 3, 2],
        ['b', 8, 1],
      ]),
      options,
    );
    expect(table.rows).toEqual([
      { key: 'a', label: '甲', needing: 3, treated: 2, rate: 66.67, behindPace: true },
      { key: 'b', label: '乙', needing: 8, treated: 1, rate: 12.5, behindPace: true },
      { key: 'c', label: '丙', needing: 0, treated: 0, rate: null, behindPace: false },
    ]);
    // 3 of 11 = 27.2727…
    expect(table.total).toEqual({ needing: 11, treated: 3, rate: 27.27 });
  });

  it('takes its decimals: 1 of 8 is 12.5 → 13 with none, 12.500 with three; 1 of 3 to four is 33.3333', () => {
    const one = (n: number, d: number, decimals: number) => rateTable([], counts([['x', d, n]]), { ...options, decimals }).total.rate;
    expect(one(1, 8, 0)).toBe(13);
    expect(one(1, 8, 3)).toBe(12.5);
    expect(one(1, 3, 4)).toBe(33.3333);
    expect(one(2, 3, 0)).toBe(67);
  });

  it('flags a row behind the straight line to the target: on day 46 of 91 the line is 45.49%: 45.5 is on pace, 45.45 is not', () => {
    // 2027-08-01 … 2027-09-15 is day 46 of 91: 90 × 46 / 91 = 45.49…
    const mid = { ...options, asOf: '2027-09-15', decimals: 2 };
    const table = rateTable(
      [
        { key: 'on', label: '' },
        { key: 'off', label: '' },
      ],
      counts([
        ['on', 2000, 910],
        ['off', 2000, 909],
      ]),
      mid,
    );
    expect(table.rows.map((r) => [r.rate, r.behindPace])).toEqual([
      [45.5, false],
      [45.45, true],
    ]);
  });

  it('appends a key it was not given, so the total stays the sum of the rows', () => {
    const table = rateTable([{ key: 'a', label: '甲' }], counts([['stray', 2, 1]]), options);
    expect(table.rows.map((r) => r.key)).toEqual(['a', 'stray']);
    expect(table.total).toMatchObject({ needing: 2, treated: 1 });
  });

  it('totals are always the exact sum of the rows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(500), fc.nat(500)), { maxLength: 30 }), (pairs) => {
        const given = counts(pairs.map(([a, b], i) => [`k${i}`, Math.max(a, b), Math.min(a, b)]));
        const table = rateTable(
          [...given.keys()].map((key) => ({ key, label: key })),
          given,
          options,
        );
        const needing = table.rows.reduce((s, r) => s + r.needing, 0);
        const treated = table.rows.reduce((s, r) => s + r.treated, 0);
        expect(table.total.needing).toBe(needing);
        expect(table.total.treated).toBe(treated);
      }),
    );
  });
});

describe(seriesDates.name, () => {
  it('runs every day from the first day to today while the round is on', () => {
    expect(seriesDates(round, '2027-08-03', 'day')).toEqual(['2027-08-01', '2027-08-02', '2027-08-03']);
  });

  it('stops at the last day once the round is over, and is empty before it starts', () => {
    expect(seriesDates(round, '2028-01-01', 'day')).toHaveLength(91);
    expect(seriesDates(round, '2028-01-01', 'day').at(-1)).toBe('2027-10-30');
    expect(seriesDates(round, '2027-07-31', 'day')).toEqual([]);
  });

  it('steps a week from the first day and always ends on the last', () => {
    expect(seriesDates(round, '2027-08-20', 'week')).toEqual(['2027-08-01', '2027-08-08', '2027-08-15', '2027-08-20']);
    expect(seriesDates(round, '2027-08-15', 'week')).toEqual(['2027-08-01', '2027-08-08', '2027-08-15']);
    expect(seriesDates(round, '2027-08-01', 'week')).toEqual(['2027-08-01']);
  });
});

describe(rateSheet.name, () => {
  it("lays out seed 001's table: the totals, then 应救治/已救治/救治率 per 三个一批 category, 合计 last", () => {
    const table = rateTable(
      [
        { key: 'd1', label: '沙坡头区' },
        { key: 'd2', label: '中宁县' },
      ],
      counts([
        ['d1', 3, 2],
        ['d2', 1, 0],
      ]),
      options,
    );
    const sheet = rateSheet({
      roundName: '第四批大病集中救治',
      asOf: '2027-09-30',
      by: 'county',
      decimals: 2,
      targetRate: 90,
      table,
      split: new Map([
        ['d1', { major_treatment: { needing: 2, treated: 2 }, severe_safety_net: { needing: 1, treated: 0 } }],
        ['d2', { chronic_contract: { needing: 1, treated: 0 } }],
      ]),
    });
    expect(sheet.title).toBe('第四批大病集中救治救治率统计表（截至2027年9月30日）');
    expect(sheet.headers[0]).toEqual([
      '单位',
      '应救治人数',
      '已救治人数',
      '救治率(%)',
      '大病集中救治',
      '',
      '',
      '慢病签约服务管理',
      '',
      '',
      '重病兜底保障',
      '',
      '',
    ]);
    expect(sheet.headers[1].slice(4, 7)).toEqual(['应救治', '已救治', '救治率(%)']);
    expect(sheet.merges).toEqual(['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:G2', 'H2:J2', 'K2:M2']);
    const none = { rate: null };
    expect(sheet.body).toEqual([
      ['沙坡头区', 3, 2, { rate: 66.67 }, 2, 2, { rate: 100 }, 0, 0, none, 1, 0, { rate: 0 }],
      ['中宁县', 1, 0, { rate: 0 }, 0, 0, none, 1, 0, { rate: 0 }, 0, 0, none],
      [SHEET_TOTAL_LABEL, 4, 2, { rate: 50 }, 2, 2, { rate: 100 }, 1, 0, { rate: 0 }, 1, 0, { rate: 0 }],
    ]);
    expect(sheet.columnCount).toBe(13);
  });

  it('names the first column after the split', () => {
    const table = rateTable(handlingRowSpecs(), new Map(), options);
    const first = (by: 'handling' | 'disease' | 'unit') =>
      rateSheet({ roundName: 'x', asOf: '2027-09-30', by, decimals: 2, targetRate: 90, table, split: new Map() }).headers[0][0];
    expect([first('handling'), first('disease'), first('unit')]).toEqual(['类别', '病种', '单位']);
  });
});

describe(chineseDate.name, () => {
  it('writes a day as the reports do', () => {
    expect(chineseDate('2027-01-05')).toBe('2027年1月5日');
  });
});
