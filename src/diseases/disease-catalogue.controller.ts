import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, GlobalSettings } from '../auth/actor';
import { IntParam } from '../common/int-param';
import { DiseaseCatalogueVersion } from './disease-catalogue.entity';
import { DiseaseCatalogueService } from './disease-catalogue.service';
import { CreateCatalogueVersionDto } from './dto/disease-catalogue.dto';

/** The disease catalogue (疾病目录): read by all, versions added by admins of a root unit. */
@ApiTags('disease catalogue')
@ApiBearerAuth()
@Controller('disease-catalogue')
export class DiseaseCatalogueController {
  constructor(private readonly catalogue: DiseaseCatalogueService) {}

  @Get()
  list(): Promise<DiseaseCatalogueVersion[]> {
    return this.catalogue.list();
  }

  @Get('latest')
  latest(): Promise<DiseaseCatalogueVersion> {
    return this.catalogue.latest();
  }

  @Get(':version')
  @ApiParam({ name: 'version', type: Number, example: 1 })
  get(@IntParam('version', 1) version: number): Promise<DiseaseCatalogueVersion> {
    return this.catalogue.get(version);
  }

  @Post()
  @GlobalSettings()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCatalogueVersionDto): Promise<DiseaseCatalogueVersion> {
    return this.catalogue.create(actor, dto);
  }
}
