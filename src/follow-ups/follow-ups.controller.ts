import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import {
  CreateFollowUpPlanDto,
  FollowUpListQueryDto,
  FollowUpPlanListQueryDto,
  FollowUpRatesQueryDto,
  GenerateFollowUpsDto,
  PlansFromResultsDto,
  RecordFollowUpDto,
} from './dto/follow-up.dto';
import { FollowUpPlansService } from './follow-up-plans.service';
import { FollowUpRatesService } from './follow-up-rates.service';
import { FollowUpsService } from './follow-ups.service';

/** 慢病签约随访: plans per contracted patient, the generator, and the follow-ups of a unit's task. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(
    private readonly plans: FollowUpPlansService,
    private readonly followUps: FollowUpsService,
    private readonly followUpRates: FollowUpRatesService,
  ) {}

  /** 随访率 of an area as of a day: done ÷ due (periods ended by then), per area directly below; admins and managers in scope. */
  @Get('follow-ups/rates')
  @Roles('admin', 'manager')
  rates(@CurrentActor() actor: Actor, @Query() query: FollowUpRatesQueryDto) {
    return this.followUpRates.rates(actor, query);
  }

  /** The clinic's staff for their village, managers and admins in scope; the current period's follow-up at once. */
  @Post('follow-up-plans')
  createPlan(@CurrentActor() actor: Actor, @Body() dto: CreateFollowUpPlanDto) {
    return this.plans.create(actor, dto);
  }

  /** Every contracted patient in scope whose latest approved re-identification result lists C01, C02 or C03. */
  @Post('follow-up-plans/from-results')
  @Roles('admin', 'manager')
  createPlansFromResults(@CurrentActor() actor: Actor, @Body() dto: PlansFromResultsDto) {
    return this.plans.createFromResults(actor, dto);
  }

  @Get('follow-up-plans')
  listPlans(@CurrentActor() actor: Actor, @Query() query: FollowUpPlanListQueryDto) {
    return this.plans.list(actor, query);
  }

  /** Ends the plan; its unrecorded follow-ups leave the running tasks. */
  @Delete('follow-up-plans/:id')
  deactivatePlan(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return this.plans.deactivate(actor, id);
  }

  /** 202: the generator runs now for `asOf` (default today) in the background; the answer names its workflow. */
  @Post('follow-ups/generate')
  @GlobalSettings()
  @HttpCode(202)
  generate(@CurrentActor() actor: Actor, @Body() dto: GenerateFollowUpsDto) {
    return this.followUps.startGeneration(actor, dto.asOf);
  }

  /** The unit's people and the managers above it; resident ID numbers masked. */
  @Get('tasks/:taskId/follow-ups')
  list(@CurrentActor() actor: Actor, @UuidParam('taskId') taskId: string, @Query() query: FollowUpListQueryDto) {
    return this.followUps.list(actor, taskId, query);
  }

  /** The unit's staff record a visit; the last one finishes the task. */
  @Put('tasks/:taskId/follow-ups/:id')
  record(@CurrentActor() actor: Actor, @UuidParam('taskId') taskId: string, @UuidParam('id') id: string, @Body() dto: RecordFollowUpDto) {
    return this.followUps.record(actor, taskId, id, dto);
  }
}
