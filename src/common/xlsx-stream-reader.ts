import ExcelJS from 'exceljs';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Entry, Parse } from 'unzipper';

// The hooks of exceljs's streaming reader that this file overrides (not in its published types).
declare module 'exceljs' {
  namespace stream {
    namespace xlsx {
      interface WorkbookReader {
        input: unknown;
        options: Record<string, unknown>;
        sharedStrings?: unknown[];
        workbookRels?: unknown;
        _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
        _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
        _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
        _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
        _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown>;
        _parseHyperlinks(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown>;
      }
    }
  }
}

/**
 * What a workbook may inflate to. A few megabytes of XLSX can inflate to gigabytes (a zip bomb), and
 * exceljs keeps every shared string in memory: these bounds keep one upload's memory and time small.
 */
export interface XlsxLimits {
  /** All parts of the archive together, inflated. */
  maxInflatedBytes: number;
  /** Strings in the shared-strings table. */
  maxSharedStrings: number;
  /** The shared-strings part, inflated (the strings and their XML). */
  maxSharedStringBytes: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxInflatedBytes: 200 * 1024 * 1024,
  maxSharedStrings: 1_000_000,
  maxSharedStringBytes: 64 * 1024 * 1024,
};

/** Excel's own limits: 16,384 columns; a cell holds 32,767 characters (a run of text of 1 MiB leaves room for any escaping). */
export const XLSX_MAX_COLUMNS = 16_384;
const MAX_TEXT_RUN_BYTES = 1024 * 1024;
/** One row of a worksheet as XML: a register row is under a kilobyte. */
const MAX_ROW_BYTES = 16 * 1024 * 1024;

/** The archive ends inside one of its parts: the file was cut off (an upload broken off, a copy not finished). */
export class TruncatedXlsxError extends Error {
  constructor() {
    super('the workbook ends in the middle of its data (the .xlsx file is cut off); save or copy it again');
    this.name = 'TruncatedXlsxError';
  }
}

/** unzipper's word for an archive that ends too soon, in the reader's. */
function truncationOf<E>(err: E): E | TruncatedXlsxError {
  return err instanceof Error && err.message === 'FILE_ENDED' ? new TruncatedXlsxError() : err;
}

/** A workbook passed one of the limits: refused whole (413 for an upload), naming the limit. */
export class XlsxLimitError extends Error {
  constructor(
    message: string,
    readonly limit: keyof XlsxLimits | 'cells',
  ) {
    super(message);
    this.name = 'XlsxLimitError';
  }
}

const MiB = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;

/**
 * exceljs 4.4's streaming reader, with two changes:
 *
 * - Text is decoded across chunk boundaries. exceljs decodes every inflated chunk of XML on its own,
 *   so a Chinese character that straddles two chunks (16 KiB each) comes out as "��" (exceljs issues
 *   2063, 2084, 2316; unfixed): shared strings, styles (which say which numbers are dates) and
 *   worksheets are handed over as text decoded across chunks.
 * - Every part is counted as it inflates, also parts that are only skipped and worksheets parked in a
 *   temporary file until the shared strings have been read (Excel writes them after the sheets): past
 *   `maxInflatedBytes`, `maxSharedStrings` or `maxSharedStringBytes`, a row of more than 16,384 cells
 *   or 16 MiB, or a run of text of more than 1 MiB, reading stops with an XlsxLimitError.
 */
export class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  private readonly limits: XlsxLimits;
  private inflated = 0;

  constructor(
    input: Readable,
    options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
    limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
  ) {
    super(input, options);
    this.limits = limits;
  }

  override _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override _parseStyles(entry: NodeJS.ReadableStream): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }

  override _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown> {
    return super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }

  /** exceljs's `parse`, with every entry read through a PartBudget. */
  override async *parse(): AsyncGenerator<{ eventType: string; value: unknown }> {
    type Events = AsyncGenerator<{ eventType: string; value: unknown }> | Generator<{ eventType: string; value: unknown }>;
    const zip = Parse({ forceStream: true });
    const input = this.input as Readable;
    input.on('error', (err) => zip.destroy(err));
    input.pipe(zip);
    const parked: { sheetNo: string; path: string }[] = [];
    let folder: string | undefined;
    // An archive cut off inside a part: unzipper reports FILE_ENDED on the archive only (sometimes
    // before it hands out the part it was reading), and the part would wait for the rest for ever (a
    // request that never ends). The part being read, or handed out later, fails with it.
    let current: PartBudget | undefined;
    let broken: Error | undefined;
    zip.on('error', (err: Error) => {
      broken = truncationOf(err);
      if (current && !current.destroyed) current.destroy(broken);
    });
    // A reader given up half-way (only the header row was wanted) never resumes: its parked sheets go with its input.
    input.once('close', () => {
      if (!input.readableEnded && folder) void rm(folder, { recursive: true, force: true });
    });
    try {
      for await (const item of zip) {
        const entry = item as Entry;
        const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.path)?.[1];
        const part = entry.pipe(new PartBudget(this, entry.path === 'xl/sharedStrings.xml' ? 'strings' : sheetNo ? 'sheet' : 'other'));
        // A part handed out after the archive failed is not read at all.
        if (broken) throw broken;
        // Whoever reads the part hears its errors; one that comes when nobody reads it any more (the
        // archive fails just as a part ends) must not become an uncaught 'error' that ends the process.
        part.on('error', () => undefined);
        current = part;
        // pipe() forwards no errors: a broken deflate stream must end the part too.
        entry.on('error', (err) => part.destroy(err));
        if (entry.path === 'xl/_rels/workbook.xml.rels') await this._parseRels(part);
        else if (entry.path === 'xl/workbook.xml') await this._parseWorkbook(part);
        else if (entry.path === 'xl/sharedStrings.xml') yield* this._parseSharedStrings(part) as Events;
        else if (entry.path === 'xl/styles.xml') await this._parseStyles(part);
        else if (sheetNo !== undefined && this.sharedStrings && this.workbookRels) yield* this._parseWorksheet(part, sheetNo) as Events;
        else if (sheetNo !== undefined) {
          // Shared strings come later in the archive (as Excel writes it): the sheet waits on disk, never in memory.
          folder ??= await mkdtemp(join(tmpdir(), 'xlsx-'));
          const path = join(folder, `sheet${sheetNo}.xml`);
          await pipeline(part, createWriteStream(path));
          parked.push({ sheetNo, path });
        } else {
          const rels = /^xl\/worksheets\/_rels\/sheet(\d+)\.xml\.rels$/.exec(entry.path)?.[1];
          if (rels !== undefined) yield* this._parseHyperlinks(part, rels) as Events;
        }
        // Whatever was not read (or not to the end) is still inflated and counted, then dropped.
        for await (const _ of part);
        // Read to its end: nobody listens to it any more, so a later error must not reach it.
        current = undefined;
      }
      for (const { sheetNo, path } of parked) yield* this._parseWorksheet(createReadStream(path), sheetNo) as Events;
    } catch (err) {
      throw truncationOf(err);
    } finally {
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  }

  /** Called by each part as it inflates; the error to stop with, if any. */
  countInflated(bytes: number): XlsxLimitError | null {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxInflatedBytes)
      return new XlsxLimitError(
        `the workbook inflates to more than ${MiB(this.limits.maxInflatedBytes)} (XLSX_MAX_INFLATED_BYTES); is it a zip bomb?`,
        'maxInflatedBytes',
      );
    return null;
  }

  get readerLimits(): XlsxLimits {
    return this.limits;
  }
}

