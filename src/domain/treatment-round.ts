/**
 * Batch treatment rounds (大病集中救治, e.g. "第四批"): which persons become cases, which designated
 * hospital treats each, the life of a case, and the treatment rate. Pure: the services, the launch
 * activity and the tests share it.
 */
import { isLocalDate } from './time-zone';
import type { CatalogueDisease, DiseaseCategory } from './disease-catalogue';
import { ageOn } from './resident-id';

/** 三个一批: how a case is handled, and the split of every report. */
export const HANDLING_CATEGORIES = [
  'major_treatment', // 大病集中救治一批
  'chronic_contract', // 慢病签约服务管理一批
  'severe_safety_net', // 重病兜底保障一批
] as const;
export type HandlingCategory = (typeof HANDLING_CATEGORIES)[number];

export const HANDLING_CATEGORY_LABELS: Record<HandlingCategory, string> = {
  major_treatment: '大病集中救治',
  chronic_contract: '慢病签约服务管理',
  severe_safety_net: '重病兜底保障',
};

/** The handling a disease of the catalogue's category gets unless a case is moved by hand. */
export function handlingOf(category: DiseaseCategory): HandlingCategory {
  return { major: 'major_treatment', chronic: 'chronic_contract', severe: 'severe_safety_net' }[category] as HandlingCategory;
}

