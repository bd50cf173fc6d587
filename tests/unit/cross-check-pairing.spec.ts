import fc from 'fast-check';
import {
  checkPairing,
  generatePairing,
  PairingInfeasibleError,
  PairingInput,
  PairingPair,
  PairingUnit,
} from '../../src/domain/cross-check-pairing';

/** Villages spread over townships by a list of township sizes. */
function villages(sizes: readonly number[]): PairingUnit[] {
  return sizes.flatMap((size, t) =>
    Array.from({ length: size }, (_, v) => ({ id: `t${t}v${v}`, name: `第${t}镇${v}村`, groupId: `t${t}`, groupName: `第${t}镇` })),
  );
}

function infeasible(fn: () => unknown): PairingInfeasibleError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PairingInfeasibleError) return err;
    throw err;
  }
  throw new Error('expected PairingInfeasibleError');
}

/** Every assignment of targets to teams, for inputs small enough to enumerate. */
function anyValidPairing(input: PairingInput): boolean {
  const { teams, targets } = input;
  const pairs: PairingPair[] = [];
  const walk = (i: number): boolean => {
    if (i === targets.length) return checkPairing(input, pairs).length === 0;
    for (const team of teams) {
      pairs.push({ teamId: team.id, targetId: targets[i].id });
      if (walk(i + 1)) return true;
      pairs.pop();
    }
    return false;
  };
  return walk(0);
}

const sizesArb = (maxTownships: number, maxSize: number) =>
  fc.array(fc.integer({ min: 1, max: maxSize }), { minLength: 1, maxLength: maxTownships });

