import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import {
  AddCaseDto,
  AssignHospitalDto,
  CaseActionDto,
  CaseListQueryDto,
  CloseCaseDto,
  ReopenCaseDto,
  TreatCaseDto,
} from './dto/treatment-case.dto';
import { TreatmentCasesService } from './treatment-cases.service';

/** 大病集中救治: a round's cases (救治台账) and their stages. Who may act is the case's own rule (see README). */
@ApiTags('treatment')
@ApiBearerAuth()
@Controller()
export class TreatmentController {
  constructor(private readonly cases: TreatmentCasesService) {}

  /** Managers and admins: cases of villages or hospitals in scope; staff: cases their unit refers or treats. */
  @Get('treatment-rounds/:stepId/cases')
  list(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string, @Query() query: CaseListQueryDto) {
    return this.cases.list(actor, stepId, query);
  }

  /** A person the results missed, added by hand with a reason. */
  @Post('treatment-rounds/:stepId/cases')
  add(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string, @Body() dto: AddCaseDto) {
    return this.cases.add(actor, stepId, dto);
  }

  /** Admins over the campaign: new approved results since the launch become cases, in the background (202). */
  @Post('treatment-rounds/:stepId/refresh')
  @Roles('admin')
  @HttpCode(202)
  refresh(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string) {
    return this.cases.refresh(actor, stepId);
  }

  @Get('treatment-cases/:id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return this.cases.get(actor, id);
  }

  /** The referring health centre (or a manager over the case): referred to the designated hospital. */
  @Post('treatment-cases/:id/refer')
  @HttpCode(200)
  refer(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: CaseActionDto) {
    return this.cases.refer(actor, id, dto.reason);
  }

  /** The hospital: admitted. */
  @Post('treatment-cases/:id/admit')
  @HttpCode(200)
  admit(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: CaseActionDto) {
    return this.cases.admit(actor, id, dto.reason);
  }

  /** The hospital: treated, discharged or continuing maintenance treatment. */
  @Post('treatment-cases/:id/treat')
  @HttpCode(200)
  treat(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: TreatCaseDto) {
    return this.cases.treat(actor, id, dto);
  }

  /** Closed without treatment, with its reason (a refusal needs its signed evidence on the stage task). */
  @Post('treatment-cases/:id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: CloseCaseDto) {
    return this.cases.close(actor, id, dto);
  }

  /** A manager or admin over the case: back to identified, with a reason. */
  @Post('treatment-cases/:id/reopen')
  @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ReopenCaseDto) {
    return this.cases.reopen(actor, id, dto);
  }

  /** A manager or admin over the case: another designated hospital, with a reason. */
  @Post('treatment-cases/:id/hospital')
  @HttpCode(200)
  assignHospital(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: AssignHospitalDto) {
    return this.cases.assignHospital(actor, id, dto);
  }
}
