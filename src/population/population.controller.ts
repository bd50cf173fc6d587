import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { HouseholdListQueryDto, HouseholdView, PersonIdNumberView, PersonListQueryDto, PersonView } from './dto/population.dto';
import { PopulationService } from './population.service';

/** 建档立卡贫困人口: households and persons of the caller's area, resident ID numbers masked. */
@ApiTags('population')
@ApiBearerAuth()
@Controller('population')
export class PopulationController {
  constructor(private readonly population: PopulationService) {}

  @Get('households')
  households(@CurrentActor() actor: Actor, @Query() query: HouseholdListQueryDto): Promise<Page<HouseholdView>> {
    return this.population.households(actor, query);
  }

  @Get('persons')
  persons(@CurrentActor() actor: Actor, @Query() query: PersonListQueryDto): Promise<Page<PersonView>> {
    return this.population.persons(actor, query);
  }

  @Get('persons/:id')
  person(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PersonView> {
    return this.population.person(actor, id);
  }

  /** The full resident ID number: managers and admins of the person's village only; every read is audited. */
  @Get('persons/:id/id-number')
  @Roles('admin', 'manager')
  @Header('Cache-Control', 'no-store')
  idNumber(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PersonIdNumberView> {
    return this.population.idNumber(actor, id);
  }
}
