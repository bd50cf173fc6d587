import { INestApplicationContext } from '@nestjs/common';
import { Readable, Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { Campaign } from '../../src/campaigns/campaign.entity';
import { DataComparisonService } from '../../src/campaigns/data-comparison.service';
import { writeXlsx } from '../../src/common/tabular-writer';
import { POVERTY_LIST_COLUMNS } from '../../src/domain/data-comparison';
import { BenchResult, timeMs } from './report';

/** Share of the list whose poverty cause is illness: with no disease recorded yet, each is a flag. */
const ILLNESS_SHARE = 0.1;

/**
 * 数据比对 at a city's size, on the campaign benchmark's running re-identification (no result recorded yet):
 * the poverty office's list of every registered person, a tenth with an illness cause, compared with the
 * campaign's records (flags and a verification task per unit), then the flagged persons exported as the
 * county's admin downloads them (XLSX into a sink that counts bytes). The baseline writes rows of the same
 * shape (14 columns, the same joins of unit and person) read by one bare query, through the same XLSX
 * writer: what the export adds is its scope, masking, labels and audit.
 */
export async function comparisonBench(
  app: INestApplicationContext,
  admin: Actor,
  campaign: Campaign,
  idNumbers: readonly string[],
): Promise<BenchResult> {
  const comparisons = app.get(DataComparisonService);
  function* list() {
    let row = 1;
    for (const idNumber of idNumbers) {
      const illness = row % Math.round(1 / ILLNESS_SHARE) === 0;
      yield {
        row: ++row,
        values: {
          [POVERTY_LIST_COLUMNS.idNumber]: idNumber,
          [POVERTY_LIST_COLUMNS.householdNumber]: '',
          [POVERTY_LIST_COLUMNS.causeMain]: illness ? '因病致贫' : '缺资金',
          [POVERTY_LIST_COLUMNS.causeSecondary]: '',
        },
      };
    }
  }
  const dueAt = new Date(Date.now() + 14 * 86400_000).toISOString();
  let runId = '';
  const compareMs = await timeMs(async () => {
    runId = (await comparisons.compare(admin, campaign, '基准名单.csv', Readable.from(list()), { dueAt })).run.id;
  });

  let exportBytes = 0;
  let flags = 0;
  const exportMs = await timeMs(async () => {
    const { rows } = await comparisons.exportRows(admin, campaign, runId, false);
    flags = rows.length - 1;
    exportBytes = await written((out) => writeXlsx(out, '比对标记名单', rows));
  });
  const baselineMs = await timeMs(async () => {
    // The export's row shape (14 columns, the same joins), with nothing decided: no scope, masking, labels or audit.
    const bare: Record<string, string | number | null>[] = await app.get(DataSource).query(
      `SELECT row_number() OVER ()::int AS seq, u.name AS unit, f.household_number, p.name, f.id_number, p.sex, '' AS age, f.kind,
              f.poverty_cause_main, f.poverty_cause_secondary, array_to_string(f.recorded_categories, '、') AS categories,
              f.resolved_at IS NOT NULL AS resolved, f.resolution_note, f.resolved_at::text AS resolved_at
       FROM comparison_flags f LEFT JOIN units u ON u.id = f.unit_id LEFT JOIN persons p ON p.id = f.person_id
       WHERE f.run_id = $1`,
      [runId],
    );
    await written((out) =>
      writeXlsx(out, '比对标记名单', [Object.keys(bare[0]), ...bare.map((r) => Object.values(r).map((v) => v ?? ''))]),
    );
  });
  const perSecond = (ms: number) => flags / (ms / 1000);
  return {
    name: `data comparison: a list of ${idNumbers.length} persons against the campaign, ${flags} flagged`,
    rows: [
      { metric: 'compare (list read, records compared, flags and verification tasks written)', value: compareMs / 1000, unit: 's' },
      { metric: 'compare rate', value: idNumbers.length / (compareMs / 1000), unit: 'rows/s' },
      { metric: 'export of the flagged persons (XLSX, masked, audited)', value: perSecond(exportMs), unit: 'flags/s' },
      { metric: 'baseline: the same rows by one bare query, same XLSX writer', value: perSecond(baselineMs), unit: 'flags/s' },
      { metric: 'export / baseline', value: baselineMs / exportMs, unit: '×', note: 'no target set' },
      { metric: 'export file size', value: exportBytes / 1024 / 1024, unit: 'MiB' },
    ],
  };
}

/** Bytes `write` sends into a sink that keeps nothing. */
async function written(write: (out: Writable) => Promise<void>): Promise<number> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  await write(sink);
  return bytes;
}
