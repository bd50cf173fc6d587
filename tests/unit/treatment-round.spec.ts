import fc from 'fast-check';
import { DISEASE_CATALOGUE_V1 } from '../../src/database/migrations/data/disease-catalogue-v1';
import type { CatalogueDisease } from '../../src/domain/disease-catalogue';
import {
  assignHospital,
  behindPace,
  checkCaseTransition,
  handlingOf,
  isEligible,
  ratePercent,
  RoundDefinition,
  stageOf,
  validateRound,
} from '../../src/domain/treatment-round';

const catalogue = DISEASE_CATALOGUE_V1.diseases as CatalogueDisease[];
const HOSPITAL = '11111111-1111-4111-8111-111111111111';
const OTHER_HOSPITAL = '22222222-2222-4222-8222-222222222222';
const COUNTY = '33333333-3333-4333-8333-333333333333';

/** Seed 004's fourth batch: 1 Aug – 30 Oct, children's leukaemia only for ages 0–14. */
const fourthBatch = {
  startsOn: '2027-08-01',
  endsOn: '2027-10-30',
  diseases: [{ disease: 'M01', minAge: 0, maxAge: 14 }, { disease: '食管癌' }, { disease: 'M13' }, { disease: '宫颈癌', sex: 'female' }],
  hospitals: [
    { unitId: HOSPITAL, diseases: ['M01', 'M09'], countyUnitIds: [COUNTY] },
    { unitId: OTHER_HOSPITAL, diseases: ['M01', 'M09', 'M13', 'M16'] },
  ],
  targetRate: 90,
  stages: { referral: { withinDays: 10 }, admission: { withinDays: 20 }, treatment: { withinDays: 60 } },
};

function round(): RoundDefinition {
  const check = validateRound(fourthBatch, catalogue);
  if (!check.ok) throw new Error(check.errors.join('; '));
  return check.round;
}

describe('treatment round definitions', () => {
  it('resolves diseases by code or by a name the catalogue holds once', () => {
    expect(round().diseases).toEqual([
      { code: 'M01', minAge: 0, maxAge: 14 },
      { code: 'M09' },
      { code: 'M13' },
      { code: 'M16', sex: 'female' },
    ]);
  });

  it('refuses a name the catalogue holds in two categories, naming both codes (终末期肾病: M13 and S10)', () => {
    const check = validateRound({ ...fourthBatch, diseases: [...fourthBatch.diseases.slice(0, 2), { disease: '终末期肾病' }] }, catalogue);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors).toContain(
      'round.diseases[2].disease 终末期肾病 is in the catalogue more than once (M13 major, S10 severe): give its code',
    );
  });

  it('names every problem at once', () => {
    const check = validateRound(
      {
        startsOn: '2027-02-30',
        endsOn: '2027-01-01',
        diseases: [{ disease: 'X99' }, { disease: 'M01', minAge: 15, maxAge: 14 }, { disease: 'M02', sex: 'other' }],
        hospitals: [{ unitId: 'not-a-uuid', diseases: ['M01'] }],
        targetRate: 120,
        stages: { referral: { withinDays: 0 } },
      },
      catalogue,
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors).toEqual([
      'round.startsOn must be an existing day as YYYY-MM-DD',
      "round.diseases[0].disease X99 is not in the campaign's catalogue version",
      'round.diseases[1].minAge must not exceed maxAge',
      'round.diseases[2].sex must be male or female',
      'round.hospitals[0].unitId must be a UUID',
      'round.diseases: no hospital of the round treats M01',
      'round.diseases: no hospital of the round treats M02',
      'round.targetRate must be a percentage above 0, at most 100',
      'round.stages.referral.withinDays must be a whole number of days from 1 to 366',
      'round.stages.admission.withinDays must be a whole number of days from 1 to 366',
      'round.stages.treatment.withinDays must be a whole number of days from 1 to 366',
    ]);
  });

  it('refuses a hospital treating a disease that is not on the round’s list', () => {
    const check = validateRound(
      { ...fourthBatch, hospitals: [{ unitId: HOSPITAL, diseases: ['M01', 'M09', 'M13', 'M16', 'M02'] }] },
      catalogue,
    );
    expect(!check.ok && check.errors).toEqual(["round.hospitals[0].diseases[4] M02 is not on the round's list"]);
  });
});

