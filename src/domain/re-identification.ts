import { CatalogueDisease, findDisease } from './disease-catalogue';

/**
 * A person's re-identification result: the conditions found, none, or why the person could not be
 * assessed. Pure rules shared by the recording API and the CSV upload.
 */
export const RE_IDENTIFICATION_OUTCOMES = [
  'conditions', // 患有目录内疾病
  'none', // 未发现目录内疾病
  'unreachable', // 无法联系
  'moved', // 已迁出
  'deceased', // 已死亡
] as const;
export type ReIdentificationOutcome = (typeof RE_IDENTIFICATION_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<ReIdentificationOutcome, string> = {
  conditions: '患病',
  none: '未患目录内疾病',
  unreachable: '无法联系',
  moved: '已迁出',
  deceased: '已死亡',
};

/** Outcomes that leave the person unassessed and so need a reason. */
const NEEDS_REASON: readonly ReIdentificationOutcome[] = ['unreachable', 'moved', 'deceased'];

export interface ResultInput {
  outcome?: unknown;
  /** Codes or exact names from the pinned catalogue. */
  conditions?: unknown;
  note?: unknown;
}

export interface RecordedResult {
  outcome: ReIdentificationOutcome;
  conditionCodes: string[];
  note: string;
}

export type ResultCheck = { ok: true; result: RecordedResult } | { ok: false; errors: { field: string; message: string }[] };

export function parseOutcome(value: unknown): ReIdentificationOutcome | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if ((RE_IDENTIFICATION_OUTCOMES as readonly string[]).includes(v)) return v as ReIdentificationOutcome;
  const byLabel = Object.entries(OUTCOME_LABELS).find(([, label]) => label === v);
  return byLabel?.[0] as ReIdentificationOutcome | undefined;
}

export function validateResult(input: ResultInput, catalogue: readonly CatalogueDisease[]): ResultCheck {
  const errors: { field: string; message: string }[] = [];
  const outcome = parseOutcome(input.outcome);
  if (!outcome) errors.push({ field: 'outcome', message: `outcome must be one of ${RE_IDENTIFICATION_OUTCOMES.join(', ')}` });
  const given = input.conditions === undefined || input.conditions === null ? [] : input.conditions;
  if (!Array.isArray(given) || given.some((c) => typeof c !== 'string')) {
    errors.push({ field: 'conditions', message: 'conditions must be a list of disease codes or names' });
  }
  const codes: string[] = [];
  for (const c of Array.isArray(given) ? given : []) {
    if (typeof c !== 'string' || c.trim() === '') continue;
    const disease = findDisease(catalogue, c);
    if (!disease) errors.push({ field: 'conditions', message: `${c} is not in the campaign's disease catalogue` });
    else if (!codes.includes(disease.code)) codes.push(disease.code);
  }
  if (outcome === 'conditions' && codes.length === 0 && errors.length === 0) {
    errors.push({ field: 'conditions', message: 'outcome conditions needs at least one disease' });
  }
  if (outcome && outcome !== 'conditions' && codes.length > 0) {
    errors.push({ field: 'conditions', message: `outcome ${outcome} takes no diseases` });
  }
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (input.note !== undefined && input.note !== null && typeof input.note !== 'string') errors.push({ field: 'note', message: 'note must be text' });
  else if (note.length > 500) errors.push({ field: 'note', message: 'note must be at most 500 characters' });
  if (outcome && NEEDS_REASON.includes(outcome) && note === '') errors.push({ field: 'note', message: `outcome ${outcome} needs a reason in note` });
  if (errors.length > 0 || !outcome) return { ok: false, errors };
  return { ok: true, result: { outcome, conditionCodes: codes, note } };
}

/** Counts a unit submits, and that the consistency check compares with its person-level records. */
export interface ResultSummary {
  persons: number;
  recorded: number;
  byOutcome: Record<ReIdentificationOutcome, number>;
  /** Persons with at least one disease of each category. */
  byCategory: Record<string, number>;
}

export function emptyOutcomeCounts(): Record<ReIdentificationOutcome, number> {
  return { conditions: 0, none: 0, unreachable: 0, moved: 0, deceased: 0 };
}
