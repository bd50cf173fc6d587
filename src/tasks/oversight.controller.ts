import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/api-docs';
import { EscalationView, FormalTalkView, OverdueUnitView, UnitOverdueRateView } from './dto/task-views.dto';
import { IsIn, IsOptional } from 'class-validator';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page, PageQueryDto } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { FormalTalkUpdateDto, OverdueQueryDto } from './dto/oversight.dto';
import { OversightService } from './oversight.service';

class EscalationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  unacknowledgedOnly?: 'true' | 'false';
}

@ApiTags('oversight')
@ApiBearerAuth()
@ApiErrorResponses(400, 401)
@Controller()
export class OversightController {
  constructor(private readonly oversight: OversightService) {}

  /** Overdue tasks in my subtree, grouped by unit with days overdue and escalation level. */
  @Get('oversight/overdue')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Overdue tasks below me, grouped by unit (逾期看板)' })
  @ApiPageResponse(OverdueUnitView)
  @ApiErrorResponses(403, 404)
  overdue(@CurrentActor() actor: Actor, @Query() query: OverdueQueryDto): Promise<Page<OverdueUnitView>> {
    return this.oversight.overdueByUnit(actor, query);
  }

  /** Units ranked by overdue rate, the basis of a 通报. */
  @Get('oversight/overdue-ranking')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Units ranked by overdue rate, the basis of a 通报' })
  @ApiPageResponse(UnitOverdueRateView)
  @ApiErrorResponses(403)
  ranking(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<UnitOverdueRateView>> {
    return this.oversight.overdueRanking(actor, query);
  }

  @Get('escalations/mine')
  @ApiOperation({ summary: 'Escalations addressed to me (督办)' })
  @ApiPageResponse(EscalationView)
  mine(@CurrentActor() actor: Actor, @Query() query: EscalationQueryDto): Promise<Page<EscalationView>> {
    return this.oversight.myEscalations(actor, { ...query, unacknowledgedOnly: query.unacknowledgedOnly === 'true' });
  }

  @Post('escalations/:id/acknowledge')
  @ApiOperation({ summary: 'Acknowledge an escalation addressed to me' })
  @ApiCreatedResponse({ type: EscalationView })
  @ApiErrorResponses(403, 404, 409)
  acknowledge(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<EscalationView> {
    return this.oversight.acknowledge(actor, id);
  }

  @Get('formal-talks')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Formal talks (约谈) of units in my scope' })
  @ApiPageResponse(FormalTalkView)
  @ApiErrorResponses(403)
  formalTalks(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<FormalTalkView>> {
    return this.oversight.formalTalks(actor, query);
  }

  @Patch('formal-talks/:id')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Schedule a formal talk or record it as held, with its outcome' })
  @ApiOkResponse({ type: FormalTalkView })
  @ApiErrorResponses(403, 404, 409)
  updateFormalTalk(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: FormalTalkUpdateDto): Promise<FormalTalkView> {
    return this.oversight.updateFormalTalk(actor, id, dto);
  }
}
