import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Scope } from '../domain/scope';

/**
 * Restricts a query to the units of a scope. `unitAlias` names a joined `units` row; paths are
 * made of UUIDs and slashes, so they need no LIKE escaping.
 */
export function whereUnitInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  unitAlias: string,
  scope: Scope,
): SelectQueryBuilder<T> {
  if (scope.kind === 'own-unit') return qb.andWhere(`${unitAlias}.id = :scopeUnitId`, { scopeUnitId: scope.unitId });
  return qb.andWhere(
    new Brackets((inner) => {
      scope.paths.forEach((path, i) => inner.orWhere(`${unitAlias}.path LIKE :scopePath${i}`, { [`scopePath${i}`]: `${path}%` }));
    }),
  );
}
