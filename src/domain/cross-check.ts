/**
 * Cross-check rounds (村与村交叉排查, seed 002): a round's settings, its checklist (versioned, edited by
 * admins) and the results of its items. Pure: the services, the launch and the tests share it.
 */
import { PROBLEM_CATEGORY_KEYS, ProblemCategory } from './rectification';
import { fnv1a } from './seeded-random';

/** Seed 002's three difficulties: the village clinic, the village doctor's knowledge, the households. */
export const CHECKLIST_ITEM_KINDS = ['clinic', 'doctor', 'household'] as const;
export type ChecklistItemKind = (typeof CHECKLIST_ITEM_KINDS)[number];

export interface ChecklistItem {
  /** Stable across versions: a failed item's problem is merged by it. */
  key: string;
  kind: ChecklistItemKind;
  text: string;
  /** The category of the problem a failure becomes (and so its time limit). */
  category: ProblemCategory;
}

/** Version 1, from seed 002 (三个难点). */
export const SEED_002_CHECKLIST: readonly ChecklistItem[] = [
  { key: 'clinic.equipment', kind: 'clinic', text: '村卫生室常规设备齐备', category: 'clinic_equipment' },
  { key: 'clinic.drugs_sufficient', kind: 'clinic', text: '药品品种、数量、质量达标', category: 'clinic_drugs' },
  { key: 'clinic.drugs_unexpired', kind: 'clinic', text: '无过期药品', category: 'clinic_drugs' },
  { key: 'clinic.doctor_on_duty', kind: 'clinic', text: '有合格村医并在岗开展基本医疗和基本公共卫生服务', category: 'clinic_staffing' },
  { key: 'clinic.records_patients', kind: 'clinic', text: '有本村精准识别患病人员名册', category: 'clinic_records' },
  { key: 'clinic.records_treatment', kind: 'clinic', text: '有患病人员治疗情况统计', category: 'clinic_records' },
  { key: 'clinic.records_assistance', kind: 'clinic', text: '有医疗救助情况统计', category: 'clinic_records' },
  { key: 'doctor.policies', kind: 'doctor', text: '村医吃透健康扶贫政策、村卫生室达标指标', category: 'doctor_knowledge' },
  {
    key: 'doctor.figures',
    kind: 'doctor',
    text: '村医掌握本村基本情况、建档立卡贫困人口数、参保率和政府代缴率',
    category: 'doctor_knowledge',
  },
  {
    key: 'doctor.treatment',
    kind: 'doctor',
    text: '村医掌握区内区外救治情况、救助政策和本村签约服务开展情况',
    category: 'doctor_knowledge',
  },
  { key: 'household.health_literate', kind: 'household', text: '户上有“健康明白人”', category: 'household_awareness' },
  { key: 'household.family_doctor', kind: 'household', text: '知道本户的家庭医生是谁、提供了哪些服务', category: 'family_doctor' },
  { key: 'household.premium_paid', kind: 'household', text: '知道个人参保费用由财政代缴', category: 'household_awareness' },
  { key: 'household.clinic_known', kind: 'household', text: '知道本村有达标村卫生室和在岗的合格村医', category: 'household_awareness' },
];

export const ITEM_RESULTS = ['pass', 'fail', 'not_applicable'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];

/** A round's settings: editable while its campaign is a draft; the pairing follows from them. */
export interface CrossCheckSettings {
  /** The seed of the pairing and of the household sample: the same seed, the same round. */
  seed: number;
  /** Never inspect a unit of one's own township (village level) or county (township level). */
  crossTownship: boolean;
  allowReciprocal: boolean;
  checklistVersion: number;
  /** Households sampled per poverty status (未脱贫, 已脱贫) in each inspected village. */
  householdsPerStratum: number;
}

export const DEFAULT_HOUSEHOLDS_PER_STRATUM = 2;

/** Checks an admin's checklist: unique keys, known kinds and categories, some text. Errors name the item. */
export function validateChecklist(items: unknown): { ok: true; items: ChecklistItem[] } | { ok: false; errors: string[] } {
  if (!Array.isArray(items) || items.length === 0) return { ok: false, errors: ['items must be a non-empty list'] };
  if (items.length > 200) return { ok: false, errors: ['items: at most 200'] };
  const errors: string[] = [];
  const seen = new Set<string>();
  items.forEach((raw: Partial<ChecklistItem>, i) => {
    const at = `items[${i}]`;
    if (typeof raw?.key !== 'string' || !/^[a-z0-9_.]{1,60}$/.test(raw.key)) errors.push(`${at}.key must be 1–60 of a-z, 0-9, _ and .`);
    else if (seen.has(raw.key)) errors.push(`${at}.key ${raw.key} is used twice`);
    else seen.add(raw.key);
    if (!CHECKLIST_ITEM_KINDS.includes(raw?.kind as ChecklistItemKind))
      errors.push(`${at}.kind must be one of ${CHECKLIST_ITEM_KINDS.join(', ')}`);
    if (typeof raw?.text !== 'string' || raw.text.trim().length === 0 || raw.text.length > 500)
      errors.push(`${at}.text must have 1–500 characters`);
    if (!PROBLEM_CATEGORY_KEYS.includes(raw?.category as ProblemCategory))
      errors.push(`${at}.category must be one of ${PROBLEM_CATEGORY_KEYS.join(', ')}`);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    items: (items as ChecklistItem[]).map(({ key, kind, text, category }) => ({ key, kind, text: text.trim(), category })),
  };
}

/**
 * The duplicate key of a failed item's problem: the item, per inspected unit (households of one village
 * failing the same item make one problem of its clinic).
 */
export function inspectionItemKey(item: Pick<ChecklistItem, 'key'>): string {
  return `checklist:${item.key}`;
}

/** A seed from a step id, when the admin gives none: stable for the round. */
export function seedOf(id: string): number {
  return fnv1a(id);
}
