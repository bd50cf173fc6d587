import fc from 'fast-check';
import { checkResidentId, makeResidentId, maskResidentId } from '../../src/domain/resident-id';

const TODAY = '2026-06-30';
const DAY_MS = 86_400_000;

/** A valid ID from its parts: region, a birth date between 1900 and today, a sequence. */
const validId = fc
  .record({
    region: fc.stringMatching(/^\d{6}$/),
    day: fc.integer({ min: 0, max: Math.floor((Date.UTC(2026, 5, 30) - Date.UTC(1900, 0, 1)) / DAY_MS) }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, day, sequence }) => {
    const birthDate = new Date(Date.UTC(1900, 0, 1) + day * DAY_MS).toISOString().slice(0, 10);
    return { region, birthDate, sequence, id: makeResidentId(region, birthDate, sequence) };
  });

describe(checkResidentId.name, () => {
  it('accepts every generated ID, with its birth date and the sex of its sequence', () => {
    fc.assert(
      fc.property(validId, ({ birthDate, sequence, id }) => {
        expect(checkResidentId(id, TODAY)).toEqual({ ok: true, idNumber: id, birthDate, sex: sequence % 2 === 1 ? 'male' : 'female' });
      }),
    );
  });

  it('refuses an ID with any one of its 18 characters changed', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), ({ id }, at, shift) => {
        // Digits move within 0–9; the check character also within "0–9 and X", so the changed ID keeps its shape.
        const alphabet = at === 17 ? '0123456789X' : '0123456789';
        const changed = alphabet[(alphabet.indexOf(id[at]) + shift) % alphabet.length];
        fc.pre(changed !== id[at]);
        expect(checkResidentId(`${id.slice(0, at)}${changed}${id.slice(at + 1)}`, TODAY).ok).toBe(false);
      }),
    );
  });

  it('reads a lower-case x as X', () => {
    const id = '11010519491231002X';
    expect(checkResidentId(id, TODAY)).toMatchObject({ ok: true, idNumber: id });
    expect(checkResidentId(id.toLowerCase(), TODAY)).toMatchObject({ ok: true, idNumber: id, sex: 'female' });
  });

  it('names what is wrong: shape, birth date (unreal, future, before 1900), check character', () => {
    expect(checkResidentId('51081219600101123', TODAY)).toEqual({ ok: false, message: '身份证号应为18位：17位数字加1位数字或X' });
    expect(checkResidentId(makeResidentId('510812', '1960-02-30', 1), TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining('出生日期 1960-02-30 无效'),
    });
    expect(checkResidentId(makeResidentId('510812', '2026-07-01', 1), TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining('2026-07-01'),
    });
    expect(checkResidentId(makeResidentId('510812', '1899-12-31', 1), TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining('1899-12-31'),
    });
    expect(checkResidentId(makeResidentId('510812', TODAY, 1), TODAY).ok).toBe(true);
    expect(checkResidentId('510812196001011230', TODAY)).toEqual({ ok: false, message: '身份证号校验位错误' });
  });
});

describe(maskResidentId.name, () => {
  it('shows the first four and the last four, never the ten in between', () => {
    expect(maskResidentId('64010519491231123X')).toBe('6401**********123X');
    fc.assert(
      fc.property(validId, ({ id }) => {
        const masked = maskResidentId(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`);
        expect(masked.slice(4, 14)).not.toMatch(/[\dX]/);
      }),
    );
  });
});
