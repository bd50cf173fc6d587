import { BadRequestException } from '@nestjs/common';
import { Readable } from 'node:stream';
import { openTabular, TabularFile, TabularFileError, tabularFormatOf } from './tabular-file';

/** Upload limit for tables kept in memory (result sheets, comparison lists); the register streams to disk instead. */
export const TABLE_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/**
 * An uploaded `.csv` or `.xlsx` (multipart field `file`) opened for reading, with a 400 that names
 * what is wrong: no file, another type, an empty table, or required columns missing.
 */
export async function openUploadedTable(file: Express.Multer.File | undefined, requiredColumns: readonly string[]): Promise<TabularFile> {
  if (!file) throw new BadRequestException('file is required (multipart/form-data, field "file")');
  const format = tabularFormatOf(file.originalname);
  if (!format) throw new BadRequestException(`file must be .csv or .xlsx, not ${file.originalname}`);
  let table: TabularFile;
  try {
    table = await openTabular(Readable.from([file.buffer]), format);
  } catch (err) {
    if (err instanceof TabularFileError) throw new BadRequestException(`file: ${err.message}`);
    throw new BadRequestException(`file cannot be read as ${format.toUpperCase()} (${(err as Error).message})`);
  }
  const missing = requiredColumns.filter((c) => !table.headers.includes(c));
  if (missing.length > 0) throw new BadRequestException(`file lacks the column(s) ${missing.join(', ')} in its header row`);
  return table;
}
