import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RateSheet, SheetCell } from '../domain/treatment-rates';
import { CsvEncoding } from './tabular-file';

/**
 * Tables written for county offices in the two formats `tabular-file` reads: rows (the header
 * first) stream to the output, so a file of 150,000 rows is never built in memory. Every cell goes
 * through `neutraliseCell`.
 */
export type TableCell = string | number;
export type TableRows = Iterable<readonly TableCell[]> | AsyncIterable<readonly TableCell[]>;

/**
 * What makes a spreadsheet take a cell's text for a formula (OWASP, CSV Injection): a leading `=`,
 * `+`, `-` or `@`, and a leading tab or carriage return (which some programs strip before they look).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one guard of every cell the server writes into a CSV or XLSX file (exports, reports,
 * templates): text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(1)`, `+1`, `-1`)
 * gets a leading single quote, which Excel, WPS and LibreOffice read as "this is text"; other text is
 * unchanged. Numbers stay numbers (a negative number in a number cell is no formula); a number that
 * arrives as text (`"-5"` from a user) is text and is neutralised. Pure, so every writer shares it.
 */
export function neutraliseCell(value: string): string;
export function neutraliseCell(value: TableCell): TableCell;
export function neutraliseCell(value: TableCell): TableCell {
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** CSV in UTF-8 with a BOM (without it Excel on a Chinese desktop reads GBK and garbles), or GB18030. */
export async function writeCsv(output: Writable, rows: TableRows, encoding: CsvEncoding = 'utf-8'): Promise<void> {
  async function* chunks() {
    if (encoding === 'utf-8') yield UTF8_BOM;
    let batch = '';
    for await (const cells of rows) {
      batch += `${cells.map((cell) => csvCell(String(neutraliseCell(cell)))).join(',')}\r\n`;
      if (batch.length >= 16_384) {
        yield iconv.encode(batch, encoding);
        batch = '';
      }
    }
    if (batch) yield iconv.encode(batch, encoding);
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), output);
}

/** One worksheet; every column is formatted as text, so ID numbers a clerk types stay digits. */
export async function writeXlsx(output: Writable, sheetName: string, rows: TableRows): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  let header = true;
  for await (const cells of rows) {
    const safe = cells.map((cell) => neutraliseCell(cell));
    if (header)
      sheet.columns = safe.map(String).map((name) => ({ header: name, width: Math.max(12, name.length * 2 + 4), style: { numFmt: '@' } }));
    else sheet.addRow(safe).commit();
    header = false;
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * A rate table laid out as the bureaus' reports (seed 001; `splitRateSheet`) in one worksheet: the title
 * merged over the columns, two bold header rows with their merges frozen above the body, counts and rates
 * as number cells (rates shown with `decimals` places, "—" when there is no denominator), 合计 in bold,
 * the note below. Every text cell goes through `neutraliseCell`.
 */
export async function rateSheetXlsx(sheetName: string, sheet: RateSheet, decimals: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 3 }] });
  const rateFormat = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  const toCell = (cell: SheetCell): TableCell => {
    if (typeof cell !== 'object') return neutraliseCell(cell);
    return cell.rate === null ? '—' : cell.rate;
  };
  ws.addRow([neutraliseCell(sheet.title)]);
  ws.mergeCells(1, 1, 1, sheet.columnCount);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  for (const header of sheet.headers) {
    const row = ws.addRow(header.map(toCell));
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  for (const range of sheet.merges) ws.mergeCells(range);
  for (const cells of sheet.body) {
    const row = ws.addRow(cells.map(toCell));
    cells.forEach((cell, i) => {
      if (typeof cell === 'object') {
        row.getCell(i + 1).numFmt = rateFormat;
        row.getCell(i + 1).alignment = { horizontal: 'right' };
      }
    });
  }
  ws.lastRow!.font = { bold: true };
  ws.addRow([neutraliseCell(sheet.note)]);
  ws.getColumn(1).width = 24;
  for (let c = 2; c <= sheet.columnCount; c++) ws.getColumn(c).width = 12;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
