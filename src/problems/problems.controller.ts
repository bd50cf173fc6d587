import { Body, Controller, Get, HttpCode, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { ApiErrorResponses, ApiFileResponse, ApiPageResponse } from '../common/api-docs';
import { writeXlsx } from '../common/tabular-writer';
import { withUploadedTable } from '../common/uploaded-table';
import { UuidParam } from '../common/uuid-param';
import { XLSX_CONTENT_TYPE } from '../campaigns/ledger.service';
import { attachmentDisposition } from '../tasks/evidence.controller';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { PROBLEM_IMPORT_COLUMNS } from '../domain/rectification';
import {
  AccountabilityListQueryDto,
  BoardQueryDto,
  CompleteAccountabilityDto,
  CreateProblemDto,
  LedgerQueryDto,
  ProblemListQueryDto,
  ProblemNoteDto,
  ProblemReasonDto,
  ReportFixDto,
  SubmitPlanDto,
} from './dto/problem.dto';
import {
  AccountabilityListItemView,
  AccountabilityView,
  FiledProblemView,
  ProblemBoardView,
  ProblemDetailView,
  ProblemImportView,
  ProblemListItemView,
  ProblemView,
} from './dto/problem-views.dto';
import { ProblemBoardService } from './problem-board.service';
import { ProblemsService } from './problems.service';

/** 问题清单 and 整改销号: problems of units, their rectification, and accountability (问责). Who may act is the problem's own rule (README). */
@ApiTags('problems')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404)
@Controller()
export class ProblemsController {
  constructor(
    private readonly problems: ProblemsService,
    private readonly board: ProblemBoardService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('problems')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'File a problem of a unit (merged into its open duplicate, or reopening a cleared one)' })
  @ApiCreatedResponse({ type: FiledProblemView })
  report(@CurrentActor() actor: Actor, @Body() dto: CreateProblemDto) {
    return this.problems.report(actor, dto);
  }

  /** All or nothing: every row is checked before anything is filed. */
  @Post('problems/import')
  @Roles('admin', 'manager')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Import a problem list (CSV or XLSX); a bad row refuses the file, naming the rows' })
  @ApiOkResponse({ type: ProblemImportView })
  @ApiErrorResponses(413)
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `CSV or XLSX: ${Object.values(PROBLEM_IMPORT_COLUMNS)
            .map((names) => names.join(' / '))
            .join(', ')}`,
        },
      },
    },
  })
  import(@CurrentActor() actor: Actor, @UploadedFile() file: Express.Multer.File | undefined) {
    return withUploadedTable(file, [], this.config.xlsx, (table) => this.problems.import(actor, table.rows));
  }

  @Get('problems')
  @ApiOperation({ summary: 'Problems in scope, overdue first' })
  @ApiPageResponse(ProblemListItemView)
  list(@CurrentActor() actor: Actor, @Query() query: ProblemListQueryDto) {
    return this.problems.list(actor, query);
  }

  @Get('problems/board')
  @Roles('admin', 'manager')
  @ApiOperation({
    summary: 'The 清零 board of an area: open problems by unit, source, category and age, overdue first, and the daily burn-down',
  })
  @ApiOkResponse({ type: ProblemBoardView })
  clearance(@CurrentActor() actor: Actor, @Query() query: BoardQueryDto) {
    return this.board.board(actor, query);
  }

  /** Streamed to the response (hence `@Res`); refusals come before the first byte, as JSON. */
  @Get('problems/ledger.xlsx')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'The problem ledger (问题清单 / 整改台账) of a unit and everything below it, as XLSX' })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'The ledger workbook')
  async ledger(@CurrentActor() actor: Actor, @Query() query: LedgerQueryDto, @Res() res: Response): Promise<void> {
    const { fileName, rows } = await this.board.ledger(actor, query);
    res.set({ 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': attachmentDisposition(fileName) });
    await writeXlsx(res, '问题清单', rows);
  }

  @Get('problems/:id')
  @ApiOperation({ summary: 'A problem with its history' })
  @ApiOkResponse({ type: ProblemDetailView })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return this.problems.get(actor, id);
  }

  @Post('problems/:id/plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'The responsible unit submits its rectification plan (open → plan_submitted)' })
  @ApiOkResponse({ type: ProblemView })
  @ApiErrorResponses(409)
  plan(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: SubmitPlanDto) {
    return this.problems.act(actor, id, 'submit_plan', { plan: dto.plan });
  }

  @Post('problems/:id/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rectification under way (plan_submitted → rectifying)' })
  @ApiOkResponse({ type: ProblemView })
  @ApiErrorResponses(409)
  start(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ProblemNoteDto) {
    return this.problems.act(actor, id, 'start', { reason: dto.reason });
  }

  @Post('problems/:id/report-fix')
  @HttpCode(200)
  @ApiOperation({ summary: "The fix reported, with evidence uploaded to the problem's task (rectifying → fix_reported)" })
  @ApiOkResponse({ type: ProblemView })
  @ApiErrorResponses(409)
  reportFix(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ReportFixDto) {
    return this.problems.act(actor, id, 'report_fix', { note: dto.note });
  }

  @Post('problems/:id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verified from outside the unit: cleared (销号)' })
  @ApiOkResponse({ type: ProblemView })
  @ApiErrorResponses(409)
  verify(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ProblemNoteDto) {
    return this.problems.act(actor, id, 'verify', { reason: dto.reason });
  }

  @Post('problems/:id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verification refused with a reason: back to rectifying' })
  @ApiOkResponse({ type: ProblemView })
  @ApiErrorResponses(409)
  refuse(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ProblemReasonDto) {
    return this.problems.act(actor, id, 'refuse', { reason: dto.reason });
  }

  @Post('problems/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'A cleared problem found again: reopened with a new time limit, counted as a recurrence' })
  @ApiOkResponse({ type: ProblemView })
  @ApiErrorResponses(409)
  reopen(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ProblemReasonDto) {
    return this.problems.act(actor, id, 'reopen', { reason: dto.reason });
  }

  @Get('accountability')
  @Roles('admin', 'manager')
  @ApiOperation({
    summary: 'Accountability records (问责) of units in scope, pending first, with the unit, the problem and the formal talk',
  })
  @ApiPageResponse(AccountabilityListItemView)
  accountability(@CurrentActor() actor: Actor, @Query() query: AccountabilityListQueryDto) {
    return this.problems.accountability(actor, query);
  }

  @Post('accountability/:id/complete')
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'A manager records the measure taken (问责) and completes the record' })
  @ApiOkResponse({ type: AccountabilityView })
  @ApiErrorResponses(409)
  complete(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: CompleteAccountabilityDto) {
    return this.problems.completeAccountability(actor, id, dto.measure);
  }
}
