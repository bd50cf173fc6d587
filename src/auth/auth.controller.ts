import { Body, Controller, Get, HttpCode, Ip, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiErrorResponses, ErrorResponseDto } from '../common/api-docs';
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
  @ApiOperation({ summary: 'Sign in: an access token for a username and password' })
  @ApiOkResponse({ type: AccessTokenView })
  @ApiErrorResponses(400)
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Wrong username or password' })
  @ApiTooManyRequestsResponse({
    description: 'too many failed sign-ins of this account or from this address; see Retry-After',
    type: ErrorResponseDto,
  })
  login(@Body() dto: LoginDto, @Ip() ip: string, @Res({ passthrough: true }) res: Response): Promise<AccessTokenView> {
    return withRetryAfter(res, this.auth.login(dto.username, dto.password, ip));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponses(401)
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor, actor.id);
  }

  @Put('password')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change the signed-in user's password: a fresh access token (older tokens stop working)" })
  @ApiOkResponse({ type: AccessTokenView })
  @ApiErrorResponses(400)
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No valid access token, or currentPassword is wrong' })
  @ApiTooManyRequestsResponse({
    description: 'too many wrong passwords for this account or from this address; see Retry-After',
    type: ErrorResponseDto,
  })
  changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenView> {
    return withRetryAfter(res, this.auth.changeOwnPassword(actor, dto.currentPassword, dto.newPassword, ip));
  }
}
