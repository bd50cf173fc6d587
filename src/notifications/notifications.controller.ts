import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
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
import { MarkedCountView, NotificationView, UnreadCountView } from './dto/notification-views.dto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Actor, CurrentActor } from '../auth/actor';
import { Page, PageQueryDto } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { NotificationSettingsDto, NotificationSettingsView } from './dto/notification-settings.dto';
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
@ApiErrorResponses(401)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app inbox, newest first (站内消息)' })
  @ApiPageResponse(NotificationView)
  @ApiErrorResponses(400)
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto): Promise<Page<NotificationView>> {
    return this.notifications.inbox(actor.id, query);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Where my notifications go besides the inbox' })
  @ApiOkResponse({ type: NotificationSettingsView })
  settings(@CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    return this.notifications.settings(actor.id);
  }

  /** Where my notifications go besides the inbox: a signed webhook, e-mail, or both. */
  @Put('settings')
  @ApiOperation({ summary: 'Set where my notifications go besides the inbox: a signed webhook, e-mail, or both' })
  @ApiOkResponse({ type: NotificationSettingsView })
  @ApiErrorResponses(400)
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    return this.notifications.updateSettings(actor.id, dto);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many messages of my inbox are unread' })
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return { unread: await this.notifications.unreadCount(actor.id) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark a message of my inbox read' })
  @ApiNoContentResponse({ description: 'Read' })
  @ApiErrorResponses(400, 404)
  markRead(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    return this.notifications.markRead(actor.id, id);
  }

  @Post('read-all')
  @ApiOperation({ summary: 'Mark every message of my inbox read' })
  @ApiCreatedResponse({ type: MarkedCountView })
  async markAllRead(@CurrentActor() actor: Actor): Promise<MarkedCountView> {
    return { marked: await this.notifications.markAllRead(actor.id) };
  }
}
