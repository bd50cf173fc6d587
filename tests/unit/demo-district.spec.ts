import { DEMO_POOR_VILLAGES, demoUnits, demoUsers } from '../../src/demo/demo-district';
import { planUnitImport } from '../../src/domain/hierarchy';

describe('demo district', () => {
  const units = demoUnits();

  it('is shaped like seed 002: 15 townships, 64 poor villages among more, a clinic per village', () => {
    const villages = units.filter((u) => u.kind === 'village');
    expect(units.filter((u) => u.kind === 'township')).toHaveLength(15);
    expect(units.filter((u) => u.kind === 'health_centre')).toHaveLength(15);
    expect(villages.filter((v) => v.isPoorVillage)).toHaveLength(DEMO_POOR_VILLAGES);
    expect(villages.length).toBeGreaterThan(DEMO_POOR_VILLAGES);
    expect(units.filter((u) => u.kind === 'village_clinic')).toHaveLength(villages.length);
    expect(units.filter((u) => u.kind === 'designated_hospital')).toHaveLength(2);
  });

  it('passes the import rules and gives every demo user an existing unit', () => {
    const plan = planUnitImport(units, new Map());
    expect(plan.ok).toBe(true);
    const codes = new Set(units.map((u) => u.code));
    for (const user of demoUsers()) {
      expect(codes.has(user.unitCode)).toBe(true);
      user.responsibleUnitCodes.forEach((c) => expect(codes.has(c)).toBe(true));
    }
    expect(demoUsers().map((u) => u.role)).toEqual(expect.arrayContaining(['admin', 'manager', 'staff']));
  });
});
