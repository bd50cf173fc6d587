/**
 * Problems and their rectification (整改) until cleared (销号): where a problem comes from, what it is
 * about, how long its unit has, who may move it and where to. Pure: services, imports and tests share it.
 */
import { addLocalDays, isLocalDate } from './time-zone';

/** Where a problem was found (seed 003 lists the sources). */
export const PROBLEM_SOURCES = [
  'cross_check', // 村与村交叉排查
  'inspection', // 巡视巡察
  'unannounced_visit', // 暗访
  'third_party_evaluation', // 第三方评估
  'performance_review', // 绩效考核 / 成效考核
] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = {
  cross_check: '交叉排查',
  inspection: '巡视巡察',
  unannounced_visit: '暗访',
  third_party_evaluation: '第三方评估',
  performance_review: '绩效考核',
};

/**
 * What a problem is about, after seed 002's three difficulties (村卫生室, 村医, 群众知晓) and its other
 * tasks (动态系统, 档案资料), each with its default time limit (整改时限) in calendar days.
 */
export const PROBLEM_CATEGORIES = {
  clinic_equipment: { label: '村卫生室设备', days: 30 },
  clinic_drugs: { label: '村卫生室药品', days: 7 },
  clinic_staffing: { label: '村医在岗', days: 15 },
  clinic_records: { label: '村卫生室资料台账', days: 15 },
  doctor_knowledge: { label: '村医政策掌握', days: 15 },
  household_awareness: { label: '群众政策知晓', days: 30 },
  family_doctor: { label: '家庭医生签约服务', days: 30 },
  dynamic_system: { label: '动态管理系统', days: 15 },
  archives: { label: '档案资料', days: 30 },
  other: { label: '其他', days: 30 },
} as const satisfies Record<string, { label: string; days: number }>;
export type ProblemCategory = keyof typeof PROBLEM_CATEGORIES;
export const PROBLEM_CATEGORY_KEYS = Object.keys(PROBLEM_CATEGORIES) as ProblemCategory[];

/** open → plan_submitted → rectifying → fix_reported → cleared (销号); refused: back to rectifying. */
export const PROBLEM_STATUSES = ['open', 'plan_submitted', 'rectifying', 'fix_reported', 'cleared'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  open: '待整改',
  plan_submitted: '已报整改方案',
  rectifying: '整改中',
  fix_reported: '已报整改完成',
  cleared: '已销号',
};

export type ProblemAction = 'submit_plan' | 'start' | 'report_fix' | 'verify' | 'refuse' | 'reopen';

/**
 * How the actor stands to the problem: `unit` works in the responsible unit (or below it);
 * `supervisor` is a manager or admin whose scope covers it; `verifier` may verify: a supervisor
 * outside the unit, or someone of the inspecting team's unit.
 */
export type ProblemActor = 'unit' | 'supervisor' | 'verifier';

const TRANSITIONS: Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus; who: readonly ProblemActor[] }> = {
  submit_plan: { from: ['open'], to: 'plan_submitted', who: ['unit', 'supervisor'] },
  start: { from: ['plan_submitted'], to: 'rectifying', who: ['unit', 'supervisor'] },
  report_fix: { from: ['rectifying'], to: 'fix_reported', who: ['unit', 'supervisor'] },
  verify: { from: ['fix_reported'], to: 'cleared', who: ['verifier'] },
  refuse: { from: ['fix_reported'], to: 'rectifying', who: ['verifier'] },
  reopen: { from: ['cleared'], to: 'open', who: ['supervisor', 'verifier'] },
};

/** Named in the 403 of a verification by someone inside the unit: the rule of 销号. */
export const VERIFIER_RULE =
  'verifier_outside_unit: a fix is verified (销号) only by someone outside the responsible unit: ' +
  "the inspecting team's unit, or a manager or admin above the unit (township, bureau)";

export type ProblemTransition = { ok: true; to: ProblemStatus } | { ok: false; reason: 'state' | 'role'; message: string };

export function checkProblemTransition(action: ProblemAction, status: ProblemStatus, relation: readonly ProblemActor[]): ProblemTransition {
  const rule = TRANSITIONS[action];
  if (!rule.who.some((w) => relation.includes(w))) {
    const message =
      rule.who.includes('verifier') && relation.includes('unit')
        ? VERIFIER_RULE
        : rule.who.includes('verifier')
          ? `only a verifier may ${action} a problem: ${VERIFIER_RULE}`
          : `only the responsible unit or a manager above it may ${action.replace('_', ' ')} this problem`;
    return { ok: false, reason: 'role', message };
  }
  if (!rule.from.includes(status))
    return { ok: false, reason: 'state', message: `cannot ${action.replace('_', ' ')} a problem that is ${status}` };
  return { ok: true, to: rule.to };
}

/** Units are materialized paths `/root/…/self/`: is `path` the unit at `unitPath` or below it? */
function isWithin(path: string, unitPath: string): boolean {
  return path.startsWith(unitPath);
}

