import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-docs';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { AnnouncementsService } from './announcements.service';
import { CreateAnnouncementDto } from './dto/announcement.dto';
import { AnnouncementView } from './dto/announcement-views.dto';

@ApiTags('announcements')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404)
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  /** 202: delivery runs in the background; poll the announcement for its status. */
  @Post()
  @Roles('admin', 'manager')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a notice (通知) to every user of a unit of my scope and below' })
  @ApiAcceptedResponse({ type: AnnouncementView, description: 'Delivery runs in the background: poll the announcement for its status' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAnnouncementDto): Promise<AnnouncementView> {
    return this.announcements.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An announcement and its delivery status' })
  @ApiOkResponse({ type: AnnouncementView })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AnnouncementView> {
    return this.announcements.get(actor, id);
  }
}
