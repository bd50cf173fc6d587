import { DISEASE_CATEGORY_LABELS, DiseaseCategory } from './disease-catalogue';
import { SEX_LABELS, Sex } from './register-row';
import { checkResidentId } from './resident-id';

/**
 * 数据比对 (seed 004): the poverty office's list against the health department's records. Flags
 * persons whose poverty cause and recorded diseases disagree, and persons on one list only.
 */
export const COMPARISON_FLAGS = [
  'illness_cause_without_condition', // 致贫原因为因病，但未识别出疾病
  'major_disease_without_illness_cause', // 识别出大病，但致贫原因不是因病
  'only_on_poverty_list', // 仅在扶贫部门名单中
  'only_in_health_records', // 仅在卫健部门记录中
] as const;
export type ComparisonFlag = (typeof COMPARISON_FLAGS)[number];

export const COMPARISON_FLAG_LABELS: Record<ComparisonFlag, string> = {
  illness_cause_without_condition: '致贫原因为因病但未识别出疾病',
  major_disease_without_illness_cause: '患大病但致贫原因非因病',
  only_on_poverty_list: '仅在扶贫部门名单中',
  only_in_health_records: '仅在卫健部门记录中',
};

/** 因病致贫 / 因病返贫 and the like. */
export function isIllnessCause(cause: string): boolean {
  return /因病|疾病|患病/.test(cause);
}

export interface PovertyListEntry {
  idNumber: string;
  causeMain: string;
  causeSecondary: string;
}

export interface HealthRecord {
  idNumber: string;
  /** Categories of the diseases recorded for the person (empty: none recorded). */
  categories: readonly string[];
}

export interface ListRowError {
  row: number;
  column: string;
  message: string;
}

/** The columns of the poverty office's list; 身份证号 is required, the rest may be empty. */
export const POVERTY_LIST_COLUMNS = {
  idNumber: '身份证号',
  householdNumber: '户编号',
  causeMain: '主要致贫原因',
  causeSecondary: '次要致贫原因',
} as const;

/**
 * 数据比对 list rows in file order: each ID checked, duplicates named with the row that came first.
 * `seen` carries the ID numbers of earlier rows across calls (rows arrive as a stream).
 */
export function checkPovertyListRow(
  values: Record<string, string>,
  row: number,
  today: string,
  seen: Map<string, number>,
): { ok: true; entry: PovertyListEntry & { householdNumber: string } } | { ok: false; errors: ListRowError[] } {
  const cell = (column: string) => (values[column] ?? '').trim();
  const errors: ListRowError[] = [];
  const id = checkResidentId(cell(POVERTY_LIST_COLUMNS.idNumber), today);
  if (!id.ok) errors.push({ row, column: POVERTY_LIST_COLUMNS.idNumber, message: id.message });
  else if (seen.has(id.idNumber))
    errors.push({ row, column: POVERTY_LIST_COLUMNS.idNumber, message: `与第${seen.get(id.idNumber)}行重复` });
  else seen.set(id.idNumber, row);
  for (const [column, max] of [
    [POVERTY_LIST_COLUMNS.householdNumber, 40],
    [POVERTY_LIST_COLUMNS.causeMain, 40],
    [POVERTY_LIST_COLUMNS.causeSecondary, 40],
  ] as const) {
    if (cell(column).length > max) errors.push({ row, column, message: `不能超过${max}个字符` });
  }
  if (errors.length > 0 || !id.ok) return { ok: false, errors };
  return {
    ok: true,
    entry: {
      idNumber: id.idNumber,
      householdNumber: cell(POVERTY_LIST_COLUMNS.householdNumber),
      causeMain: cell(POVERTY_LIST_COLUMNS.causeMain),
      causeSecondary: cell(POVERTY_LIST_COLUMNS.causeSecondary),
    },
  };
}

/** The flags one person raises; `poverty` or `health` absent means the person is on the other list only. */
export function flagsFor(poverty: PovertyListEntry | undefined, health: HealthRecord | undefined): ComparisonFlag[] {
  if (!poverty && !health) return [];
  if (!health) return ['only_on_poverty_list'];
  if (!poverty) return ['only_in_health_records'];
  const illness = isIllnessCause(poverty.causeMain) || isIllnessCause(poverty.causeSecondary);
  const flags: ComparisonFlag[] = [];
  if (illness && health.categories.length === 0) flags.push('illness_cause_without_condition');
  if (!illness && health.categories.includes('major')) flags.push('major_disease_without_illness_cause');
  return flags;
}

/**
 * The flagged persons as the poverty office gets them back (seed 004: 标识后提供市扶贫办): one row per flag,
 * with the unit that verifies it and what verification found.
 */
export const COMPARISON_EXPORT_HEADER = [
  '序号',
  '责任单位',
  '户编号',
  '姓名',
  '身份证号',
  '性别',
  '年龄',
  '比对结果',
  '主要致贫原因',
  '次要致贫原因',
  '卫健记录疾病类别',
  '核实状态',
  '核实情况',
  '核实时间',
] as const;

export interface ExportedFlag {
  kind: ComparisonFlag;
  /** null: no unit answers for the person (counted as unassigned). */
  unitName: string | null;
  householdNumber: string;
  /** null: not in the register (on the poverty list only). */
  personName: string | null;
  /** Masked, or whole when the export was asked for whole numbers (audited). */
  idNumberShown: string;
  sex: Sex | null;
  age: number | null;
  causeMain: string;
  causeSecondary: string;
  categories: readonly string[];
  resolutionNote: string | null;
  /** China time, `YYYY-MM-DD HH:MM`; null while open. */
  resolvedAt: string | null;
}

/** One row of the export, in `COMPARISON_EXPORT_HEADER`'s order. */
export function comparisonExportRow(seq: number, flag: ExportedFlag): (string | number)[] {
  return [
    seq,
    flag.unitName ?? '无责任单位',
    flag.householdNumber,
    flag.personName ?? '',
    flag.idNumberShown,
    flag.sex ? SEX_LABELS[flag.sex] : '',
    flag.age ?? '',
    COMPARISON_FLAG_LABELS[flag.kind],
    flag.causeMain,
    flag.causeSecondary,
    flag.categories.map((c) => DISEASE_CATEGORY_LABELS[c as DiseaseCategory] ?? c).join('、'),
    flag.resolvedAt ? '已核实' : '待核实',
    flag.resolutionNote ?? '',
    flag.resolvedAt ?? '',
  ];
}
