/**
 * The unit hierarchy: city 市 → county/district 县/区 → township 乡镇 → village 村, with the bodies
 * attached to them. Pure rules, shared by the import, the API and the demo data.
 */
export const UNIT_KINDS = [
  'city', // 市
  'county', // 县/区
  'township', // 乡镇
  'village', // 村
  'bureau', // 卫健局
  'bureau_section', // 局内股室
  'designated_hospital', // 定点医院
  'health_centre', // 乡镇卫生院
  'community_health_centre', // 社区卫生服务中心
  'village_clinic', // 村卫生室
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Which kinds may stand directly above each kind; `null` means the kind may be a root. */
const ALLOWED_PARENTS: Record<UnitKind, readonly (UnitKind | null)[]> = {
  city: [null],
  county: [null, 'city'],
  township: ['county'],
  village: ['township'],
  bureau: ['city', 'county'],
  bureau_section: ['bureau'],
  designated_hospital: ['city', 'county'],
  health_centre: ['township'],
  community_health_centre: ['county', 'township'],
  village_clinic: ['village'],
};

export function isUnitKind(value: unknown): value is UnitKind {
  return typeof value === 'string' && (UNIT_KINDS as readonly string[]).includes(value);
}

export function canBeChildOf(kind: UnitKind, parentKind: UnitKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

export function allowedParentsText(kind: UnitKind): string {
  return ALLOWED_PARENTS[kind].map((k) => k ?? '(none: a root)').join(', ');
}

/** Materialized path `/<id>/<id>/…/`: a subtree is every path that starts with its root's path. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export interface UnitImportRow {
  code?: unknown;
  name?: unknown;
  kind?: unknown;
  parentCode?: unknown;
  isPoorVillage?: unknown;
  /** Username of the unit's head (负责人), an existing active user; optional. */
  headUsername?: unknown;
}

export interface ValidUnitRow {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  isPoorVillage: boolean;
  /** Lower-case, as usernames are stored; null when the row names no head. */
  headUsername: string | null;
}

export interface RowError {
  /** 1-based position of the row in the file (a CSV header is row 0). */
  row: number;
  column: string;
  message: string;
  /** True when the row clashes with a unit that already exists: reported as 409, not 400. */
  conflict?: boolean;
}

export interface ExistingUnit {
  kind: UnitKind;
  /** A deactivated unit takes no new children; absent means active. */
  active?: boolean;
}

/** A user a row names as head, looked up by lower-case username. */
export interface ImportHead {
  active: boolean;
  /** Whether the user's unit lies in the importing admin's scope. */
  inScope: boolean;
}

export type ImportPlan = { ok: true; rows: ValidUnitRow[] } | { ok: false; errors: RowError[] };

/**
 * Checks every row of an import and orders the valid ones parents-first. All-or-nothing: any
 * error means nothing is written, and every error of every row is reported at once.
 */
export function planUnitImport(
  rows: UnitImportRow[],
  existing: ReadonlyMap<string, ExistingUnit>,
  heads: ReadonlyMap<string, ImportHead> = new Map(),
): ImportPlan {
  const errors: RowError[] = [];
  const parsed: ValidUnitRow[] = [];
  const firstRowOfCode = new Map<string, number>();

  rows.forEach((raw, index) => {
    const row = index + 1;
    const rowErrors: RowError[] = [];
    // Codes and names are text: 510812100201 as a JSON number would lose leading zeros and digits.
    const notText = (['code', 'name', 'parentCode', 'headUsername'] as const).filter(
      (column) => raw[column] !== undefined && raw[column] !== null && typeof raw[column] !== 'string',
    );
    notText.forEach((column) => rowErrors.push({ row, column, message: `must be a string, not a ${typeof raw[column]}` }));
    const code = text(raw.code);
    const name = text(raw.name);
    const parentCode = text(raw.parentCode) || null;
    if (notText.includes('code')) {
      // not text: reported above
    } else if (!code) {
      rowErrors.push({ row, column: 'code', message: 'is required' });
    } else if (!UNIT_CODE_PATTERN.test(code)) {
      rowErrors.push({ row, column: 'code', message: 'must be 1–32 letters, digits, "-" or "_"' });
    } else if (firstRowOfCode.has(code)) {
      rowErrors.push({ row, column: 'code', message: `duplicates row ${firstRowOfCode.get(code)}` });
    } else if (existing.has(code)) {
      rowErrors.push({ row, column: 'code', message: `unit ${code} already exists`, conflict: true });
    }
    if (code && !firstRowOfCode.has(code)) firstRowOfCode.set(code, row);
    if (notText.includes('name')) {
      // not text: reported above
    } else if (!name) {
      rowErrors.push({ row, column: 'name', message: 'is required' });
    } else if (name.length > 100) {
      rowErrors.push({ row, column: 'name', message: 'must be at most 100 characters' });
    }
    if (!isUnitKind(raw.kind)) {
      rowErrors.push({ row, column: 'kind', message: `must be one of ${UNIT_KINDS.join(', ')}` });
    }
    const isPoorVillage = parseFlag(raw.isPoorVillage);
    if (isPoorVillage === undefined) {
      rowErrors.push({ row, column: 'isPoorVillage', message: 'must be true or false' });
    } else if (isPoorVillage && raw.kind !== 'village') {
      rowErrors.push({ row, column: 'isPoorVillage', message: 'only a village can be a poor village' });
    }
    if (parentCode !== null && parentCode === code) {
      rowErrors.push({ row, column: 'parentCode', message: 'a unit cannot be its own parent' });
    }
    const headText = text(raw.headUsername);
    const headUsername = headText.toLowerCase() || null;
    if (headUsername !== null) {
      const head = heads.get(headUsername);
      if (!head) rowErrors.push({ row, column: 'headUsername', message: `no user with username ${headText}` });
      else if (!head.active) rowErrors.push({ row, column: 'headUsername', message: `user ${headText} is deactivated` });
      else if (!head.inScope) rowErrors.push({ row, column: 'headUsername', message: `user ${headText} is outside your scope` });
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else parsed.push({ row, code, name, kind: raw.kind as UnitKind, parentCode, isPoorVillage: isPoorVillage ?? false, headUsername });
  });

  const inFile = new Map(parsed.map((r) => [r.code, r]));
  for (const r of parsed) {
    if (r.parentCode === null) {
      if (!canBeChildOf(r.kind, null)) {
        errors.push({ row: r.row, column: 'parentCode', message: `a ${r.kind} needs a parent (${allowedParentsText(r.kind)})` });
      }
      continue;
    }
    const parentKind = inFile.get(r.parentCode)?.kind ?? existing.get(r.parentCode)?.kind;
    if (!inFile.has(r.parentCode) && existing.get(r.parentCode)?.active === false) {
      errors.push({ row: r.row, column: 'parentCode', message: `unit ${r.parentCode} is deactivated` });
    } else if (parentKind === undefined) {
      if (!firstRowOfCode.has(r.parentCode)) {
        errors.push({ row: r.row, column: 'parentCode', message: `no unit with code ${r.parentCode} in the file or the database` });
      }
    } else if (!canBeChildOf(r.kind, parentKind)) {
      errors.push({
        row: r.row,
        column: 'parentCode',
        message: `a ${r.kind} cannot stand under a ${parentKind} (allowed: ${allowedParentsText(r.kind)})`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  // Kind rules make every chain end at a root kind, so the file holds no cycle here.
  return { ok: true, rows: parentsFirst(parsed) };
}

function parentsFirst(rows: ValidUnitRow[]): ValidUnitRow[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: ValidUnitRow): number => {
    const known = depth.get(r.code);
    if (known !== undefined) return known;
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(r.code, d);
    return d;
  };
  return [...rows].sort((a, b) => depthOf(a) - depthOf(b) || a.row - b.row);
}

/** The distinct usernames that rows name as head, lower-case as stored: what the caller looks up. */
export function importHeadUsernames(rows: UnitImportRow[]): string[] {
  return [...new Set(rows.map((r) => text(r.headUsername).toLowerCase()).filter((u) => u !== ''))];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function parseFlag(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'y', '是'].includes(s)) return true;
  if (['false', '0', 'no', 'n', '否'].includes(s)) return false;
  return undefined;
}
