import fc from 'fast-check';
import {
  checkProblemTransition,
  duplicateKey,
  parseProblemRow,
  PROBLEM_STATUSES,
  ProblemAction,
  problemDueOn,
  problemRelation,
  VERIFIER_RULE,
} from '../../src/domain/rectification';

const COUNTY = '/c/';
const TOWNSHIP = '/c/t/';
const CLINIC = '/c/t/v/clinic/';
const OTHER_CLINIC = '/c/t/w/clinic/';

describe('rectification (整改销号)', () => {
  it('runs open → plan submitted → rectifying → fix reported → cleared, a refusal back to rectifying, a recurrence back to open', () => {
    const unit = ['unit'] as const;
    const verifier = ['supervisor', 'verifier'] as const;
    expect(checkProblemTransition('submit_plan', 'open', unit)).toEqual({ ok: true, to: 'plan_submitted' });
    expect(checkProblemTransition('start', 'plan_submitted', unit)).toEqual({ ok: true, to: 'rectifying' });
    expect(checkProblemTransition('report_fix', 'rectifying', unit)).toEqual({ ok: true, to: 'fix_reported' });
    expect(checkProblemTransition('refuse', 'fix_reported', verifier)).toEqual({ ok: true, to: 'rectifying' });
    expect(checkProblemTransition('verify', 'fix_reported', verifier)).toEqual({ ok: true, to: 'cleared' });
    expect(checkProblemTransition('reopen', 'cleared', verifier)).toEqual({ ok: true, to: 'open' });
    expect(checkProblemTransition('verify', 'rectifying', verifier)).toMatchObject({ ok: false, reason: 'state' });
  });

  it('never lets the responsible unit verify its own fix, naming the rule', () => {
    const result = checkProblemTransition('verify', 'fix_reported', ['unit', 'supervisor']);
    expect(result).toEqual({ ok: false, reason: 'role', message: VERIFIER_RULE });
    expect(VERIFIER_RULE).toMatch(/^verifier_outside_unit/);
  });

  it('a verifier is outside the unit: a manager above it or the inspecting team, never someone inside it', () => {
    const base = { responsibleUnitPath: CLINIC, inspectingUnitPath: OTHER_CLINIC };
    // The township's manager: supervises and verifies.
    expect(problemRelation({ ...base, role: 'manager', actorUnitPath: TOWNSHIP, inScope: true })).toEqual(['supervisor', 'verifier']);
    // A manager of the clinic itself: supervises, never verifies.
    expect(problemRelation({ ...base, role: 'manager', actorUnitPath: CLINIC, inScope: true })).toEqual(['unit', 'supervisor']);
    // The inspecting team's staff verify without scope over the unit.
    expect(problemRelation({ ...base, role: 'staff', actorUnitPath: OTHER_CLINIC, inScope: false })).toEqual(['verifier']);
    // Another county's admin: nothing.
    expect(problemRelation({ ...base, role: 'admin', actorUnitPath: '/x/', inScope: false })).toEqual([]);
    expect(problemRelation({ ...base, role: 'admin', actorUnitPath: COUNTY, inScope: true })).toEqual(['supervisor', 'verifier']);
  });

  it('no relation passes a verification from inside the unit, whatever the state (property)', () => {
    const actions: ProblemAction[] = ['submit_plan', 'start', 'report_fix', 'verify', 'refuse', 'reopen'];
    fc.assert(
      fc.property(fc.constantFrom(...actions), fc.constantFrom(...PROBLEM_STATUSES), fc.boolean(), (action, status, supervisor) => {
        const relation = problemRelation({
          role: supervisor ? 'manager' : 'staff',
          actorUnitPath: CLINIC,
          responsibleUnitPath: CLINIC,
          inScope: supervisor,
          inspectingUnitPath: null,
        });
        const result = checkProblemTransition(action, status, relation);
        if (action === 'verify' || action === 'refuse') expect(result.ok).toBe(false);
      }),
    );
  });

  it('merges by item, else by category; the time limit defaults per category', () => {
    expect(duplicateKey('clinic_drugs', 'clinic.drugs_unexpired')).toBe('item:clinic.drugs_unexpired');
    expect(duplicateKey('clinic_drugs', null)).toBe('category:clinic_drugs');
    expect(problemDueOn('clinic_drugs', '2027-03-30')).toBe('2027-04-06');
    expect(problemDueOn('archives', '2027-03-30')).toBe('2027-04-29');
    expect(problemDueOn('archives', '2027-03-30', '2027-06-30')).toBe('2027-06-30');
  });

  it('reads an imported row by English or Chinese column names, naming each bad column', () => {
    expect(
      parseProblemRow(
        { 责任单位编码: 'V1-C', 来源: '暗访', 类别: '村卫生室药品', 问题描述: '有过期药品', 佐证: '照片', 整改时限: '' },
        '2027-03-30',
      ),
    ).toEqual({
      ok: true,
      row: {
        unitCode: 'V1-C',
        source: 'unannounced_visit',
        category: 'clinic_drugs',
        description: '有过期药品',
        evidence: '照片',
        dueOn: undefined,
        itemKey: undefined,
      },
    });
    const bad = parseProblemRow({ unitCode: '', source: 'rumour', category: 'x', description: '', dueOn: '2027-02-30' }, '2027-03-30');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.column)).toEqual(['unitCode', 'source', 'category', 'description', 'dueOn']);
  });
});
