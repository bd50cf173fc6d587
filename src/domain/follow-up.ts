import { addLocalDays, isLocalDate } from './time-zone';

/**
 * Chronic follow-ups (慢病签约随访): the diseases whose contracted patients their family doctor visits
 * face to face, what a visit must record for each, and the periods a plan's visits fall due in. Pure:
 * no clock (`today` is an argument), no I/O.
 */

/** What a visit must record for the disease: blood pressure, fasting glucose, or written notes. */
export type FollowUpMeasure = 'blood_pressure' | 'glucose' | 'notes';

export const FOLLOW_UP_DISEASES = {
  C01: { name: '原发性高血压', measure: 'blood_pressure' },
  C02: { name: '2型糖尿病', measure: 'glucose' },
  C03: { name: '严重精神障碍', measure: 'notes' },
} as const satisfies Record<string, { name: string; measure: FollowUpMeasure }>;

export type FollowUpDiseaseCode = keyof typeof FOLLOW_UP_DISEASES;
export const FOLLOW_UP_DISEASE_CODES = Object.keys(FOLLOW_UP_DISEASES) as FollowUpDiseaseCode[];

export function isFollowUpDisease(code: unknown): code is FollowUpDiseaseCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(FOLLOW_UP_DISEASES, code);
}

/** Visits a year: at least one per quarter (seed 004), so 4, 6 or 12; periods of 3, 2 or 1 months. */
export const FOLLOW_UPS_PER_YEAR = [4, 6, 12] as const;
export type FollowUpsPerYear = (typeof FOLLOW_UPS_PER_YEAR)[number];
export const DEFAULT_FOLLOW_UPS_PER_YEAR: FollowUpsPerYear = 4;

export function isFollowUpsPerYear(value: unknown): value is FollowUpsPerYear {
  return (FOLLOW_UPS_PER_YEAR as readonly unknown[]).includes(value);
}

/** One period of a plan: the visit of the period is due by the end of `endsOn` (Asia/Shanghai). */
export interface FollowUpPeriod {
  /** `YYYY-Pn`: the n-th period of the year for the plan's visits a year (2027-P4: Oct–Dec at 4 a year). */
  key: string;
  year: number;
  /** 1 … perYear */
  index: number;
  perYear: FollowUpsPerYear;
  startsOn: string;
  endsOn: string;
  /** As titles show it: 2027年第4季度, 2027年11—12月, 2027年12月. */
  label: string;
}

const DATE = /^(\d{4})-(\d{2})-\d{2}$/;

/** The period of a plan with `perYear` visits a year that contains `date` (YYYY-MM-DD). */
export function periodOf(date: string, perYear: FollowUpsPerYear): FollowUpPeriod {
  if (!isLocalDate(date)) throw new RangeError(`Invalid date "${date}": expected an existing day as YYYY-MM-DD`);
  if (!isFollowUpsPerYear(perYear))
    throw new RangeError(`Invalid visits a year ${String(perYear)}: expected ${FOLLOW_UPS_PER_YEAR.join(', ')}`);
  const [, y, m] = DATE.exec(date)!;
  const months = 12 / perYear;
  return period(Number(y), Math.floor((Number(m) - 1) / months) + 1, perYear);
}

/** The periods of a year in order: they start on 1 January, end on 31 December and leave no day out. */
export function periodsOfYear(year: number, perYear: FollowUpsPerYear): FollowUpPeriod[] {
  return Array.from({ length: perYear }, (_, i) => period(year, i + 1, perYear));
}

/** The period after this one (P1 of the next year after the last). */
export function nextPeriod(p: FollowUpPeriod): FollowUpPeriod {
  return periodOf(addLocalDays(p.endsOn, 1), p.perYear);
}