describe('cross-check pairing', () => {
  it('a generated pairing keeps every rule, village teams inspecting villages (the largest township at most half)', () => {
    fc.assert(
      fc.property(
        sizesArb(12, 15).filter((s) => s.length >= 3 && Math.max(...s) * 2 <= s.reduce((a, b) => a + b, 0)),
        fc.boolean(),
        fc.integer(),
        (sizes, crossTownship, seed) => {
          const units = villages(sizes);
          const input = { teams: units, targets: units, rules: { crossTownship, allowReciprocal: false } };
          const first = generatePairing(input, seed);
          expect(checkPairing(input, first)).toEqual([]);
          // The second round of the same campaign may not repeat a pair of the first.
          const second = { ...input, rules: { ...input.rules, previousPairs: first } };
          let pairs: PairingPair[];
          try {
            pairs = generatePairing(second, seed + 1);
          } catch (err) {
            // Only tiny districts run out of partners; never a silent bad pairing.
            expect(err).toBeInstanceOf(PairingInfeasibleError);
            expect(units.length).toBeLessThan(8);
            return;
          }
          expect(checkPairing(second, pairs)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps every rule when teams and targets differ in number (load differs by at most one)', () => {
    fc.assert(
      fc.property(
        sizesArb(8, 10),
        sizesArb(8, 10),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (a, b, crossTownship, allowReciprocal, seed) => {
          const teams = villages(a);
          const targets = villages(b).map((u) => ({ ...u, id: `x${u.id}` }));
          const input = { teams, targets, rules: { crossTownship, allowReciprocal } };
          let pairs: PairingPair[];
          try {
            pairs = generatePairing(input, seed);
          } catch (err) {
            expect(err).toBeInstanceOf(PairingInfeasibleError);
            expect((err as PairingInfeasibleError).violation.rule).toBe('same_township');
            return;
          }
          expect(checkPairing(input, pairs)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a seed, whatever the input order', () => {
    fc.assert(
      fc.property(
        sizesArb(10, 10).filter((s) => s.length >= 3 && Math.max(...s) * 2 <= s.reduce((x, y) => x + y, 0)),
        fc.integer(),
        (sizes, seed) => {
          const units = villages(sizes);
          const rules = { crossTownship: true, allowReciprocal: false };
          const once = generatePairing({ teams: units, targets: units, rules }, seed);
          const reversed = [...units].reverse();
          expect(generatePairing({ teams: reversed, targets: reversed, rules }, seed)).toEqual(once);
        },
      ),
    );
  });

  it('finds a pairing exactly when one exists, on inputs small enough to enumerate', () => {
    const unit = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), group: fc.constantFrom('g1', 'g2', 'g3') });
    fc.assert(
      fc.property(
        fc.uniqueArray(unit, { minLength: 1, maxLength: 4, selector: (u) => u.id }),
        fc.uniqueArray(unit, { minLength: 1, maxLength: 5, selector: (u) => u.id }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.record({ teamId: fc.constantFrom('a', 'b', 'c', 'd'), targetId: fc.constantFrom('a', 'b', 'c', 'd', 'e') }), {
          maxLength: 4,
        }),
        fc.integer(),
        (rawTeams, rawTargets, crossTownship, allowReciprocal, previousPairs, seed) => {
          const toUnit = (u: { id: string; group: string }) => ({ id: u.id, name: u.id.toUpperCase(), groupId: u.group });
          // A unit is in one township whether it sends a team or is inspected.
          const groupOf = new Map(rawTeams.map((u) => [u.id, u.group]));
          const teams = rawTeams.map(toUnit);
          const targets = rawTargets.map((u) => toUnit({ id: u.id, group: groupOf.get(u.id) ?? u.group }));
          const input = { teams, targets, rules: { crossTownship, allowReciprocal, previousPairs } };
          const exists = anyValidPairing(input);
          if (exists) expect(checkPairing(input, generatePairing(input, seed))).toEqual([]);
          else {
            const error = infeasible(() => generatePairing(input, seed));
            expect(error.violation.unitIds.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names the township that holds more than half of the villages when checks cross townships', () => {
    const units = villages([6, 2, 1]);
    const error = infeasible(() =>
      generatePairing({ teams: units, targets: units, rules: { crossTownship: true, allowReciprocal: false } }, 1),
    );
    expect(error.violation.rule).toBe('same_township');
    expect(error.message).toContain('第0镇');
    expect(error.violation.unitIds).toContain('t0');
    // Within townships allowed, the same villages pair.
    const pairs = generatePairing({ teams: units, targets: units, rules: { crossTownship: false, allowReciprocal: false } }, 1);
    expect(pairs).toHaveLength(9);
  });

  it('names the two units that can only inspect each other', () => {
    const units = villages([1, 1]);
    const error = infeasible(() =>
      generatePairing({ teams: units, targets: units, rules: { crossTownship: true, allowReciprocal: false } }, 7),
    );
    expect(error.violation.rule).toBe('reciprocal');
    expect(error.violation.unitIds.sort()).toEqual(['t0v0', 't1v0']);
    expect(generatePairing({ teams: units, targets: units, rules: { crossTownship: true, allowReciprocal: true } }, 7)).toHaveLength(2);
  });

  it('a lone unit cannot inspect itself; no teams is named too', () => {
    const [one] = villages([1]);
    expect(
      infeasible(() => generatePairing({ teams: [one], targets: [one], rules: { crossTownship: false, allowReciprocal: true } }, 1))
        .violation,
    ).toMatchObject({
      rule: 'own_unit',
      unitIds: ['t0v0'],
    });
    expect(
      infeasible(() => generatePairing({ teams: [], targets: [one], rules: { crossTownship: false, allowReciprocal: true } }, 1)).violation
        .rule,
    ).toBe('exactly_one_team');
  });

  it('a hand-edited pairing is checked rule by rule, naming the units', () => {
    const units = villages([2, 2, 2]);
    const input = {
      teams: units,
      targets: units,
      rules: { crossTownship: true, allowReciprocal: false, previousPairs: [{ teamId: 't0v0', targetId: 't1v0' }] },
    };
    const rulesOf = (pairs: PairingPair[]) => checkPairing(input, pairs).map((v) => v.rule);
    const pair = (teamId: string, targetId: string) => ({ teamId, targetId });
    expect(rulesOf([pair('t0v0', 't0v0')])).toEqual(expect.arrayContaining(['own_unit', 'exactly_one_team']));
    expect(checkPairing(input, [pair('t0v0', 't0v1')]).find((v) => v.rule === 'same_township')?.message).toContain('第0镇0村 → 第0镇1村');
    expect(rulesOf([pair('t0v0', 't1v0')])).toContain('repeated_pair');
    expect(rulesOf([pair('t0v1', 't1v1'), pair('t1v1', 't0v1')])).toContain('reciprocal');
    expect(rulesOf([pair('t0v1', 'nowhere')])).toContain('unknown_unit');
    const balanced = generatePairing(input, 3);
    expect(checkPairing(input, balanced)).toEqual([]);
    // Move one target to another team: one team has two, one none.
    const moved = balanced.map((p, i) => (i === 0 ? { ...p, teamId: balanced[1].teamId } : p));
    expect(rulesOf(moved)).toContain('load_balance');
    // The same target twice, another none.
    const doubled = balanced.map((p, i) => (i === 0 ? { ...p, targetId: balanced[1].targetId } : p));
    const violation = checkPairing(input, doubled).filter((v) => v.rule === 'exactly_one_team');
    expect(violation.map((v) => v.unitIds).flat()).toEqual(expect.arrayContaining([balanced[0].targetId, balanced[1].targetId]));
  });

  it('pairs 1,000 villages in 60 townships quickly (the bench measures it; < 100 ms there)', () => {
    const sizes = Array.from({ length: 60 }, (_, i) => 10 + (i % 14));
    const units = villages(sizes).slice(0, 1000);
    const input = { teams: units, targets: units, rules: { crossTownship: true, allowReciprocal: false } };
    const first = generatePairing(input, 2027);
    const started = performance.now();
    const second = generatePairing({ ...input, rules: { ...input.rules, previousPairs: first } }, 2028);
    const ms = performance.now() - started;
    expect(checkPairing({ ...input, rules: { ...input.rules, previousPairs: first } }, second)).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });
});
