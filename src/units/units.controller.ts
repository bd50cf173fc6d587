import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { CreateUnitDto, SubtreeQueryDto, UnitImportDto, UnitListQueryDto, UnitView } from './dto/unit.dto';
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
  @ApiBody({ schema: { type: 'string', example: 'code,name,kind,parentCode,isPoorVillage\n510812100201,某村,village,510812100,true' } })
  importCsv(@CurrentActor() actor: Actor, @Body() csv: string): Promise<{ created: number }> {
    return this.units.import(actor, parseUnitCsv(typeof csv === 'string' ? csv : ''));
  }
}
