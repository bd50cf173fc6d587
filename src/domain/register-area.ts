import { UnitKind } from './hierarchy';
import { Scope } from './scope';

/** Staff units that serve the area of their parent: a village clinic its village, a health centre its township. */
const SERVES_PARENT_AREA: ReadonlySet<UnitKind> = new Set(['village_clinic', 'health_centre']);

/**
 * The part of the register an actor may read, as unit path prefixes. Managers and admins read
 * their scope. Staff act within their own unit, but the persons they look after live in the area
 * their unit serves; any other staff unit (a hospital, a bureau section) reads its own subtree.
 */
export function registerAreaPaths(scope: Scope, ownUnit: { kind: UnitKind; path: string }): string[] {
  if (scope.kind === 'subtrees') return scope.paths;
  if (!SERVES_PARENT_AREA.has(ownUnit.kind)) return [ownUnit.path];
  const parent = ownUnit.path.replace(/[^/]+\/$/, '');
  return [parent === '/' ? ownUnit.path : parent];
}

export function isInRegisterArea(areaPaths: readonly string[], unitPath: string): boolean {
  return areaPaths.some((p) => unitPath.startsWith(p));
}
