import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { parseDayList, parseDiseaseLines } from '../../web/src/lib/admin-input';
import { policySummary } from '../../web/src/lib/policy-text';

/** The administrators' pages' own rules: pasted disease lines and day lists, and a policy in words. */
describe('web console admin logic', () => {
  it('reads pasted disease lines with codes or Chinese category names, skipping blank lines', () => {
    const { diseases, problems } = parseDiseaseLines('M01,食管癌,大病\n\nC01, 原发性高血压 ,chronic\r\n"S01","尿毒症透析","重病"\n');
    expect(problems).toEqual([]);
    expect(diseases).toEqual([
      { code: 'M01', name: '食管癌', category: 'major' },
      { code: 'C01', name: '原发性高血压', category: 'chronic' },
      { code: 'S01', name: '尿毒症透析', category: 'severe' },
    ]);
  });

  it('names the line of a wrong shape or an unknown category', () => {
    expect(parseDiseaseLines('M01,食管癌\nM02,胃癌,癌症').problems).toEqual([
      '第 1 行：应为 编码,名称,类别 三列',
      '第 2 行：类别「癌症」应为 大病、慢病 或 重病',
    ]);
  });

  it('splits a typed list of days on lines, commas, 、 and spaces', () => {
    expect(parseDayList('2027-03-20\n2027-03-21，2027-03-22、 2027-03-23  ')).toEqual([
      '2027-03-20',
      '2027-03-21',
      '2027-03-22',
      '2027-03-23',
    ]);
  });

  it('says the default policy in words', () => {
    expect(policySummary(DEFAULT_DEADLINE_POLICY)).toEqual({
      reminders: '提前3天、提前1天、到期当天09:00',
      escalation: '1级：逾期0小时→责任单位负责人；2级：逾期2天→上级单位负责人；3级：逾期5天→分片联系领导（约谈）',
    });
  });
});
