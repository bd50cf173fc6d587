import { checkResidentId } from './resident-id';

/**
 * One row of the register of the poor population (建档立卡贫困人口) as the poverty office's tables
 * give it: a person with their household. Pure checks; the import adds what needs the database
 * (village codes, the register as stored). Reasons are Chinese, for the clerk who mends the file.
 */
export type Sex = 'male' | 'female';
/** 未脱贫 / 已脱贫 */
export type PovertyStatus = 'not_out' | 'out';

/** The columns by their Chinese headers, in the order the template lists them. */
export const REGISTER_COLUMNS = {
  householdNumber: '户编号',
  villageCode: '村代码',
  headName: '户主姓名',
  name: '姓名',
  relationToHead: '与户主关系',
  idNumber: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  povertyStatus: '脱贫状态',
  povertyCauseMain: '主要致贫原因',
  povertyCauseSecondary: '次要致贫原因',
  familyDoctor: '签约家庭医生',
  knownConditions: '已患疾病',
} as const;
export type RegisterField = keyof typeof REGISTER_COLUMNS;
export const REGISTER_FIELDS = Object.keys(REGISTER_COLUMNS) as RegisterField[];
export const REGISTER_HEADERS: string[] = Object.values(REGISTER_COLUMNS);

/** Cells that may not be empty, so their columns must be in the file. 性别 and 出生日期 default to the ID's. */
export const REQUIRED_REGISTER_FIELDS: readonly RegisterField[] = [
  'householdNumber',
  'villageCode',
  'headName',
  'name',
  'idNumber',
  'povertyStatus',
];

/** The widths of the register's database columns. */
const MAX_LENGTH: Partial<Record<RegisterField, number>> = {
  householdNumber: 40,
  villageCode: 32,
  headName: 50,
  name: 50,
  relationToHead: 20,
  povertyCauseMain: 40,
  povertyCauseSecondary: 40,
  familyDoctor: 50,
  knownConditions: 200,
};

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };
export const POVERTY_STATUS_LABELS: Record<PovertyStatus, string> = { not_out: '未脱贫', out: '已脱贫' };

export interface RegisterRow {
  householdNumber: string;
  villageCode: string;
  headName: string;
  name: string;
  relationToHead: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  povertyStatus: PovertyStatus;
  povertyCauseMain: string;
  povertyCauseSecondary: string;
  familyDoctor: string;
  knownConditions: string;
}

/** A refused cell: `column` is the Chinese header. */
export interface CellError {
  column: string;
  message: string;
}

/** A refused cell of a file, with its 1-based row number (the header is row 1). */
export interface RegisterRowError extends CellError {
  row: number;
}

export type RegisterRowCheck = { ok: true; row: RegisterRow } | { ok: false; errors: CellError[] };

/** The file-level check: the required columns the header row lacks (none: the file may be read). */
export function missingRegisterHeaders(headers: readonly string[]): string[] {
  const present = new Set(headers.map((h) => h.trim()));
  return REQUIRED_REGISTER_FIELDS.map((f) => REGISTER_COLUMNS[f]).filter((h) => !present.has(h));
}

/**
 * Checks one row (header → cell text). `today` (YYYY-MM-DD, Asia/Shanghai) bounds the birth date.
 * Every problem of the row is reported, not only the first.
 */
