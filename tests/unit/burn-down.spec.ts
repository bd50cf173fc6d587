import { burnDownOf } from '../../src/domain/burn-down';

describe('the 清零 burn-down counted back from today', () => {
  it('gives each day its open problems: today as now, earlier days less what opened after them, plus what was cleared', () => {
    // 5 open before the window; 3 found on 1 May, 1 cleared on 2 May, on 3 May 2 found, 1 found again and 4 cleared.
    const deltas = [
      { day: '2027-05-01', delta: 3 },
      { day: '2027-05-02', delta: -1 },
      { day: '2027-05-03', delta: -1 },
    ];
    expect(burnDownOf(6, deltas, '2027-04-30', '2027-05-03')).toEqual([
      { day: '2027-04-30', open: 5 },
      { day: '2027-05-01', open: 8 },
      { day: '2027-05-02', open: 7 },
      { day: '2027-05-03', open: 6 },
    ]);
  });

  it('is flat without history in the window, and crosses a month end', () => {
    expect(burnDownOf(2, [], '2027-02-27', '2027-03-02').map((d) => [d.day, d.open])).toEqual([
      ['2027-02-27', 2],
      ['2027-02-28', 2],
      ['2027-03-01', 2],
      ['2027-03-02', 2],
    ]);
  });
});
