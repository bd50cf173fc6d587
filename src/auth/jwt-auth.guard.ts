import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { Role } from '../domain/scope';
import { UsersService } from '../users/users.service';
import { Actor, GLOBAL_SETTINGS, GLOBAL_SETTINGS_REFUSAL, IS_PUBLIC, REQUIRED_ROLES } from './actor';

export interface AccessTokenClaims {
  sub: string;
  /** The user's password version (its change time in ms): a password change retires older tokens. */
  pv: number;
}

/**
 * Global guard: every route needs a valid Bearer token unless marked @Public(). The user is read
 * afresh on each request, so deactivation, role and scope changes and password changes apply at once.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const [type, token] = request.headers.authorization?.split(' ') ?? [];
    if (type !== 'Bearer' || !token) throw new UnauthorizedException('A Bearer access token is required');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new UnauthorizedException('The access token is invalid or expired');
    }
    const actor = await this.users.actorFor(claims.sub, claims.pv);
    if (!actor) throw new UnauthorizedException('The access token is no longer valid; sign in again');
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ForbiddenException(`This action needs the role ${roles.join(' or ')}`);
    }
    if (this.reflector.getAllAndOverride<boolean>(GLOBAL_SETTINGS, targets) && !actor.unitIsRoot) {
      throw new ForbiddenException(GLOBAL_SETTINGS_REFUSAL);
    }
    return true;
  }
}
