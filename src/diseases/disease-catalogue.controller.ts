import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-docs';
import { Actor, CurrentActor, GlobalSettings } from '../auth/actor';
import { IntParam } from '../common/int-param';
import { DiseaseCatalogueService } from './disease-catalogue.service';
import { CreateCatalogueVersionDto } from './dto/disease-catalogue.dto';
import { CatalogueVersionView } from './dto/disease-views.dto';

/** The disease catalogue (疾病目录): read by all, versions added by admins of a root unit. */
@ApiTags('disease catalogue')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('disease-catalogue')
export class DiseaseCatalogueController {
  constructor(private readonly catalogue: DiseaseCatalogueService) {}

  @Get()
  @ApiOperation({ summary: 'Every version of the disease catalogue (疾病目录), newest first' })
  @ApiOkResponse({ type: CatalogueVersionView, isArray: true })
  list(): Promise<CatalogueVersionView[]> {
    return this.catalogue.list();
  }

  @Get('latest')
  @ApiOperation({ summary: 'The latest version of the disease catalogue' })
  @ApiOkResponse({ type: CatalogueVersionView })
  @ApiErrorResponses(404)
  latest(): Promise<CatalogueVersionView> {
    return this.catalogue.latest();
  }

  @Get(':version')
  @ApiOperation({ summary: 'One version of the disease catalogue' })
  @ApiOkResponse({ type: CatalogueVersionView })
  @ApiErrorResponses(400, 404)
  @ApiParam({ name: 'version', type: Number, example: 1 })
  get(@IntParam('version', 1) version: number): Promise<CatalogueVersionView> {
    return this.catalogue.get(version);
  }

  @Post()
  @GlobalSettings()
  @ApiOperation({ summary: 'Add a version of the disease catalogue (admins of a root unit)' })
  @ApiCreatedResponse({ type: CatalogueVersionView })
  @ApiErrorResponses(400, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCatalogueVersionDto): Promise<CatalogueVersionView> {
    return this.catalogue.create(actor, dto);
  }
}
