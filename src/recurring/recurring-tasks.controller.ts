import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page, PageQueryDto } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { CreateRecurringTaskDto } from './dto/recurring-task.dto';
import { RecurringTaskDefinition } from './recurring-task.entity';
import { RecurringTasksService } from './recurring-tasks.service';

@ApiTags('recurring tasks')
@ApiBearerAuth()
@Controller('recurring-tasks')
export class RecurringTasksController {
  constructor(private readonly recurring: RecurringTasksService) {}

  @Post()
  @Roles('admin', 'manager')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRecurringTaskDto): Promise<RecurringTaskDefinition> {
    return this.recurring.create(actor, dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<RecurringTaskDefinition>> {
    return this.recurring.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskDefinition> {
    return this.recurring.get(actor, id);
  }

  @Post(':id/pause')
  @Roles('admin', 'manager')
  pause(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskDefinition> {
    return this.recurring.pause(actor, id);
  }

  @Post(':id/resume')
  @Roles('admin', 'manager')
  resume(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskDefinition> {
    return this.recurring.resume(actor, id);
  }

  /** 202: the occurrence runs in the background; its tasks appear once its workflow has run. */
  @Post(':id/trigger')
  @Roles('admin', 'manager')
  @HttpCode(202)
  trigger(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskDefinition> {
    return this.recurring.trigger(actor, id);
  }

  @Delete(':id')
  @Roles('admin', 'manager')
  remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RecurringTaskDefinition> {
    return this.recurring.remove(actor, id);
  }
}
