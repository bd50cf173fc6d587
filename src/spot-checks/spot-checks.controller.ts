import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { ApiErrorResponses, ApiPageResponse } from '../common/api-docs';
import { UuidParam } from '../common/uuid-param';
import { CreateSpotCheckDto, SampleListQueryDto, SampleOutcomeDto, SpotCheckListQueryDto } from './dto/spot-check.dto';
import { SpotCheckDetailView, SpotCheckSampleOutcomeView, SpotCheckView } from './dto/spot-check-views.dto';
import { SpotChecksService } from './spot-checks.service';

/** 抽查: samples of completed items drawn by a higher level, and what it found; a failure reopens the item (README). */
@ApiTags('spot-checks')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403)
@Controller('spot-checks')
export class SpotChecksController {
  constructor(private readonly spotChecks: SpotChecksService) {}

  @Post()
  @Roles('admin', 'manager')
  @ApiOperation({
    summary: 'Create a spot check (抽查) and draw its sample at once: a share or a number per unit, reproducible by its seed',
  })
  @ApiCreatedResponse({ type: SpotCheckView })
  @ApiErrorResponses(404)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSpotCheckDto) {
    return this.spotChecks.create(actor, dto);
  }

  @Get()
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Spot checks of areas in my scope, newest first, with their counts' })
  @ApiPageResponse(SpotCheckView)
  list(@CurrentActor() actor: Actor, @Query() query: SpotCheckListQueryDto) {
    return this.spotChecks.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'A spot check with one page of its samples (resident ID numbers masked)' })
  @ApiOkResponse({ type: SpotCheckDetailView })
  @ApiErrorResponses(404)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: SampleListQueryDto) {
    return this.spotChecks.get(actor, id, query);
  }

  @Post(':id/samples/:sampleId/outcome')
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: "Record a sample's outcome: passed, or failed with a reason, which reopens the item" })
  @ApiOkResponse({ type: SpotCheckSampleOutcomeView })
  @ApiErrorResponses(404, 409)
  record(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('sampleId') sampleId: string,
    @Body() dto: SampleOutcomeDto,
  ) {
    return this.spotChecks.record(actor, id, sampleId, dto);
  }
}