describe('eligibility, hospitals and handling', () => {
  it('applies the age limit on the round’s first day and the sex condition', () => {
    const r = round();
    expect(isEligible(r, 'M01', { birthDate: '2012-08-01', sex: 'male' })).toBe(false); // turns 15 on the first day
    expect(isEligible(r, 'M01', { birthDate: '2012-08-02', sex: 'male' })).toBe(true); // 14
    expect(isEligible(r, 'M01', { birthDate: '2012-07-31', sex: 'male' })).toBe(false); // 15
    expect(isEligible(r, 'M09', { birthDate: '1950-01-01', sex: 'male' })).toBe(true);
    expect(isEligible(r, 'M16', { birthDate: '1970-01-01', sex: 'male' })).toBe(false);
    expect(isEligible(r, 'M16', { birthDate: '1970-01-01', sex: 'female' })).toBe(true);
    expect(isEligible(r, 'M02', { birthDate: '1970-01-01', sex: 'female' })).toBe(false);
  });

  it('assigns the first hospital that treats the disease and serves the county', () => {
    const r = round();
    expect(assignHospital(r, 'M01', COUNTY)).toBe(HOSPITAL);
    expect(assignHospital(r, 'M01', 'another-county')).toBe(OTHER_HOSPITAL);
    expect(assignHospital(r, 'M13', COUNTY)).toBe(OTHER_HOSPITAL);
    expect(assignHospital({ ...r, hospitals: [r.hospitals[0]] }, 'M13', COUNTY)).toBeNull();
  });

  it('maps the catalogue category to the handling (三个一批)', () => {
    expect([handlingOf('major'), handlingOf('chronic'), handlingOf('severe')]).toEqual([
      'major_treatment',
      'chronic_contract',
      'severe_safety_net',
    ]);
  });
});

describe('case lifecycle', () => {
  it('moves identified → referred → admitted → treated, each by its side', () => {
    expect(checkCaseTransition('refer', 'identified', ['referrer'])).toEqual({ ok: true, to: 'referred' });
    expect(checkCaseTransition('admit', 'referred', ['hospital'])).toEqual({ ok: true, to: 'admitted' });
    expect(checkCaseTransition('treat', 'admitted', ['hospital'])).toEqual({ ok: true, to: 'treated' });
    expect(checkCaseTransition('admit', 'referred', ['referrer'])).toMatchObject({ ok: false, reason: 'role' });
    expect(checkCaseTransition('treat', 'referred', ['hospital'])).toMatchObject({ ok: false, reason: 'state' });
    expect(checkCaseTransition('close', 'treated', ['supervisor'])).toMatchObject({ ok: false, reason: 'state' });
    expect(checkCaseTransition('reopen', 'closed', ['hospital'])).toMatchObject({ ok: false, reason: 'role' });
    expect(checkCaseTransition('reopen', 'closed', ['supervisor'])).toEqual({ ok: true, to: 'identified' });
  });

  it('runs a stage deadline while the case is open, none once treated or closed', () => {
    expect(['identified', 'referred', 'admitted', 'treated', 'closed'].map((s) => stageOf(s as never))).toEqual([
      'referral',
      'admission',
      'treatment',
      null,
      null,
    ]);
  });
});

describe('treatment rates', () => {
  it('rounds half up on the exact fraction (2/3 → 66.67, not the truncated 66.66)', () => {
    expect(ratePercent(2, 3)).toBe(66.67);
    expect(ratePercent(1, 3)).toBe(33.33);
    expect(ratePercent(11_144, 11_777)).toBe(94.63); // seed 001's city
    expect(ratePercent(2_198, 2_529)).toBe(86.91);
    expect(ratePercent(1, 80, 1)).toBe(1.3); // 1.25 exactly: half up, not to even
    expect(ratePercent(0, 5)).toBe(0);
    expect(ratePercent(5, 5)).toBe(100);
    expect(ratePercent(0, 0)).toBeNull();
  });

  it('equals the rounded exact quotient for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), (den, n) => {
        const num = n % (den + 1);
        const rate = ratePercent(num, den)!;
        // |rate − exact| ≤ 0.005, and rate has at most two decimals
        expect(Math.abs(rate - (num * 100) / den)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.round(rate * 100)).toBeCloseTo(rate * 100, 6);
      }),
    );
  });

  it('flags a rate below the straight-line pace to the target', () => {
    const r = { startsOn: '2027-08-01', endsOn: '2027-08-10' };
    expect(behindPace(40, 90, r, '2027-08-05')).toBe(true); // day 5 of 10: the pace is 45 %
    expect(behindPace(44.99, 90, r, '2027-08-05')).toBe(true);
    expect(behindPace(45, 90, r, '2027-08-05')).toBe(false);
    expect(behindPace(89.99, 90, r, '2027-08-10')).toBe(true);
    expect(behindPace(null, 90, r, '2027-08-10')).toBe(false);
  });
});
