import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { openTabular, TabularFileError, TabularRow } from '../../src/common/tabular-file';
import { TruncatedXlsxError, XlsxLimitError } from '../../src/common/xlsx-stream-reader';
import { craftedXlsx, sharedStringsBomb } from '../support/crafted-xlsx';

/** Bytes in chunks of 16 KiB, as an upload arrives. */
const streamOf = (bytes: Buffer, chunk = 16 * 1024) =>
  Readable.from(Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk)));

async function readAll(bytes: Buffer, format: 'csv' | 'xlsx'): Promise<TabularRow[]> {
  const file = await openTabular(streamOf(bytes), format);
  const rows: TabularRow[] = [];
  for await (const row of file.rows) rows.push(row);
  return rows;
}

async function refusal(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a refusal');
}

/** Files built to break the reader (issue 14, defects 6 and 11): each is refused, naming why and where. */
describe('hostile tables', () => {
  describe('an XLSX zip bomb', () => {
    let bomb: Buffer;
    beforeAll(async () => {
      // 1,000,000 shared strings of 300 characters: some 330 MB of XML from a file of about 1.2 MB.
      bomb = await sharedStringsBomb(['身份证号', '识别结果'], 1_000_000, 300);
    }, 60_000);

    it('is a small file', () => {
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    });

    it('is refused at the shared-strings limit while memory stays bounded', async () => {
      global.gc?.();
      const base = process.memoryUsage().heapUsed;
      let peak = base;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
      const error = await refusal(readAll(bomb, 'xlsx'));
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      expect(error).toBeInstanceOf(XlsxLimitError);
      expect(error.message).toMatch(/shared strings .* 64 MiB \(XLSX_MAX_SHARED_STRING_BYTES\)/);
      // Before the limits, the strings alone (300 MB of text) stayed on the heap.
      expect(peak - base).toBeLessThan(200 * 1024 * 1024);
    }, 60_000);

    it('is refused at the count of shared strings or the inflated total when those come first', async () => {
      const count = await refusal(
        (async () => {
          const file = await openTabular(streamOf(bomb), 'xlsx', {
            maxInflatedBytes: 1024 ** 3,
            maxSharedStrings: 1000,
            maxSharedStringBytes: 1024 ** 3,
          });
          for await (const _ of file.rows);
        })(),
      );
      expect(count).toBeInstanceOf(XlsxLimitError);
      expect(count.message).toBe('the workbook has more than 1,000 shared strings (XLSX_MAX_SHARED_STRINGS)');
      const total = await refusal(
        openTabular(streamOf(bomb), 'xlsx', { maxInflatedBytes: 10 * 1024 * 1024, maxSharedStrings: 1e9, maxSharedStringBytes: 1024 ** 3 }),
      );
      expect(total).toBeInstanceOf(XlsxLimitError);
      expect(total.message).toMatch(/inflates to more than 10 MiB \(XLSX_MAX_INFLATED_BYTES\)/);
    }, 60_000);
  });

  describe('XLSX cells', () => {
    it('refuses a formula without a saved value, naming the cell and its row', async () => {
      const file = await craftedXlsx([
        ['身份证号', '识别结果'],
        ['510812196803150021', '患病'],
        [{ formula: 'A2&"1"' }, '患病'],
      ]);
      const error = await refusal(readAll(file, 'xlsx'));
      expect(error).toBeInstanceOf(TabularFileError);
      expect(error.message).toBe(
        'cell A3 (row 3): is a formula without a saved value; open the file in Excel and save it again, or paste the values',
      );
      expect((error as TabularFileError).row).toBe(3);
    });

    it('reads a formula by its saved value', async () => {
      const file = await craftedXlsx([['身份证号'], [{ formula: '"5108"&"12"', cached: '510812' }]]);
      expect(await readAll(file, 'xlsx')).toEqual([{ row: 2, values: { 身份证号: '510812' } }]);
    });
  });

  describe('an XLSX cut off', () => {
    it('is refused at every length, naming the cut, never waiting for the rest', async () => {
      const whole = await craftedXlsx([['身份证号', '识别结果'], ...Array.from({ length: 200 }, (_, i) => [`51081219680315${i}`, '患病'])]);
      const outcomes = new Map<string, number>();
      for (let cut = 1; cut < whole.length; cut += Math.max(1, Math.floor(whole.length / 150))) {
        const outcome = await Promise.race([
          readAll(whole.subarray(0, cut), 'xlsx').then(
            (rows) => `read ${rows.length} rows`,
            (err: Error) => (err instanceof TruncatedXlsxError ? 'cut off' : err.message),
          ),
          new Promise<string>((resolve) => setTimeout(() => resolve(`no answer at ${cut} bytes`), 5000).unref()),
        ]);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
      // A zip read as a stream needs no central directory: cut there, every row is still read.
      expect([...outcomes.keys()].filter((o) => o !== 'cut off' && o !== 'read 200 rows' && o !== 'the workbook has no worksheet')).toEqual(
        [],
      );
      expect(outcomes.get('cut off')).toBeGreaterThan(100);
    }, 60_000);
  });

  describe('CSV encodings', () => {
    const header = '户编号,村代码,户主姓名,姓名,身份证号\r\n';
    const line = (i: number) => `H${i},510812100200,张建国,张建国第${i}号,510812196803150021\r\n`;
    const body = (rows: number) => Array.from({ length: rows }, (_, i) => line(i)).join('');

    it('refuses a broken byte after the first 64 KiB, naming its row', async () => {
      const before = Buffer.from(header + body(2000));
      expect(before.length).toBeGreaterThan(64 * 1024);
      const file = Buffer.concat([before, Buffer.from('H9,510812100200,张建国,张'), Buffer.from([0xe5, 0x28]), Buffer.from('国,1\r\n')]);
      const error = await refusal(readAll(file, 'csv'));
      expect(error).toBeInstanceOf(TabularFileError);
      expect(error.message).toMatch(/^row 2002: a byte that is not valid UTF-8/);
      expect((error as TabularFileError).row).toBe(2002);
    });

    it('reads UTF-8 whose characters straddle every chunk boundary', async () => {
      const text = Buffer.from(header + body(3000));
      const rows = await readAll(Buffer.from(text), 'csv');
      expect(rows).toHaveLength(3000);
      expect(rows[2999].values['姓名']).toBe('张建国第2999号');
    });

    it('refuses a byte GB18030 cannot read in a GBK file, naming its row', async () => {
      const gbk = Buffer.concat([iconv.encode(header + body(3000), 'gb18030'), Buffer.from([0x48, 0x2c, 0xff, 0x0d, 0x0a])]);
      const error = await refusal(readAll(gbk, 'csv'));
      expect(error.message).toMatch(/^row 3002: bytes that are neither UTF-8 nor GB18030/);
    });

    it('names the encoding of UTF-16, a PNG named .csv, and a damaged byte in the header', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header + line(1), 'utf16le')]);
      expect((await refusal(readAll(utf16, 'csv'))).message).toMatch(/UTF-16LE text, not CSV text/);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
      expect((await refusal(readAll(png, 'csv'))).message).toMatch(/a PNG image, not CSV text/);
      const utf8 = Buffer.from(header + body(5));
      const damaged = Buffer.concat([utf8.subarray(0, 4), Buffer.from([0xff]), utf8.subarray(5)]);
      const error = await refusal(readAll(damaged, 'csv'));
      expect(error.message).toMatch(/^row 1: a byte that is not valid UTF-8/);
    });
  });
});
