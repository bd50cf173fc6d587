import type { HolidayCalendarYear } from '../working-days';

/**
 * 2025, from 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), the first year under the
 * 2024 revision of 全国年节及纪念日放假办法 (春节 and 劳动节 one day longer). Every day off is listed,
 * weekend days inside a span included; the make-up workdays (调休上班) are all Saturdays or Sundays.
 */
export const CN_2025: HolidayCalendarYear = {
  year: 2025,
  source: '国办发明电〔2024〕12号',
  holidays: [
    '2025-01-01', // 元旦 (Wednesday, one day, no make-up)
    // 春节: 除夕 (Tue 28 Jan) to 正月初七 (Tue 4 Feb), 8 days
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-01',
    '2025-02-02',
    '2025-02-03',
    '2025-02-04',
    // 清明节: Fri 4 – Sun 6 April
    '2025-04-04',
    '2025-04-05',
    '2025-04-06',
    // 劳动节: Thu 1 – Mon 5 May
    '2025-05-01',
    '2025-05-02',
    '2025-05-03',
    '2025-05-04',
    '2025-05-05',
    // 端午节: Sat 31 May – Mon 2 June
    '2025-05-31',
    '2025-06-01',
    '2025-06-02',
    // 国庆节、中秋节 together: Wed 1 – Wed 8 October
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  makeUpWorkdays: [
    '2025-01-26', // Sunday, for 春节
    '2025-02-08', // Saturday, for 春节
    '2025-04-27', // Sunday, for 劳动节
    '2025-09-28', // Sunday, for 国庆节
    '2025-10-11', // Saturday, for 国庆节
  ],
};
