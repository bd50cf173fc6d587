import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvFormatError, csvRecords } from '../../src/common/csv-records';

async function records(chunks: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of csvRecords(
    (async function* () {
      // One chunk per turn, as a stream delivers them.
      for (const chunk of chunks) yield await Promise.resolve(chunk);
    })(),
  ))
    out.push(...batch);
  return out;
}

/** Every way of cutting the text into chunks of `size`. */
const cut = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe(csvRecords.name, () => {
  it('reads quoted commas, doubled quotes, line breaks inside quotes and every kind of line end', async () => {
    const text = 'a,"b,c","d ""e"""\r\n"f\r\ng",,h\nlast,"",x\ry';
    const expected = [['a', 'b,c', 'd "e"'], ['f\r\ng', '', 'h'], ['last', '', 'x'], ['y']];
    for (let size = 1; size <= text.length; size++) expect(await records(cut(text, size))).toEqual(expected);
  });

  it('keeps empty lines as records (they still count as spreadsheet rows)', async () => {
    expect(await records(['a,b\r\n\r\n1,2\r\n'])).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('agrees with csv-parse on any table written as Excel writes it, however the text is cut', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', 'x') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 12 }),
        async (table, size) => {
          const text =
            table.map((row) => row.map((c) => (/[,"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
          expect(await records(cut(text, size))).toEqual(parse(text, { relax_column_count: true, skip_empty_lines: false }));
        },
      ),
    );
  });

  it('refuses a quote never closed', async () => {
    await expect(records(['a,"b\r\n', 'c'])).rejects.toThrow(CsvFormatError);
  });
});
