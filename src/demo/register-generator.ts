import { POVERTY_STATUS_LABELS, REGISTER_COLUMNS as C, SEX_LABELS, Sex } from '../domain/register-row';
import { makeResidentId } from '../domain/resident-id';
import { RegisterFileRow } from '../population/register-file';
import { demoUnits } from './demo-district';
import { fnv1a, mulberry32 } from '../domain/seeded-random';

/**
 * A made-up register of the poor population (建档立卡贫困人口) for villages given by code: households
 * of 1–6 persons with valid resident ID numbers, plausible ages, relations, poverty causes (about 40%
 * 因病 as main or secondary cause), family doctors and diseases. Deterministic for a seed, and
 * generated row by row: the benchmark's 150,000 persons never sit in memory, only a size per household.
 */
export interface RegisterGeneratorOptions {
  villageCodes: readonly string[];
  households: number;
  persons: number;
  seed?: number;
  /** Everyone is born before 1 January of this year, so the same seed gives the same file on any date. */
  referenceYear?: number;
}

/** The demo district's register (seed 002's figures): 24,689 persons in 7,385 households of its 150 villages. */
export function demoRegisterOptions(): RegisterGeneratorOptions {
  const villageCodes = demoUnits()
    .filter((u) => u.kind === 'village')
    .map((u) => u.code as string);
  return { villageCodes, households: 7385, persons: 24_689, seed: 2 };
}

const MAX_HOUSEHOLD_SIZE = 6;
const DEFAULT_REGION = '510812';

export function* generateRegister(options: RegisterGeneratorOptions): Generator<RegisterFileRow> {
  const { villageCodes, households, persons } = options;
  if (villageCodes.length === 0 || households < villageCodes.length) throw new RangeError('every village needs at least one household');
  if (persons < households || persons > households * MAX_HOUSEHOLD_SIZE)
    throw new RangeError(`${persons} persons cannot fill ${households} households of 1–${MAX_HOUSEHOLD_SIZE}`);
  const seed = options.seed ?? 1;
  const random = mulberry32(seed);
  const referenceYear = options.referenceYear ?? 2024;
  const sizes = householdSizes(households, persons, random);
  const ids = new ResidentIds(seed);
  const doctors = villageCodes.map(() => [personName(random, 'male'), personName(random, 'female')]);

  for (let h = 0; h < households; h++) {
    // Households spread evenly over the villages, numbered from 1 in each.
    const village = Math.floor((h * villageCodes.length) / households);
    const inVillage = h - Math.ceil((village * households) / villageCodes.length);
    const villageCode = villageCodes[village];
    const region = /^\d{6}/.test(villageCode) ? villageCode.slice(0, 6) : DEFAULT_REGION;
    const household = householdOf(random, sizes[h], referenceYear);
    const status = random() < 0.8 ? POVERTY_STATUS_LABELS.out : POVERTY_STATUS_LABELS.not_out;
    const { main, secondary } = povertyCauses(random);
    const illness = main === '因病' || secondary === '因病';
    const sick = illness ? Math.floor(random() * household.length) : -1;
    const doctor = random() < 0.92 ? pick(random, doctors[village]) : '';
    for (const [i, member] of household.entries()) {
      const birthDate = birthDateOf(random, referenceYear, member.age);
      yield {
        [C.householdNumber]: `${villageCode}${String(inVillage + 1).padStart(4, '0')}`,
        [C.villageCode]: villageCode,
        [C.headName]: household[0].name,
        [C.name]: member.name,
        [C.relationToHead]: member.relation,
        [C.idNumber]: ids.next(region, birthDate, member.sex),
        [C.sex]: SEX_LABELS[member.sex],
        [C.birthDate]: birthDate,
        [C.povertyStatus]: status,
        [C.povertyCauseMain]: main,
        [C.povertyCauseSecondary]: secondary,
        [C.familyDoctor]: doctor,
        [C.knownConditions]: conditionsOf(random, i === sick, member.age),
      };
    }
  }
}

/** Every household starts with its head; the other persons join households picked at random. */
function householdSizes(households: number, persons: number, random: () => number): Uint8Array {
  const sizes = new Uint8Array(households).fill(1);
  for (let extra = persons - households; extra > 0;) {
    const h = Math.floor(random() * households);
    if (sizes[h] < MAX_HOUSEHOLD_SIZE) {
      sizes[h]++;
      extra--;
    }
  }
  return sizes;
}

interface Member {
  name: string;
  sex: Sex;
  age: number;
  relation: string;
}

