import { Body, Controller, Get, Post, Put, Query, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrorResponses, ApiFileResponse, ApiPageResponse } from '../common/api-docs';
import { writeXlsx } from '../common/tabular-writer';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { withUploadedTable } from '../common/uploaded-table';
import { UuidParam } from '../common/uuid-param';
import { attachmentDisposition } from '../tasks/evidence.controller';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { POVERTY_LIST_COLUMNS } from '../domain/data-comparison';
import { CampaignsService } from './campaigns.service';
import { DataComparisonService } from './data-comparison.service';
import { ComparisonUploadDto, FlagListQueryDto, ResolveFlagDto } from './dto/data-comparison.dto';
import { ComparisonFlagView, ComparisonRunView, ComparisonSummaryView, VerificationItemView } from './dto/data-comparison-views.dto';
import { FullIdsQueryDto } from './dto/ledger.dto';
import { XLSX_CONTENT_TYPE } from './ledger.service';
import { ComparisonUploadAccess } from './upload-access.guards';

/** 数据比对: the poverty office's list against a campaign's records; flagged persons go to their units. */
@ApiTags('data comparison')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404)
@Controller()
export class DataComparisonController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly comparisons: DataComparisonService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The campaign is checked before the list is read; the list streams to disk (the module's multer options) and is read within the XLSX limits. */
  @Post('campaigns/:id/comparisons')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: "Compare the poverty office's list (CSV or XLSX) with the campaign's records (数据比对)" })
  @ApiCreatedResponse({ type: ComparisonSummaryView, description: 'The run: flagged persons went to their units as verification tasks' })
  @ApiErrorResponses(409, 413)
  @UseGuards(ComparisonUploadAccess)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'dueAt'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV or XLSX: 身份证号, 户编号, 主要致贫原因, 次要致贫原因' },
        dueAt: { type: 'string' },
        areaUnitId: { type: 'string' },
      },
    },
  })
  async compare(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: ComparisonUploadDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<ComparisonSummaryView> {
    const campaign = await this.campaigns.findVisible(actor, id);
    return withUploadedTable(file, [POVERTY_LIST_COLUMNS.idNumber], this.config.xlsx, (table) =>
      this.comparisons.compare(actor, campaign, file!.originalname, table.rows, dto),
    );
  }

  @Get('campaigns/:id/comparisons')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'The comparisons of a campaign, newest first' })
  @ApiOkResponse({ type: ComparisonRunView, isArray: true })
  async runs(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ComparisonRunView[]> {
    return this.comparisons.runs(await this.campaigns.findVisible(actor, id));
  }

  @Get('campaigns/:id/comparisons/:runId')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'A comparison: flags per kind, and per unit of my scope' })
  @ApiOkResponse({ type: ComparisonSummaryView })
  async summary(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('runId') runId: string,
  ): Promise<ComparisonSummaryView> {
    return this.comparisons.summary(actor, await this.campaigns.findVisible(actor, id), runId);
  }

  /** 比对标记名单 as XLSX, for the poverty office (seed 004); refusals come before the first byte, as JSON. */
  @Get('campaigns/:id/comparisons/:runId/flags.xlsx')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: "A comparison's flagged persons of my scope, with what verification found, as XLSX (audited)" })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'The flagged persons workbook')
  async exportFlags(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('runId') runId: string,
    @Query() query: FullIdsQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const campaign = await this.campaigns.findVisible(actor, id);
    const { fileName, rows } = await this.comparisons.exportRows(actor, campaign, runId, query.fullIds === 'true');
    res.set({ 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': attachmentDisposition(fileName) });
    await writeXlsx(res, '比对标记名单', rows);
  }

  /** A verification task's flagged persons (ID numbers masked). */
  @Get('tasks/:taskId/verification-items')
  @ApiOperation({ summary: "A verification task's flagged persons (ID numbers masked)" })
  @ApiPageResponse(VerificationItemView)
  items(@CurrentActor() actor: Actor, @UuidParam('taskId') taskId: string, @Query() query: FlagListQueryDto) {
    return this.comparisons.items(actor, taskId, query);
  }

  @Put('tasks/:taskId/verification-items/:flagId')
  @ApiOperation({ summary: 'Record what verifying a flagged person found' })
  @ApiOkResponse({ type: ComparisonFlagView })
  @ApiErrorResponses(409)
  resolve(
    @CurrentActor() actor: Actor,
    @UuidParam('taskId') taskId: string,
    @UuidParam('flagId') flagId: string,
    @Body() dto: ResolveFlagDto,
  ): Promise<ComparisonFlagView> {
    return this.comparisons.resolve(actor, taskId, flagId, dto);
  }
}