/**
 * One part of the archive on its way out of the inflater: counts its bytes against the workbook's
 * budget and, in worksheets and shared strings, looks at the XML (without parsing it) for what would
 * make exceljs hold too much at once: strings, cells in a row, a row, a run of text.
 */
class PartBudget extends Transform {
  private bytes = 0;
  private strings = 0;
  private cellsInRow = 0;
  private rowBytes = 0;
  private textRun = 0;
  /** Bytes after the last '<' of the previous chunk, when too few to tell the tag. */
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly reader: Utf8WorkbookReader,
    private readonly kind: 'strings' | 'sheet' | 'other',
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const error = this.reader.countInflated(chunk.length) ?? (this.kind === 'other' ? null : this.scan(chunk));
    if (error) return done(error);
    done(null, chunk);
  }

  private scan(chunk: Buffer): XlsxLimitError | null {
    const limits = this.reader.readerLimits;
    if (this.kind === 'strings' && this.bytes > limits.maxSharedStringBytes)
      return new XlsxLimitError(
        `the shared strings of the workbook inflate to more than ${MiB(limits.maxSharedStringBytes)} (XLSX_MAX_SHARED_STRING_BYTES)`,
        'maxSharedStringBytes',
      );
    const text = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    /** Bytes before this index were counted into the row already (the carry). */
    let counted = text.length - chunk.length;
    this.carry = Buffer.alloc(0);
    const ends = (x: number) => x === 0x20 || x === 0x3e || x === 0x2f || x === 0x09 || x === 0x0a || x === 0x0d;
    let from = 0;
    let end = text.length;
    for (let lt = text.indexOf(0x3c); lt >= 0; lt = text.indexOf(0x3c, from)) {
      this.textRun += lt - from;
      if (this.textRun > MAX_TEXT_RUN_BYTES) return textTooLong();
      this.textRun = 0;
      from = lt + 1;
      if (lt + 4 >= text.length) {
        // Too little left to tell the tag: looked at again with the next chunk.
        this.carry = Buffer.from(text.subarray(lt));
        end = lt;
        from = end;
        break;
      }
      const [a, b, c, d] = [text[lt + 1], text[lt + 2], text[lt + 3], text[lt + 4]];
      if (this.kind === 'strings' && a === 0x73 && b === 0x69 && ends(c) && ++this.strings > limits.maxSharedStrings)
        return new XlsxLimitError(
          `the workbook has more than ${limits.maxSharedStrings.toLocaleString('en')} shared strings (XLSX_MAX_SHARED_STRINGS)`,
          'maxSharedStrings',
        );
      if (this.kind !== 'sheet') continue;
      if (a === 0x72 && b === 0x6f && c === 0x77 && ends(d)) {
        this.cellsInRow = 0;
        this.rowBytes = 0;
        counted = Math.max(counted, lt);
      } else if (a === 0x63 && ends(b) && ++this.cellsInRow > XLSX_MAX_COLUMNS) {
        return new XlsxLimitError(`a row of the workbook has more than ${XLSX_MAX_COLUMNS.toLocaleString('en')} cells`, 'cells');
      }
    }
    this.textRun += end - from;
    if (this.textRun > MAX_TEXT_RUN_BYTES) return textTooLong();
    this.rowBytes += Math.max(0, end - counted);
    return this.checkRow();
  }

  private checkRow(): XlsxLimitError | null {
    if (this.kind === 'sheet' && this.rowBytes > MAX_ROW_BYTES)
      return new XlsxLimitError(`a row of the workbook is more than ${MiB(MAX_ROW_BYTES)} of XML`, 'cells');
    return null;
  }
}

function textTooLong(): XlsxLimitError {
  return new XlsxLimitError('the workbook holds a text of more than 1 MiB in one cell or string; Excel allows 32,767 characters', 'cells');
}

async function* decodeUtf8(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
