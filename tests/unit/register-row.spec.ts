import fc from 'fast-check';
import { registerAreaPaths } from '../../src/domain/register-area';
import {
  checkRegisterRow,
  missingRegisterHeaders,
  parseRegisterDate,
  REGISTER_HEADERS,
  RegisterFileCheck,
  RegisterRow,
} from '../../src/domain/register-row';
import { makeResidentId } from '../../src/domain/resident-id';

const TODAY = '2026-06-30';
const HEAD_ID = makeResidentId('510812', '1968-03-15', 21);

const row = (cells: Record<string, string> = {}): Record<string, string> => ({
  户编号: '5108121002000001',
  村代码: '510812100200',
  户主姓名: '张建国',
  姓名: '张建国',
  与户主关系: '户主',
  身份证号: HEAD_ID,
  性别: '男',
  出生日期: '1968-03-15',
  脱贫状态: '已脱贫',
  主要致贫原因: '因病',
  次要致贫原因: '缺劳力',
  签约家庭医生: '李春梅',
  已患疾病: '原发性高血压',
  ...cells,
});

const errorsOf = (cells: Record<string, string>) => {
  const check = checkRegisterRow(row(cells), TODAY);
  return check.ok ? [] : check.errors;
};

describe(checkRegisterRow.name, () => {
  it('reads a good row into the register’s terms', () => {
    expect(checkRegisterRow(row(), TODAY)).toEqual({
      ok: true,
      row: {
        householdNumber: '5108121002000001',
        villageCode: '510812100200',
        headName: '张建国',
        name: '张建国',
        relationToHead: '户主',
        idNumber: HEAD_ID,
        sex: 'male',
        birthDate: '1968-03-15',
        povertyStatus: 'out',
        povertyCauseMain: '因病',
        povertyCauseSecondary: '缺劳力',
        familyDoctor: '李春梅',
        knownConditions: '原发性高血压',
      },
    });
  });

  it('trims cells, normalises a lower-case x and takes sex and birth date from the ID when left empty', () => {
    const id = makeResidentId('510812', '1970-01-02', 2);
    const check = checkRegisterRow(
      row({ 身份证号: ` ${id.toLowerCase()} `, 性别: '', 出生日期: '', 姓名: ' 李秀英 ', 脱贫状态: '未脱贫' }),
      TODAY,
    );
    expect(check).toMatchObject({
      ok: true,
      row: { idNumber: id, sex: 'female', birthDate: '1970-01-02', name: '李秀英', povertyStatus: 'not_out' },
    });
  });

  it('accepts the birth date as YYYY-MM-DD, YYYY/M/D or YYYYMMDD', () => {
    for (const written of ['1968-03-15', '1968/3/15', '19680315']) expect(errorsOf({ 出生日期: written })).toEqual([]);
  });

  it('names each wrong cell by its Chinese header, every one of a row', () => {
    expect(errorsOf({ 户编号: '', 姓名: '', 脱贫状态: '' }).map((e) => e.column)).toEqual(['户编号', '姓名', '脱贫状态']);
    expect(errorsOf({ 户编号: 'H'.repeat(41) })).toEqual([{ column: '户编号', message: '不能超过40个字符' }]);
    expect(errorsOf({ 身份证号: `${HEAD_ID.slice(0, 17)}${HEAD_ID[17] === '0' ? '1' : '0'}` })).toEqual([
      { column: '身份证号', message: '身份证号校验位错误' },
    ]);
    expect(errorsOf({ 性别: '女' })).toEqual([{ column: '性别', message: '与身份证号不符（身份证号为男性）' }]);
    expect(errorsOf({ 性别: 'M' })).toEqual([{ column: '性别', message: '应为“男”或“女”' }]);
    // The report names the problem, not the ID's birth date: others than the importer read it.
    expect(errorsOf({ 出生日期: '1968-03-16' })).toEqual([{ column: '出生日期', message: '与身份证号中的出生日期不符' }]);
    expect(errorsOf({ 出生日期: '15.03.1968' })).toEqual([{ column: '出生日期', message: '日期应写作 YYYY-MM-DD、YYYY/M/D 或 YYYYMMDD' }]);
    expect(errorsOf({ 脱贫状态: '脱贫' })).toEqual([{ column: '脱贫状态', message: '应为“未脱贫”或“已脱贫”' }]);
  });

  it('never throws, and a row it accepts always has a valid ID whose sex and birth date it carries', () => {
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '男', '女', '未脱贫', '已脱贫', HEAD_ID, '1968-03-15'));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...REGISTER_HEADERS), cell), (values) => {
        const check = checkRegisterRow(values, TODAY);
        if (check.ok) expect(check.row).toMatchObject({ idNumber: HEAD_ID, sex: 'male', birthDate: '1968-03-15' });
        else expect(check.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe(parseRegisterDate.name, () => {
  it('refuses dates that do not exist', () => {
    expect(parseRegisterDate('2023/2/29')).toBeNull();
    expect(parseRegisterDate('2024/2/29')).toBe('2024-02-29');
    expect(parseRegisterDate('19681315')).toBeNull();
  });
});

describe(missingRegisterHeaders.name, () => {
  it('names the required columns a header row lacks', () => {
    expect(missingRegisterHeaders(REGISTER_HEADERS)).toEqual([]);
    expect(missingRegisterHeaders(['户编号', '村代码', '户主姓名', '姓名', '脱贫状态'])).toEqual(['身份证号']);
    expect(missingRegisterHeaders(['姓名', '性别'])).toEqual(['户编号', '村代码', '户主姓名', '身份证号', '脱贫状态']);
  });
});

describe(RegisterFileCheck.name, () => {
  const valid = (cells: Record<string, string>): RegisterRow => {
    const check = checkRegisterRow(row(cells), TODAY);
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    return check.row;
  };

  it('names the first row of a duplicated ID number', () => {
    const file = new RegisterFileCheck();
    expect(file.check(2, valid({}))).toEqual([]);
    expect(file.check(3, valid({ 姓名: '张建军' }))).toEqual([{ column: '身份证号', message: '与第2行的身份证号重复' }]);
  });

  it('holds the rows of one household to its first row’s village and head', () => {
    const file = new RegisterFileCheck();
    const spouse = makeResidentId('510812', '1970-05-01', 2);
    expect(file.check(2, valid({}))).toEqual([]);
    expect(file.check(5, valid({ 身份证号: spouse, 性别: '女', 出生日期: '', 村代码: '510812100201', 户主姓名: '张建民' }))).toEqual([
      { column: '村代码', message: '同一户编号在第2行的村代码为 510812100200' },
      { column: '户主姓名', message: '同一户编号在第2行的户主姓名为 张建国' },
    ]);
  });
});

describe(registerAreaPaths.name, () => {
  const clinic = { kind: 'village_clinic' as const, path: '/city/county/town/village/clinic/' };
  it('gives staff of a village clinic its village, of a health centre its township, of other units their own', () => {
    expect(registerAreaPaths({ kind: 'own-unit', unitId: 'clinic' }, clinic)).toEqual(['/city/county/town/village/']);
    expect(registerAreaPaths({ kind: 'own-unit', unitId: 'hc' }, { kind: 'health_centre', path: '/city/county/town/hc/' })).toEqual([
      '/city/county/town/',
    ]);
    expect(registerAreaPaths({ kind: 'own-unit', unitId: 'h' }, { kind: 'designated_hospital', path: '/city/county/h/' })).toEqual([
      '/city/county/h/',
    ]);
  });

  it('gives managers and admins their scope', () => {
    expect(registerAreaPaths({ kind: 'subtrees', paths: ['/city/county/town/', '/city/other/'] }, clinic)).toEqual([
      '/city/county/town/',
      '/city/other/',
    ]);
  });
});
