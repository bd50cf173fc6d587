import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/api-docs';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import {
  CreateUnitDto,
  DeactivationRefusal,
  LadderCheckQueryDto,
  LadderCheckView,
  SubtreeQueryDto,
  UnitImportDto,
  UnitImportResult,
  UnitListQueryDto,
  UnitView,
  UpdateUnitDto,
} from './dto/unit.dto';
import { parseUnitCsv } from './unit-csv';
import { toView, UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@ApiErrorResponses(400, 401)
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: 'Units of my scope, filtered by kind, parent or name' })
  @ApiPageResponse(UnitView)
  list(@CurrentActor() actor: Actor, @Query() query: UnitListQueryDto): Promise<Page<UnitView>> {
    return this.units.list(actor, query);
  }

  /** Declared before `:id`, which would take `ladder-check` for an id. */
  @Get('ladder-check')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Units of a subtree whose escalation ladder would reach nobody, per target' })
  @ApiOkResponse({ type: LadderCheckView })
  @ApiErrorResponses(403, 404)
  ladderCheck(@CurrentActor() actor: Actor, @Query() query: LadderCheckQueryDto): Promise<LadderCheckView> {
    return this.units.ladderCheck(actor, query.rootId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit of my scope' })
  @ApiOkResponse({ type: UnitView })
  @ApiErrorResponses(403, 404)
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UnitView> {
    return toView(await this.units.getInScope(actor, id));
  }

  @Get(':id/subtree')
  @ApiOperation({ summary: 'A unit and the units below it, by path (the unit tree)' })
  @ApiOkResponse({ type: UnitView, isArray: true })
  @ApiErrorResponses(403, 404)
  subtree(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: SubtreeQueryDto): Promise<UnitView[]> {
    return this.units.subtree(actor, id, query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a unit below a unit of my scope' })
  @ApiCreatedResponse({ type: UnitView })
  @ApiErrorResponses(403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.units.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edits name, head (负责人), poor-village flag or active state; audited' })
  @ApiOkResponse({ type: UnitView })
  @ApiConflictResponse({
    description: 'deactivation refused: `blockers` names open tasks, active users and child units',
    type: DeactivationRefusal,
  })
  @ApiErrorResponses(403, 404)
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateUnitDto): Promise<UnitView> {
    return this.units.update(actor, id, dto);
  }

  @Post('import')
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Import units (JSON), all or nothing: parents by code, in any order' })
  @ApiCreatedResponse({ type: UnitImportResult })
  @ApiErrorResponses(403, 409, 413)
  importJson(@CurrentActor() actor: Actor, @Body() dto: UnitImportDto): Promise<UnitImportResult> {
    return this.units.import(actor, dto.units);
  }

  @Post('import/csv')
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Import units from CSV (UTF-8), all or nothing' })
  @ApiCreatedResponse({ type: UnitImportResult })
  @ApiErrorResponses(403, 409, 413, 415)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'code,name,kind,parentCode,isPoorVillage,headUsername\n510812100201,某村,village,510812100,true,wang.wei',
    },
  })
  importCsv(@CurrentActor() actor: Actor, @Body() csv: string): Promise<UnitImportResult> {
    return this.units.import(actor, parseUnitCsv(typeof csv === 'string' ? csv : ''));
  }
}
