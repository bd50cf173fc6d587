import { Body, Controller, Get, HttpCode, Ip, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UserView } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { Actor, CurrentActor, Public } from './actor';
import { AuthService } from './auth.service';
import { AccessTokenView, ChangePasswordDto, LoginDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<AccessTokenView> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor, actor.id);
  }

  @Put('password')
  @ApiBearerAuth()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<AccessTokenView> {
    return this.auth.changeOwnPassword(actor, dto.currentPassword, dto.newPassword);
  }
}
