import fc from 'fast-check';
import { canBeChildOf, ExistingUnit, planUnitImport, UnitImportRow } from '../../src/domain/hierarchy';

describe(planUnitImport.name, () => {
  const none = new Map<string, ExistingUnit>();

  it('orders rows parents first whatever the file order', () => {
    const plan = planUnitImport(
      [
        { code: 'C1', name: '卫生室', kind: 'village_clinic', parentCode: 'V1' },
        { code: 'V1', name: '村', kind: 'village', parentCode: 'T1', isPoorVillage: 'true' },
        { code: 'T1', name: '镇', kind: 'township', parentCode: 'D1' },
      ],
      new Map([['D1', { kind: 'county' }]]),
    );
    expect(plan.ok && plan.rows.map((r) => r.code)).toEqual(['T1', 'V1', 'C1']);
    expect(plan.ok && plan.rows[1].isPoorVillage).toBe(true);
  });

  it('reports every error of every row with its column', () => {
    const plan = planUnitImport(
      [
        { code: 'A', name: '市', kind: 'city' },
        { code: 'A', name: '重复', kind: 'city' },
        { code: 'bad code!', name: 'x', kind: 'city' },
        { code: 'B', name: '', kind: 'nope' },
        { code: 'T', name: '镇', kind: 'township' },
        { code: 'V', name: '村', kind: 'village', parentCode: 'A' },
        { code: 'H', name: '院', kind: 'health_centre', parentCode: 'T', isPoorVillage: 'yes' },
        { code: 'S', name: '自己', kind: 'village', parentCode: 'S' },
        { code: 'E', name: '已有', kind: 'township', parentCode: 'A' },
      ],
      new Map([['E', { kind: 'township' }]]),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'code'],
      [3, 'code'],
      [4, 'name'],
      [4, 'kind'],
      [5, 'parentCode'],
      [6, 'parentCode'],
      [7, 'isPoorVillage'],
      [8, 'parentCode'],
      [9, 'code'],
    ]);
    expect(plan.errors.find((e) => e.row === 9)?.conflict).toBe(true);
  });

  it('passes a known, active head in scope through (lower-case) and names every other head by row', () => {
    const heads = new Map([
      ['wang.wei', { active: true, inScope: true }],
      ['li.na', { active: false, inScope: true }],
      ['zhao.lei', { active: true, inScope: false }],
    ]);
    const rows = [
      { code: 'T1', name: '镇', kind: 'township', parentCode: 'D1', headUsername: ' Wang.Wei ' },
      { code: 'T2', name: '镇', kind: 'township', parentCode: 'D1', headUsername: '' },
    ];
    const ok = planUnitImport(rows, new Map([['D1', { kind: 'county' }]]), heads);
    expect(ok.ok && ok.rows.map((r) => r.headUsername)).toEqual(['wang.wei', null]);

    const refused = planUnitImport(
      [
        { code: 'T1', name: '镇', kind: 'township', parentCode: 'D1', headUsername: 'nobody' },
        { code: 'T2', name: '镇', kind: 'township', parentCode: 'D1', headUsername: 'li.na' },
        { code: 'T3', name: '镇', kind: 'township', parentCode: 'D1', headUsername: 'zhao.lei' },
        { code: 'T4', name: '镇', kind: 'township', parentCode: 'D1', headUsername: 'wang.wei' },
      ],
      new Map([['D1', { kind: 'county' }]]),
      heads,
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors).toEqual([
      { row: 1, column: 'headUsername', message: 'no user with username nobody' },
      { row: 2, column: 'headUsername', message: 'user li.na is deactivated' },
      { row: 3, column: 'headUsername', message: 'user zhao.lei is outside your scope' },
    ]);
  });

  it('refuses new units below a deactivated unit', () => {
    const plan = planUnitImport(
      [{ code: 'V1', name: '村', kind: 'village', parentCode: 'T1' }],
      new Map([['T1', { kind: 'township', active: false }]]),
    );
    expect(!plan.ok && plan.errors).toEqual([{ row: 1, column: 'parentCode', message: 'unit T1 is deactivated' }]);
  });

  it('places any valid tree, given in any order, parents before children', () => {
    // A generated district: townships, villages below them, a clinic per village.
    const tree = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }).map((villagesPerTownship) => {
      const rows: UnitImportRow[] = [{ code: 'D', name: '区', kind: 'county' }];
      villagesPerTownship.forEach((n, t) => {
        rows.push({ code: `T${t}`, name: '镇', kind: 'township', parentCode: 'D' });
        for (let v = 0; v < n; v++) {
          rows.push({ code: `T${t}V${v}`, name: '村', kind: 'village', parentCode: `T${t}` });
          rows.push({ code: `T${t}V${v}C`, name: '室', kind: 'village_clinic', parentCode: `T${t}V${v}` });
        }
      });
      return rows;
    });
    fc.assert(
      fc.property(
        tree.chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        (rows) => {
          const plan = planUnitImport(rows, none);
          if (!plan.ok) return false;
          const seen = new Set<string>();
          return plan.rows.every((r) => {
            const parentPlaced = r.parentCode === null || seen.has(r.parentCode);
            seen.add(r.code);
            return parentPlaced;
          });
        },
      ),
    );
  });
});

describe(canBeChildOf.name, () => {
  it.each([
    ['village', 'township', true],
    ['village', 'county', false],
    ['village_clinic', 'village', true],
    ['health_centre', 'township', true],
    ['designated_hospital', 'county', true],
    ['county', null, true],
    ['township', null, false],
  ] as const)('%s under %s: %s', (kind, parent, expected) => {
    expect(canBeChildOf(kind, parent)).toBe(expected);
  });
});
