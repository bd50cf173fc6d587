import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { csvRecords } from './csv-records';
import { firstInvalidUtf8, incompleteUtf8Tail, looksLikeDamagedUtf8, nonTextKind } from './text-encoding';
import { DEFAULT_XLSX_LIMITS, Utf8WorkbookReader, XLSX_MAX_COLUMNS, XlsxLimits } from './xlsx-stream-reader';

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
 * never does), and so are bytes that are UTF-8 but for a damaged byte or two (reading them as
 * GB18030 would turn the whole file into nonsense; the damage is then reported on its row); the rest
 * GB18030, which also reads GBK and GB2312. A character cut at the end of `head` is not held
 * against it (`stream: true` keeps it pending).
 */
export function detectCsvEncoding(head: Buffer): CsvEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return looksLikeDamagedUtf8(head) ? 'utf-8' : 'gb18030';
  }
}

/**
 * Opens an upload; problems of the file as a whole (empty, not text, not a workbook) throw
 * TabularFileError, a workbook past its limits XlsxLimitError. Reading the rows throws
 * TabularFileError with the row where the file breaks (bytes of another encoding, a formula
 * without its value).
 */
export async function openTabular(input: Readable, format: TabularFormat, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<TabularFile> {
  return format === 'csv' ? openCsv(input) : openXlsx(input, limits);
}

export class TabularFileError extends Error {
  constructor(
    message: string,
    /** The spreadsheet row where the file breaks, when it is a row. */
    readonly row?: number,
  ) {
    super(message);
  }
}

/** Bytes that are not text in the encoding the file is read in; the rows before them were read. */
class EncodingError extends Error {}

async function openCsv(input: Readable): Promise<TabularFile> {
  const { head, rest } = await peek(input, SNIFF_BYTES);
  const kind = nonTextKind(head);
  if (kind) throw new TabularFileError(`the file is ${kind}, not CSV text: save it from Excel as CSV UTF-8, or upload the .xlsx`, 1);
  const encoding = detectCsvEncoding(head);
  const batches = csvRecords(decodeStrictly(rest, encoding));
  let pending: string[][] = [];
  const next = async (): Promise<string[] | undefined> => {
    while (pending.length === 0) {
      const batch = await batches.next();
      if (batch.done) return undefined;
      pending = batch.value.reverse();
    }
    return pending.pop();
  };
  /** The next record; bytes of another encoding fail it, naming the row they stand in. */
  const read = async (row: number): Promise<string[] | undefined> => {
    try {
      return await next();
    } catch (err) {
      if (err instanceof EncodingError) throw new TabularFileError(`row ${row}: ${err.message}`, row);
      throw err;
    }
  };
  const first = await read(1);
  if (!first) throw new TabularFileError('the file is empty');
  const headers = first.map((h) => h.trim());
  async function* rows(): AsyncGenerator<TabularRow> {
    // Spreadsheet row numbers: the header is row 1, and empty lines still count.
    let row = 1;
    for (let record = await read(row + 1); record; record = await read(row + 1)) {
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

/**
 * The text of a CSV in its encoding, chunk by chunk: all of it is checked, not only the sniffed head.
 * At the first byte that is not valid in the encoding, the text before it is handed on (so its
 * records are read and the row is known) and an EncodingError follows.
 */
async function* decodeStrictly(chunks: AsyncIterable<Buffer>, encoding: CsvEncoding): AsyncGenerator<string> {
  if (encoding === 'utf-8') {
    // Fatal and streaming: a character split between chunks is completed by the next one. A BOM is dropped.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let pending = Buffer.alloc(0);
    for await (const chunk of chunks) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const bytes = Buffer.concat([pending, chunk]);
        const valid = new TextDecoder('utf-8').decode(bytes.subarray(0, Math.max(0, firstInvalidUtf8(bytes, false))));
        if (valid) yield valid;
        throw new EncodingError('a byte that is not valid UTF-8 (the file is read as UTF-8); save it again as CSV UTF-8');
      }
      const last = chunk.length >= 4 ? chunk.subarray(-4) : Buffer.concat([pending, chunk]).subarray(-4);
      pending = Buffer.from(last.subarray(last.length - incompleteUtf8Tail(last)));
      if (text) yield text;
    }
    try {
      decoder.decode();
    } catch {
      throw new EncodingError('the file ends in the middle of a UTF-8 character');
    }
    return;
  }
  // GB18030 maps nearly every byte sequence; what it cannot map comes out as U+FFFD.
  const decoder = iconv.getDecoder(encoding);
  const check = (text: string): string => {
    const bad = text.indexOf('\ufffd');
    return bad < 0 ? text : text.slice(0, bad);
  };
  const problem = 'bytes that are neither UTF-8 nor GB18030/GBK (the file is read as GB18030, since it is not UTF-8)';
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    const valid = check(text);
    if (valid) yield valid;
    if (valid.length < text.length) throw new EncodingError(problem);
  }
  const rest = decoder.end() ?? '';
  const valid = check(rest);
  if (valid) yield valid;
  if (valid.length < rest.length) throw new EncodingError(problem);
}

async function openXlsx(input: Readable, limits: XlsxLimits): Promise<TabularFile> {
  const reader = new Utf8WorkbookReader(
    input,
    {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    },
    limits,
  );
  const sheets = reader[Symbol.asyncIterator]();
  const sheet = await sheets.next();
  if (sheet.done) throw new TabularFileError('the workbook has no worksheet');
  const rowsOfSheet = (sheet.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  const first = await rowsOfSheet.next();
  if (first.done) throw new TabularFileError('the first worksheet is empty');
  const headers = cellsOf(first.value, XLSX_MAX_COLUMNS).map((h) => h.trim());
  async function* rows(): AsyncGenerator<TabularRow> {
    try {
      for (let next = await rowsOfSheet.next(); !next.done; next = await rowsOfSheet.next()) {
        const values = toValues(
          headers,
          cellsOf(next.value, headers.length).map((cell) => cell.trim()),
        );
        if (values) yield { row: next.value.number, values };
      }
      // Later worksheets are not read: drain the reader so the stream closes.
      for (let more = await sheets.next(); !more.done; more = await sheets.next())
        for await (const _ of more.value as AsyncIterable<unknown>);
    } finally {
      // Given up early (a refusal mid-file): the reader's temporary files go now.
      await sheets.return?.(undefined);
    }
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

/**
 * The first `columns` cells as the clerk sees them: dates as YYYY-MM-DD, formulas by their saved
 * result, rich text joined. A cell whose value cannot be read as text (a formula Excel never
 * calculated, an error such as #N/A) refuses the file, naming the cell: storing "" or
 * "[object Object]" in its place would damage the register.
 */
function cellsOf(row: ExcelJS.Row, columns: number): string[] {
  if (row.cellCount > XLSX_MAX_COLUMNS)
    throw new TabularFileError(`row ${row.number} has cells beyond column XFD (Excel's last, the 16,384th)`, row.number);
  const cells: string[] = [];
  for (let column = 1; column <= Math.min(row.cellCount, columns); column++) {
    const cell = row.getCell(column);
    const text = textOf(cell.value);
    if (text === undefined) throw new TabularFileError(`cell ${cell.address} (row ${row.number}): ${unreadable(cell.value)}`, row.number);
    cells[column - 1] = text;
  }
  return Array.from(cells, (c) => c ?? '');
}

/** The text of a value, or undefined when it has none to give. */
function textOf(value: ExcelJS.CellValue | undefined): string | undefined {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') return undefined;
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => String(part.text ?? '')).join('');
  if ('error' in value) return undefined;
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value && value.result !== undefined ? textOf(value.result) : undefined;
  if ('text' in value && typeof value.text === 'string') return value.text;
  return undefined;
}

function unreadable(value: ExcelJS.CellValue | undefined): string {
  const result: unknown = value && typeof value === 'object' && 'result' in value ? value.result : undefined;
  const error: unknown =
    value && typeof value === 'object' && 'error' in value
      ? value.error
      : result && typeof result === 'object' && 'error' in result
        ? result.error
        : undefined;
  if (error !== undefined)
    return `holds the error ${typeof error === 'string' ? error : JSON.stringify(error)}; correct the cell and save again`;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))
    return 'is a formula without a saved value; open the file in Excel and save it again, or paste the values';
  return 'holds a value that cannot be read as text';
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
