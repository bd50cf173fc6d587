import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../users/users.service';
import { Actor } from './actor';
import { AccessTokenClaims } from './jwt-auth.guard';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /** Each attempt is counted before the password is checked (429 past a limit); a right one is given back. */
  async login(username: string, password: string, ip: string): Promise<{ accessToken: string }> {
    await this.throttle.admit(username, ip);
    const user = await this.users.verifyCredentials(username, password);
    if (!user) {
      await this.auditFailure(username, ip);
      throw new UnauthorizedException('Wrong username or password');
    }
    await this.throttle.succeeded(username, ip);
    await this.audit.record({ actorUserId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, details: { ip } });
    return this.tokenFor(user.id, user.passwordChangedAt);
  }

  /**
   * Changes the actor's own password and returns a fresh token (older tokens stop working). A wrong
   * current password counts like a failed sign-in of the account: a stolen token must not become a
   * way to guess the password without limit.
   */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string, ip: string): Promise<{ accessToken: string }> {
    await this.throttle.admit(actor.username, ip);
    const changedAt = await this.users.changeOwnPassword(actor, currentPassword, newPassword);
    if (!changedAt) throw new UnauthorizedException('currentPassword is wrong');
    await this.throttle.succeeded(actor.username, ip);
    return this.tokenFor(actor.id, changedAt);
  }

  /** A failed sign-in: the username tried (cut to 100 characters) and the address; never the password. */
  private auditFailure(username: string, ip: string): Promise<void> {
    return this.audit.record({
      actorUserId: null,
      action: 'auth.login.failed',
      entityType: 'user',
      details: { username: username.slice(0, 100), ip },
    });
  }

  private async tokenFor(userId: string, passwordChangedAt: Date): Promise<{ accessToken: string }> {
    const claims: AccessTokenClaims = { sub: userId, pv: passwordChangedAt.getTime() };
    return { accessToken: await this.jwt.signAsync(claims) };
  }
}
