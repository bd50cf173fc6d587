import { Body, Controller, Get, HttpCode, Ip, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { UserView } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { Actor, CurrentActor, Public } from './actor';
import { AuthService } from './auth.service';
import { AccessTokenView, ChangePasswordDto, LoginDto } from './dto/auth.dto';
import { LoginThrottled } from './login-throttle';

/** Sends Retry-After with a 429 of the sign-in throttle. */
async function withRetryAfter<T>(res: Response, attempt: Promise<T>): Promise<T> {
  try {
    return await attempt;
  } catch (err) {
    if (err instanceof LoginThrottled) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    throw err;
  }
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** The address is the client's as Express sees it: behind a proxy, set TRUST_PROXY. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiTooManyRequestsResponse({ description: 'too many failed sign-ins of this account or from this address; see Retry-After' })
  login(@Body() dto: LoginDto, @Ip() ip: string, @Res({ passthrough: true }) res: Response): Promise<AccessTokenView> {
    return withRetryAfter(res, this.auth.login(dto.username, dto.password, ip));
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor, actor.id);
  }

  @Put('password')
  @ApiBearerAuth()
  @ApiTooManyRequestsResponse({ description: 'too many wrong passwords for this account or from this address; see Retry-After' })
  changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenView> {
    return withRetryAfter(res, this.auth.changeOwnPassword(actor, dto.currentPassword, dto.newPassword, ip));
  }
}
