import { createWriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tabularFormatOf } from '../src/common/tabular-file';
import { writeCsv } from '../src/common/tabular-writer';
import { POVERTY_LIST_COLUMNS } from '../src/domain/data-comparison';
import { povertyListFor } from '../src/demo/poverty-list-generator';
import { demoRegisterOptions, generateRegister } from '../src/demo/register-generator';
import { writeRegisterFile } from '../src/population/register-file';

/**
 * `npm run register:demo -- [file] [--gb18030]`: the demo district's register (建档立卡贫困人口,
 * 24,689 persons in 7,385 households of its 150 villages) as a file to upload through
 * `POST /api/population/imports`. The extension picks the format: .csv (UTF-8 with BOM, or GB18030
 * with --gb18030, as Excel on a Chinese desktop saves it) or .xlsx. Default: demo-register.csv.
 * Beside it, demo-poverty-list.csv: the poverty office's list of the same persons for the data
 * comparison (数据比对), with a few causes changed, persons left out and persons added.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const path = resolve(args.find((a) => !a.startsWith('--')) ?? 'demo-register.csv');
  const format = tabularFormatOf(path);
  if (!format) throw new Error(`${path}: the file name must end in .csv or .xlsx`);
  const options = demoRegisterOptions();
  await writeRegisterFile(createWriteStream(path), generateRegister(options), format, args.includes('--gb18030') ? 'gb18030' : 'utf-8');
  console.log(`${path}: ${options.persons} persons in ${options.households} households of ${options.villageCodes.length} villages`);
  const listPath = join(dirname(path), 'demo-poverty-list.csv');
  const headers = Object.values(POVERTY_LIST_COLUMNS);
  function* list() {
    yield headers;
    for (const row of povertyListFor(generateRegister(options))) yield headers.map((h) => row[h]);
  }
  await writeCsv(createWriteStream(listPath), list());
  console.log(`${listPath}: the poverty office's list for the data comparison`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
