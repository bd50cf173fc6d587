/**
 * The 18-character resident ID number (居民身份证号码, GB 11643): 6 digits of region, the birth date
 * YYYYMMDD, a 3-digit sequence whose last digit is odd for men and even for women, and a check
 * character (ISO 7064 MOD 11-2; `X` stands for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export type ResidentIdCheck = { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female' } | { ok: false; message: string };

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Validates and normalises (a lower-case x becomes X); `today` (YYYY-MM-DD) bounds the birth date. */
export function checkResidentId(value: string, today: string): ResidentIdCheck {
  const idNumber = value.trim().toUpperCase();
  if (!SHAPE.test(idNumber)) return { ok: false, message: '身份证号应为18位：17位数字加1位数字或X' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  // The message names the problem, never the digits: row errors are read by others than whoever typed them.
  if (!isRealDate(birthDate) || birthDate < '1900-01-01' || birthDate > today)
    return { ok: false, message: '身份证号中的出生日期（第7至14位）无效：应为1900年以后、不晚于今天的真实日期' };
  if (residentIdCheckChar(idNumber) !== idNumber[17]) return { ok: false, message: '身份证号校验位错误' };
  return { ok: true, idNumber, birthDate, sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' };
}

const MASK_KEEP = 4;

/**
 * The one form in which a resident ID number leaves the server outside the audited full-value
 * paths: every list, export, notification and message. Only the first four characters (province
 * and prefecture, which the village a person is listed under tells anyway) stay: `5108**************`.
 * Lists show the age (周岁) beside it, never the birth date. Whoever knows a person's name, sex, age
 * and village still faces about 180,000 numbers (365 birth dates × 500 sequences of that sex; the
 * check character follows from the rest), over a million while the county's two digits are unknown.
 * Anything that is not an ID number is masked whole.
 */
export function maskResidentId(idNumber: string): string {
  const value = idNumber.trim();
  if (!SHAPE.test(value.toUpperCase())) return '*'.repeat(value.length);
  return `${value.slice(0, MASK_KEEP)}${'*'.repeat(value.length - MASK_KEEP)}`;
}

/**
 * 周岁: full years of life on the date `on` (both YYYY-MM-DD), a year more on each birthday. One born
 * on 29 February turns a year older on 1 March in a common year. Never below 0.
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return Math.max(0, y - by - (beforeBirthday ? 1 : 0));
}

/** A valid ID for generated registers (demo, tests, benchmark): `sequence` 0–999 fixes the sex by parity. */
export function makeResidentId(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
