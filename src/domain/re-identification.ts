import { CatalogueDisease, findDisease } from './disease-catalogue';
import { checkResidentId } from './resident-id';

/**
 * A person's re-identification result: the conditions found, none, or why the person could not be
 * assessed. Pure rules shared by the recording API and the CSV upload; their messages are in Chinese
 * because staff read them, also in the upload's error report.
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
  if (!outcome)
    errors.push({
      field: 'outcome',
      message: `识别结果应为${Object.values(OUTCOME_LABELS).join('、')}之一（或 ${RE_IDENTIFICATION_OUTCOMES.join(', ')}）`,
    });
  const given = input.conditions === undefined || input.conditions === null ? [] : input.conditions;
  if (!Array.isArray(given) || given.some((c) => typeof c !== 'string')) {
    errors.push({ field: 'conditions', message: '疾病应为疾病目录中的编码或名称列表' });
  }
  const codes: string[] = [];
  for (const c of Array.isArray(given) ? given : []) {
    if (typeof c !== 'string' || c.trim() === '') continue;
    const disease = findDisease(catalogue, c);
    if (!disease) errors.push({ field: 'conditions', message: `“${c}”不在本次行动的疾病目录中` });
    else if (!codes.includes(disease.code)) codes.push(disease.code);
  }
  if (outcome === 'conditions' && codes.length === 0 && errors.length === 0) {
    errors.push({ field: 'conditions', message: '识别结果为患病时至少填写一种疾病' });
  }
  if (outcome && outcome !== 'conditions' && codes.length > 0) {
    errors.push({ field: 'conditions', message: `识别结果为${OUTCOME_LABELS[outcome]}时不填写疾病` });
  }
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (input.note !== undefined && input.note !== null && typeof input.note !== 'string')
    errors.push({ field: 'note', message: '说明应为文本' });
  else if (note.length > 500) errors.push({ field: 'note', message: '说明不能超过500个字符' });
  if (outcome && NEEDS_REASON.includes(outcome) && note === '')
    errors.push({ field: 'note', message: `识别结果为${OUTCOME_LABELS[outcome]}时须在说明中写明原因` });
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

/** Columns of a results upload (CSV or XLSX); diseases are separated by 、 , ; or spaces. */
export const RESULT_COLUMNS = { idNumber: '身份证号', outcome: '识别结果', conditions: '疾病', note: '说明' } as const;

export interface ResultRowError {
  row: number;
  column: string;
  message: string;
}

/**
 * One row of a results upload: the person must be one of the task's (`taskIdNumbers`), named once
 * in the file (`seen` carries earlier rows), with a result valid as if recorded one by one. A number
 * that is no valid resident ID (a wrong check digit, an impossible birth date) is called invalid, not
 * missing from the list; `today` (YYYY-MM-DD) bounds its birth date.
 */
export function checkResultRow(
  values: Record<string, string>,
  row: number,
  catalogue: readonly CatalogueDisease[],
  taskIdNumbers: ReadonlySet<string>,
  seen: Map<string, number>,
  today: string,
): { ok: true; idNumber: string; result: RecordedResult } | { ok: false; errors: ResultRowError[] } {
  const cell = (column: string) => (values[column] ?? '').trim();
  const errors: ResultRowError[] = [];
  const idNumber = cell(RESULT_COLUMNS.idNumber).toUpperCase();
  if (!taskIdNumbers.has(idNumber)) {
    const valid = idNumber ? checkResidentId(idNumber, today) : undefined;
    const message = !idNumber ? '身份证号不能为空' : valid && !valid.ok ? valid.message : '此人不在本任务的识别名单中';
    errors.push({ row, column: RESULT_COLUMNS.idNumber, message });
  } else if (seen.has(idNumber)) errors.push({ row, column: RESULT_COLUMNS.idNumber, message: `与第${seen.get(idNumber)}行重复` });
  else seen.set(idNumber, row);
  const conditions = cell(RESULT_COLUMNS.conditions)
    .split(/[、,，;；\s]+/)
    .filter(Boolean);
  const check = validateResult({ outcome: cell(RESULT_COLUMNS.outcome), conditions, note: cell(RESULT_COLUMNS.note) }, catalogue);
  const column = { outcome: RESULT_COLUMNS.outcome, conditions: RESULT_COLUMNS.conditions, note: RESULT_COLUMNS.note } as Record<
    string,
    string
  >;
  if (!check.ok) errors.push(...check.errors.map((e) => ({ row, column: column[e.field] ?? e.field, message: e.message })));
  return errors.length > 0 || !check.ok ? { ok: false, errors } : { ok: true, idNumber, result: check.result };
}
