import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { DeadlinePolicyRecord } from './deadline-policy.entity';
import { AppliedPolicyView, CreatePolicyDto, UpdatePolicyDto } from './dto/policy.dto';
import { PoliciesService } from './policies.service';

/** Named deadline policies (催办与督办规则): read by all, changed by admins of a root unit, applied by any admin in scope. */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  list(): Promise<DeadlinePolicyRecord[]> {
    return this.policies.list();
  }

  @Get(':id')
  get(@UuidParam('id') id: string): Promise<DeadlinePolicyRecord> {
    return this.policies.get(id);
  }

  @Post()
  @GlobalSettings()
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePolicyDto): Promise<DeadlinePolicyRecord> {
    return this.policies.create(actor, dto);
  }

  /** Running tasks keep their copy; apply-to-running hands them the new one. */
  @Put(':id')
  @GlobalSettings()
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdatePolicyDto): Promise<DeadlinePolicyRecord> {
    return this.policies.update(actor, id, dto);
  }

  @Post(':id/default')
  @GlobalSettings()
  @HttpCode(200)
  makeDefault(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<DeadlinePolicyRecord> {
    return this.policies.makeDefault(actor, id);
  }

  @Post(':id/apply-to-running')
  @Roles('admin')
  @HttpCode(200)
  applyToRunning(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AppliedPolicyView> {
    return this.policies.applyToRunning(actor, id);
  }
}
