/**
 * Who may act where. Staff act within their own unit; managers and admins within the subtree of
 * their unit and of every unit they answer for as responsible leader (分片联系).
 */
export const ROLES = ['admin', 'manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export interface ScopedUnit {
  id: string;
  path: string;
}

export type Scope =
  | { kind: 'own-unit'; unitId: string }
  /** Path prefixes of the subtrees; none is inside another. */
  | { kind: 'subtrees'; paths: string[] };

export function scopeOf(role: Role, unit: ScopedUnit, responsibleUnits: ScopedUnit[] = []): Scope {
  if (role === 'staff') return { kind: 'own-unit', unitId: unit.id };
  const paths = [unit.path, ...responsibleUnits.map((u) => u.path)].sort((a, b) => a.length - b.length);
  const roots = paths.filter((p, i) => !paths.slice(0, i).some((outer) => p.startsWith(outer)));
  return { kind: 'subtrees', paths: [...new Set(roots)] };
}

export function isInScope(scope: Scope, unit: ScopedUnit): boolean {
  return scope.kind === 'own-unit' ? unit.id === scope.unitId : scope.paths.some((p) => unit.path.startsWith(p));
}

/**
 * Whether an actor's area and a subtree share any unit: a campaign over a county concerns the
 * county's leaders and each township inside it. Staff are placed by their own unit's path.
 */
export function overlapsSubtree(scope: Scope, ownUnitPath: string, subtreePath: string): boolean {
  const paths = scope.kind === 'own-unit' ? [ownUnitPath] : scope.paths;
  return paths.some((p) => p.startsWith(subtreePath) || subtreePath.startsWith(p));
}
