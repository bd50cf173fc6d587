import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { detectCsvEncoding, openTabular, TabularRow } from '../../src/common/tabular-file';

/** Bytes in small chunks, as an upload arrives. */
const streamOf = (bytes: Buffer, chunk = 1000) =>
  Readable.from(Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk)));

async function all(rows: AsyncIterable<TabularRow>): Promise<TabularRow[]> {
  const out: TabularRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe(detectCsvEncoding.name, () => {
  it('reads a BOM, plain UTF-8 and GB18030', () => {
    expect(detectCsvEncoding(Buffer.from('\ufeff姓名', 'utf8'))).toBe('utf-8');
    expect(detectCsvEncoding(Buffer.from('姓名,身份证号', 'utf8'))).toBe('utf-8');
    expect(detectCsvEncoding(iconv.encode('姓名,身份证号', 'gb18030'))).toBe('gb18030');
  });

  it('does not hold a UTF-8 character cut at the end of the sample against it', () => {
    const bytes = Buffer.from('户主姓名', 'utf8');
    expect(detectCsvEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });
});

describe(openTabular.name, () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `H${i},中子镇青龙村第${i}户,因病`);
  const text = ['户编号,地址,主要致贫原因', ...lines].join('\r\n');

  it.each([
    ['GB18030', iconv.encode(text, 'gb18030'), 'gb18030'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
  ])('streams a CSV in %s past the sniffed head, Chinese text intact', async (_, bytes, encoding) => {
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const file = await openTabular(streamOf(bytes), 'csv');
    expect(file.encoding).toBe(encoding);
    expect(file.headers).toEqual(['户编号', '地址', '主要致贫原因']);
    const rows = await all(file.rows);
    expect(rows).toHaveLength(3000);
    expect(rows[2999]).toEqual({ row: 3001, values: { 户编号: 'H2999', 地址: '中子镇青龙村第2999户', 主要致贫原因: '因病' } });
  });

  it('numbers CSV rows as a spreadsheet does, skipping empty ones', async () => {
    const file = await openTabular(streamOf(Buffer.from('a,b\n1,2\n,\n\n 3 ,4\n')), 'csv');
    expect(await all(file.rows)).toEqual([
      { row: 2, values: { a: '1', b: '2' } },
      { row: 5, values: { a: '3', b: '4' } },
    ]);
  });

  it('reads the first worksheet of an XLSX, numbers and dates as a clerk sees them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('户籍');
    sheet.addRow(['户编号', '人数', '出生日期', '姓名']);
    sheet.addRow(['H1', 4, new Date(Date.UTC(1960, 4, 1)), { richText: [{ text: '张' }, { text: '三' }] }]);
    sheet.addRow([]);
    sheet.addRow(['H2', 2.5, '1970-01-02', '李四']);
    workbook.addWorksheet('其他').addRow(['ignored']);
    const file = await openTabular(streamOf(Buffer.from(await workbook.xlsx.writeBuffer())), 'xlsx');
    expect(file.encoding).toBeNull();
    expect(await all(file.rows)).toEqual([
      { row: 2, values: { 户编号: 'H1', 人数: '4', 出生日期: '1960-05-01', 姓名: '张三' } },
      { row: 4, values: { 户编号: 'H2', 人数: '2.5', 出生日期: '1970-01-02', 姓名: '李四' } },
    ]);
  });
});
