import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable, Transform } from 'node:stream';
import { csvRecords } from './csv-records';
import { Utf8WorkbookReader } from './xlsx-stream-reader';

/**
 * Tables the offices upload: CSV as Excel on a Chinese desktop saves it (UTF-8 with or without BOM,
 * or GB18030/GBK), or XLSX (the first worksheet). Rows stream: a 150,000-row file never sits in
 * memory whole.
 */
export type TabularFormat = 'csv' | 'xlsx';
export type CsvEncoding = 'utf-8' | 'gb18030';

/** A data row: header → trimmed cell text, and its row number as a spreadsheet shows it (the header is row 1). */
export interface TabularRow {
  row: number;
  values: Record<string, string>;
}

export interface TabularFile {
  /** The encoding a CSV was read in; null for XLSX. */
  encoding: CsvEncoding | null;
  /** The header row's names, trimmed. */
  headers: string[];
  rows: AsyncIterable<TabularRow>;
}

/** Enough of the file to tell UTF-8 from GB18030: Chinese text shows within the first lines. */
const SNIFF_BYTES = 64 * 1024;

export function tabularFormatOf(fileName: string): TabularFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/**
 * A BOM says UTF-8; otherwise bytes that decode as strict UTF-8 are UTF-8 (GBK text practically
 * never does), the rest GB18030, which also reads GBK and GB2312. A character cut at the end of
 * `head` is not held against it (`stream: true` keeps it pending).
 */
export function detectCsvEncoding(head: Buffer): CsvEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Opens an upload; 'header' problems (an empty file) throw TabularFileError. */
export async function openTabular(input: Readable, format: TabularFormat): Promise<TabularFile> {
  return format === 'csv' ? openCsv(input) : openXlsx(input);
}

export class TabularFileError extends Error {}

async function openCsv(input: Readable): Promise<TabularFile> {
  const { head, rest } = await peek(input, SNIFF_BYTES);
  const encoding = detectCsvEncoding(head);
  // iconv-lite drops a UTF-8 BOM by default.
  const source = Readable.from(rest);
  const text = source.pipe(iconv.decodeStream(encoding) as Transform);
  // pipe() forwards no errors: an input that fails or is destroyed early would otherwise be an uncaught 'error'.
  source.on('error', (err) => text.destroy(err));
  const batches = csvRecords(text);
  let pending: string[][] = [];
  const next = async (): Promise<string[] | undefined> => {
    while (pending.length === 0) {
      const batch = await batches.next();
      if (batch.done) return undefined;
      pending = batch.value.reverse();
    }
    return pending.pop();
  };
  const first = await next();
  if (!first) throw new TabularFileError('the file is empty');
  const headers = first.map((h) => h.trim());
  async function* rows(): AsyncGenerator<TabularRow> {
    // Spreadsheet row numbers: the header is row 1, and empty lines still count.
    let row = 1;
    for (let record = await next(); record; record = await next()) {
      row++;
      const values = toValues(
        headers,
        record.map((cell) => cell.trim()),
      );
      if (values) yield { row, values };
    }
  }
  return { encoding, headers, rows: rows() };
}

async function openXlsx(input: Readable): Promise<TabularFile> {
  const reader = new Utf8WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const sheet = await sheets.next();
  if (sheet.done) throw new TabularFileError('the workbook has no worksheet');
  const rowsOfSheet = (sheet.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  const first = await rowsOfSheet.next();
  if (first.done) throw new TabularFileError('the first worksheet is empty');
  const headers = cellsOf(first.value).map((h) => h.trim());
  async function* rows(): AsyncGenerator<TabularRow> {
    for (let next = await rowsOfSheet.next(); !next.done; next = await rowsOfSheet.next()) {
      const values = toValues(
        headers,
        cellsOf(next.value).map((cell) => cell.trim()),
      );
      if (values) yield { row: next.value.number, values };
    }
    // Later worksheets are not read: drain the reader so the stream closes.
    for (let more = await sheets.next(); !more.done; more = await sheets.next())
      for await (const _ of more.value as AsyncIterable<unknown>);
  }
  return { encoding: null, headers, rows: rows() };
}

/** null for a row with no text in any cell. */
function toValues(headers: string[], cells: string[]): Record<string, string> | null {
  if (cells.every((c) => c === '')) return null;
  const values: Record<string, string> = {};
  headers.forEach((header, i) => {
    if (header) values[header] = cells[i] ?? '';
  });
  return values;
}

/** Cells as the clerk sees them: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellsOf(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cells[column - 1] = textOf(cell.value);
  });
  return Array.from(cells, (c) => c ?? '');
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return textOf(value.result);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  // A formula without a cached result: nothing to read.
  return '';
}

/** The first `bytes` of a stream (or all of a shorter one), and the whole stream again to read from. */
async function peek(input: Readable, bytes: number): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const taken: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    taken.push(chunk);
    size += chunk.length;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* taken;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(taken).subarray(0, bytes), rest: rest() };
}
