/**
 * Cross-check pairing (村与村交叉排查, seed 002): which team inspects which target. The same rules are
 * checked on every generated and every hand-edited pairing, and an impossible set of rules is named
 * with the units that make it impossible. Pure and deterministic for a seed: the service, the bench and
 * the property tests share it.
 */
import { mulberry32 } from './seeded-random';

/** A team or a target: a village (grouped by its township) or a township (grouped by its county). */
export interface PairingUnit {
  id: string;
  name: string;
  /** The township of a village (the county of a township): the `same_township` rule compares these. */
  groupId: string;
  groupName?: string;
}

export interface PairingRules {
  /** Never inspect a unit of one's own township (跨乡镇交叉). */
  crossTownship: boolean;
  /** A checks B while B checks A is allowed only when this is true. */
  allowReciprocal: boolean;
  /** The pairs of the previous round of the same campaign: none may be repeated. */
  previousPairs?: readonly PairingPair[];
}

export interface PairingInput {
  teams: readonly PairingUnit[];
  targets: readonly PairingUnit[];
  rules: PairingRules;
}

export interface PairingPair {
  teamId: string;
  targetId: string;
}

export const PAIRING_RULES = [
  'unknown_unit', // a pair names a unit that is neither a team nor a target of the round
  'own_unit', // never one's own unit
  'same_township', // never within one's own township (when crossTownship)
  'exactly_one_team', // every target inspected by exactly one team
  'load_balance', // targets per team differ by at most one
  'repeated_pair', // no pair of the previous round
  'reciprocal', // no A→B with B→A unless allowed
] as const;
export type PairingRule = (typeof PAIRING_RULES)[number];

export interface PairingViolation {
  rule: PairingRule;
  message: string;
  unitIds: string[];
}

/** The rules admit no pairing (or no pairing was found): the rule and the units that make it so. */
export class PairingInfeasibleError extends Error {
  constructor(readonly violation: PairingViolation) {
    super(violation.message);
    this.name = 'PairingInfeasibleError';
  }
}

const NAMES_SHOWN = 10;

/** "甲村, 乙村 (and 12 more)": error messages stay short on a county of a thousand villages. */
function listNames(units: readonly PairingUnit[]): string {
  const shown = units.slice(0, NAMES_SHOWN).map((u) => u.name);
  return units.length > NAMES_SHOWN ? `${shown.join(', ')} (and ${units.length - NAMES_SHOWN} more)` : shown.join(', ');
}

function pairKey(teamId: string, targetId: string): string {
  return `${teamId}\u0000${targetId}`;
}

/**
 * Every rule the pairing breaks, each with the units concerned (empty: the pairing is valid). Checks a
 * hand-edited pairing before launch as well as a generated one.
 */