export function checkRegisterRow(values: Readonly<Record<string, string | undefined>>, today: string): RegisterRowCheck {
  const cell = (field: RegisterField) => (values[REGISTER_COLUMNS[field]] ?? '').trim();
  const errors: CellError[] = [];
  const refuse = (field: RegisterField, message: string) => errors.push({ column: REGISTER_COLUMNS[field], message });

  for (const field of REGISTER_FIELDS) {
    const value = cell(field);
    const max = MAX_LENGTH[field];
    if (value === '' && REQUIRED_REGISTER_FIELDS.includes(field)) refuse(field, '不能为空');
    else if (max !== undefined && value.length > max) refuse(field, `不能超过${max}个字符`);
  }

  const id = cell('idNumber') === '' ? null : checkResidentId(cell('idNumber'), today);
  if (id && !id.ok) refuse('idNumber', id.message);
  const fromId = id?.ok ? id : null;

  const sexText = cell('sex');
  const sex = sexFromLabel(sexText);
  if (sexText !== '' && !sex) refuse('sex', '应为“男”或“女”');
  else if (sex && fromId && sex !== fromId.sex) refuse('sex', `与身份证号不符（身份证号为${SEX_LABELS[fromId.sex]}性）`);

  const birthText = cell('birthDate');
  const birthDate = birthText === '' ? null : parseRegisterDate(birthText);
  if (birthText !== '' && !birthDate) refuse('birthDate', '日期应写作 YYYY-MM-DD、YYYY/M/D 或 YYYYMMDD');
  else if (birthDate && fromId && birthDate !== fromId.birthDate) refuse('birthDate', '与身份证号中的出生日期不符');

  const statusText = cell('povertyStatus');
  const povertyStatus = povertyStatusFromLabel(statusText);
  if (statusText !== '' && !povertyStatus) refuse('povertyStatus', '应为“未脱贫”或“已脱贫”');

  if (errors.length > 0 || !fromId || !povertyStatus) return { ok: false, errors };
  return {
    ok: true,
    row: {
      householdNumber: cell('householdNumber'),
      villageCode: cell('villageCode'),
      headName: cell('headName'),
      name: cell('name'),
      relationToHead: cell('relationToHead'),
      idNumber: fromId.idNumber,
      sex: fromId.sex,
      birthDate: fromId.birthDate,
      povertyStatus,
      povertyCauseMain: cell('povertyCauseMain'),
      povertyCauseSecondary: cell('povertyCauseSecondary'),
      familyDoctor: cell('familyDoctor'),
      knownConditions: cell('knownConditions'),
    },
  };
}

/** YYYY-MM-DD, YYYY/M/D (also YYYY-M-D, YYYY/MM/DD) or YYYYMMDD → YYYY-MM-DD, or null when no real date. */
export function parseRegisterDate(text: string): string | null {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

function sexFromLabel(label: string): Sex | null {
  return label === '男' ? 'male' : label === '女' ? 'female' : null;
}

function povertyStatusFromLabel(label: string): PovertyStatus | null {
  return label === '未脱贫' ? 'not_out' : label === '已脱贫' ? 'out' : null;
}

/**
 * Checks across the rows of one file, fed its valid rows in file order: an ID number may appear
 * once, and the rows of one 户编号 must agree on its village and head. Keeps one entry per person
 * and per household, never the rows themselves.
 */
export class RegisterFileCheck {
  private readonly rowOfId = new Map<string, number>();
  private readonly households = new Map<string, { row: number; villageCode: string; headName: string }>();

  check(rowNumber: number, row: RegisterRow): CellError[] {
    const errors: CellError[] = [];
    const firstRow = this.rowOfId.get(row.idNumber);
    if (firstRow !== undefined) errors.push({ column: REGISTER_COLUMNS.idNumber, message: `与第${firstRow}行的身份证号重复` });
    else this.rowOfId.set(row.idNumber, rowNumber);

    const household = this.households.get(row.householdNumber);
    if (!household) {
      this.households.set(row.householdNumber, { row: rowNumber, villageCode: row.villageCode, headName: row.headName });
      return errors;
    }
    if (household.villageCode !== row.villageCode) {
      errors.push({ column: REGISTER_COLUMNS.villageCode, message: `同一户编号在第${household.row}行的村代码为 ${household.villageCode}` });
    }
    if (household.headName !== row.headName) {
      errors.push({ column: REGISTER_COLUMNS.headName, message: `同一户编号在第${household.row}行的户主姓名为 ${household.headName}` });
    }
    return errors;
  }
}