function householdOf(random: () => number, size: number, referenceYear: number): Member[] {
  const maxAge = referenceYear - 1901;
  const headSex: Sex = random() < 0.75 ? 'male' : 'female';
  const surname = pick(random, SURNAMES);
  const head: Member = { name: personName(random, headSex, surname), sex: headSex, age: 28 + Math.floor(random() * 58), relation: '户主' };
  const members = [head];
  const other = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');
  for (let k = 1; k < size; k++) {
    const sex: Sex = random() < 0.5 ? 'male' : 'female';
    if (k === 1 && random() < 0.8) {
      const age = Math.min(maxAge, Math.max(18, head.age + Math.floor(random() * 9) - 4));
      members.push({ name: personName(random, other(headSex)), sex: other(headSex), age, relation: '配偶' });
    } else if (head.age >= 62 && random() < 0.4) {
      members.push({
        name: personName(random, sex, surname),
        sex,
        age: Math.max(0, head.age - 45 - Math.floor(random() * 15)),
        relation: sex === 'male' ? '之孙子' : '之孙女',
      });
    } else if (head.age <= 50 && random() < 0.25) {
      members.push({
        name: personName(random, sex, surname),
        sex,
        age: Math.min(maxAge, head.age + 22 + Math.floor(random() * 14)),
        relation: sex === 'male' ? '之父' : '之母',
      });
    } else {
      const age = head.age - 22 - Math.floor(random() * 14);
      members.push({
        name: personName(random, sex, surname),
        sex,
        age: age >= 0 ? age : Math.floor(random() * 6),
        relation: sex === 'male' ? '之子' : '之女',
      });
    }
  }
  return members;
}

/** A day in the year `age` years before the reference year's 1 January. */
function birthDateOf(random: () => number, referenceYear: number, age: number): string {
  const yearStart = Date.UTC(referenceYear - age - 1, 0, 1);
  return new Date(yearStart + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
}

const CAUSES: [string, number][] = [
  ['因病', 0.28],
  ['因残', 0.14],
  ['因学', 0.1],
  ['缺劳力', 0.14],
  ['缺技术', 0.12],
  ['缺资金', 0.12],
  ['因灾', 0.04],
  ['交通条件落后', 0.03],
  ['自身发展动力不足', 0.03],
];

/** 因病 is the main cause of 28% of households and the secondary of 17% of the rest: about 40% in all. */
function povertyCauses(random: () => number): { main: string; secondary: string } {
  let r = random();
  const main = CAUSES.find(([, weight]) => (r -= weight) < 0)?.[0] ?? CAUSES[0][0];
  if (main !== '因病' && random() < 0.17) return { main, secondary: '因病' };
  if (random() < 0.35) return { main, secondary: '' };
  const others = CAUSES.map(([cause]) => cause).filter((c) => c !== main && c !== '因病');
  return { main, secondary: pick(random, others) };
}

const MAJOR = ['胃癌', '肺癌', '食管癌', '结肠癌', '宫颈癌', '乳腺癌', '终末期肾病', '重性精神病', '耐多药肺结核', '尘肺病'];
const CHRONIC = ['原发性高血压', '2型糖尿病', '慢性阻塞性肺疾病', '类风湿关节炎', '结核病'];
const SEVERE = ['帕金森氏病', '系统性红斑狼疮', '再生障碍性贫血', '重症肌无力', '淋巴瘤'];

/** The ill member of an 因病 household has a major or severe disease; older persons often a chronic one. */
function conditionsOf(random: () => number, ill: boolean, age: number): string {
  const conditions: string[] = [];
  if (ill) conditions.push(pick(random, random() < 0.7 ? MAJOR : SEVERE));
  if (age >= 55 && random() < 0.3) conditions.push(pick(random, CHRONIC));
  return conditions.join('、');
}

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
];
const GIVEN: Record<Sex, string[]> = {
  male: [...'伟强军勇杰涛明超刚平辉健华建国志文斌波宏成林德福贵全友发'],
  female: [...'芳娟敏静丽艳娜霞秀英玉兰梅红琴燕凤桂珍翠莲春华淑'],
};

function personName(random: () => number, sex: Sex, surname = pick(random, SURNAMES)): string {
  const given = pick(random, GIVEN[sex]);
  return random() < 0.7 ? `${surname}${given}${pick(random, GIVEN[sex])}` : `${surname}${given}`;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/**
 * Distinct ID numbers without remembering them: per birth date and sex a counter, started at a
 * seed-dependent sequence so that registers of different seeds rarely share a number.
 */
class ResidentIds {
  private readonly issued = new Map<string, number>();

  constructor(private readonly seed: number) {}

  next(region: string, birthDate: string, sex: Sex): string {
    const key = `${region}${birthDate}${sex}`;
    const count = this.issued.get(key) ?? 0;
    this.issued.set(key, count + 1);
    // 500 sequences per birth date and sex; the odd ones are men's.
    const sequence = ((fnv1a(key, this.seed) + count) % 500) * 2 + (sex === 'male' ? 1 : 0);
    return makeResidentId(region, birthDate, sequence);
  }
}
