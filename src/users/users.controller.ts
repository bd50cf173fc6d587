import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
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
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'manager')
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<Page<UserView>> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'manager')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UserView> {
    return this.users.get(actor, id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(actor, id, dto);
  }

  @Put(':id/password')
  @Roles('admin')
  @HttpCode(204)
  resetPassword(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    return this.users.resetPassword(actor, id, dto.newPassword);
  }
}
