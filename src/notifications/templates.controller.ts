import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-docs';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import {
  NotificationTemplateDto,
  NotificationTemplateView,
  PreviewNotificationTemplateDto,
  RenderedTemplateView,
} from './dto/notification-template.dto';
import { TemplatesService } from './templates.service';

/** The texts of reminders, escalations, digests and announcements, one set for the whole server: read by admins, changed by admins of a root unit. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-templates')
@Roles('admin')
@ApiErrorResponses(401, 403)
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'The notification templates: reminders, escalations, digests, announcements' })
  @ApiOkResponse({ type: NotificationTemplateView, isArray: true })
  list(): Promise<NotificationTemplateView[]> {
    return this.templates.list();
  }

  @Put(':kind')
  @GlobalSettings()
  @ApiOperation({ summary: 'Change a notification template (admins of a root unit)' })
  @ApiOkResponse({ type: NotificationTemplateView })
  @ApiErrorResponses(400, 404)
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
  @ApiOperation({ summary: 'Reset a notification template to the shipped default' })
  @ApiOkResponse({ type: NotificationTemplateView })
  @ApiErrorResponses(404)
  reset(@CurrentActor() actor: Actor, @Param('kind') kind: string): Promise<NotificationTemplateView> {
    return this.templates.reset(actor, kind);
  }

  /** Saves nothing: renders with sample values, or those given in `vars`. */
  @Post(':kind/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Render a template with sample or given values; saves nothing' })
  @ApiOkResponse({ type: RenderedTemplateView })
  @ApiErrorResponses(400, 404)
  preview(@Param('kind') kind: string, @Body() dto: PreviewNotificationTemplateDto): RenderedTemplateView {
    return this.templates.preview(kind, { title: dto.title, body: dto.body }, dto.vars);
  }
}
