import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { UnitImportRow } from '../../src/domain/hierarchy';
import { scopeOf } from '../../src/domain/scope';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { BenchResult, percentile, timeMs } from './report';

const COUNTIES = 5;
const TOWNSHIPS_PER_COUNTY = 10;
const VILLAGES_PER_TOWNSHIP = 49;
const SAMPLES = 200;

/** A city of about 5,000 units: counties, townships with a centre, villages with a clinic. */
function generatedCity(): UnitImportRow[] {
  const rows: UnitImportRow[] = [{ code: 'B', name: '市', kind: 'city' }];
  for (let c = 0; c < COUNTIES; c++) {
    rows.push({ code: `B${c}`, name: '县', kind: 'county', parentCode: 'B' });
    for (let t = 0; t < TOWNSHIPS_PER_COUNTY; t++) {
      const township = `B${c}T${t}`;
      rows.push({ code: township, name: '镇', kind: 'township', parentCode: `B${c}` });
      rows.push({ code: `${township}H`, name: '卫生院', kind: 'health_centre', parentCode: township });
      for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
        rows.push({ code: `${township}V${v}`, name: '村', kind: 'village', parentCode: township, isPoorVillage: v % 3 === 0 });
        rows.push({ code: `${township}V${v}C`, name: '卫生室', kind: 'village_clinic', parentCode: `${township}V${v}` });
      }
    }
  }
  return rows;
}

/**
 * Subtree reads on a 5,000-unit tree: the materialized-path query the API uses, beside a
 * recursive CTE over parent ids (the obvious alternative) measured in the same run.
 */
export async function hierarchyBench(app: INestApplicationContext): Promise<BenchResult> {
  const units = app.get(UnitsService);
  const dataSource = app.get(DataSource);
  const rows = generatedCity();
  const importMs = await timeMs(() => units.import(null, rows));
  const city = await dataSource.getRepository(Unit).findOneByOrFail({ code: 'B' });
  const county = await dataSource.getRepository(Unit).findOneByOrFail({ code: 'B2' });
  const admin: Actor = { id: 'bench', username: 'bench', role: 'admin', unitId: city.id, scope: scopeOf('admin', city) };

  const serviceSamples: number[] = [];
  const pathSamples: number[] = [];
  const cteSamples: number[] = [];
  let serviceCount = 0;
  let pathCount = 0;
  let cteCount = 0;
  for (let i = 0; i < SAMPLES; i++) {
    serviceSamples.push(await timeMs(async () => (serviceCount = (await units.subtree(admin, county.id, {})).length)));
    pathSamples.push(
      await timeMs(async () => {
        const result = await dataSource.query<unknown[]>(
          `SELECT id, code, name, kind, parent_id, depth, is_poor_village FROM units WHERE path LIKE $1 ORDER BY depth, code`,
          [`${county.path}%`],
        );
        pathCount = result.length;
      }),
    );
    cteSamples.push(
      await timeMs(async () => {
        const result = await dataSource.query<unknown[]>(
          `WITH RECURSIVE sub AS (SELECT * FROM units WHERE id = $1 UNION ALL SELECT u.* FROM units u JOIN sub ON u.parent_id = sub.id)
           SELECT id, code, name, kind, parent_id, depth, is_poor_village FROM sub ORDER BY depth, code`,
          [county.id],
        );
        cteCount = result.length;
      }),
    );
  }
  if (new Set([serviceCount, pathCount, cteCount]).size !== 1) {
    throw new Error(`subtree sizes differ: service ${serviceCount}, path ${pathCount}, CTE ${cteCount}`);
  }
  const pathP50 = percentile(pathSamples, 50);
  const cteP50 = percentile(cteSamples, 50);
  return {
    name: `hierarchy: ${rows.length} units, county subtree of ${pathCount} units, ${SAMPLES} reads each`,
    rows: [
      { metric: 'import', value: rows.length / (importMs / 1000), unit: 'units/s', note: `${Math.round(importMs)} ms for ${rows.length}` },
      { metric: 'subtree p50 via UnitsService (scope check, entities)', value: percentile(serviceSamples, 50), unit: 'ms' },
      {
        metric: 'subtree p95 via UnitsService (scope check, entities)',
        value: percentile(serviceSamples, 95),
        unit: 'ms',
        note: 'target < 200 ms',
      },
      { metric: 'subtree p50, SQL: path prefix (what the service runs)', value: pathP50, unit: 'ms' },
      { metric: 'subtree p50, SQL: recursive CTE (baseline)', value: cteP50, unit: 'ms' },
      { metric: 'ratio CTE / path prefix (p50)', value: cteP50 / pathP50, unit: '×', note: '> 1: the path index beats the baseline' },
    ],
  };
}
