import { PassThrough, Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { CsvEncoding, TabularFormat } from '../common/tabular-file';
import { writeCsv, writeXlsx } from '../common/tabular-writer';
import { REGISTER_COLUMNS as C, REGISTER_HEADERS } from '../domain/register-row';
import { makeResidentId } from '../domain/resident-id';

/** A row of a register file: Chinese header → cell text, as `openTabular` reads it back. */
export type RegisterFileRow = Record<string, string>;

export const REGISTER_SHEET_NAME = '建档立卡贫困人口';

/** Writes a register file in the template's column order; a cell a row lacks is left empty. */
export function writeRegisterFile(
  output: Writable,
  rows: Iterable<RegisterFileRow> | AsyncIterable<RegisterFileRow>,
  format: TabularFormat,
  encoding: CsvEncoding = 'utf-8',
): Promise<void> {
  async function* table() {
    yield REGISTER_HEADERS;
    for await (const row of rows) yield REGISTER_HEADERS.map((header) => row[header] ?? '');
  }
  return format === 'csv' ? writeCsv(output, table(), encoding) : writeXlsx(output, REGISTER_SHEET_NAME, table());
}

/** The template: the headers and one example row (a demo village, a made-up but valid ID number). */
export function registerTemplate(format: TabularFormat): Promise<Buffer> {
  const example: RegisterFileRow = {
    [C.householdNumber]: '5108121002000001',
    [C.villageCode]: '510812100200',
    [C.headName]: '张建国',
    [C.name]: '张建国',
    [C.relationToHead]: '户主',
    [C.idNumber]: makeResidentId('510812', '1968-03-15', 21),
    [C.sex]: '男',
    [C.birthDate]: '1968-03-15',
    [C.povertyStatus]: '已脱贫',
    [C.povertyCauseMain]: '因病',
    [C.povertyCauseSecondary]: '缺劳力',
    [C.familyDoctor]: '李春梅',
    [C.knownConditions]: '原发性高血压',
  };
  return bufferOf((out) => writeRegisterFile(out, [example], format));
}

/** A small file built in memory (a template, an error report of at most 10,000 rows). */
export async function bufferOf(write: (output: Writable) => Promise<void>): Promise<Buffer> {
  const sink = new PassThrough();
  const [bytes] = await Promise.all([buffer(sink), write(sink)]);
  return bytes;
}
