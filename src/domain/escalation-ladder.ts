/**
 * Whether a unit's escalation ladder reaches anyone (督办链条是否落到人). The deadline engine resolves
 * each target from the unit's path (root first, the unit itself last):
 *
 * - `assigned_unit_head`: the head of the nearest unit on the path, the unit itself included, whose
 *   head is an active user;
 * - `supervising_unit_head`: the same, the unit itself excluded;
 * - `responsible_leader`: the active users responsible (分片联系) for any unit on the path.
 *
 * The rule below answers which targets would reach nobody, from what is known of each unit on the
 * path. Pure: the caller reads the facts of a whole subtree in one query.
 */
import { ESCALATION_TARGETS, EscalationTarget } from './deadline-policy';

/** What one unit on a path contributes to the ladder. */
export interface LadderFacts {
  /** `head_user_id` names an active user. */
  hasActiveHead: boolean;
  /** At least one active user is responsible leader for this very unit. */
  hasActiveResponsibleLeader: boolean;
}

/**
 * The targets that resolve to no active user, in ladder order. `path` runs root first and ends with
 * the unit itself; an empty path lacks every target.
 */
export function missingEscalationTargets(path: readonly LadderFacts[]): EscalationTarget[] {
  const above = path.slice(0, -1);
  const reaches: Record<EscalationTarget, boolean> = {
    assigned_unit_head: path.some((u) => u.hasActiveHead),
    supervising_unit_head: above.some((u) => u.hasActiveHead),
    responsible_leader: path.some((u) => u.hasActiveResponsibleLeader),
  };
  return ESCALATION_TARGETS.filter((target) => !reaches[target]);
}

export interface LadderUnit extends LadderFacts {
  id: string;
  /** Materialized path `/<root>/…/<self>/`. */
  path: string;
}

export interface LadderGap<U> {
  unit: U;
  missing: EscalationTarget[];
}

/**
 * The units of `checked` whose ladder reaches nobody for at least one target, in the order given.
 * `known` holds the facts of every unit on their paths (ancestors above the checked subtree
 * included); a unit on a path that `known` lacks contributes nobody.
 */
export function ladderGaps<U extends LadderUnit>(checked: readonly U[], known: ReadonlyMap<string, LadderFacts>): LadderGap<U>[] {
  const nobody: LadderFacts = { hasActiveHead: false, hasActiveResponsibleLeader: false };
  const gaps: LadderGap<U>[] = [];
  for (const unit of checked) {
    const path = unit.path
      .split('/')
      .filter(Boolean)
      .map((id) => (id === unit.id ? unit : (known.get(id) ?? nobody)));
    const missing = missingEscalationTargets(path);
    if (missing.length > 0) gaps.push({ unit, missing });
  }
  return gaps;
}
