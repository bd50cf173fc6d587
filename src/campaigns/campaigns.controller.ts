import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiFileResponse, ApiPageResponse } from '../common/api-docs';
import { Page } from '../common/pagination';
import type { Response } from 'express';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { attachmentDisposition } from '../tasks/evidence.controller';
import { CampaignsService } from './campaigns.service';
import { CampaignProgressService } from './campaign-progress.service';
import { CampaignListQueryDto, CancelCampaignDto, CreateCampaignDto, ProgressQueryDto } from './dto/campaign.dto';
import { CampaignDetailView, CampaignProgressView, CampaignView, ConsistencyReportView } from './dto/campaign-views.dto';
import { LedgerQueryDto } from './dto/ledger.dto';
import { LedgerService, XLSX_CONTENT_TYPE } from './ledger.service';
import { ReIdentificationService } from './re-identification.service';

/** 专项行动: admins create, launch and cancel; everyone whose area it touches follows its progress. */
@ApiTags('campaigns')
@ApiBearerAuth()
@ApiErrorResponses(400, 401)
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly progressService: CampaignProgressService,
    private readonly reIdentification: ReIdentificationService,
    private readonly ledgers: LedgerService,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a campaign (专项行动) from a template, as a draft' })
  @ApiCreatedResponse({ type: CampaignDetailView })
  @ApiErrorResponses(403, 404)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCampaignDto): Promise<CampaignDetailView> {
    return this.campaigns.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Campaigns that touch my area' })
  @ApiPageResponse(CampaignView)
  list(@CurrentActor() actor: Actor, @Query() query: CampaignListQueryDto): Promise<Page<CampaignView>> {
    return this.campaigns.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A campaign with its steps' })
  @ApiOkResponse({ type: CampaignDetailView })
  @ApiErrorResponses(403, 404)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<CampaignDetailView> {
    return this.campaigns.get(actor, id);
  }

  /** 202: the tasks are created in the background; follow `status` and the progress. */
  @Post(':id/launch')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Launch a draft campaign: its tasks are created in the background' })
  @ApiAcceptedResponse({ type: CampaignDetailView, description: 'Launching: follow status and the progress' })
  @ApiErrorResponses(403, 404, 409)
  launch(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<CampaignDetailView> {
    return this.campaigns.launch(actor, id);
  }

  @Post(':id/cancel')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a campaign with a reason (its open tasks are cancelled)' })
  @ApiOkResponse({ type: CampaignDetailView })
  @ApiErrorResponses(403, 404, 409)
  cancel(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: CancelCampaignDto): Promise<CampaignDetailView> {
    return this.campaigns.cancel(actor, id, dto);
  }

  /** Per step and per area unit (county, townships, villages), rolled up so each parent is the sum of its children. */
  @Get(':id/progress')
  @ApiOperation({ summary: 'Progress per step and per area unit, rolled up (进度)' })
  @ApiOkResponse({ type: CampaignProgressView })
  @ApiErrorResponses(403, 404)
  async progress(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() query: ProgressQueryDto,
  ): Promise<CampaignProgressView> {
    const campaign = await this.campaigns.findVisible(actor, id);
    const { root, steps } = await this.progressService.progress(actor, campaign, query.unitId);
    return {
      campaign: { id: campaign.id, name: campaign.name, status: campaign.status },
      unit: { id: root.id, name: root.name, kind: root.kind },
      steps,
    };
  }

  /** 区乡村数据一致: submitted counts against person-level records, and each level against its children. */
  @Get(':id/consistency')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Consistency check (区乡村数据一致): submitted counts against records, parents against children' })
  @ApiOkResponse({ type: ConsistencyReportView })
  @ApiErrorResponses(403, 404)
  async consistency(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ConsistencyReportView> {
    const campaign = await this.campaigns.findVisible(actor, id);
    return this.reIdentification.consistency(actor, campaign);
  }

  /** 识别台账 as XLSX, streamed to the response (hence `@Res`); refusals come before the first byte, as JSON. */
  @Get(':id/ledger.xlsx')
  @ApiOperation({ summary: 'The identification ledger (识别台账) as XLSX' })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'The ledger workbook')
  @ApiErrorResponses(403, 404)
  async ledger(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() query: LedgerQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const campaign = await this.campaigns.findVisible(actor, id);
    const ledger = await this.ledgers.prepare(actor, campaign, { unitId: query.unitId, fullIds: query.fullIds === 'true' });
    res.set({ 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': attachmentDisposition(ledger.fileName) });
    await ledger.writeTo(res);
  }
}
