import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvEncoding } from './tabular-file';

/**
 * Tables written for county offices in the two formats `tabular-file` reads: rows (the header
 * first) stream to the output, so a file of 150,000 rows is never built in memory.
 */
export type TableRows = Iterable<readonly string[]> | AsyncIterable<readonly string[]>;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** CSV in UTF-8 with a BOM (without it Excel on a Chinese desktop reads GBK and garbles), or GB18030. */
export async function writeCsv(output: Writable, rows: TableRows, encoding: CsvEncoding = 'utf-8'): Promise<void> {
  async function* chunks() {
    if (encoding === 'utf-8') yield UTF8_BOM;
    let batch = '';
    for await (const cells of rows) {
      batch += `${cells.map(csvCell).join(',')}\r\n`;
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
    if (header) sheet.columns = cells.map((name) => ({ header: name, width: Math.max(12, name.length * 2 + 4), style: { numFmt: '@' } }));
    else sheet.addRow([...cells]).commit();
    header = false;
  }
  sheet.commit();
  await workbook.commit();
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
