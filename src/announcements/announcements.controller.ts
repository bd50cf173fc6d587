import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { Announcement } from './announcement.entity';
import { AnnouncementsService } from './announcements.service';
import { CreateAnnouncementDto } from './dto/announcement.dto';

@ApiTags('announcements')
@ApiBearerAuth()
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  /** 202: delivery runs in the background; poll the announcement for its status. */
  @Post()
  @Roles('admin', 'manager')
  @HttpCode(202)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAnnouncementDto): Promise<Announcement> {
    return this.announcements.create(actor, dto);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<Announcement> {
    return this.announcements.get(actor, id);
  }
}
