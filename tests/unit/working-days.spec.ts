import fc from 'fast-check';
import { CHINA_HOLIDAY_CALENDARS, CN_2025, CN_2026 } from '../../src/domain/holidays';
import { addLocalDays, weekdayOf } from '../../src/domain/time-zone';
import {
  addWorkingDays,
  buildWorkingDayCalendar,
  HolidayCalendarError,
  HolidayCalendarYear,
  parseHolidayCalendarCsv,
  parseHolidayCalendarJson,
  subtractWorkingDays,
  WorkingDayCalendar,
  workingDaysBetween,
} from '../../src/domain/working-days';

const national = buildWorkingDayCalendar(CHINA_HOLIDAY_CALENDARS);

/** The problems a call reports, or a failure when it does not throw a HolidayCalendarError. */
function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof HolidayCalendarError) return e.problems;
    throw e;
  }
  throw new Error('expected a HolidayCalendarError');
}

describe(buildWorkingDayCalendar.name, () => {
  it('knows the statutory holidays and make-up workdays (调休) of 2025 and 2026', () => {
    expect(national.isWorkingDay('2025-01-26')).toBe(true); // Sunday, make-up for 春节
    expect(national.isWorkingDay('2025-01-28')).toBe(false); // Tuesday, 除夕
    expect(national.isWorkingDay('2025-02-01')).toBe(false); // Saturday inside 春节
    expect(national.isWorkingDay('2025-02-08')).toBe(true); // Saturday, make-up
    expect(national.isWorkingDay('2025-10-08')).toBe(false); // Wednesday, 国庆/中秋
    expect(national.isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up
    expect(national.isWorkingDay('2026-01-04')).toBe(true); // Sunday, make-up for 元旦
    expect(national.isWorkingDay('2026-02-23')).toBe(false); // Monday, 正月初七
    expect(national.isWorkingDay('2026-09-25')).toBe(false); // Friday, 中秋
    expect(national.isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up
  });

  it('keeps ordinary weeks Monday to Friday', () => {
    expect(national.isWorkingDay('2026-03-23')).toBe(true); // Monday
    expect(national.isWorkingDay('2026-03-27')).toBe(true); // Friday
    expect(national.isWorkingDay('2026-03-28')).toBe(false); // Saturday
    expect(national.isWorkingDay('2026-03-29')).toBe(false); // Sunday
  });

  it('counts 248 working days in each of 2025 and 2026', () => {
    expect(workingDaysBetween(national, '2024-12-31', '2025-12-31')).toBe(248);
    expect(workingDaysBetween(national, '2025-12-31', '2026-12-31')).toBe(248);
  });

  it('falls back to Monday–Friday for a year it does not know, and says so', () => {
    expect(national.knowsYear(2025)).toBe(true);
    expect(national.knowsYear(2026)).toBe(true);
    expect(national.knowsYear(2027)).toBe(false);
    expect(national.isWorkingDay('2027-01-01')).toBe(true); // a Friday: no 元旦 without the 2027 notice
    expect(national.isWorkingDay('2027-01-02')).toBe(false);
  });

  it('lets county overrides win over the national schedule', () => {
    const county = buildWorkingDayCalendar(CHINA_HOLIDAY_CALENDARS, {
      holidays: ['2025-03-03', '2025-01-26'],
      makeUpWorkdays: ['2025-10-02', '2025-03-08'],
    });
    expect(county.isWorkingDay('2025-03-03')).toBe(false); // a Monday made a local holiday
    expect(county.isWorkingDay('2025-01-26')).toBe(false); // a national make-up Sunday given back
    expect(county.isWorkingDay('2025-10-02')).toBe(true); // a national holiday worked locally
    expect(county.isWorkingDay('2025-03-08')).toBe(true); // an ordinary Saturday worked locally
    expect(national.isWorkingDay('2025-03-03')).toBe(true);
  });

  it('refuses a year with every problem named', () => {
    const broken: HolidayCalendarYear = {
      year: 2025,
      holidays: ['2025-10-01', '2024-12-31', '2025-10-01', '2025-02-30'],
      makeUpWorkdays: ['2025-10-01', '2025-09-29'],
    };
    expect(problemsOf(() => buildWorkingDayCalendar([broken]))).toEqual([
      'years[0] (2025): holidays[1]: 2024-12-31 is not in 2025',
      'years[0] (2025): holidays[2]: 2025-10-01 is listed twice (also holidays[0])',
      'years[0] (2025): holidays[3]: "2025-02-30" is not a YYYY-MM-DD day',
      'years[0] (2025): makeUpWorkdays[0]: 2025-10-01 cannot be both a holiday and a make-up workday (also holidays[0])',
      'years[0] (2025): makeUpWorkdays[0]: make-up workday 2025-10-01 is a Wednesday, not a Saturday or Sunday',
      'years[0] (2025): makeUpWorkdays[1]: make-up workday 2025-09-29 is a Monday, not a Saturday or Sunday',
    ]);
    expect(() => buildWorkingDayCalendar([broken])).toThrow(/Invalid holiday calendar:\n- years\[0\]/);
  });

  it('refuses a year given twice and contradictory overrides', () => {
    expect(problemsOf(() => buildWorkingDayCalendar([CN_2025, CN_2026, CN_2025]))).toEqual(['years[2]: year 2025 is given more than once']);
    expect(
      problemsOf(() => buildWorkingDayCalendar([CN_2025], { holidays: ['2025-03-03', 'soon'], makeUpWorkdays: ['2025-03-03'] })),
    ).toEqual([
      'overrides.holidays[1]: "soon" is not a YYYY-MM-DD day',
      'overrides.makeUpWorkdays[0]: 2025-03-03 cannot be both a holiday and a make-up workday (also overrides.holidays[0])',
    ]);
  });

  it('rejects a malformed date when asked', () => {
    expect(() => national.isWorkingDay('2025-1-1')).toThrow(RangeError);
  });
});

describe('the shipped national schedules', () => {
  it('hold the days of the State Council notices', () => {
    expect(CN_2025.source).toBe('国办发明电〔2024〕12号');
    expect(CN_2025.holidays).toHaveLength(28);
    expect(CN_2025.makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(CN_2026.source).toBe('国办发明电〔2025〕7号');
    expect(CN_2026.holidays).toHaveLength(33);
    expect(CN_2026.makeUpWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('put every make-up workday on a weekend', () => {
    for (const date of [...CN_2025.makeUpWorkdays, ...CN_2026.makeUpWorkdays]) {
      expect([0, 6]).toContain(weekdayOf(date));
    }
  });
});

describe(addWorkingDays.name, () => {
  it('skips a holiday week', () => {
    expect(addWorkingDays(national, '2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays(national, '2026-09-30', 1)).toBe('2026-10-08');
  });

  it('lands on a make-up weekend day', () => {
    expect(addWorkingDays(national, '2025-01-24', 1)).toBe('2025-01-26'); // Friday → make-up Sunday
    expect(addWorkingDays(national, '2026-02-13', 1)).toBe('2026-02-14'); // Friday → make-up Saturday
    expect(addWorkingDays(national, '2025-10-10', 1)).toBe('2025-10-11');
  });

  it('counts "3个工作日内" from the Friday before 春节 to after the holiday', () => {
    expect(addWorkingDays(national, '2026-02-13', 3)).toBe('2026-02-25');
    expect(addWorkingDays(national, '2025-01-24', 3)).toBe('2025-02-05');
  });

  it('with n = 0 keeps a working day and moves a day off to the next working day', () => {
    expect(addWorkingDays(national, '2025-10-09', 0)).toBe('2025-10-09');
    expect(addWorkingDays(national, '2025-10-01', 0)).toBe('2025-10-09');
    expect(addWorkingDays(national, '2026-03-28', 0)).toBe('2026-03-30');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(national, '2025-10-09', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(national, '2025-10-09', 1.5)).toThrow(RangeError);
  });

  it('stops on a calendar without working days instead of spinning', () => {
    const never: WorkingDayCalendar = { isWorkingDay: () => false, knowsYear: () => true };
    expect(() => addWorkingDays(never, '2025-01-01', 1)).toThrow(/calendar is broken/);
  });
});

describe(subtractWorkingDays.name, () => {
  it('counts back over a holiday week and onto a make-up day', () => {
    expect(subtractWorkingDays(national, '2025-10-09', 1)).toBe('2025-09-30');
    expect(subtractWorkingDays(national, '2025-10-13', 1)).toBe('2025-10-11'); // Monday ← make-up Saturday
    expect(subtractWorkingDays(national, '2026-02-24', 2)).toBe('2026-02-13');
    expect(subtractWorkingDays(national, '2025-10-05', 0)).toBe('2025-09-30');
  });
});

describe(workingDaysBetween.name, () => {
  it('counts the working days in (from, to]', () => {
    expect(workingDaysBetween(national, '2025-09-30', '2025-10-09')).toBe(1);
    expect(workingDaysBetween(national, '2025-09-26', '2025-10-12')).toBe(6); // 28, 29, 30 Sep; 9, 10, 11 Oct
    expect(workingDaysBetween(national, '2025-10-09', '2025-10-09')).toBe(0);
    expect(workingDaysBetween(national, '2025-10-01', '2025-10-08')).toBe(0);
  });

  it('is negative when to is before from', () => {
    expect(workingDaysBetween(national, '2025-10-09', '2025-09-30')).toBe(-1);
    expect(workingDaysBetween(national, '2025-10-12', '2025-09-26')).toBe(-6);
  });
});

describe('working-day arithmetic (properties)', () => {
  const day = fc.integer({ min: 0, max: 3 * 365 }).map((i) => addLocalDays('2024-06-01', i));
  const overrideDays = fc.uniqueArray(day, { maxLength: 12 });
  const calendars = fc.tuple(overrideDays, fc.boolean()).map(([days, useOverrides]) => {
    if (!useOverrides) return national;
    const half = Math.floor(days.length / 2);
    return buildWorkingDayCalendar(CHINA_HOLIDAY_CALENDARS, { holidays: days.slice(0, half), makeUpWorkdays: days.slice(half) });
  });

  it('addWorkingDays lands on a working day n working days later', () => {
    fc.assert(
      fc.property(calendars, day, fc.integer({ min: 1, max: 40 }), (calendar, from, n) => {
        const to = addWorkingDays(calendar, from, n);
        expect(calendar.isWorkingDay(to)).toBe(true);
        expect(to > from).toBe(true);
        expect(workingDaysBetween(calendar, from, to)).toBe(n);
        // and it is the first such day: the day before has one working day fewer
        expect(workingDaysBetween(calendar, from, addLocalDays(to, -1))).toBe(n - 1);
      }),
    );
  });

  it('addWorkingDays with n = 0 lands on the first working day at or after from', () => {
    fc.assert(
      fc.property(calendars, day, (calendar, from) => {
        const to = addWorkingDays(calendar, from, 0);
        expect(calendar.isWorkingDay(to)).toBe(true);
        expect(to === from).toBe(calendar.isWorkingDay(from));
        if (to !== from) expect(workingDaysBetween(calendar, from, addLocalDays(to, -1))).toBe(0);
      }),
    );
  });

  it('subtractWorkingDays is the mirror image', () => {
    fc.assert(
      fc.property(calendars, day, fc.integer({ min: 1, max: 40 }), (calendar, from, n) => {
        const back = subtractWorkingDays(calendar, from, n);
        expect(calendar.isWorkingDay(back)).toBe(true);
        expect(workingDaysBetween(calendar, back, from)).toBe(calendar.isWorkingDay(from) ? n : n - 1);
        expect(workingDaysBetween(calendar, addLocalDays(back, -1), from)).toBe(workingDaysBetween(calendar, back, from) + 1);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(calendars, day, day, day, (calendar, a, b, c) => {
        expect(workingDaysBetween(calendar, a, b)).toBe(0 - workingDaysBetween(calendar, b, a));
        expect(Object.is(workingDaysBetween(calendar, a, b), -0)).toBe(false); // a zero count backwards is 0, not -0
        expect(workingDaysBetween(calendar, a, c)).toBe(workingDaysBetween(calendar, a, b) + workingDaysBetween(calendar, b, c));
      }),
      { numRuns: 50 },
    );
  });
});

describe(parseHolidayCalendarCsv.name, () => {
  it('reads holiday and workday rows, in English or Chinese, with BOM, CRLF and extra columns', () => {
    const csv =
      '\uFEFFdate,type,name\r\n2027-01-01,holiday,元旦\r\n\r\n2027-02-06,休,"春节, 除夕"\r\n2027-01-30,班,\r\n2027-02-20,WORKDAY\r\n';
    expect(parseHolidayCalendarCsv(csv)).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06'],
      makeUpWorkdays: ['2027-01-30', '2027-02-20'],
    });
    expect(parseHolidayCalendarCsv('日期,类型\n2027-10-01,休\n')).toEqual({
      year: 2027,
      holidays: ['2027-10-01'],
      makeUpWorkdays: [],
    });
  });

  it('loads what the shipped 2026 schedule would look like as CSV', () => {
    const csv = ['date,type', ...CN_2026.holidays.map((d) => `${d},休`), ...CN_2026.makeUpWorkdays.map((d) => `${d},班`)].join('\n');
    const parsed = parseHolidayCalendarCsv(csv);
    expect(parsed.holidays).toEqual(CN_2026.holidays);
    expect(parsed.makeUpWorkdays).toEqual(CN_2026.makeUpWorkdays);
    expect(() => buildWorkingDayCalendar([parsed])).not.toThrow();
  });

  it('names the row of every problem', () => {
    const csv = [
      'date,type',
      '2027-01-01,holiday', // 1
      '2027-13-01,holiday', // 2: no such month
      '2027-01-02,vacation', // 3: unknown type
      '2026-12-31,holiday', // 4: another year
      '2027-01-01,休', // 5: duplicate of row 1
      '2027-01-01,班', // 6: both
      '2027-01-04,workday', // 7: a Monday
    ].join('\n');
    expect(problemsOf(() => parseHolidayCalendarCsv(csv))).toEqual([
      'row 2: date "2027-13-01" is not a YYYY-MM-DD day',
      'row 3: type "vacation" must be holiday, workday, 休 or 班',
      'row 4: 2026-12-31 is not in 2027',
      'row 5: 2027-01-01 is listed twice (also row 1)',
      'row 6: 2027-01-01 cannot be both a holiday and a make-up workday (also row 1)',
      'row 6: make-up workday 2027-01-01 is a Friday, not a Saturday or Sunday',
      'row 7: make-up workday 2027-01-04 is a Monday, not a Saturday or Sunday',
    ]);
  });

  it('refuses a file without the header or without rows', () => {
    expect(problemsOf(() => parseHolidayCalendarCsv('2027-01-01,holiday\n'))).toEqual([
      'row 0: the header must name the columns date,type (or 日期,类型)',
    ]);
    expect(problemsOf(() => parseHolidayCalendarCsv('date,type\n\n'))).toEqual(['the file has no rows: cannot tell which year it is for']);
  });
});

describe(parseHolidayCalendarJson.name, () => {
  it('reads a year sent as JSON', () => {
    expect(parseHolidayCalendarJson(JSON.parse(JSON.stringify(CN_2025)))).toEqual(CN_2025);
    expect(parseHolidayCalendarJson({ year: 2027, holidays: ['2027-01-01'] })).toEqual({
      year: 2027,
      holidays: ['2027-01-01'],
      makeUpWorkdays: [],
    });
  });

  it('names every problem of shape, then of content', () => {
    expect(problemsOf(() => parseHolidayCalendarJson([]))).toEqual(['expected an object { year, holidays, makeUpWorkdays, source? }']);
    expect(
      problemsOf(() => parseHolidayCalendarJson({ year: '2027', holidays: 'all', makeUpWorkdays: [20270130], source: 1, extra: true })),
    ).toEqual([
      'extra is not a known field',
      'year must be a whole number',
      'holidays must be a list of YYYY-MM-DD dates',
      'makeUpWorkdays[0] must be a YYYY-MM-DD string',
      'source must be a string',
    ]);
    expect(problemsOf(() => parseHolidayCalendarJson({ year: 2027, holidays: ['2027-1-1'], makeUpWorkdays: ['2027-01-05'] }))).toEqual([
      'holidays[0]: "2027-1-1" is not a YYYY-MM-DD day',
      'makeUpWorkdays[0]: make-up workday 2027-01-05 is a Tuesday, not a Saturday or Sunday',
    ]);
  });
});
