import { Body, Controller, Get, HttpCode, Post, Put, Query, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/api-docs';
import { Page } from '../common/pagination';
import { Actor, CurrentActor } from '../auth/actor';
import { withUploadedTable } from '../common/uploaded-table';
import { UuidParam } from '../common/uuid-param';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { RESULT_COLUMNS } from '../domain/re-identification';
import { ItemListQueryDto, RecordResultDto } from './dto/re-identification.dto';
import { RecordedCountView, ReIdentificationItemListView, ReIdentificationItemView } from './dto/re-identification-views.dto';
import { ReIdentificationService } from './re-identification.service';
import { ResultsUploadAccess } from './upload-access.guards';

/** 疾病再识别: the persons of a unit's task, and their results. */
@ApiTags('re-identification')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404)
@Controller('tasks/:taskId/items')
export class ReIdentificationController {
  constructor(
    private readonly reIdentification: ReIdentificationService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Resident ID numbers are masked here; the full value is read one person at a time, audited. */
  @Get()
  @ApiOperation({ summary: 'The persons of a re-identification task (疾病再识别), ID numbers masked' })
  @ApiPageResponse(ReIdentificationItemListView)
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('taskId') taskId: string,
    @Query() query: ItemListQueryDto,
  ): Promise<Page<ReIdentificationItemListView>> {
    return this.reIdentification.listItems(actor, taskId, query);
  }

  /**
   * Many results at once from a CSV or XLSX (身份证号, 识别结果, 疾病, 说明): all or nothing, errors row by
   * row. Who may record on the task is checked before the file is read; the file streams to disk (the
   * module's multer options: at most 50 MiB) and is read from there within the XLSX limits.
   */
  @Post('results')
  @UseGuards(ResultsUploadAccess)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @HttpCode(200)
  @ApiOperation({ summary: 'Record many results from a CSV or XLSX file, all or nothing (errors row by row)' })
  @ApiOkResponse({ type: RecordedCountView })
  @ApiErrorResponses(409, 413)
  async upload(
    @CurrentActor() actor: Actor,
    @UuidParam('taskId') taskId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<RecordedCountView> {
    return withUploadedTable(file, [RESULT_COLUMNS.idNumber, RESULT_COLUMNS.outcome], this.config.xlsx, (table) =>
      this.reIdentification.recordFromUpload(actor, taskId, table.rows),
    );
  }

  @Put(':itemId')
  @ApiOperation({ summary: "Record one person's result" })
  @ApiOkResponse({ type: ReIdentificationItemView })
  @ApiErrorResponses(409)
  record(
    @CurrentActor() actor: Actor,
    @UuidParam('taskId') taskId: string,
    @UuidParam('itemId') itemId: string,
    @Body() dto: RecordResultDto,
  ): Promise<ReIdentificationItemView> {
    return this.reIdentification.record(actor, taskId, itemId, dto);
  }
}