function period(year: number, index: number, perYear: FollowUpsPerYear): FollowUpPeriod {
  const months = 12 / perYear;
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = index * months;
  const yyyy = String(year).padStart(4, '0');
  const startsOn = `${yyyy}-${pad(firstMonth)}-01`;
  // The day before the next month begins; December ends on the 31st (no year 10000 to step into).
  const endsOn = lastMonth === 12 ? `${yyyy}-12-31` : addLocalDays(`${yyyy}-${pad(lastMonth + 1)}-01`, -1);
  const label =
    perYear === 4 ? `${year}年第${index}季度` : perYear === 12 ? `${year}年${firstMonth}月` : `${year}年${firstMonth}—${lastMonth}月`;
  return { key: `${yyyy}-P${index}`, year, index, perYear, startsOn, endsOn, label };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Plausible values, so that a typo (1400 for 140, mmHg for mmol/L) is refused, not stored. */
export const VISIT_LIMITS = {
  systolic: { min: 60, max: 300 },
  diastolic: { min: 30, max: 200 },
  /** Fasting glucose, mmol/L, one decimal. */
  glucose: { min: 1, max: 35 },
  notesMaxLength: 2000,
} as const;

export interface VisitInput {
  visitDate?: unknown;
  systolic?: unknown;
  diastolic?: unknown;
  glucose?: unknown;
  notes?: unknown;
}

export interface RecordedVisit {
  visitDate: string;
  systolic: number | null;
  diastolic: number | null;
  glucose: number | null;
  notes: string;
}

export interface VisitError {
  field: keyof VisitInput | 'diseaseCode';
  message: string;
}

export type VisitCheck = { ok: true; visit: RecordedVisit } | { ok: false; errors: VisitError[] };

/**
 * A visit recorded for a follow-up of `diseaseCode`, due in `period`, as of the local day `today`.
 * Every wrong field is named at once:
 * - `visitDate` an existing day inside the period, not after today;
 * - 原发性高血压 (C01) needs `systolic` and `diastolic` (whole mmHg, 60–300 and 30–200, systolic above
 *   diastolic); 2型糖尿病 (C02) needs fasting `glucose` (1.0–35.0 mmol/L, one decimal); 严重精神障碍 (C03)
 *   needs `notes`. A measurement the disease does not need may still be given, and is checked the same;
 *   blood pressure comes as both values or neither.
 * - `notes` at most 2,000 characters.
 */
export function validateVisit(
  diseaseCode: string,
  input: VisitInput,
  context: { period: Pick<FollowUpPeriod, 'startsOn' | 'endsOn'>; today: string },
): VisitCheck {
  const errors: VisitError[] = [];
  if (!isFollowUpDisease(diseaseCode)) {
    errors.push({ field: 'diseaseCode', message: `diseaseCode ${diseaseCode} has no follow-ups (${FOLLOW_UP_DISEASE_CODES.join(', ')})` });
    return { ok: false, errors };
  }
  const disease = FOLLOW_UP_DISEASES[diseaseCode];
  const named = `${disease.name} (${diseaseCode})`;

  const visitDate = input.visitDate;
  if (typeof visitDate !== 'string' || !isLocalDate(visitDate)) {
    errors.push({ field: 'visitDate', message: 'visitDate must be an existing day as YYYY-MM-DD' });
  } else if (visitDate < context.period.startsOn || visitDate > context.period.endsOn) {
    errors.push({
      field: 'visitDate',
      message: `visitDate must lie within the follow-up's period, ${context.period.startsOn} to ${context.period.endsOn}`,
    });
  } else if (visitDate > context.today) {
    errors.push({ field: 'visitDate', message: `visitDate may not lie in the future (today is ${context.today})` });
  }

  const systolic = measurement(errors, 'systolic', input.systolic, VISIT_LIMITS.systolic, 'mmHg', 0);
  const diastolic = measurement(errors, 'diastolic', input.diastolic, VISIT_LIMITS.diastolic, 'mmHg', 0);
  if (disease.measure === 'blood_pressure') {
    if (absent(input.systolic)) errors.push({ field: 'systolic', message: `systolic (mmHg) is required for ${named}` });
    if (absent(input.diastolic)) errors.push({ field: 'diastolic', message: `diastolic (mmHg) is required for ${named}` });
  } else if (absent(input.systolic) !== absent(input.diastolic)) {
    const missing = absent(input.systolic) ? 'systolic' : 'diastolic';
    errors.push({
      field: missing,
      message: `${missing} is required with ${missing === 'systolic' ? 'diastolic' : 'systolic'}: blood pressure takes both`,
    });
  }
  if (systolic !== null && diastolic !== null && systolic <= diastolic)
    errors.push({ field: 'diastolic', message: `diastolic must be lower than systolic (${diastolic} ≥ ${systolic})` });

  const glucose = measurement(errors, 'glucose', input.glucose, VISIT_LIMITS.glucose, 'mmol/L', 1);
  if (disease.measure === 'glucose' && absent(input.glucose))
    errors.push({ field: 'glucose', message: `glucose (fasting, mmol/L) is required for ${named}` });

  let notes = '';
  if (!absent(input.notes) && typeof input.notes !== 'string') errors.push({ field: 'notes', message: 'notes must be text' });
  else {
    notes = typeof input.notes === 'string' ? input.notes.trim() : '';
    if (notes.length > VISIT_LIMITS.notesMaxLength)
      errors.push({ field: 'notes', message: `notes may hold at most ${VISIT_LIMITS.notesMaxLength} characters` });
    else if (disease.measure === 'notes' && notes === '')
      errors.push({ field: 'notes', message: `notes are required for ${named}: what the visit found` });
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, visit: { visitDate: visitDate as string, systolic, diastolic, glucose, notes } };
}

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** A number within its plausible range with at most `decimals` places; null when absent (or wrong: the error is pushed). */
function measurement(
  errors: VisitError[],
  field: 'systolic' | 'diastolic' | 'glucose',
  value: unknown,
  limits: { min: number; max: number },
  unit: string,
  decimals: number,
): number | null {
  if (absent(value)) return null;
  const shape = decimals === 0 ? 'a whole number' : `a number with at most ${decimals} decimal`;
  // 6.1 × 10 is 61.00000000000001 in binary floating point: compare scaled values with a tolerance.
  const scaled = typeof value === 'number' ? value * 10 ** decimals : NaN;
  if (!Number.isFinite(scaled) || Math.abs(Math.round(scaled) - scaled) > 1e-6) {
    errors.push({ field, message: `${field} must be ${shape} (${unit})` });
    return null;
  }
  const n = value as number;
  if (n < limits.min || n > limits.max) {
    errors.push({ field, message: `${field} must lie between ${limits.min} and ${limits.max} ${unit}, not ${n}` });
    return null;
  }
  return n;
}
