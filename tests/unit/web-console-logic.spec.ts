import { buildWorkingDayCalendar } from '../../src/domain/working-days';
import { dueCountdown } from '../../web/src/lib/countdown';
import { formatDate, formatDateTime, formatLocalDate } from '../../web/src/lib/dates';
import { tokenExpiry } from '../../web/src/lib/jwt';
import { csvRows } from '../../web/src/lib/row-text';
import { startRuleText } from '../../web/src/lib/step-rules';

/** The console's logic that holds rules: the working-day countdown, Chinese dates, row numbers of an upload, token expiry. */
describe('web console logic', () => {
  // 2027: National Day holiday 1–7 October, make-up workdays Sunday 26 September and Saturday 9 October.
  const calendar = buildWorkingDayCalendar([
    {
      year: 2027,
      holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      makeUpWorkdays: ['2027-09-26', '2027-10-09'],
    },
  ]);
  const at = (iso: string) => new Date(iso);

  describe(dueCountdown.name, () => {
    it('counts working days to the due day, skipping the holiday and counting the make-up Saturday', () => {
      // Thursday 30 September 09:00 China time; due Monday 11 October 17:00.
      const c = dueCountdown(at('2027-10-11T09:00:00Z'), at('2027-09-30T01:00:00Z'), calendar);
      // 8 Oct (Fri), 9 Oct (make-up Sat), 11 Oct (Mon): three working days.
      expect(c).toEqual({ overdue: false, workingDays: 3, label: '还剩 3 个工作日', calendarKnown: true });
    });

    it('says due today until the due time, then overdue today, then working days overdue', () => {
      const due = at('2027-03-25T09:00:00Z'); // 17:00 China time, Thursday
      expect(dueCountdown(due, at('2027-03-25T08:59:00Z'), calendar).label).toBe('今天到期');
      expect(dueCountdown(due, at('2027-03-25T09:01:00Z'), calendar)).toMatchObject({ overdue: true, workingDays: 0, label: '今天已逾期' });
      // Monday 29 March: Friday 26 and Monday 29 are working days.
      expect(dueCountdown(due, at('2027-03-29T02:00:00Z'), calendar)).toMatchObject({
        overdue: true,
        workingDays: 2,
        label: '已逾期 2 个工作日',
      });
    });

    it('uses China time for the day: 00:30 on the 25th in Beijing is still the 24th in UTC', () => {
      const c = dueCountdown(at('2027-03-26T09:00:00Z'), at('2027-03-24T16:30:00Z'), calendar);
      expect(c.workingDays).toBe(1);
    });

    it('says when it guessed Monday–Friday for a year the calendar does not hold', () => {
      expect(dueCountdown(at('2028-01-10T09:00:00Z'), at('2027-12-30T01:00:00Z'), calendar).calendarKnown).toBe(false);
    });
  });

  it('writes dates the Chinese way, in China time whatever the machine zone', () => {
    expect(formatLocalDate('2027-03-05')).toBe('2027年3月5日');
    expect(formatDate('2027-03-24T16:30:00Z')).toBe('2027年3月25日');
    expect(formatDateTime('2027-03-24T16:05:00Z')).toBe('2027年3月25日 00:05');
  });

  describe(csvRows.name, () => {
    it('numbers rows as a spreadsheet does, a quoted cell across lines staying in its row, with or without BOM and CRLF', () => {
      const rows = csvRows('\uFEFF身份证号,识别结果\r\n110,"患病, ""重"""\r\n120,"第一行\n第二行"\r\n130,无法联系');
      expect(rows.get(1)).toEqual(['身份证号', '识别结果']);
      expect(rows.get(2)).toEqual(['110', '患病, "重"']);
      expect(rows.get(3)).toEqual(['120', '第一行\n第二行']);
      expect(rows.get(4)).toEqual(['130', '无法联系']);
      expect(rows.size).toBe(4);
    });
  });

  describe(tokenExpiry.name, () => {
    const jwt = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
    it('reads exp in milliseconds, and null from what is no JWT', () => {
      expect(tokenExpiry(jwt({ sub: 'u', exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
      expect(tokenExpiry(jwt({ sub: 'u' }))).toBeNull();
      expect(tokenExpiry('not-a-token')).toBeNull();
      expect(tokenExpiry('a.%%%.c')).toBeNull();
    });
  });
});

describe('start rules as the campaign page writes them', () => {
  const steps = [{ title: '疾病再识别' }, { title: '第一轮村与村交叉排查' }];
  it('names the earlier step, the date (China time), both, or neither', () => {
    expect(startRuleText({ startAfter: null, startsAt: null }, steps)).toBe('启动即开始');
    expect(startRuleText({ startAfter: 0, startsAt: null }, steps)).toBe('「疾病再识别」完成后');
    expect(startRuleText({ startAfter: 1, startsAt: '2027-05-14T16:00:00.000Z' }, steps)).toBe(
      '「第一轮村与村交叉排查」完成后，不早于 2027年5月15日 00:00',
    );
    expect(startRuleText({ startAfter: null, startsAt: '2027-05-15T01:30:00.000Z' }, steps)).toBe('不早于 2027年5月15日 09:30');
  });
});
