import type { HolidayCalendarYear } from '../working-days';

/**
 * 2026, from 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号). Every day off is listed,
 * weekend days inside a span included; the make-up workdays (调休上班) are all Saturdays or Sundays.
 * 中秋节 and 国庆节 are separate this year.
 */
export const CN_2026: HolidayCalendarYear = {
  year: 2026,
  source: '国办发明电〔2025〕7号',
  holidays: [
    // 元旦: Thu 1 – Sat 3 January
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    // 春节: 腊月二十八 (Sun 15 Feb) to 正月初七 (Mon 23 Feb), 9 days
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    // 清明节: Sat 4 – Mon 6 April
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    // 劳动节: Fri 1 – Tue 5 May
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    // 端午节: Fri 19 – Sun 21 June
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    // 中秋节: Fri 25 – Sun 27 September
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    // 国庆节: Thu 1 – Wed 7 October
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  makeUpWorkdays: [
    '2026-01-04', // Sunday, for 元旦
    '2026-02-14', // Saturday, for 春节
    '2026-02-28', // Saturday, for 春节
    '2026-05-09', // Saturday, for 劳动节
    '2026-09-20', // Sunday, for 国庆节
    '2026-10-10', // Saturday, for 国庆节
  ],
};
