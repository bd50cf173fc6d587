import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Actor, CurrentActor } from '../auth/actor';
import { Page, PageQueryDto } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { NotificationSettingsDto, NotificationSettingsView } from './dto/notification-settings.dto';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly?: boolean;
}

/** The signed-in user's in-app inbox. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto): Promise<Page<Notification>> {
    return this.notifications.inbox(actor.id, query);
  }

  @Get('settings')
  settings(@CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    return this.notifications.settings(actor.id);
  }

  /** Where my notifications go besides the inbox: a signed webhook, e-mail, or both. */
  @Put('settings')
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    return this.notifications.updateSettings(actor.id, dto);
  }

  @Get('unread-count')
  async unreadCount(@CurrentActor() actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(actor.id) };
  }

  @Post(':id/read')
  @HttpCode(204)
  markRead(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    return this.notifications.markRead(actor.id, id);
  }

  @Post('read-all')
  async markAllRead(@CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.notifications.markAllRead(actor.id) };
  }
}
