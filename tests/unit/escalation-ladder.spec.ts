import fc from 'fast-check';
import { ESCALATION_TARGETS } from '../../src/domain/deadline-policy';
import { ladderGaps, LadderFacts, LadderUnit, missingEscalationTargets } from '../../src/domain/escalation-ladder';

const unit = (hasActiveHead: boolean, hasActiveResponsibleLeader = false): LadderFacts => ({ hasActiveHead, hasActiveResponsibleLeader });

describe(missingEscalationTargets.name, () => {
  it('lacks every target on a path where nobody is head or leader', () => {
    expect(missingEscalationTargets([unit(false), unit(false), unit(false)])).toEqual([
      'assigned_unit_head',
      'supervising_unit_head',
      'responsible_leader',
    ]);
    expect(missingEscalationTargets([])).toEqual([...ESCALATION_TARGETS]);
  });

  it('counts the unit’s own head for the assigned unit but not for the supervising unit', () => {
    expect(missingEscalationTargets([unit(false), unit(true)])).toEqual(['supervising_unit_head', 'responsible_leader']);
  });

  it('falls back to a head anywhere above, however far', () => {
    expect(missingEscalationTargets([unit(true), unit(false), unit(false), unit(false)])).toEqual(['responsible_leader']);
  });

  it('finds a responsible leader on any unit of the path, the unit itself included', () => {
    expect(missingEscalationTargets([unit(false, true), unit(true)])).toEqual(['supervising_unit_head']);
    expect(missingEscalationTargets([unit(true), unit(false, true)])).toEqual([]);
  });

  it('gives a root no supervising head even when it has its own', () => {
    expect(missingEscalationTargets([unit(true, true)])).toEqual(['supervising_unit_head']);
  });

  it('agrees with resolving each target by walking the path (any path)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ hasActiveHead: fc.boolean(), hasActiveResponsibleLeader: fc.boolean() }), { maxLength: 6 }),
        (path) => {
          const nearestHead = (p: LadderFacts[]) => [...p].reverse().find((u) => u.hasActiveHead);
          const expected = [
            nearestHead(path) ? null : 'assigned_unit_head',
            nearestHead(path.slice(0, -1)) ? null : 'supervising_unit_head',
            path.some((u) => u.hasActiveResponsibleLeader) ? null : 'responsible_leader',
          ].filter((t) => t !== null);
          expect(missingEscalationTargets(path)).toEqual(expected);
        },
      ),
    );
  });
});

describe(ladderGaps.name, () => {
  const at = (id: string, path: string, hasActiveHead = false, hasActiveResponsibleLeader = false): LadderUnit => ({
    id,
    path,
    hasActiveHead,
    hasActiveResponsibleLeader,
  });

  it('reads each unit’s path through the known facts, ancestors above the checked subtree included', () => {
    const city = at('c', '/c/', false, true); // a leader for the whole city, above the checked county
    const county = at('d', '/c/d/');
    const township = at('t', '/c/d/t/', true);
    const village = at('v', '/c/d/t/v/');
    const clinic = at('k', '/c/d/t/v/k/', true);
    const known = new Map([city, county, township, village, clinic].map((u) => [u.id, u]));
    expect(ladderGaps([county, township, village, clinic], known)).toEqual([
      { unit: county, missing: ['assigned_unit_head', 'supervising_unit_head'] },
      { unit: township, missing: ['supervising_unit_head'] },
    ]);
  });

  it('treats an ancestor it does not know as contributing nobody', () => {
    const village = at('v', '/x/y/v/', true);
    expect(ladderGaps([village], new Map())).toEqual([{ unit: village, missing: ['supervising_unit_head', 'responsible_leader'] }]);
  });
});
