import fc from 'fast-check';
import { checkPovertyListRow, flagsFor, isIllnessCause } from '../../src/domain/data-comparison';
import { makeResidentId } from '../../src/domain/resident-id';

const id = '510812195001011234';
const poverty = (causeMain: string, causeSecondary = '') => ({ idNumber: id, causeMain, causeSecondary });
const health = (...categories: string[]) => ({ idNumber: id, categories });

describe(flagsFor.name, () => {
  it('flags an illness cause with no disease recorded, by main or secondary cause', () => {
    expect(flagsFor(poverty('因病'), health())).toEqual(['illness_cause_without_condition']);
    expect(flagsFor(poverty('缺劳力', '因病返贫'), health())).toEqual(['illness_cause_without_condition']);
    expect(flagsFor(poverty('因病'), health('chronic'))).toEqual([]);
  });

  it('flags a major disease whose cause is not illness, but not a chronic one', () => {
    expect(flagsFor(poverty('缺资金'), health('major'))).toEqual(['major_disease_without_illness_cause']);
    expect(flagsFor(poverty('缺资金'), health('chronic'))).toEqual([]);
    expect(flagsFor(poverty('因病'), health('major'))).toEqual([]);
  });

  it('flags a person on one list only', () => {
    expect(flagsFor(poverty('因病'), undefined)).toEqual(['only_on_poverty_list']);
    expect(flagsFor(undefined, health('major'))).toEqual(['only_in_health_records']);
  });

  it('never raises both cause flags for one person', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.subarray(['major', 'chronic', 'severe']), (main, secondary, categories) => {
        expect(flagsFor(poverty(main, secondary), health(...categories)).length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe(isIllnessCause.name, () => {
  it('reads the causes offices write', () => {
    expect(['因病', '因病致贫', '因病返贫', '疾病'].every(isIllnessCause)).toBe(true);
    expect(['因残', '因学', '缺劳力', ''].some(isIllnessCause)).toBe(false);
  });
});

describe(checkPovertyListRow.name, () => {
  const valid = makeResidentId('510812', '1960-05-01', 11);
  it('takes a row and names a duplicate with the row that came first', () => {
    const seen = new Map<string, number>();
    expect(checkPovertyListRow({ 身份证号: valid.toLowerCase(), 户编号: 'H1', 主要致贫原因: '因病' }, 2, '2026-01-01', seen)).toEqual({
      ok: true,
      entry: { idNumber: valid, householdNumber: 'H1', causeMain: '因病', causeSecondary: '' },
    });
    expect(checkPovertyListRow({ 身份证号: valid }, 5, '2026-01-01', seen)).toEqual({
      ok: false,
      errors: [{ row: 5, column: '身份证号', message: '与第2行重复' }],
    });
  });

  it('refuses a bad ID number', () => {
    const broken = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(checkPovertyListRow({ 身份证号: broken }, 3, '2026-01-01', new Map())).toEqual({
      ok: false,
      errors: [{ row: 3, column: '身份证号', message: '身份证号校验位错误' }],
    });
  });
});
