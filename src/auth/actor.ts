import { createParamDecorator, ExecutionContext, ForbiddenException, SetMetadata } from '@nestjs/common';
import { isInScope, Role, Scope, ScopedUnit } from '../domain/scope';

/** The signed-in user as the guard resolved it for this request. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  unitId: string;
  scope: Scope;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

export const IS_PUBLIC = 'auth:isPublic';
/** Sign-in, health and docs: reachable without a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_ROLES = 'auth:roles';
/** Restricts a route to the listed roles (403 for others). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** 403 unless the unit lies in the actor's scope. */
export function assertInScope(actor: Actor, unit: ScopedUnit, what = 'unit'): void {
  if (!isInScope(actor.scope, unit)) throw new ForbiddenException(`This ${what} is outside your scope`);
}
