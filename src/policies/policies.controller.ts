import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-docs';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { AppliedPolicyView, CreatePolicyDto, UpdatePolicyDto } from './dto/policy.dto';
import { PolicyRecordView } from './dto/policy-views.dto';
import { PoliciesService } from './policies.service';

/** Named deadline policies (催办与督办规则): read by all, changed by admins of a root unit, applied by any admin in scope. */
@ApiTags('policies')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'Named deadline policies (催办与督办规则)' })
  @ApiOkResponse({ type: PolicyRecordView, isArray: true })
  list(): Promise<PolicyRecordView[]> {
    return this.policies.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One named deadline policy' })
  @ApiOkResponse({ type: PolicyRecordView })
  @ApiErrorResponses(400, 404)
  get(@UuidParam('id') id: string): Promise<PolicyRecordView> {
    return this.policies.get(id);
  }

  @Post()
  @GlobalSettings()
  @ApiOperation({ summary: 'Create a named deadline policy (admins of a root unit)' })
  @ApiCreatedResponse({ type: PolicyRecordView })
  @ApiErrorResponses(400, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePolicyDto): Promise<PolicyRecordView> {
    return this.policies.create(actor, dto);
  }

  /** Running tasks keep their copy; apply-to-running hands them the new one. */
  @Put(':id')
  @GlobalSettings()
  @ApiOperation({ summary: 'Change a named deadline policy; running tasks keep their copy' })
  @ApiOkResponse({ type: PolicyRecordView })
  @ApiErrorResponses(400, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdatePolicyDto): Promise<PolicyRecordView> {
    return this.policies.update(actor, id, dto);
  }

  @Post(':id/default')
  @GlobalSettings()
  @HttpCode(200)
  @ApiOperation({ summary: 'Make a policy the default for tasks created without one' })
  @ApiOkResponse({ type: PolicyRecordView })
  @ApiErrorResponses(400, 403, 404)
  makeDefault(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PolicyRecordView> {
    return this.policies.makeDefault(actor, id);
  }

  @Post(':id/apply-to-running')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Hand a policy's current version to the running tasks in my scope that came from it" })
  @ApiOkResponse({ type: AppliedPolicyView })
  @ApiErrorResponses(400, 403, 404)
  applyToRunning(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AppliedPolicyView> {
    return this.policies.applyToRunning(actor, id);
  }
}
