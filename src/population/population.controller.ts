import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse, ErrorResponseDto } from '../common/api-docs';
import type { Response } from 'express';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { HouseholdListQueryDto, HouseholdView, PersonIdNumberView, PersonListQueryDto, PersonView } from './dto/population.dto';
import { PersonSearchThrottled } from './person-search-throttle';
import { PopulationService } from './population.service';

/** 建档立卡贫困人口: households and persons of the caller's area, resident ID numbers masked. */
@ApiTags('population')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403)
@Controller('population')
export class PopulationController {
  constructor(private readonly population: PopulationService) {}

  @Get('households')
  @ApiOperation({ summary: 'Registered households (建档立卡户) of my area' })
  @ApiPageResponse(HouseholdView)
  @ApiErrorResponses(404)
  households(@CurrentActor() actor: Actor, @Query() query: HouseholdListQueryDto): Promise<Page<HouseholdView>> {
    return this.population.households(actor, query);
  }

  /** `idNumber`: admins and managers only (staff 403), throttled per user (429 with Retry-After), audited like name searches. */
  @Get('persons')
  @ApiOperation({ summary: 'Registered persons of my area, by name, household, village or ID number; ID numbers masked' })
  @ApiPageResponse(PersonView)
  @ApiErrorResponses(404)
  @ApiTooManyRequestsResponse({ description: 'too many searches by ID number; Retry-After says when to try again', type: ErrorResponseDto })
  async persons(
    @CurrentActor() actor: Actor,
    @Query() query: PersonListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<PersonView>> {
    try {
      return await this.population.persons(actor, query);
    } catch (err) {
      if (err instanceof PersonSearchThrottled) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
  }

  @Get('persons/:id')
  @ApiOperation({ summary: 'One registered person, ID number masked' })
  @ApiOkResponse({ type: PersonView })
  @ApiErrorResponses(404)
  person(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PersonView> {
    return this.population.person(actor, id);
  }

  /** The full resident ID number: managers and admins of the person's village only; every read is audited. */
  @Get('persons/:id/id-number')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: "A person's full resident ID number (managers and admins of the village; audited)" })
  @ApiOkResponse({ type: PersonIdNumberView })
  @ApiErrorResponses(404)
  idNumber(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PersonIdNumberView> {
    return this.population.idNumber(actor, id);
  }
}
