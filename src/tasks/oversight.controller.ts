import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page, PageQueryDto } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { FormalTalkUpdateDto, OverdueQueryDto } from './dto/oversight.dto';
import { Escalation, FormalTalk } from './escalation.entity';
import { OverdueUnit, OversightService, UnitOverdueRate } from './oversight.service';

class EscalationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  unacknowledgedOnly?: 'true' | 'false';
}

@ApiTags('oversight')
@ApiBearerAuth()
@Controller()
export class OversightController {
  constructor(private readonly oversight: OversightService) {}

  /** Overdue tasks in my subtree, grouped by unit with days overdue and escalation level. */
  @Get('oversight/overdue')
  @Roles('admin', 'manager')
  overdue(@CurrentActor() actor: Actor, @Query() query: OverdueQueryDto): Promise<Page<OverdueUnit>> {
    return this.oversight.overdueByUnit(actor, query);
  }

  /** Units ranked by overdue rate, the basis of a 通报. */
  @Get('oversight/overdue-ranking')
  @Roles('admin', 'manager')
  ranking(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<UnitOverdueRate>> {
    return this.oversight.overdueRanking(actor, query);
  }

  @Get('escalations/mine')
  mine(@CurrentActor() actor: Actor, @Query() query: EscalationQueryDto): Promise<Page<Escalation>> {
    return this.oversight.myEscalations(actor, { ...query, unacknowledgedOnly: query.unacknowledgedOnly === 'true' });
  }

  @Post('escalations/:id/acknowledge')
  acknowledge(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<Escalation> {
    return this.oversight.acknowledge(actor, id);
  }

  @Get('formal-talks')
  @Roles('admin', 'manager')
  formalTalks(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<FormalTalk>> {
    return this.oversight.formalTalks(actor, query);
  }

  @Patch('formal-talks/:id')
  @Roles('admin', 'manager')
  updateFormalTalk(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: FormalTalkUpdateDto): Promise<FormalTalk> {
    return this.oversight.updateFormalTalk(actor, id, dto);
  }
}