/** Stages that carry a deadline, each a task of the deadline engine. */
export const CASE_STAGES = ['referral', 'admission', 'treatment'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Record<CaseStage, string> = { referral: '转诊', admission: '入院', treatment: '救治' };

export type Sex = 'male' | 'female';

export interface RoundDisease {
  code: string;
  /** Inclusive ages (周岁) on the round's first day; children's leukaemia: 0–14. */
  minAge?: number;
  maxAge?: number;
  sex?: Sex;
}

export interface RoundHospital {
  unitId: string;
  /** Disease codes this hospital treats in the round. */
  diseases: string[];
  /** Counties it serves; none: any county of the round's scope. */
  countyUnitIds?: string[];
}

export interface RoundStage {
  /** Calendar days the stage may take from its start (referral: from the case's creation). */
  withinDays: number;
}

export interface RoundDefinition {
  startsOn: string;
  endsOn: string;
  diseases: RoundDisease[];
  hospitals: RoundHospital[];
  /** Treatment rate to reach by `endsOn`, in percent (seed 001: 90; seed 000: 100). */
  targetRate: number;
  stages: Record<CaseStage, RoundStage>;
}

export type RoundCheck = { ok: true; round: RoundDefinition } | { ok: false; errors: string[] };

const MAX_STAGE_DAYS = 366;

/**
 * Checks a round against the campaign's pinned catalogue. A disease may be named by code or by name;
 * a name the catalogue holds twice (终末期肾病 is M13 major and S10 severe) is refused with both codes,
 * since the category, and so the handling and the report, would be a guess.
 */
export function validateRound(input: unknown, catalogue: readonly CatalogueDisease[]): RoundCheck {
  const errors: string[] = [];
  const raw = (input ?? {}) as Record<string, unknown>;
  const startsOn = isLocalDate(raw.startsOn) ? (raw.startsOn as string) : undefined;
  const endsOn = isLocalDate(raw.endsOn) ? (raw.endsOn as string) : undefined;
  if (!startsOn) errors.push('round.startsOn must be an existing day as YYYY-MM-DD');
  if (!endsOn) errors.push('round.endsOn must be an existing day as YYYY-MM-DD');
  if (startsOn && endsOn && endsOn < startsOn) errors.push('round.endsOn must not be before round.startsOn');

  const diseases: RoundDisease[] = [];
  if (!Array.isArray(raw.diseases) || raw.diseases.length === 0) errors.push('round.diseases must be a non-empty list');
  else {
    raw.diseases.forEach((entry: unknown, i) => {
      const at = `round.diseases[${i}]`;
      const d = (entry ?? {}) as Record<string, unknown>;
      const resolved = resolveDisease(catalogue, d.disease);
      if (typeof resolved === 'string') return void errors.push(`${at}.disease ${resolved}`);
      if (diseases.some((x) => x.code === resolved.code)) return void errors.push(`${at}.disease ${resolved.code} appears twice`);
      const disease: RoundDisease = { code: resolved.code };
      for (const bound of ['minAge', 'maxAge'] as const) {
        if (d[bound] === undefined) continue;
        if (!Number.isInteger(d[bound]) || (d[bound] as number) < 0 || (d[bound] as number) > 150)
          errors.push(`${at}.${bound} must be a whole number of years from 0 to 150`);
        else disease[bound] = d[bound] as number;
      }
      if (disease.minAge !== undefined && disease.maxAge !== undefined && disease.minAge > disease.maxAge)
        errors.push(`${at}.minAge must not exceed maxAge`);
      if (d.sex !== undefined) {
        if (d.sex !== 'male' && d.sex !== 'female') errors.push(`${at}.sex must be male or female`);
        else disease.sex = d.sex;
      }
      diseases.push(disease);
    });
  }

  const hospitals: RoundHospital[] = [];
  if (!Array.isArray(raw.hospitals) || raw.hospitals.length === 0) errors.push('round.hospitals must be a non-empty list');
  else {
    raw.hospitals.forEach((entry: unknown, i) => {
      const at = `round.hospitals[${i}]`;
      const h = (entry ?? {}) as Record<string, unknown>;
      if (typeof h.unitId !== 'string' || !UUID.test(h.unitId)) return void errors.push(`${at}.unitId must be a UUID`);
      if (hospitals.some((x) => x.unitId === h.unitId)) return void errors.push(`${at}.unitId appears twice`);
      if (!Array.isArray(h.diseases) || h.diseases.length === 0) return void errors.push(`${at}.diseases must be a non-empty list`);
      const codes: string[] = [];
      h.diseases.forEach((value: unknown, j) => {
        const resolved = resolveDisease(catalogue, value);
        if (typeof resolved === 'string') errors.push(`${at}.diseases[${j}] ${resolved}`);
        else if (!diseases.some((d) => d.code === resolved.code))
          errors.push(`${at}.diseases[${j}] ${resolved.code} is not on the round's list`);
        else codes.push(resolved.code);
      });
      const hospital: RoundHospital = { unitId: h.unitId, diseases: codes };
      if (h.countyUnitIds !== undefined) {
        if (!Array.isArray(h.countyUnitIds) || h.countyUnitIds.some((c) => typeof c !== 'string' || !UUID.test(c)))
          errors.push(`${at}.countyUnitIds must be a list of UUIDs`);
        else hospital.countyUnitIds = h.countyUnitIds as string[];
      }
      hospitals.push(hospital);
    });
    for (const d of diseases) {
      if (!hospitals.some((h) => h.diseases.includes(d.code))) errors.push(`round.diseases: no hospital of the round treats ${d.code}`);
    }
  }

  const targetRate = raw.targetRate;
  if (typeof targetRate !== 'number' || !Number.isFinite(targetRate) || targetRate <= 0 || targetRate > 100)
    errors.push('round.targetRate must be a percentage above 0, at most 100');

  const stagesIn = (raw.stages ?? {}) as Record<string, unknown>;
  const stages = {} as Record<CaseStage, RoundStage>;
  for (const stage of CASE_STAGES) {
    const days = ((stagesIn[stage] ?? {}) as Record<string, unknown>).withinDays;
    if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > MAX_STAGE_DAYS)
      errors.push(`round.stages.${stage}.withinDays must be a whole number of days from 1 to ${MAX_STAGE_DAYS}`);
    else stages[stage] = { withinDays: days as number };
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, round: { startsOn: startsOn!, endsOn: endsOn!, diseases, hospitals, targetRate: targetRate as number, stages } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By code first, then by a name the catalogue holds once; a string is what is wrong. */
function resolveDisease(catalogue: readonly CatalogueDisease[], value: unknown): CatalogueDisease | string {
  if (typeof value !== 'string' || value.trim() === '') return 'must be a disease code or name of the catalogue';
  const wanted = value.trim();
  const byCode = catalogue.find((d) => d.code === wanted);
  if (byCode) return byCode;
  const byName = catalogue.filter((d) => d.name === wanted);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1)
    return `${wanted} is in the catalogue more than once (${byName.map((d) => `${d.code} ${d.category}`).join(', ')}): give its code`;
  return `${wanted} is not in the campaign's catalogue version`;
}

export interface CandidatePerson {
  birthDate: string;
  sex: string;
}

/** Whether a person diagnosed with `code` is a case of the round (on the list, within its age and sex). */
export function isEligible(round: RoundDefinition, code: string, person: CandidatePerson): boolean {
  const disease = round.diseases.find((d) => d.code === code);
  if (!disease) return false;
  const age = ageOn(person.birthDate, round.startsOn);
  if (disease.minAge !== undefined && age < disease.minAge) return false;
  if (disease.maxAge !== undefined && age > disease.maxAge) return false;
  return disease.sex === undefined || disease.sex === person.sex;
}

/**
 * The designated hospital for a case: the first of the round's hospitals that treats the disease and
 * serves the person's county (a hospital without counties serves all). Null: none does, and the case
 * waits for an admin to assign one by hand.
 */
export function assignHospital(round: RoundDefinition, code: string, countyUnitId: string | null): string | null {
  const hospital = round.hospitals.find(
    (h) => h.diseases.includes(code) && (!h.countyUnitIds || (countyUnitId !== null && h.countyUnitIds.includes(countyUnitId))),
  );
  return hospital?.unitId ?? null;
}

/** identified → referred → admitted → treated; closed (with a reason) from any open stage; closed or treated, reopened to identified. */
export const CASE_STATUSES = ['identified', 'referred', 'admitted', 'treated', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  identified: '已识别',
  referred: '已转诊',
  admitted: '已入院',
  treated: '已救治',
  closed: '已关闭',
};

export const CLOSE_REASONS = ['refused', 'not_treatable', 'deceased', 'moved_away'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  refused: '本人拒绝（有签字材料）',
  not_treatable: '不具备救治条件',
  deceased: '已死亡',
  moved_away: '已迁出',
};

export const TREATMENT_OUTCOMES = ['discharged', 'maintenance'] as const;
export type TreatmentOutcome = (typeof TREATMENT_OUTCOMES)[number];

export const CASE_ACTIONS = ['refer', 'admit', 'treat', 'close', 'reopen'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who acts on a case: the referring health centre's staff, the hospital's staff, or a manager/admin over the case. */
export type CaseActor = 'referrer' | 'hospital' | 'supervisor';

const CASE_TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus; by: readonly CaseActor[] }> = {
  refer: { from: ['identified'], to: 'referred', by: ['referrer', 'supervisor'] },
  admit: { from: ['referred'], to: 'admitted', by: ['hospital', 'supervisor'] },
  treat: { from: ['admitted'], to: 'treated', by: ['hospital', 'supervisor'] },
  close: { from: ['identified', 'referred', 'admitted'], to: 'closed', by: ['referrer', 'hospital', 'supervisor'] },
  // A treated case too: one a spot check (抽查) or a complaint finds not treated after all.
  reopen: { from: ['closed', 'treated'], to: 'identified', by: ['supervisor'] },
};

export type CaseTransition = { ok: true; to: CaseStatus } | { ok: false; reason: 'state' | 'role'; message: string };

export function checkCaseTransition(action: CaseAction, current: CaseStatus, actor: readonly CaseActor[]): CaseTransition {
  const t = CASE_TRANSITIONS[action];
  if (!t.by.some((b) => actor.includes(b))) return { ok: false, reason: 'role', message: `only ${t.by.join(' or ')} may ${action} a case` };
  if (!t.from.includes(current))
    return { ok: false, reason: 'state', message: `cannot ${action} a case that is ${current} (allowed from: ${t.from.join(', ')})` };
  return { ok: true, to: t.to };
}

/** The stage whose deadline runs while a case is in this status; none once treated or closed. */
export function stageOf(status: CaseStatus): CaseStage | null {
  return (
    ({ identified: 'referral', referred: 'admission', admitted: 'treatment' } as Partial<Record<CaseStatus, CaseStage>>)[status] ?? null
  );
}

/**
 * A rate as a percentage rounded half-up to `decimals` (救治率 = treated ÷ needing treatment): 2/3 →
 * 66.67, never 66.66. Exact on the integers, so no binary fraction tips a half the wrong way. Null when
 * nobody needs treatment.
 */
export function ratePercent(numerator: number, denominator: number, decimals = 2): number | null {
  if (denominator === 0) return null;
  const scale = 10 ** decimals;
  // round(n × 100 × scale / d) half up, in integers
  const scaled = BigInt(numerator) * 100n * BigInt(scale);
  const d = BigInt(denominator);
  const rounded = (scaled * 2n + d) / (2n * d);
  return Number(rounded) / scale;
}

/**
 * The rate a unit should have reached by `asOf` to reach `targetRate` by the round's end, taking the
 * target as reached linearly from the first day: on day k of n, target × k ÷ n.
 */
export function paceRate(targetRate: number, round: Pick<RoundDefinition, 'startsOn' | 'endsOn'>, asOf: string): number {
  const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  const total = days(round.startsOn, round.endsOn) + 1;
  const elapsed = Math.min(total, Math.max(0, days(round.startsOn, asOf) + 1));
  return (targetRate * elapsed) / total;
}

/** Whether a unit's rate is below the pace that reaches the target by the round's end (no one to treat: never). */
export function behindPace(
  rate: number | null,
  targetRate: number,
  round: Pick<RoundDefinition, 'startsOn' | 'endsOn'>,
  asOf: string,
): boolean {
  return rate !== null && rate < paceRate(targetRate, round, asOf);
}
