import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/api-docs';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page, PageQueryDto } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { CreateRecurringTaskDto } from './dto/recurring-task.dto';
import { RecurringTaskView } from './dto/recurring-task-views.dto';
import { RecurringTasksService } from './recurring-tasks.service';

@ApiTags('recurring tasks')
@ApiBearerAuth()
@ApiErrorResponses(400, 401)
@Controller('recurring-tasks')
export class RecurringTasksController {
  constructor(private readonly recurring: RecurringTasksService) {}

  @Post()
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Create a recurring task (每月按时录入) on a cron schedule' })
  @ApiCreatedResponse({ type: RecurringTaskView })
  @ApiErrorResponses(403, 404)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRecurringTaskDto): Promise<RecurringTaskView> {
    return this.recurring.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Recurring tasks of my scope' })
  @ApiPageResponse(RecurringTaskView)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<RecurringTaskView>> {
    return this.recurring.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One recurring task' })
  @ApiOkResponse({ type: RecurringTaskView })
  @ApiErrorResponses(403, 404)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskView> {
    return this.recurring.get(actor, id);
  }

  @Post(':id/pause')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Pause a recurring task' })
  @ApiCreatedResponse({ type: RecurringTaskView })
  @ApiErrorResponses(403, 404, 409)
  pause(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskView> {
    return this.recurring.pause(actor, id);
  }

  @Post(':id/resume')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Resume a paused recurring task' })
  @ApiCreatedResponse({ type: RecurringTaskView })
  @ApiErrorResponses(403, 404, 409)
  resume(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskView> {
    return this.recurring.resume(actor, id);
  }

  /** 202: the occurrence runs in the background; its tasks appear once its workflow has run. */
  @Post(':id/trigger')
  @Roles('admin', 'manager')
  @HttpCode(202)
  @ApiOperation({ summary: "Run today's occurrence now (nothing new if it has run)" })
  @ApiAcceptedResponse({ type: RecurringTaskView, description: 'The occurrence runs in the background' })
  @ApiErrorResponses(403, 404, 409)
  trigger(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskView> {
    return this.recurring.trigger(actor, id);
  }

  @Delete(':id')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Delete a recurring task: its schedule goes, its record and tasks stay' })
  @ApiOkResponse({ type: RecurringTaskView })
  @ApiErrorResponses(403, 404)
  remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskView> {
    return this.recurring.remove(actor, id);
  }
}
