import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import { NotificationTemplateDto, NotificationTemplateView, PreviewNotificationTemplateDto } from './dto/notification-template.dto';
import { Template } from './templates';
import { TemplatesService } from './templates.service';

/** The texts of reminders, escalations, digests and announcements, one set for the whole server: read by admins, changed by admins of a root unit. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-templates')
@Roles('admin')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  list(): Promise<NotificationTemplateView[]> {
    return this.templates.list();
  }

  @Put(':kind')
  @GlobalSettings()
  update(
    @CurrentActor() actor: Actor,
    @Param('kind') kind: string,
    @Body() dto: NotificationTemplateDto,
  ): Promise<NotificationTemplateView> {
    return this.templates.update(actor, kind, dto);
  }

  /** Back to the shipped default. */
  @Delete(':kind')
  @GlobalSettings()
  reset(@CurrentActor() actor: Actor, @Param('kind') kind: string): Promise<NotificationTemplateView> {
    return this.templates.reset(actor, kind);
  }

  /** Saves nothing: renders with sample values, or those given in `vars`. */
  @Post(':kind/preview')
  @HttpCode(200)
  preview(@Param('kind') kind: string, @Body() dto: PreviewNotificationTemplateDto): Template {
    return this.templates.preview(kind, { title: dto.title, body: dto.body }, dto.vars);
  }
}
