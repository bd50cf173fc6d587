import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiFileResponse, ApiPageResponse } from '../common/api-docs';
import { XLSX_CONTENT_TYPE } from '../campaigns/ledger.service';
import { attachmentDisposition } from '../tasks/evidence.controller';
import { Page } from '../common/pagination';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import {
  CreateFollowUpPlanDto,
  FollowUpListQueryDto,
  FollowUpPlanListQueryDto,
  FollowUpRateSeriesQueryDto,
  FollowUpRatesQueryDto,
  GenerateFollowUpsDto,
  PlansFromResultsDto,
  RecordFollowUpDto,
} from './dto/follow-up.dto';
import {
  FollowUpPlanView,
  FollowUpRateSeriesView,
  FollowUpRatesView,
  FollowUpView,
  GenerationStartedView,
  PlansFromResultsView,
  RecordedFollowUpView,
} from './dto/follow-up-views.dto';
import { FollowUpPlansService } from './follow-up-plans.service';
import { FollowUpRatesService } from './follow-up-rates.service';
import { FollowUpsService } from './follow-ups.service';

/** 慢病签约随访: plans per contracted patient, the generator, and the follow-ups of a unit's task. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@ApiErrorResponses(400, 401)
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
  @ApiOperation({ summary: 'Follow-up rate (随访率) of an area as of a day, per area directly below and in total' })
  @ApiOkResponse({ type: FollowUpRatesView })
  @ApiErrorResponses(403, 404)
  rates(@CurrentActor() actor: Actor, @Query() query: FollowUpRatesQueryDto): Promise<FollowUpRatesView> {
    return this.followUpRates.rates(actor, query);
  }

  /** The table of every day (or week) of a range, default this year to today: the series a chart draws. */
  @Get('follow-ups/rates/series')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Follow-up rates (随访率) day by day or week by week through a range (default: this year to today)' })
  @ApiOkResponse({ type: FollowUpRateSeriesView })
  @ApiErrorResponses(403, 404)
  series(@CurrentActor() actor: Actor, @Query() query: FollowUpRateSeriesQueryDto): Promise<FollowUpRateSeriesView> {
    return this.followUpRates.series(actor, query);
  }

  /** Seed 001's layout: 单位, 应随访人次, 已随访人次, 随访率(%), the split by disease, 合计. */
  @Get('follow-ups/rates.xlsx')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Follow-up rates as the bureaus’ XLSX table (split by disease, 合计)' })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'The workbook')
  @ApiErrorResponses(403, 404)
  async sheet(@CurrentActor() actor: Actor, @Query() query: FollowUpRatesQueryDto): Promise<StreamableFile> {
    const { fileName, content } = await this.followUpRates.workbook(actor, query);
    return new StreamableFile(content, { type: XLSX_CONTENT_TYPE, disposition: attachmentDisposition(fileName) });
  }

  /** The clinic's staff for their village, managers and admins in scope; the current period's follow-up at once. */
  @Post('follow-up-plans')
  @ApiOperation({ summary: 'Create a follow-up plan (慢病签约随访) for a contracted patient' })
  @ApiCreatedResponse({ type: FollowUpPlanView })
  @ApiErrorResponses(403, 404, 409)
  createPlan(@CurrentActor() actor: Actor, @Body() dto: CreateFollowUpPlanDto): Promise<FollowUpPlanView> {
    return this.plans.create(actor, dto);
  }

  /** Every contracted patient in scope whose latest approved re-identification result lists C01, C02 or C03. */
  @Post('follow-up-plans/from-results')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Create plans for every contracted patient in scope whose latest approved result lists C01, C02 or C03' })
  @ApiCreatedResponse({ type: PlansFromResultsView })
  @ApiErrorResponses(403, 404)
  createPlansFromResults(@CurrentActor() actor: Actor, @Body() dto: PlansFromResultsDto): Promise<PlansFromResultsView> {
    return this.plans.createFromResults(actor, dto);
  }

  @Get('follow-up-plans')
  @ApiOperation({ summary: 'Follow-up plans of my scope' })
  @ApiPageResponse(FollowUpPlanView)
  listPlans(@CurrentActor() actor: Actor, @Query() query: FollowUpPlanListQueryDto): Promise<Page<FollowUpPlanView>> {
    return this.plans.list(actor, query);
  }

  /** Ends the plan; its unrecorded follow-ups leave the running tasks. */
  @Delete('follow-up-plans/:id')
  @ApiOperation({ summary: 'End a follow-up plan; its unrecorded follow-ups leave the running tasks' })
  @ApiOkResponse({ type: FollowUpPlanView })
  @ApiErrorResponses(404)
  deactivatePlan(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<FollowUpPlanView> {
    return this.plans.deactivate(actor, id);
  }

  /** 202: the generator runs now for `asOf` (default today) in the background; the answer names its workflow. */
  @Post('follow-ups/generate')
  @GlobalSettings()
  @HttpCode(202)
  @ApiOperation({ summary: 'Run the follow-up generator now, in the background (admins of a root unit)' })
  @ApiAcceptedResponse({ type: GenerationStartedView })
  @ApiErrorResponses(403)
  generate(@CurrentActor() actor: Actor, @Body() dto: GenerateFollowUpsDto): Promise<GenerationStartedView> {
    return this.followUps.startGeneration(actor, dto.asOf);
  }

  /** The unit's people and the managers above it; resident ID numbers masked. */
  @Get('tasks/:taskId/follow-ups')
  @ApiOperation({ summary: "The follow-ups of a unit's follow-up task (ID numbers masked)" })
  @ApiPageResponse(FollowUpView)
  @ApiErrorResponses(403, 404)
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('taskId') taskId: string,
    @Query() query: FollowUpListQueryDto,
  ): Promise<Page<FollowUpView>> {
    return this.followUps.list(actor, taskId, query);
  }

  /** The unit's staff record a visit; the last one finishes the task. */
  @Put('tasks/:taskId/follow-ups/:id')
  @ApiOperation({ summary: 'Record a follow-up visit; the last one finishes the task' })
  @ApiOkResponse({ type: RecordedFollowUpView })
  @ApiErrorResponses(403, 404, 409)
  record(
    @CurrentActor() actor: Actor,
    @UuidParam('taskId') taskId: string,
    @UuidParam('id') id: string,
    @Body() dto: RecordFollowUpDto,
  ): Promise<RecordedFollowUpView> {
    return this.followUps.record(actor, taskId, id, dto);
  }
}