/**
 * The actor's relations to a problem. `actorUnitPath` is the actor's own unit; `inScope` whether the
 * responsible unit lies in the actor's scope. A manager inside the unit (its head, say) is its
 * supervisor for the plan but never its verifier.
 */
export function problemRelation(input: {
  role: 'admin' | 'manager' | 'staff';
  actorUnitPath: string;
  responsibleUnitPath: string;
  inScope: boolean;
  inspectingUnitPath: string | null;
}): ProblemActor[] {
  const relation: ProblemActor[] = [];
  const inside = isWithin(input.actorUnitPath, input.responsibleUnitPath);
  if (inside) relation.push('unit');
  const supervises = (input.role === 'manager' || input.role === 'admin') && input.inScope;
  if (supervises) relation.push('supervisor');
  const ofInspectingTeam = input.inspectingUnitPath !== null && isWithin(input.actorUnitPath, input.inspectingUnitPath);
  if (!inside && (supervises || ofInspectingTeam)) relation.push('verifier');
  return relation;
}

/** Same unit, same item (a checklist item's key, else the category): still open, it is merged, not doubled. */
export function duplicateKey(category: ProblemCategory, itemKey: string | null | undefined): string {
  return itemKey ? `item:${itemKey}` : `category:${category}`;
}

/** The due day of a problem: the one given, else its category's time limit (整改时限) from `today`. */
export function problemDueOn(category: ProblemCategory, today: string, dueOn?: string): string {
  return dueOn ?? addLocalDays(today, PROBLEM_CATEGORIES[category].days);
}

/** One row of an imported problem list, checked: its column names in English or Chinese. */
export const PROBLEM_IMPORT_COLUMNS = {
  unitCode: ['unitCode', '责任单位编码'],
  source: ['source', '来源'],
  category: ['category', '类别'],
  description: ['description', '问题描述'],
  evidence: ['evidence', '佐证'],
  dueOn: ['dueOn', '整改时限'],
  itemKey: ['itemKey', '检查项'],
} as const;
export type ProblemImportField = keyof typeof PROBLEM_IMPORT_COLUMNS;

export interface ProblemRowInput {
  unitCode: string;
  source: ProblemSource;
  category: ProblemCategory;
  description: string;
  evidence: string;
  dueOn?: string;
  itemKey?: string;
}

const SOURCE_BY_LABEL = new Map<string, ProblemSource>(
  PROBLEM_SOURCES.flatMap((s) => [[s, s] as const, [PROBLEM_SOURCE_LABELS[s], s] as const]),
);
const CATEGORY_BY_LABEL = new Map<string, ProblemCategory>(
  PROBLEM_CATEGORY_KEYS.flatMap((c) => [[c, c] as const, [PROBLEM_CATEGORIES[c].label, c] as const]),
);

/** A cell of the row under either of its names. */
export function cellOf(values: Record<string, string>, field: ProblemImportField): string {
  for (const name of PROBLEM_IMPORT_COLUMNS[field]) if (values[name] !== undefined) return values[name].trim();
  return '';
}

/**
 * A row of an imported list as a problem, or its errors (column and message). Source and category by
 * key or Chinese label; the time limit a date after `today`, or empty for the category's default.
 */
export function parseProblemRow(
  values: Record<string, string>,
  today: string,
): { ok: true; row: ProblemRowInput } | { ok: false; errors: { column: string; message: string }[] } {
  const errors: { column: string; message: string }[] = [];
  const unitCode = cellOf(values, 'unitCode');
  if (!unitCode) errors.push({ column: 'unitCode', message: 'is required' });
  const source = SOURCE_BY_LABEL.get(cellOf(values, 'source'));
  if (!source)
    errors.push({
      column: 'source',
      message: `must be one of ${PROBLEM_SOURCES.join(', ')} (or ${Object.values(PROBLEM_SOURCE_LABELS).join('、')})`,
    });
  const category = CATEGORY_BY_LABEL.get(cellOf(values, 'category'));
  if (!category)
    errors.push({ column: 'category', message: `must be one of ${PROBLEM_CATEGORY_KEYS.join(', ')} (or their Chinese names)` });
  const description = cellOf(values, 'description');
  if (!description) errors.push({ column: 'description', message: 'is required' });
  else if ([...description].length > 2000) errors.push({ column: 'description', message: 'is longer than 2,000 characters' });
  const evidence = cellOf(values, 'evidence');
  if ([...evidence].length > 2000) errors.push({ column: 'evidence', message: 'is longer than 2,000 characters' });
  const dueOn = cellOf(values, 'dueOn') || undefined;
  if (dueOn !== undefined && (!isLocalDate(dueOn) || dueOn <= today))
    errors.push({ column: 'dueOn', message: `must be a date (YYYY-MM-DD) after ${today}, or empty for the category's time limit` });
  const itemKey = cellOf(values, 'itemKey') || undefined;
  if (itemKey !== undefined && itemKey.length > 80) errors.push({ column: 'itemKey', message: 'is longer than 80 characters' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, row: { unitCode, source: source!, category: category!, description, evidence, dueOn, itemKey } };
}
