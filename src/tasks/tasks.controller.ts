import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { BulkTaskActionDto, HandoverDto } from './dto/bulk.dto';
import { CreateTaskDto, ExtensionDecisionDto, ExtensionRequestDto, ReassignDto, TaskActionDto, TaskListQueryDto } from './dto/task.dto';
import { TaskExtensionRequest } from './task-extension-request.entity';
import { Task } from './task.entity';
import { BulkTasksService } from './bulk-tasks.service';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly bulk: BulkTasksService,
  ) {}

  @Post('tasks')
  @Roles('admin', 'manager')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTaskDto): Promise<Task> {
    return this.tasks.create(actor, dto);
  }

  /** Reassign, extend or cancel a selection; the answer says per task what was done or refused and why. */
  @Post('tasks/bulk')
  @Roles('admin', 'manager')
  @HttpCode(200)
  bulkAction(@CurrentActor() actor: Actor, @Body() dto: BulkTaskActionDto) {
    return this.bulk.run(actor, dto);
  }

  /** Hands every unfinished task of a person who leaves to a successor. */
  @Post('users/:id/handover')
  @Roles('admin', 'manager')
  @HttpCode(200)
  handover(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: HandoverDto) {
    return this.bulk.handover(actor, id, dto);
  }

  /** Tasks assigned to me or to my unit. */
  @Get('tasks/mine')
  mine(@CurrentActor() actor: Actor, @Query() query: TaskListQueryDto): Promise<Page<Task>> {
    return this.tasks.mine(actor, query);
  }

  @Get('units/:unitId/tasks')
  forUnit(@CurrentActor() actor: Actor, @UuidParam('unitId') unitId: string, @Query() query: TaskListQueryDto): Promise<Page<Task>> {
    return this.tasks.forUnit(actor, unitId, query);
  }

  @Get('tasks/:id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return this.tasks.get(actor, id);
  }

  @Post('tasks/:id/start')
  start(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<Task> {
    return this.tasks.act(actor, id, 'start');
  }

  @Post('tasks/:id/submit')
  submit(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<Task> {
    return this.tasks.act(actor, id, 'submit');
  }

  @Post('tasks/:id/approve')
  approve(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<Task> {
    return this.tasks.act(actor, id, 'approve');
  }

  @Post('tasks/:id/return')
  return(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: TaskActionDto): Promise<Task> {
    return this.tasks.act(actor, id, 'return', dto.reason);
  }

  @Post('tasks/:id/cancel')
  cancel(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: TaskActionDto): Promise<Task> {
    return this.tasks.act(actor, id, 'cancel', dto.reason);
  }

  @Post('tasks/:id/extension-requests')
  requestExtension(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: ExtensionRequestDto,
  ): Promise<TaskExtensionRequest> {
    return this.tasks.requestExtension(actor, id, dto);
  }

  @Post('tasks/:id/extension-requests/:requestId/decision')
  decideExtension(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('requestId') requestId: string,
    @Body() dto: ExtensionDecisionDto,
  ): Promise<Task> {
    return this.tasks.decideExtension(actor, id, requestId, dto);
  }

  @Post('tasks/:id/reassign')
  reassign(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ReassignDto): Promise<Task> {
    return this.tasks.reassign(actor, id, dto);
  }
}