export function checkPairing(input: PairingInput, pairs: readonly PairingPair[]): PairingViolation[] {
  const { teams, targets, rules } = input;
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const targetById = new Map(targets.map((t) => [t.id, t]));
  const violations: PairingViolation[] = [];
  const add = (rule: PairingRule, message: string, units: PairingUnit[]) =>
    violations.push({ rule, message, unitIds: units.map((u) => u.id) });

  const unknown = pairs.filter((p) => !teamById.has(p.teamId) || !targetById.has(p.targetId));
  if (unknown.length > 0) {
    const ids = [...new Set(unknown.flatMap((p) => [p.teamId, p.targetId]).filter((id) => !teamById.has(id) && !targetById.has(id)))];
    violations.push({
      rule: 'unknown_unit',
      message: `pairs name units that are not teams or targets of this round: ${ids.slice(0, NAMES_SHOWN).join(', ')}`,
      unitIds: ids,
    });
  }
  const known = pairs.filter((p) => teamById.has(p.teamId) && targetById.has(p.targetId));
  const own = known.filter((p) => p.teamId === p.targetId).map((p) => teamById.get(p.teamId)!);
  if (own.length > 0) add('own_unit', `a team may not inspect its own unit: ${listNames(own)}`, own);

  if (rules.crossTownship) {
    const same = known.filter((p) => p.teamId !== p.targetId && teamById.get(p.teamId)!.groupId === targetById.get(p.targetId)!.groupId);
    if (same.length > 0) {
      const units = same.flatMap((p) => [teamById.get(p.teamId)!, targetById.get(p.targetId)!]);
      const shown = same
        .slice(0, NAMES_SHOWN)
        .map((p) => `${teamById.get(p.teamId)!.name} → ${targetById.get(p.targetId)!.name}`)
        .join(', ');
      add('same_township', `teams may not inspect units of their own township: ${shown}`, units);
    }
  }

  const inspections = new Map<string, number>();
  for (const p of known) inspections.set(p.targetId, (inspections.get(p.targetId) ?? 0) + 1);
  const missed = targets.filter((t) => !inspections.has(t.id));
  const doubled = targets.filter((t) => (inspections.get(t.id) ?? 0) > 1);
  if (missed.length > 0) add('exactly_one_team', `every target needs exactly one team; none inspects ${listNames(missed)}`, missed);
  if (doubled.length > 0)
    add('exactly_one_team', `every target needs exactly one team; more than one inspects ${listNames(doubled)}`, doubled);

  const load = new Map(teams.map((t) => [t.id, 0]));
  for (const p of known) load.set(p.teamId, (load.get(p.teamId) ?? 0) + 1);
  if (teams.length > 0) {
    const counts = [...load.values()];
    const min = Math.min(...counts);
    const max = Math.max(...counts);
    if (max - min > 1) {
      const heavy = teams.filter((t) => load.get(t.id) === max);
      const light = teams.filter((t) => load.get(t.id) === min);
      add(
        'load_balance',
        `targets per team must differ by at most one: ${listNames(heavy)} inspect ${max}, ${listNames(light)} inspect ${min}`,
        [...heavy, ...light],
      );
    }
  }

  const previous = new Set((rules.previousPairs ?? []).map((p) => pairKey(p.teamId, p.targetId)));
  const repeated = known.filter((p) => previous.has(pairKey(p.teamId, p.targetId)));
  if (repeated.length > 0) {
    const shown = repeated
      .slice(0, NAMES_SHOWN)
      .map((p) => `${teamById.get(p.teamId)!.name} → ${targetById.get(p.targetId)!.name}`)
      .join(', ');
    add(
      'repeated_pair',
      `pairs of the previous round may not be repeated: ${shown}`,
      repeated.flatMap((p) => [teamById.get(p.teamId)!, targetById.get(p.targetId)!]),
    );
  }

  if (!rules.allowReciprocal) {
    const present = new Set(known.map((p) => pairKey(p.teamId, p.targetId)));
    const mutual = known.filter((p) => p.teamId < p.targetId && present.has(pairKey(p.targetId, p.teamId)));
    if (mutual.length > 0) {
      const shown = mutual
        .slice(0, NAMES_SHOWN)
        .map((p) => `${teamById.get(p.teamId)!.name} ⇄ ${targetById.get(p.targetId)!.name}`)
        .join(', ');
      add(
        'reciprocal',
        `two units may not inspect each other: ${shown}`,
        mutual.flatMap((p) => [teamById.get(p.teamId)!, targetById.get(p.targetId)!]),
      );
    }
  }
  return violations;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const byId = (a: PairingUnit, b: PairingUnit) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Necessary conditions of the township rule, checked first so that the error names the township:
 * its targets need enough teams from elsewhere, and its teams enough targets elsewhere.
 */
function townshipInfeasibility(teams: readonly PairingUnit[], targets: readonly PairingUnit[]): PairingViolation | undefined {
  const quota = Math.floor(targets.length / teams.length);
  const extra = targets.length % teams.length;
  const groups = new Map<string, { unit: PairingUnit; teams: number; targets: number }>();
  for (const [list, field] of [
    [teams, 'teams'],
    [targets, 'targets'],
  ] as const) {
    for (const unit of list) {
      const group = groups.get(unit.groupId) ?? { unit, teams: 0, targets: 0 };
      group[field] += 1;
      groups.set(unit.groupId, group);
    }
  }
  for (const [groupId, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = g.unit.groupName ?? groupId;
    const outsideTeams = teams.length - g.teams;
    const capacity = outsideTeams * quota + Math.min(extra, outsideTeams);
    const inGroup = [...teams, ...targets].filter((u) => u.groupId === groupId);
    const units = [...new Map(inGroup.map((u) => [u.id, u])).values()];
    if (g.targets > capacity)
      return {
        rule: 'same_township',
        message:
          `no pairing: ${name} has ${g.targets} of ${targets.length} targets, more than the ${capacity} that teams ` +
          `from other townships can inspect (cross-township checks: at most half when every unit sends a team)`,
        unitIds: [groupId, ...units.map((u) => u.id)],
      };
    const needed = g.teams * quota + Math.max(0, extra - outsideTeams);
    if (needed > targets.length - g.targets)
      return {
        rule: 'same_township',
        message:
          `no pairing: the ${g.teams} teams of ${name} need ${needed} targets in other townships, ` +
          `which have only ${targets.length - g.targets}`,
        unitIds: [groupId, ...units.map((u) => u.id)],
      };
  }
  return undefined;
}

/**
 * A pairing that keeps every rule, the same for the same input and seed (input order does not matter).
 * Throws `PairingInfeasibleError` naming the rule and the units when none exists (or, for the
 * reciprocal rule, when no exchange of targets removes a mutual pair).
 *
 * How: targets per team are fixed by the balance rule (⌊T/N⌋, and one more for T mod N teams). A seeded
 * greedy pass fills the teams, largest townships first; augmenting paths (a b-matching, first every team
 * to ⌊T/N⌋, then the extra ones) finish it or prove by their dead end that no pairing exists; mutual pairs
 * are then removed by exchanging targets with another team.
 */
export function generatePairing(input: PairingInput, seed: number): PairingPair[] {
  let mutual: PairingInfeasibleError | undefined;
  for (let attempt = 0; attempt < RECIPROCAL_TRIES; attempt++) {
    try {
      return pairOnce(input, (seed + Math.imul(attempt, 0x9e3779b9)) | 0);
    } catch (err) {
      // Only the reciprocal repair is a heuristic: another seeded start may avoid the mutual pair.
      if (!(err instanceof PairingInfeasibleError) || err.violation.rule !== 'reciprocal') throw err;
      mutual = err;
    }
  }
  if (input.targets.length <= EXHAUSTIVE_TARGETS) {
    const found = exhaustivePairing(input);
    if (found) return found;
    throw new PairingInfeasibleError({
      ...mutual!.violation,
      message: `no pairing: every pairing that keeps the other rules has two units inspecting each other, such as ${mutual!.violation.unitIds.join(' and ')}`,
    });
  }
  throw mutual!;
}

/** Tries before giving up on the reciprocal rule; small rounds are then searched exhaustively. */
const RECIPROCAL_TRIES = 8;
const EXHAUSTIVE_TARGETS = 8;

/** Every assignment (pruned by the pairwise rules and the loads), for a round too small to need more. */
function exhaustivePairing(input: PairingInput): PairingPair[] | undefined {
  const teams = [...input.teams].sort(byId);
  const targets = [...input.targets].sort(byId);
  const { rules } = input;
  const quota = Math.floor(targets.length / teams.length);
  const extra = targets.length % teams.length;
  const previous = new Set((rules.previousPairs ?? []).map((p) => pairKey(p.teamId, p.targetId)));
  const load = new Map(teams.map((t) => [t.id, 0]));
  const present = new Set<string>();
  const pairs: PairingPair[] = [];
  let full = 0;
  const walk = (i: number): boolean => {
    if (i === targets.length) return teams.every((t) => load.get(t.id)! >= quota);
    const target = targets[i];
    for (const team of teams) {
      const n = load.get(team.id)!;
      if (team.id === target.id || (rules.crossTownship && team.groupId === target.groupId)) continue;
      if (previous.has(pairKey(team.id, target.id)) || (!rules.allowReciprocal && present.has(pairKey(target.id, team.id)))) continue;
      if (n + 1 > quota + 1 || (n + 1 === quota + 1 && full === extra)) continue;
      if (n + 1 === quota + 1) full += 1;
      load.set(team.id, n + 1);
      present.add(pairKey(team.id, target.id));
      pairs.push({ teamId: team.id, targetId: target.id });
      if (walk(i + 1)) return true;
      pairs.pop();
      present.delete(pairKey(team.id, target.id));
      load.set(team.id, n);
      if (n + 1 === quota + 1) full -= 1;
    }
    return false;
  };
  return walk(0) ? pairs.sort(byPair) : undefined;
}

const byPair = (a: PairingPair, b: PairingPair) =>
  a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0;

function pairOnce(input: PairingInput, seed: number): PairingPair[] {
  const { rules } = input;
  const random = mulberry32(seed);
  const teams = [...input.teams].sort(byId);
  const targets = [...input.targets].sort(byId);
  if (targets.length === 0) return [];
  if (teams.length === 0)
    throw new PairingInfeasibleError({
      rule: 'exactly_one_team',
      message: `no pairing: there are no teams to inspect ${listNames(targets)}`,
      unitIds: targets.map((t) => t.id),
    });
  if (rules.crossTownship) {
    const violation = townshipInfeasibility(teams, targets);
    if (violation) throw new PairingInfeasibleError(violation);
  }

  const N = teams.length;
  const T = targets.length;
  const quota = Math.floor(T / N);
  const extra = T % N;
  const teamGroup = teams.map((t) => t.groupId);
  const targetGroup = targets.map((t) => t.groupId);
  const targetIndex = new Map(targets.map((t, i) => [t.id, i]));
  const teamIndex = new Map(teams.map((t, i) => [t.id, i]));
  /** The target index each team is, as a unit (-1: it is not a target). */
  const selfTarget = teams.map((t) => targetIndex.get(t.id) ?? -1);
  const forbidden = teams.map(() => new Set<number>());
  for (const p of rules.previousPairs ?? []) {
    const a = teamIndex.get(p.teamId);
    const b = targetIndex.get(p.targetId);
    if (a !== undefined && b !== undefined) forbidden[a].add(b);
  }
  const legal = (team: number, target: number) =>
    selfTarget[team] !== target && !(rules.crossTownship && teamGroup[team] === targetGroup[target]) && !forbidden[team].has(target);

  const owner = new Int32Array(T).fill(-1);
  const load = new Int32Array(N);
  const assigned: number[][] = teams.map(() => []);
  const give = (team: number, target: number) => {
    owner[target] = team;
    load[team] += 1;
    assigned[team].push(target);
  };

  // Greedy: teams of the largest townships first (the most constrained), seeded order within; each
  // team scans the seeded target order from a seeded start.
  const groupSize = new Map<string, number>();
  for (const g of teamGroup) groupSize.set(g, (groupSize.get(g) ?? 0) + 1);
  const rank = shuffle(
    teams.map((_, i) => i),
    random,
  );
  const position = new Int32Array(N);
  rank.forEach((team, i) => (position[team] = i));
  const teamOrder = [...rank].sort((a, b) => groupSize.get(teamGroup[b])! - groupSize.get(teamGroup[a])! || position[a] - position[b]);
  const targetOrder = shuffle(
    targets.map((_, i) => i),
    random,
  );
  const greedy = (cap: (team: number) => number) => {
    for (const team of teamOrder) {
      const start = Math.floor(random() * T);
      for (let k = 0; k < T && load[team] < cap(team); k++) {
        const target = targetOrder[(start + k) % T];
        if (owner[target] === -1 && legal(team, target)) give(team, target);
      }
    }
  };

  // Augmenting path from a team short of its cap: it takes a target, whose previous team takes another…
  const augment = (from: number): boolean => {
    const cameFrom = new Int32Array(N).fill(-2);
    const viaTarget = new Int32Array(N).fill(-1);
    const seenTarget = new Uint8Array(T);
    cameFrom[from] = -1;
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      const team = queue[head];
      for (const target of targetOrder) {
        if (seenTarget[target] || !legal(team, target)) continue;
        seenTarget[target] = 1;
        const holder = owner[target];
        if (holder === -1) {
          // Walk back: each team on the path takes the target it reached, giving up the one it held.
          let t = team;
          let x = target;
          while (t !== -1) {
            const previous = viaTarget[t];
            if (previous !== -1) assigned[t].splice(assigned[t].indexOf(previous), 1);
            owner[x] = t;
            assigned[t].push(x);
            x = previous;
            t = cameFrom[t];
          }
          load[from] += 1;
          return true;
        }
        if (cameFrom[holder] === -2) {
          cameFrom[holder] = team;
          viaTarget[holder] = target;
          queue.push(holder);
        }
      }
    }
    return false;
  };

  const fill = (cap: (team: number) => number, needed: number) => {
    greedy(cap);
    let total = load.reduce((a, b) => a + b, 0);
    for (const team of teamOrder) {
      while (total < needed && load[team] < cap(team)) {
        if (!augment(team)) break;
        total += 1;
      }
    }
    return total;
  };

  if (fill(() => quota, quota * N) < quota * N) {
    const short = teams.filter((_, i) => load[i] < quota);
    throw new PairingInfeasibleError({
      rule: rules.previousPairs?.length ? 'repeated_pair' : rules.crossTownship ? 'same_township' : 'own_unit',
      message:
        `no pairing: ${listNames(short)} cannot each get ${quota} target(s) without inspecting ` +
        `their own unit${rules.crossTownship ? ' or township' : ''}${rules.previousPairs?.length ? ' or repeating a pair of the previous round' : ''}`,
      unitIds: short.map((u) => u.id),
    });
  }
  if (extra > 0 && fill(() => quota + 1, T) < T) {
    const missed = targets.filter((_, i) => owner[i] === -1);
    throw new PairingInfeasibleError({
      rule: 'exactly_one_team',
      message:
        `no pairing: no team may inspect ${listNames(missed)} without inspecting its own unit` +
        `${rules.crossTownship ? ' or township' : ''}${rules.previousPairs?.length ? ' or repeating a pair of the previous round' : ''}`,
      unitIds: missed.map((u) => u.id),
    });
  }

  if (!rules.allowReciprocal) removeMutualPairs();
  return teams.flatMap((team, i) => assigned[i].map((x) => ({ teamId: team.id, targetId: targets[x].id }))).sort(byPair);

  /** Does team `a` (as a team) inspect the unit that team `b` is? */
  function inspects(a: number, b: number): boolean {
    const x = selfTarget[b];
    return x !== -1 && owner[x] === a;
  }

  /** Exchanges targets between a team in a mutual pair and another team, keeping every other rule. */
  function removeMutualPairs(): void {
    for (let a = 0; a < N; a++) {
      for (const x of [...assigned[a]]) {
        const b = teamIndex.get(targets[x].id);
        if (b === undefined || !inspects(b, a) || owner[x] !== a) continue;
        if (!exchange(a, x) && !exchange(b, selfTarget[a]))
          throw new PairingInfeasibleError({
            rule: 'reciprocal',
            message: `no pairing found without ${teams[a].name} and ${teams[b].name} inspecting each other (no exchange of targets with another team keeps every rule)`,
            unitIds: [teams[a].id, teams[b].id],
          });
      }
    }
  }

  /** Team `a` gives target `x` to a team `c` and takes one of `c`'s targets `y` instead (or nothing, if `c` had fewer). */
  function exchange(a: number, x: number): boolean {
    const start = Math.floor(random() * N);
    for (let k = 0; k < N; k++) {
      const c = (start + k) % N;
      if (c === a || !legal(c, x)) continue;
      const xTeam = teamIndex.get(targets[x].id);
      // A team with one target fewer may simply take x: the loads trade places and stay balanced.
      if (load[c] < load[a] && !(xTeam !== undefined && inspects(xTeam, c))) {
        assigned[a].splice(assigned[a].indexOf(x), 1);
        assigned[c].push(x);
        owner[x] = c;
        load[a] -= 1;
        load[c] += 1;
        return true;
      }
      for (const y of assigned[c]) {
        if (!legal(a, y)) continue;
        // After the exchange: a→y, c→x. Neither may be mutual.
        const yTeam = teamIndex.get(targets[y].id);
        // Only the owners of x and y change, and neither is the unit of a or c (those pairs are legal).
        if (yTeam !== undefined && inspects(yTeam, a)) continue;
        if (xTeam !== undefined && inspects(xTeam, c)) continue;
        assigned[a].splice(assigned[a].indexOf(x), 1, y);
        assigned[c].splice(assigned[c].indexOf(y), 1, x);
        owner[y] = a;
        owner[x] = c;
        return true;
      }
    }
    return false;
  }
}
