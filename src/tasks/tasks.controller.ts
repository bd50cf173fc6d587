import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/api-docs';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { BulkTaskActionDto, HandoverDto } from './dto/bulk.dto';
import { CreateTaskDto, ExtensionDecisionDto, ExtensionRequestDto, ReassignDto, TaskActionDto, TaskListQueryDto } from './dto/task.dto';
import { BulkResultView, ExtensionRequestView, TaskDetailView, TaskListItemView, TaskView } from './dto/task-views.dto';
import { BulkTasksService } from './bulk-tasks.service';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@ApiErrorResponses(400, 401)
@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly bulk: BulkTasksService,
  ) {}

  @Post('tasks')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Create a standalone task (or one of a campaign step) for a unit' })
  @ApiCreatedResponse({ type: TaskView })
  @ApiErrorResponses(403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(actor, dto);
  }

  /** Reassign, extend or cancel a selection; the answer says per task what was done or refused and why. */
  @Post('tasks/bulk')
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reassign, extend or cancel a selection of tasks (批量操作)' })
  @ApiOkResponse({ type: BulkResultView, description: 'Per task: done, or refused and why' })
  @ApiErrorResponses(403)
  bulkAction(@CurrentActor() actor: Actor, @Body() dto: BulkTaskActionDto): Promise<BulkResultView> {
    return this.bulk.run(actor, dto);
  }

  /** Hands every unfinished task of a person who leaves to a successor. */
  @Post('users/:id/handover')
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: "Hand a leaving user's unfinished tasks to a successor (工作交接)" })
  @ApiOkResponse({ type: BulkResultView, description: 'Per task: handed over, or refused and why' })
  @ApiErrorResponses(403, 404)
  handover(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: HandoverDto): Promise<BulkResultView> {
    return this.bulk.handover(actor, id, dto);
  }

  /** Tasks assigned to me or to my unit. */
  @Get('tasks/mine')
  @ApiOperation({ summary: 'My tasks: assigned to me, or to my unit as a whole (我的任务)' })
  @ApiPageResponse(TaskListItemView)
  mine(@CurrentActor() actor: Actor, @Query() query: TaskListQueryDto): Promise<Page<TaskListItemView>> {
    return this.tasks.mine(actor, query);
  }

  @Get('units/:unitId/tasks')
  @ApiOperation({ summary: 'Tasks of a unit in the scope' })
  @ApiPageResponse(TaskListItemView)
  @ApiErrorResponses(403, 404)
  forUnit(
    @CurrentActor() actor: Actor,
    @UuidParam('unitId') unitId: string,
    @Query() query: TaskListQueryDto,
  ): Promise<Page<TaskListItemView>> {
    return this.tasks.forUnit(actor, unitId, query);
  }

  @Get('tasks/:id')
  @ApiOperation({ summary: 'A task with its history and its reminder and escalation schedule' })
  @ApiOkResponse({ type: TaskDetailView })
  @ApiErrorResponses(403, 404)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TaskDetailView> {
    return this.tasks.get(actor, id);
  }

  @Post('tasks/:id/start')
  @ApiOperation({ summary: 'Start a task (worker)' })
  @ApiCreatedResponse({ type: TaskView, description: 'The task after the transition' })
  @ApiErrorResponses(403, 404, 409)
  start(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TaskView> {
    return this.tasks.act(actor, id, 'start');
  }

  @Post('tasks/:id/submit')
  @ApiOperation({ summary: 'Submit a task for approval (worker; 上报)' })
  @ApiCreatedResponse({ type: TaskView, description: 'The task after the transition' })
  @ApiErrorResponses(403, 404, 409)
  submit(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TaskView> {
    return this.tasks.act(actor, id, 'submit');
  }

  @Post('tasks/:id/approve')
  @ApiOperation({ summary: 'Approve a submitted task (a manager above; 审核通过)' })
  @ApiCreatedResponse({ type: TaskView, description: 'The task after the transition' })
  @ApiErrorResponses(403, 404, 409)
  approve(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TaskView> {
    return this.tasks.act(actor, id, 'approve');
  }

  @Post('tasks/:id/return')
  @ApiOperation({ summary: 'Return a submitted task with a reason (a manager above; 退回)' })
  @ApiCreatedResponse({ type: TaskView, description: 'The task after the transition' })
  @ApiErrorResponses(403, 404, 409)
  return(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: TaskActionDto): Promise<TaskView> {
    return this.tasks.act(actor, id, 'return', dto.reason);
  }

  @Post('tasks/:id/cancel')
  @ApiOperation({ summary: 'Cancel a task with a reason (a manager above)' })
  @ApiCreatedResponse({ type: TaskView, description: 'The task after the transition' })
  @ApiErrorResponses(403, 404, 409)
  cancel(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: TaskActionDto): Promise<TaskView> {
    return this.tasks.act(actor, id, 'cancel', dto.reason);
  }

  @Post('tasks/:id/extension-requests')
  @ApiOperation({ summary: 'Ask for a later deadline (unit staff; 延期申请)' })
  @ApiCreatedResponse({ type: ExtensionRequestView })
  @ApiErrorResponses(403, 404, 409)
  requestExtension(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: ExtensionRequestDto,
  ): Promise<ExtensionRequestView> {
    return this.tasks.requestExtension(actor, id, dto);
  }

  @Post('tasks/:id/extension-requests/:requestId/decision')
  @ApiOperation({ summary: 'Approve (extends the task) or refuse an extension request (a manager above)' })
  @ApiCreatedResponse({ type: TaskView, description: 'The task after the decision' })
  @ApiErrorResponses(403, 404, 409)
  decideExtension(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('requestId') requestId: string,
    @Body() dto: ExtensionDecisionDto,
  ): Promise<TaskView> {
    return this.tasks.decideExtension(actor, id, requestId, dto);
  }

  @Post('tasks/:id/reassign')
  @ApiOperation({ summary: 'Reassign a task to another unit or user (a manager above)' })
  @ApiCreatedResponse({ type: TaskView })
  @ApiErrorResponses(403, 404, 409)
  reassign(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ReassignDto): Promise<TaskView> {
    return this.tasks.reassign(actor, id, dto);
  }
}
