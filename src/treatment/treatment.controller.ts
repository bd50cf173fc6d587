import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/api-docs';
import { Page } from '../common/pagination';
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
import { TreatmentCaseDetailView, TreatmentCaseView, WorkflowStartedView } from './dto/treatment-views.dto';
import { TreatmentCasesService } from './treatment-cases.service';

/** 大病集中救治: a round's cases (救治台账) and their stages. Who may act is the case's own rule (see README). */
@ApiTags('treatment')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404)
@Controller()
export class TreatmentController {
  constructor(private readonly cases: TreatmentCasesService) {}

  /** Managers and admins: cases of villages or hospitals in scope; staff: cases their unit refers or treats. */
  @Get('treatment-rounds/:stepId/cases')
  @ApiOperation({ summary: 'Cases of a treatment round (救治台账) that I may see' })
  @ApiPageResponse(TreatmentCaseView)
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('stepId') stepId: string,
    @Query() query: CaseListQueryDto,
  ): Promise<Page<TreatmentCaseView>> {
    return this.cases.list(actor, stepId, query);
  }

  /** A person the results missed, added by hand with a reason. */
  @Post('treatment-rounds/:stepId/cases')
  @ApiOperation({ summary: 'Add a person the results missed as a case, with a reason' })
  @ApiCreatedResponse({ type: TreatmentCaseDetailView })
  @ApiErrorResponses(409)
  add(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string, @Body() dto: AddCaseDto): Promise<TreatmentCaseDetailView> {
    return this.cases.add(actor, stepId, dto);
  }

  /** Admins over the campaign: new approved results since the launch become cases, in the background (202). */
  @Post('treatment-rounds/:stepId/refresh')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Turn results approved since the launch into cases, in the background' })
  @ApiAcceptedResponse({ type: WorkflowStartedView })
  @ApiErrorResponses(409)
  refresh(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string): Promise<WorkflowStartedView> {
    return this.cases.refresh(actor, stepId);
  }

  @Get('treatment-cases/:id')
  @ApiOperation({ summary: 'A treatment case with its history' })
  @ApiOkResponse({ type: TreatmentCaseDetailView })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TreatmentCaseDetailView> {
    return this.cases.get(actor, id);
  }

  /** The referring health centre (or a manager over the case): referred to the designated hospital. */
  @Post('treatment-cases/:id/refer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refer a case to its designated hospital (转诊)' })
  @ApiOkResponse({ type: TreatmentCaseDetailView, description: 'The case after the transition' })
  @ApiErrorResponses(409)
  refer(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: CaseActionDto): Promise<TreatmentCaseDetailView> {
    return this.cases.refer(actor, id, dto.reason);
  }

  /** The hospital: admitted. */
  @Post('treatment-cases/:id/admit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Admit a case (the hospital; 入院)' })
  @ApiOkResponse({ type: TreatmentCaseDetailView, description: 'The case after the transition' })
  @ApiErrorResponses(409)
  admit(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: CaseActionDto): Promise<TreatmentCaseDetailView> {
    return this.cases.admit(actor, id, dto.reason);
  }

  /** The hospital: treated, discharged or continuing maintenance treatment. */
  @Post('treatment-cases/:id/treat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a case treated: discharged or maintenance treatment (the hospital)' })
  @ApiOkResponse({ type: TreatmentCaseDetailView, description: 'The case after the transition' })
  @ApiErrorResponses(409)
  treat(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: TreatCaseDto): Promise<TreatmentCaseDetailView> {
    return this.cases.treat(actor, id, dto);
  }

  /** Closed without treatment, with its reason (a refusal needs its signed evidence on the stage task). */
  @Post('treatment-cases/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a case without treatment, with its reason' })
  @ApiOkResponse({ type: TreatmentCaseDetailView, description: 'The case after the transition' })
  @ApiErrorResponses(409)
  close(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: CloseCaseDto): Promise<TreatmentCaseDetailView> {
    return this.cases.close(actor, id, dto);
  }

  /** A manager or admin over the case: back to identified, with a reason. */
  @Post('treatment-cases/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a case: back to identified, with a reason (a manager or admin over it)' })
  @ApiOkResponse({ type: TreatmentCaseDetailView, description: 'The case after the transition' })
  @ApiErrorResponses(409)
  reopen(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ReopenCaseDto): Promise<TreatmentCaseDetailView> {
    return this.cases.reopen(actor, id, dto);
  }

  /** A manager or admin over the case: another designated hospital, with a reason. */
  @Post('treatment-cases/:id/hospital')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign another designated hospital, with a reason (a manager or admin over it)' })
  @ApiOkResponse({ type: TreatmentCaseDetailView, description: 'The case after the transition' })
  @ApiErrorResponses(409)
  assignHospital(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: AssignHospitalDto,
  ): Promise<TreatmentCaseDetailView> {
    return this.cases.assignHospital(actor, id, dto);
  }
}
