import { CatalogueDisease, findDisease, validateCatalogue } from '../../src/domain/disease-catalogue';
import { checkResultRow, parseOutcome, validateResult } from '../../src/domain/re-identification';

const catalogue: CatalogueDisease[] = [
  { code: 'M09', name: '食管癌', category: 'major' },
  { code: 'C01', name: '原发性高血压', category: 'chronic' },
];

describe(validateResult.name, () => {
  it('takes diseases by code or by name, once each', () => {
    expect(validateResult({ outcome: 'conditions', conditions: ['C01', '食管癌', 'M09'] }, catalogue)).toEqual({
      ok: true,
      result: { outcome: 'conditions', conditionCodes: ['C01', 'M09'], note: '' },
    });
  });

  it('refuses a disease outside the catalogue, and conditions without one', () => {
    const unknown = validateResult({ outcome: 'conditions', conditions: ['感冒'] }, catalogue);
    expect(unknown).toEqual({ ok: false, errors: [{ field: 'conditions', message: '“感冒”不在本次行动的疾病目录中' }] });
    expect(validateResult({ outcome: 'conditions' }, catalogue).ok).toBe(false);
  });

  it('needs a reason when the person could not be assessed, and no diseases then', () => {
    expect(validateResult({ outcome: 'deceased' }, catalogue)).toEqual({
      ok: false,
      errors: [{ field: 'note', message: '识别结果为已死亡时须在说明中写明原因' }],
    });
    expect(validateResult({ outcome: 'moved', note: '迁往外省' }, catalogue).ok).toBe(true);
    expect(validateResult({ outcome: 'none', conditions: ['C01'] }, catalogue).ok).toBe(false);
  });

  it('names an unknown outcome', () => {
    expect(validateResult({ outcome: 'sick' }, catalogue)).toMatchObject({ ok: false, errors: [{ field: 'outcome' }] });
  });
});

describe(parseOutcome.name, () => {
  it('reads the Chinese labels a CSV carries', () => {
    expect(parseOutcome('未患目录内疾病')).toBe('none');
    expect(parseOutcome(' 已死亡 ')).toBe('deceased');
    expect(parseOutcome('unknown')).toBeUndefined();
  });
});

describe(validateCatalogue.name, () => {
  it('accepts a well-formed list and trims names', () => {
    expect(validateCatalogue([{ code: 'X1', name: ' 尘肺病 ', category: 'major' }])).toEqual({
      ok: true,
      diseases: [{ code: 'X1', name: '尘肺病', category: 'major' }],
    });
  });

  it('lists every problem at once', () => {
    const check = validateCatalogue([
      { code: 'X1', name: 'a', category: 'major' },
      { code: 'X1', name: '', category: 'rare' },
    ]);
    expect(check).toEqual({
      ok: false,
      errors: [
        'diseases[1].code X1 appears twice',
        'diseases[1].name must be 1–100 characters',
        'diseases[1].category must be one of major, chronic, severe',
      ],
    });
    expect(validateCatalogue([])).toEqual({ ok: false, errors: ['diseases must be a non-empty list'] });
  });

  it('finds a disease by code before name', () => {
    expect(findDisease(catalogue, ' C01 ')?.name).toBe('原发性高血压');
  });
});

describe(checkResultRow.name, () => {
  const TODAY = '2026-05-01';
  const ids = new Set(['510812195001011234', '51081219500101123X']);
  it('reads a row with Chinese labels and diseases in one cell', () => {
    const seen = new Map<string, number>();
    expect(
      checkResultRow({ 身份证号: '51081219500101123x', 识别结果: '患病', 疾病: '食管癌、C01' }, 2, catalogue, ids, seen, TODAY),
    ).toEqual({
      ok: true,
      idNumber: '51081219500101123X',
      result: { outcome: 'conditions', conditionCodes: ['M09', 'C01'], note: '' },
    });
  });

  it('names every problem of a row with its column', () => {
    const seen = new Map([['510812195001011234', 2]]);
    expect(checkResultRow({ 身份证号: '510812195001011234', 识别结果: '已死亡' }, 4, catalogue, ids, seen, TODAY)).toEqual({
      ok: false,
      errors: [
        { row: 4, column: '身份证号', message: '与第2行重复' },
        { row: 4, column: '说明', message: '识别结果为已死亡时须在说明中写明原因' },
      ],
    });
    expect(checkResultRow({ 身份证号: '110101199003077774', 识别结果: 'none' }, 5, catalogue, ids, new Map(), TODAY)).toMatchObject({
      ok: false,
      errors: [{ column: '身份证号', message: '此人不在本任务的识别名单中' }],
    });
  });

  it('calls a number with a wrong check digit or an impossible birth date invalid, not missing from the list', () => {
    expect(checkResultRow({ 身份证号: '110101199003077777', 识别结果: 'none' }, 6, catalogue, ids, new Map(), TODAY)).toMatchObject({
      ok: false,
      errors: [{ row: 6, column: '身份证号', message: '身份证号校验位错误' }],
    });
    expect(checkResultRow({ 身份证号: '11010119900230777X', 识别结果: 'none' }, 7, catalogue, ids, new Map(), TODAY)).toMatchObject({
      ok: false,
      errors: [{ row: 7, column: '身份证号', message: expect.stringContaining('出生日期') }],
    });
    expect(checkResultRow({ 身份证号: '1101011990', 识别结果: 'none' }, 8, catalogue, ids, new Map(), TODAY)).toMatchObject({
      ok: false,
      errors: [{ row: 8, column: '身份证号', message: expect.stringContaining('18位') }],
    });
  });
});
