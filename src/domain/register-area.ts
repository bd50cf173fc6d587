import { UnitKind } from './hierarchy';
import { Scope } from './scope';

/**
 * Units that serve the area of their parent: a village clinic its village, a health centre its
 * township, a community health centre its township or county.
 */
const SERVES_PARENT_AREA: ReadonlySet<UnitKind> = new Set(['village_clinic', 'health_centre', 'community_health_centre']);

/** The subtree whose registered persons a unit looks after (its own, for any other kind). */
export function servedAreaPath(unit: { kind: UnitKind; path: string }): string {
  if (!SERVES_PARENT_AREA.has(unit.kind)) return unit.path;
  const parent = unit.path.replace(/[^/]+\/$/, '');
  return parent === '/' ? unit.path : parent;
}

/**
 * The part of the register an actor may read, as unit path prefixes. Managers and admins read
 * their scope. Staff act within their own unit, but the persons they look after live in the area
 * their unit serves; any other staff unit (a hospital, a bureau section) reads its own subtree.
 */
export function registerAreaPaths(scope: Scope, ownUnit: { kind: UnitKind; path: string }): string[] {
  return scope.kind === 'subtrees' ? scope.paths : [servedAreaPath(ownUnit)];
}

export function isInRegisterArea(areaPaths: readonly string[], unitPath: string): boolean {
  return areaPaths.some((p) => unitPath.startsWith(p));
}
