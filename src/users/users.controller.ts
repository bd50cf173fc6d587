import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/api-docs';
import { IsOptional, IsUUID } from 'class-validator';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page, PageQueryDto } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserView } from './dto/user.dto';
import { UsersService } from './users.service';

class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

@ApiTags('users')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiOperation({ summary: "Users of the caller's scope, or of one unit in it" })
  @ApiPageResponse(UserView)
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<Page<UserView>> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponses(404)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UserView> {
    return this.users.get(actor, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user in a unit of the scope' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrorResponses(404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: "Change a user's name, role, unit, responsible units or active flag" })
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponses(404)
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(actor, id, dto);
  }

  @Put(':id/password')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: "Reset a user's password (their tokens stop working)" })
  @ApiNoContentResponse({ description: 'Reset' })
  @ApiErrorResponses(404)
  resetPassword(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    return this.users.resetPassword(actor, id, dto.newPassword);
  }
}
