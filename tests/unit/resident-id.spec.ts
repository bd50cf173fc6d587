import fc from 'fast-check';
import { ageOn, checkResidentId, makeResidentId, maskResidentId, residentIdCheckChar } from '../../src/domain/resident-id';

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

  it('names what is wrong: shape, birth date (unreal, future, before 1900), check character; never the digits themselves', () => {
    expect(checkResidentId('51081219600101123', TODAY)).toEqual({ ok: false, message: '身份证号应为18位：17位数字加1位数字或X' });
    for (const date of ['1960-02-30', '2026-07-01', '1899-12-31']) {
      const check = checkResidentId(makeResidentId('510812', date, 1), TODAY);
      expect(check).toEqual({ ok: false, message: expect.stringContaining('出生日期') });
      // A report of row errors is read by others than the importer: it names the problem, not the date.
      expect(JSON.stringify(check)).not.toContain(date);
      expect(JSON.stringify(check)).not.toContain(date.replace(/-/g, ''));
    }
    expect(checkResidentId(makeResidentId('510812', TODAY, 1), TODAY).ok).toBe(true);
    expect(checkResidentId('510812196001011230', TODAY)).toEqual({ ok: false, message: '身份证号校验位错误' });
  });
});

describe(maskResidentId.name, () => {
  it('shows the first four characters (province and prefecture) and nothing of the birth date, sequence or check character', () => {
    expect(maskResidentId('64010519491231123X')).toBe('6401**************');
    fc.assert(
      fc.property(validId, ({ id }) => {
        const masked = maskResidentId(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 4)}${'*'.repeat(14)}`);
        expect(maskResidentId(id.toLowerCase())).toBe(masked);
      }),
    );
  });

  it('shows nothing of a value that is not an ID number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        fc.pre(!/^\d{17}[\dXx]$/.test(value.trim()));
        expect(maskResidentId(value)).toMatch(/^\**$/);
      }),
    );
  });

  /**
   * What a list shows of a person: the masked number, name, sex, age and village. Someone who knows
   * the village knows its county, so the 6-digit region code is taken as known. Counted by brute
   * force: every number with that region, a birth date giving that age, that sex and a right check
   * character, which also matches the mask.
   */
  function candidates(shown: { region: string; masked: string; age: number; sex: 'male' | 'female' }, on: string): number {
    let count = 0;
    const [year] = on.split('-').map(Number);
    for (let y = year - shown.age - 1; y <= year - shown.age; y++) {
      for (let day = Date.UTC(y, 0, 1); day < Date.UTC(y + 1, 0, 1); day += DAY_MS) {
        const birthDate = new Date(day).toISOString().slice(0, 10);
        if (ageOn(birthDate, on) !== shown.age) continue;
        for (let sequence = shown.sex === 'male' ? 1 : 0; sequence < 1000; sequence += 2) {
          const first17 = `${shown.region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
          const id = first17 + residentIdCheckChar(first17);
          if ([...shown.masked].every((c, i) => c === '*' || c === id[i])) count++;
        }
      }
    }
    return count;
  }

  it('leaves about 180,000 numbers that fit what a list shows, even with the region, age and sex known', () => {
    const id = makeResidentId('510812', '1968-03-15', 21);
    const check = checkResidentId(id, TODAY);
    if (!check.ok) throw new Error(check.message);
    const shown = { region: id.slice(0, 6), masked: maskResidentId(id), age: ageOn(check.birthDate, TODAY), sex: check.sex };
    expect(candidates(shown, TODAY)).toBeGreaterThanOrEqual(180_000);
    // What the old mask (first four, last four) left beside the same facts: a few hundred, and with
    // the birth date shown beside it a handful.
    expect(candidates({ ...shown, masked: `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}` }, TODAY)).toBeLessThan(400);
  });
});

describe(ageOn.name, () => {
  it('counts full years (周岁): a year older on the birthday, not the day before', () => {
    expect(ageOn('1968-03-15', '2026-03-14')).toBe(57);
    expect(ageOn('1968-03-15', '2026-03-15')).toBe(58);
    expect(ageOn('1968-03-15', '2026-12-31')).toBe(58);
    expect(ageOn('2026-06-30', '2026-06-30')).toBe(0);
  });

  it('makes one born on 29 February a year older on 1 March of a common year', () => {
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(22);
    expect(ageOn('2000-02-29', '2023-03-01')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('agrees with counting birthdays one by one', () => {
    const date = fc.integer({ min: 0, max: 60_000 }).map((d) => new Date(Date.UTC(1900, 0, 1) + d * DAY_MS).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        const [by, bm, bd] = birth.split('-').map(Number);
        let years = 0;
        // The n-th birthday: the same month and day, or 1 March when that day does not exist.
        const birthday = (n: number) => {
          const d = new Date(Date.UTC(by + n, bm - 1, bd));
          return d.toISOString().slice(0, 10);
        };
        while (birthday(years + 1) <= on) years++;
        expect(ageOn(birth, on)).toBe(years);
      }),
    );
  });
});
