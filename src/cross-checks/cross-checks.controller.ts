import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-docs';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import { IntParam } from '../common/int-param';
import { UuidParam } from '../common/uuid-param';
import { ChecklistDto, CrossCheckSettingsDto, PairingDto, RecordItemDto } from './dto/cross-check.dto';
import { ChecklistVersionView, CrossCheckRoundView, InspectionItemView } from './dto/cross-check-views.dto';
import { CrossChecksService } from './cross-checks.service';

/** 村与村交叉排查: rounds and their pairing, checklists, and the items each team records. */
@ApiTags('cross-checks')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller()
export class CrossChecksController {
  constructor(private readonly crossChecks: CrossChecksService) {}

  @Get('cross-checks/:stepId')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'A round: settings, pairing (generated from its seed on first sight) and the rules it breaks' })
  @ApiOkResponse({ type: CrossCheckRoundView })
  @ApiErrorResponses(400, 403, 404)
  get(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string) {
    return this.crossChecks.get(actor, stepId);
  }

  @Put('cross-checks/:stepId/settings')
  @Roles('admin')
  @ApiOperation({ summary: "A draft round's settings; the pairing is generated again (400 naming the rule when none exists)" })
  @ApiOkResponse({ type: CrossCheckRoundView })
  @ApiErrorResponses(400, 403, 404, 409)
  settings(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string, @Body() dto: CrossCheckSettingsDto) {
    return this.crossChecks.updateSettings(actor, stepId, dto);
  }

  @Put('cross-checks/:stepId/pairing')
  @Roles('admin')
  @ApiOperation({ summary: "A draft round's pairing edited by hand, checked rule by rule (400 naming the broken rule and units)" })
  @ApiOkResponse({ type: CrossCheckRoundView })
  @ApiErrorResponses(400, 403, 404, 409)
  pairing(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string, @Body() dto: PairingDto) {
    return this.crossChecks.updatePairing(actor, stepId, dto.pairs);
  }

  @Get('checklists')
  @ApiOperation({ summary: 'Checklist versions, newest first' })
  @ApiOkResponse({ type: [ChecklistVersionView] })
  checklists() {
    return this.crossChecks.checklists();
  }

  @Get('checklists/:version')
  @ApiOperation({ summary: 'One checklist version' })
  @ApiOkResponse({ type: ChecklistVersionView })
  @ApiErrorResponses(400, 404)
  @ApiParam({ name: 'version', type: Number, example: 1 })
  checklist(@IntParam('version', 1) version: number) {
    return this.crossChecks.checklist(version);
  }

  /** Checklists serve the whole server, like the disease catalogue: an admin of a root unit edits them. */
  @Post('checklists')
  @GlobalSettings()
  @ApiOperation({ summary: 'A new checklist version (rounds keep the version they were set up with)' })
  @ApiCreatedResponse({ type: ChecklistVersionView })
  @ApiErrorResponses(400, 403)
  createChecklist(@CurrentActor() actor: Actor, @Body() dto: ChecklistDto) {
    return this.crossChecks.createChecklist(actor, dto);
  }

  @Get('inspections/:taskId/items')
  @ApiOperation({ summary: 'The items of an inspection task: clinic, doctor and sampled households' })
  @ApiOkResponse({ type: [InspectionItemView] })
  @ApiErrorResponses(400, 403, 404)
  items(@CurrentActor() actor: Actor, @UuidParam('taskId') taskId: string) {
    return this.crossChecks.items(actor, taskId);
  }

  @Put('inspections/:taskId/items/:itemId')
  @ApiOperation({ summary: 'The team records an item; a failure becomes a problem of the inspected unit' })
  @ApiOkResponse({ type: InspectionItemView })
  @ApiErrorResponses(400, 403, 404, 409)
  record(
    @CurrentActor() actor: Actor,
    @UuidParam('taskId') taskId: string,
    @UuidParam('itemId') itemId: string,
    @Body() dto: RecordItemDto,
  ) {
    return this.crossChecks.record(actor, taskId, itemId, dto);
  }
}
