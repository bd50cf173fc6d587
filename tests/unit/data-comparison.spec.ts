import fc from 'fast-check';
import {
  checkPovertyListRow,
  COMPARISON_EXPORT_HEADER,
  comparisonExportRow,
  ExportedFlag,
  flagsFor,
  isIllnessCause,
} from '../../src/domain/data-comparison';
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

describe(comparisonExportRow.name, () => {
  const flag: ExportedFlag = {
    kind: 'major_disease_without_illness_cause',
    unitName: '第1村卫生室',
    householdNumber: 'H-001',
    personName: '张三',
    idNumberShown: '6321**************',
    sex: 'female',
    age: 57,
    causeMain: '缺资金',
    causeSecondary: '',
    categories: ['major', 'chronic'],
    resolutionNote: '入户核实，致贫原因应为因病',
    resolvedAt: '2026-12-03 10:15',
  };

  it('lays a verified flag out in the header’s order, in Chinese', () => {
    const row = comparisonExportRow(7, flag);
    expect(Object.fromEntries(COMPARISON_EXPORT_HEADER.map((name, i) => [name, row[i]]))).toEqual({
      序号: 7,
      责任单位: '第1村卫生室',
      户编号: 'H-001',
      姓名: '张三',
      身份证号: '6321**************',
      性别: '女',
      年龄: 57,
      比对结果: '患大病但致贫原因非因病',
      主要致贫原因: '缺资金',
      次要致贫原因: '',
      卫健记录疾病类别: '大病、慢病',
      核实状态: '已核实',
      核实情况: '入户核实，致贫原因应为因病',
      核实时间: '2026-12-03 10:15',
    });
  });

  it('says what is unknown of a person on the poverty list only, and an open flag as such', () => {
    const row = comparisonExportRow(1, {
      ...flag,
      kind: 'only_on_poverty_list',
      unitName: null,
      personName: null,
      sex: null,
      age: null,
      categories: [],
      resolutionNote: null,
      resolvedAt: null,
    });
    expect(row).toEqual([
      1,
      '无责任单位',
      'H-001',
      '',
      '6321**************',
      '',
      '',
      '仅在扶贫部门名单中',
      '缺资金',
      '',
      '',
      '待核实',
      '',
      '',
    ]);
  });
});
