import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import {
  CreateUnitDto,
  DeactivationBlockers,
  LadderCheckQueryDto,
  LadderCheckView,
  SubtreeQueryDto,
  UnitImportDto,
  UnitListQueryDto,
  UnitView,
  UpdateUnitDto,
} from './dto/unit.dto';
import { parseUnitCsv } from './unit-csv';
import { toView, UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: UnitListQueryDto): Promise<Page<UnitView>> {
    return this.units.list(actor, query);
  }

  /** Declared before `:id`, which would take `ladder-check` for an id. */
  @Get('ladder-check')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Units of a subtree whose escalation ladder would reach nobody, per target' })
  @ApiOkResponse({ type: LadderCheckView })
  ladderCheck(@CurrentActor() actor: Actor, @Query() query: LadderCheckQueryDto): Promise<LadderCheckView> {
    return this.units.ladderCheck(actor, query.rootId);
  }

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UnitView> {
    return toView(await this.units.getInScope(actor, id));
  }

  @Get(':id/subtree')
  subtree(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: SubtreeQueryDto): Promise<UnitView[]> {
    return this.units.subtree(actor, id, query);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.units.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edits name, head (负责人), poor-village flag or active state; audited' })
  @ApiOkResponse({ type: UnitView })
  @ApiConflictResponse({
    description: 'deactivation refused: `blockers` names open tasks, active users and child units',
    type: DeactivationBlockers,
  })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateUnitDto): Promise<UnitView> {
    return this.units.update(actor, id, dto);
  }

  @Post('import')
  @Roles('admin')
  @HttpCode(201)
  importJson(@CurrentActor() actor: Actor, @Body() dto: UnitImportDto): Promise<{ created: number }> {
    return this.units.import(actor, dto.units);
  }

  @Post('import/csv')
  @Roles('admin')
  @HttpCode(201)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'code,name,kind,parentCode,isPoorVillage,headUsername\n510812100201,某村,village,510812100,true,wang.wei',
    },
  })
  importCsv(@CurrentActor() actor: Actor, @Body() csv: string): Promise<{ created: number }> {
    return this.units.import(actor, parseUnitCsv(typeof csv === 'string' ? csv : ''));
  }
}
