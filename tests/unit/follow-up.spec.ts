import fc from 'fast-check';
import {
  FOLLOW_UP_DISEASES,
  FOLLOW_UPS_PER_YEAR,
  FollowUpsPerYear,
  isFollowUpDisease,
  nextPeriod,
  periodOf,
  periodsOfYear,
  validateVisit,
  VisitInput,
} from '../../src/domain/follow-up';
import { addLocalDays, localDaysBetween } from '../../src/domain/time-zone';

const Q4 = { startsOn: '2027-10-01', endsOn: '2027-12-31' };
const visit = (code: string, input: VisitInput, today = '2027-12-20') => validateVisit(code, input, { period: Q4, today });
const fields = (check: ReturnType<typeof validateVisit>) => (check.ok ? [] : check.errors.map((e) => e.field));

/** Any day of years 1900–2200. */
const anyDay = fc.integer({ min: 0, max: 300 * 366 }).map((n) => addLocalDays('1900-01-01', n));
const anyPerYear = fc.constantFrom(...FOLLOW_UPS_PER_YEAR);

describe('chronic follow-up periods', () => {
  it('quarters by default: 2027-12-20 lies in 2027-P4, due by 31 December; 2028-01-02 in 2028-P1', () => {
    expect(periodOf('2027-12-20', 4)).toEqual({
      key: '2027-P4',
      year: 2027,
      index: 4,
      perYear: 4,
      startsOn: '2027-10-01',
      endsOn: '2027-12-31',
      label: '2027年第4季度',
    });
    expect(periodOf('2028-01-02', 4)).toMatchObject({ key: '2028-P1', startsOn: '2028-01-01', endsOn: '2028-03-31' });
  });

  it('two-month and monthly periods, February of a leap year included', () => {
    expect(periodOf('2028-02-29', 6)).toMatchObject({ key: '2028-P1', startsOn: '2028-01-01', endsOn: '2028-02-29', label: '2028年1—2月' });
    expect(periodOf('2027-02-10', 12)).toMatchObject({ key: '2027-P2', startsOn: '2027-02-01', endsOn: '2027-02-28', label: '2027年2月' });
    expect(periodOf('2027-12-31', 12)).toMatchObject({ key: '2027-P12', startsOn: '2027-12-01', endsOn: '2027-12-31' });
    expect(periodOf('2027-11-01', 6)).toMatchObject({ key: '2027-P6', endsOn: '2027-12-31', label: '2027年11—12月' });
  });

  it('steps over the year boundary', () => {
    expect(nextPeriod(periodOf('2027-12-20', 4))).toMatchObject({ key: '2028-P1', startsOn: '2028-01-01' });
    expect(nextPeriod(periodOf('2027-12-01', 12))).toMatchObject({ key: '2028-P1', endsOn: '2028-01-31' });
  });

  it('refuses a day that does not exist and a count of visits it does not know', () => {
    expect(() => periodOf('2027-02-29', 4)).toThrow(RangeError);
    expect(() => periodOf('2027-12-20', 5 as FollowUpsPerYear)).toThrow(/visits a year/);
  });

  it('property: every day lies in exactly one period of its year, and that period contains it', () => {
    fc.assert(
      fc.property(anyDay, anyPerYear, (day, perYear) => {
        const own = periodOf(day, perYear);
        const containing = periodsOfYear(Number(day.slice(0, 4)), perYear).filter((p) => p.startsOn <= day && day <= p.endsOn);
        expect(containing).toEqual([own]);
      }),
    );
  });

  it('property: the periods of a year tile it, from 1 January to 31 December, in order, with no gap or overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), anyPerYear, (year, perYear) => {
        const periods = periodsOfYear(year, perYear);
        const yyyy = String(year).padStart(4, '0');
        expect(periods).toHaveLength(perYear);
        expect(periods[0].startsOn).toBe(`${yyyy}-01-01`);
        expect(periods[perYear - 1].endsOn).toBe(`${yyyy}-12-31`);
        periods.forEach((p, i) => {
          expect(p.key).toBe(`${yyyy}-P${i + 1}`);
          expect(p.startsOn <= p.endsOn).toBe(true);
          if (i > 0) expect(localDaysBetween(periods[i - 1].endsOn, p.startsOn)).toBe(1);
          // Each period is as long as its months: 28 to 92 days.
          expect(localDaysBetween(p.startsOn, p.endsOn) + 1).toBeGreaterThanOrEqual(28 * (12 / perYear));
          expect(localDaysBetween(p.startsOn, p.endsOn) + 1).toBeLessThanOrEqual(31 * (12 / perYear));
        });
      }),
    );
  });

  it('property: the period after a day’s period starts the day after it ends', () => {
    fc.assert(
      fc.property(anyDay, anyPerYear, (day, perYear) => {
        const p = periodOf(day, perYear);
        expect(nextPeriod(p).startsOn).toBe(addLocalDays(p.endsOn, 1));
        expect(periodOf(p.startsOn, perYear)).toEqual(p);
        expect(periodOf(p.endsOn, perYear)).toEqual(p);
      }),
    );
  });
});

