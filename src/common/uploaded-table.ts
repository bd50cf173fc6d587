import { BadRequestException, HttpException, PayloadTooLargeException } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CsvFormatError } from './csv-records';
import { openTabular, TabularFile, TabularFileError, tabularFormatOf, TabularRow } from './tabular-file';
import { XlsxLimitError, XlsxLimits } from './xlsx-stream-reader';

/** Upload limit for tables read while the request waits (result sheets, comparison lists); the register goes through the worker. */
export const TABLE_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
/** Stored with the upload (comparison_runs.file_name). */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * An uploaded `.csv` or `.xlsx` (multipart field `file`, on disk where multer put it), opened for
 * `use`, then closed and removed whatever happens. Refusals name what is wrong: 400 for no file,
 * another type, a name over 255 characters, a file that is not what its extension says, an encoding
 * problem (naming the row), missing columns; 413 for a workbook past the XLSX limits. Problems met
 * while `use` reads the rows are refused the same way.
 */
export async function withUploadedTable<T>(
  file: Express.Multer.File | undefined,
  requiredColumns: readonly string[],
  limits: XlsxLimits,
  use: (table: TabularFile) => Promise<T>,
): Promise<T> {
  if (!file) throw new BadRequestException('file is required (multipart/form-data, field "file")');
  const input: Readable = file.path ? createReadStream(file.path) : Readable.from([file.buffer]);
  try {
    const name = file.originalname;
    if ([...name].length > MAX_FILE_NAME_LENGTH)
      throw new BadRequestException(`file name is longer than ${MAX_FILE_NAME_LENGTH} characters (${[...name].length}); rename the file`);
    const format = tabularFormatOf(name);
    if (!format) throw new BadRequestException(`file must be .csv or .xlsx, not ${name}`);
    let table: TabularFile;
    try {
      table = await openTabular(input, format, limits);
    } catch (err) {
      throw refusalOf(err, `file cannot be read as ${format.toUpperCase()}`);
    }
    const missing = requiredColumns.filter((c) => !table.headers.includes(c));
    if (missing.length > 0) {
      const read = table.encoding ? ` (read as ${table.encoding === 'utf-8' ? 'UTF-8' : 'GB18030/GBK'})` : '';
      throw new BadRequestException(`file lacks the column(s) ${missing.join(', ')} in its header row${read}`);
    }
    return await use({ ...table, rows: refusingRows(table.rows) });
  } finally {
    input.destroy();
    if (file.path) await rm(file.path, { force: true });
  }
}

/** The rows, with a file that breaks half-way refused like one that breaks at once. */
async function* refusingRows(rows: AsyncIterable<TabularRow>): AsyncGenerator<TabularRow> {
  try {
    yield* rows;
  } catch (err) {
    throw refusalOf(err, 'file cannot be read further');
  }
}

function refusalOf(err: unknown, cannotRead: string): Error {
  if (err instanceof HttpException) return err;
  if (err instanceof XlsxLimitError) return new PayloadTooLargeException(`file: ${err.message}`);
  if (err instanceof TabularFileError) {
    const errors = err.row === undefined ? undefined : [{ row: err.row, column: '', message: err.message }];
    return new BadRequestException({ message: `file: ${err.message}`, ...(errors && { errors }) });
  }
  if (err instanceof CsvFormatError) return new BadRequestException(`file: ${err.message}`);
  // A parser's complaint about the bytes (a broken zip, bad XML); not a failing disk.
  if (err instanceof Error && !('syscall' in err)) return new BadRequestException(`${cannotRead} (${err.message})`);
  return err as Error;
}
