import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { CsvEncoding, openTabular, TabularFormat } from '../../src/common/tabular-file';
import { demoRegisterOptions, generateRegister, RegisterGeneratorOptions } from '../../src/demo/register-generator';
import { checkRegisterRow, REGISTER_HEADERS, RegisterFileCheck } from '../../src/domain/register-row';
import { bufferOf, RegisterFileRow, writeRegisterFile } from '../../src/population/register-file';

const TODAY = '2026-06-30';
/** How much of a CSV `openTabular` reads to decide its encoding. */
const ENCODING_SAMPLE_BYTES = 64 * 1024;
const villages = ['510812100200', '510812100201', 'T1V1'];
const small: RegisterGeneratorOptions = { villageCodes: villages, households: 30, persons: 100, seed: 42 };

/** Bytes in chunks of an odd size, as an upload arrives. */
const streamOf = (bytes: Buffer, chunk = 4099) =>
  Readable.from(Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk)));

async function readBack(bytes: Buffer, format: TabularFormat) {
  const file = await openTabular(streamOf(bytes), format);
  const rows: RegisterFileRow[] = [];
  for await (const { values } of file.rows) rows.push(values);
  return { encoding: file.encoding, headers: file.headers, rows };
}

describe(generateRegister.name, () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect([...generateRegister(small)]).toEqual([...generateRegister(small)]);
    expect([...generateRegister({ ...small, seed: 43 })]).not.toEqual([...generateRegister(small)]);
  });

  it('makes exactly the households and persons asked for, 1–6 per household, every row valid and consistent', () => {
    const rows = [...generateRegister(small)];
    expect(rows).toHaveLength(100);
    const file = new RegisterFileCheck();
    const sizes = new Map<string, number>();
    rows.forEach((values, i) => {
      const check = checkRegisterRow(values, TODAY);
      if (!check.ok) throw new Error(`row ${i}: ${JSON.stringify(check.errors)}`);
      expect(file.check(i + 2, check.row)).toEqual([]);
      sizes.set(check.row.householdNumber, (sizes.get(check.row.householdNumber) ?? 0) + 1);
    });
    expect(sizes.size).toBe(30);
    for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(1);
    for (const size of sizes.values()) expect(size).toBeLessThanOrEqual(6);
    expect(new Set(rows.map((r) => r.村代码))).toEqual(new Set(villages));
  });

  it('takes the region of the ID from a numeric village code, else 510812', () => {
    for (const row of generateRegister(small)) expect(row.身份证号.slice(0, 6)).toBe('510812');
    for (const row of generateRegister({ ...small, villageCodes: ['110105001001'] })) expect(row.身份证号.slice(0, 6)).toBe('110105');
  });

  it('gives the demo district seed 002’s figures, about 40% of persons poor through illness (因病)', () => {
    const options = demoRegisterOptions();
    let persons = 0;
    let illness = 0;
    const households = new Set<string>();
    for (const row of generateRegister(options)) {
      persons++;
      households.add(row.户编号);
      if (row.主要致贫原因 === '因病' || row.次要致贫原因 === '因病') illness++;
    }
    expect({ villages: options.villageCodes.length, persons, households: households.size }).toEqual({
      villages: 150,
      persons: 24_689,
      households: 7385,
    });
    expect(illness / persons).toBeGreaterThan(0.35);
    expect(illness / persons).toBeLessThan(0.45);
  });
});

describe(writeRegisterFile.name, () => {
  /** Spaces after the header (trimmed away when read) shift the text until the sniffed head ends inside a character. */
  function cutInsideCharacter(rows: RegisterFileRow[], encoding: CsvEncoding): Promise<Buffer> {
    const body = rows.map((r) => REGISTER_HEADERS.map((h) => r[h]).join(',')).join('\r\n');
    for (let pad = 0; pad < 64; pad++) {
      const text = `${REGISTER_HEADERS.join(',')}${' '.repeat(pad)}\r\n${body}`;
      let offset = encoding === 'utf-8' ? 3 : 0;
      for (const ch of text) {
        const length = iconv.encode(ch, encoding).length;
        if (offset < ENCODING_SAMPLE_BYTES && offset + length > ENCODING_SAMPLE_BYTES) {
          return Promise.resolve(
            Buffer.concat([encoding === 'utf-8' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), iconv.encode(text, encoding)]),
          );
        }
        if (offset >= ENCODING_SAMPLE_BYTES) break;
        offset += length;
      }
    }
    throw new Error('no padding puts a character across the sniffed head');
  }

  const rows = [...generateRegister({ ...small, households: 300, persons: 1000 })];

  it.each(['utf-8', 'gb18030'] as const)('writes CSV in %s that reads back row for row', async (encoding) => {
    const bytes = await bufferOf((out) => writeRegisterFile(out, rows, 'csv', encoding));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(encoding === 'utf-8');
    expect(await readBack(bytes, 'csv')).toEqual({ encoding, headers: REGISTER_HEADERS, rows });
  });

  it.each(['utf-8', 'gb18030'] as const)('reads %s whose first 64 KiB end inside a Chinese character', async (encoding) => {
    const bytes = await cutInsideCharacter(rows, encoding);
    expect(bytes.length).toBeGreaterThan(ENCODING_SAMPLE_BYTES);
    expect(await readBack(bytes, 'csv')).toEqual({ encoding, headers: REGISTER_HEADERS, rows });
  });

  // Both cross exceljs's 16 KiB chunks of XML with Chinese text, which it would otherwise garble (see xlsx-stream-reader).
  it('writes XLSX whose ID numbers and dates read back as text', async () => {
    const bytes = await bufferOf((out) => writeRegisterFile(out, rows, 'xlsx'));
    expect(await readBack(bytes, 'xlsx')).toEqual({ encoding: null, headers: REGISTER_HEADERS, rows });
  });

  it('reads an XLSX with shared strings, as Excel saves it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('户籍');
    sheet.addRow(REGISTER_HEADERS);
    for (const row of rows) sheet.addRow(REGISTER_HEADERS.map((h) => row[h]));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readBack(bytes, 'xlsx')).toEqual({ encoding: null, headers: REGISTER_HEADERS, rows });
  });
});
