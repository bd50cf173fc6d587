import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
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
  ) {}

  async login(username: string, password: string, ip: string): Promise<{ accessToken: string }> {
    await this.throttle.assertAllowed(username, ip);
    const user = await this.users.verifyCredentials(username, password);
    if (!user) {
      await this.throttle.recordFailure(username, ip);
      throw new UnauthorizedException('Wrong username or password');
    }
    await this.throttle.reset(username, ip);
    return this.tokenFor(user.id, user.passwordChangedAt);
  }

  /** Changes the actor's own password and returns a fresh token (older tokens stop working). */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<{ accessToken: string }> {
    const changedAt = await this.users.changeOwnPassword(actor, currentPassword, newPassword);
    if (!changedAt) throw new UnauthorizedException('currentPassword is wrong');
    return this.tokenFor(actor.id, changedAt);
  }

  private async tokenFor(userId: string, passwordChangedAt: Date): Promise<{ accessToken: string }> {
    const claims: AccessTokenClaims = { sub: userId, pv: passwordChangedAt.getTime() };
    return { accessToken: await this.jwt.signAsync(claims) };
  }
}
