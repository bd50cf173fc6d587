import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { ItemListQueryDto, RecordResultDto } from './dto/re-identification.dto';
import { ReIdentificationService } from './re-identification.service';

/** 疾病再识别: the persons of a unit's task, and their results. */
@ApiTags('re-identification')
@ApiBearerAuth()
@Controller('tasks/:taskId/items')
export class ReIdentificationController {
  constructor(private readonly reIdentification: ReIdentificationService) {}

  /** Resident ID numbers are masked here; the full value is read one person at a time, audited. */
  @Get()
  list(@CurrentActor() actor: Actor, @UuidParam('taskId') taskId: string, @Query() query: ItemListQueryDto) {
    return this.reIdentification.listItems(actor, taskId, query);
  }

  @Put(':itemId')
  record(@CurrentActor() actor: Actor, @UuidParam('taskId') taskId: string, @UuidParam('itemId') itemId: string, @Body() dto: RecordResultDto) {
    return this.reIdentification.record(actor, taskId, itemId, dto);
  }
}