describe('recording a follow-up visit', () => {
  it('knows the three diseases of seed 004 and what each visit records', () => {
    expect(Object.entries(FOLLOW_UP_DISEASES).map(([code, d]) => `${code} ${d.name} ${d.measure}`)).toEqual([
      'C01 原发性高血压 blood_pressure',
      'C02 2型糖尿病 glucose',
      'C03 严重精神障碍 notes',
    ]);
    expect(isFollowUpDisease('C04')).toBe(false);
    expect(isFollowUpDisease('toString')).toBe(false);
  });

  it('takes a hypertension visit with blood pressure', () => {
    expect(visit('C01', { visitDate: '2027-12-18', systolic: 142, diastolic: 91, notes: ' 嘱低盐饮食 ' })).toEqual({
      ok: true,
      visit: { visitDate: '2027-12-18', systolic: 142, diastolic: 91, glucose: null, notes: '嘱低盐饮食' },
    });
  });

  it('takes a diabetes visit with fasting glucose to one decimal (6.1, which binary floating point cannot hold exactly)', () => {
    expect(visit('C02', { visitDate: '2027-10-01', glucose: 6.1 })).toMatchObject({ ok: true, visit: { glucose: 6.1 } });
    expect(fields(visit('C02', { visitDate: '2027-10-01', glucose: 6.15 }))).toEqual(['glucose']);
  });

  it('names the missing measurement of each disease', () => {
    expect(fields(visit('C01', { visitDate: '2027-12-01' }))).toEqual(['systolic', 'diastolic']);
    expect(fields(visit('C02', { visitDate: '2027-12-01', notes: '' }))).toEqual(['glucose']);
    expect(fields(visit('C03', { visitDate: '2027-12-01', notes: '   ' }))).toEqual(['notes']);
    expect(visit('C03', { visitDate: '2027-12-01', notes: '病情稳定，按时服药' }).ok).toBe(true);
  });

  it('refuses implausible values, naming each field', () => {
    const check = visit('C01', { visitDate: '2027-12-01', systolic: 1400, diastolic: 90.5, glucose: 80 });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors).toEqual([
      { field: 'systolic', message: 'systolic must lie between 60 and 300 mmHg, not 1400' },
      { field: 'diastolic', message: 'diastolic must be a whole number (mmHg)' },
      { field: 'glucose', message: 'glucose must lie between 1 and 35 mmol/L, not 80' },
    ]);
    expect(fields(visit('C01', { visitDate: '2027-12-01', systolic: 80, diastolic: 90 }))).toEqual(['diastolic']);
    expect(fields(visit('C01', { visitDate: '2027-12-01', systolic: '140', diastolic: 90 }))).toEqual(['systolic']);
    // Blood pressure of a diabetic is welcome, but both values or neither.
    expect(fields(visit('C02', { visitDate: '2027-12-01', glucose: 7, systolic: 130 }))).toEqual(['diastolic']);
    expect(fields(visit('C03', { visitDate: '2027-12-01', notes: 'x'.repeat(2001) }))).toEqual(['notes']);
    expect(fields(visit('C03', { visitDate: '2027-12-01', notes: 42 }))).toEqual(['notes']);
  });

  it('wants the visit inside the period and not in the future', () => {
    const before = visit('C02', { visitDate: '2027-09-30', glucose: 7 });
    expect(!before.ok && before.errors[0].message).toBe("visitDate must lie within the follow-up's period, 2027-10-01 to 2027-12-31");
    const future = visit('C02', { visitDate: '2027-12-21', glucose: 7 });
    expect(!future.ok && future.errors[0].message).toBe('visitDate may not lie in the future (today is 2027-12-20)');
    expect(fields(visit('C02', { visitDate: '2027-02-30', glucose: 7 }))).toEqual(['visitDate']);
    expect(fields(visit('C02', { glucose: 7 }))).toEqual(['visitDate']);
    expect(visit('C02', { visitDate: '2027-12-20', glucose: 7 }).ok).toBe(true);
  });

  it('names an unknown disease', () => {
    expect(fields(visit('M01', { visitDate: '2027-12-01' }))).toEqual(['diseaseCode']);
  });
});
