import { applyDecorators, createParamDecorator, ExecutionContext, ForbiddenException, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { isInScope, Role, Scope, ScopedUnit } from '../domain/scope';

/** The signed-in user as the guard resolved it for this request. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  unitId: string;
  scope: Scope;
  /** The actor's unit has no parent (a city, or a county that stands alone): see @GlobalSettings(). */
  unitIsRoot?: boolean;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

export const IS_PUBLIC = 'auth:isPublic';
/** Sign-in, health and docs: reachable without a token (the document says so: an empty security requirement). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));

export const REQUIRED_ROLES = 'auth:roles';
/** Restricts a route to the listed roles (403 for others). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const GLOBAL_SETTINGS = 'auth:globalSettings';
/**
 * Changes a setting that serves the whole server (policies, the national calendar, notification
 * templates, the disease catalogue): only an admin whose unit is a root (403 for others, a county's
 * admin included, whatever their subtree).
 */
export const GlobalSettings = () => applyDecorators(Roles('admin'), SetMetadata(GLOBAL_SETTINGS, true));

export const GLOBAL_SETTINGS_REFUSAL =
  'Only an admin of a root unit (one without a parent unit) may change global settings: policies, the national calendar, ' +
  "notification templates and the disease catalogue. A county's admins manage the county's own calendar days " +
  '(PUT /api/calendars/:year/counties/:countyUnitId).';

/** 403 unless the unit lies in the actor's scope. */
export function assertInScope(actor: Actor, unit: ScopedUnit, what = 'unit'): void {
  if (!isInScope(actor.scope, unit)) throw new ForbiddenException(`This ${what} is outside your scope`);
}
