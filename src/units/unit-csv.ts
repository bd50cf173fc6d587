import { BadRequestException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { UnitImportRow } from '../domain/hierarchy';

/** Header names a county office may use, English or Chinese, for each import column. */
const COLUMN_ALIASES: Record<keyof UnitImportRow, string[]> = {
  code: ['code', '编码', '代码', '单位编码'],
  name: ['name', '名称', '单位名称'],
  kind: ['kind', '类型', '单位类型'],
  parentCode: ['parentcode', 'parent_code', '上级编码', '上级代码'],
  isPoorVillage: ['ispoorvillage', 'is_poor_village', '贫困村'],
  headUsername: ['headusername', 'head_username', '负责人账号', '负责人用户名'],
};

/** Reads a unit import CSV (UTF-8, with or without BOM; header row required). */
export function parseUnitCsv(text: string): UnitImportRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new BadRequestException(`Malformed CSV: ${(err as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new BadRequestException('The CSV is empty: a header row and at least one unit are required');
  const index = new Map<keyof UnitImportRow, number>();
  for (const [column, aliases] of Object.entries(COLUMN_ALIASES) as [keyof UnitImportRow, string[]][]) {
    const at = header.findIndex((h) => aliases.includes(h.toLowerCase()));
    if (at >= 0) index.set(column, at);
  }
  const missing = (['code', 'name', 'kind'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) throw new BadRequestException(`The CSV header lacks the column(s) ${missing.join(', ')}`);
  if (rows.length === 0) throw new BadRequestException('The CSV has a header but no units');
  return rows.map((cells) => {
    const row: UnitImportRow = {};
    index.forEach((at, column) => (row[column] = cells[at] ?? ''));
    return row;
  });
}
