import { Controller, Get, HttpCode, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiFileResponse } from '../common/api-docs';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { REGISTER_HEADERS } from '../domain/register-row';
import { RegisterImportView } from './dto/population.dto';
import { registerTemplate } from './register-file';
import { RegisterImportService, toView } from './register-import.service';

const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 建档立卡数据导入: upload a register file, follow its import, download the error report or a template. */
@ApiTags('population')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('population/imports')
export class RegisterImportsController {
  constructor(private readonly imports: RegisterImportService) {}

  /** 202: the file is stored and imported in the background, all or nothing; follow it with GET. Disk storage and size limit come from the module's multer options. */
  @Post()
  @Roles('admin', 'manager')
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: `.csv or .xlsx with the columns ${REGISTER_HEADERS.join(', ')}` },
      },
    },
  })
  @ApiOperation({ summary: 'Upload a register file (建档立卡数据导入): imported in the background, all or nothing' })
  @ApiAcceptedResponse({ type: RegisterImportView, description: 'Queued: follow it with GET /api/population/imports/{id}' })
  @ApiErrorResponses(400, 403, 413)
  create(@CurrentActor() actor: Actor, @UploadedFile() file: Express.Multer.File | undefined): Promise<RegisterImportView> {
    return this.imports.create(actor, file);
  }

  @Get('template.csv')
  @ApiOperation({ summary: 'The register template as CSV (UTF-8, header row only)' })
  @ApiFileResponse('text/csv', 'The template')
  async templateCsv(): Promise<StreamableFile> {
    return new StreamableFile(await registerTemplate('csv'), {
      type: CSV_TYPE,
      disposition: 'attachment; filename="register-template.csv"',
    });
  }

  @Get('template.xlsx')
  @ApiOperation({ summary: 'The register template as XLSX' })
  @ApiFileResponse(XLSX_TYPE, 'The template')
  async templateXlsx(): Promise<StreamableFile> {
    return new StreamableFile(await registerTemplate('xlsx'), {
      type: XLSX_TYPE,
      disposition: 'attachment; filename="register-template.xlsx"',
    });
  }

  @Get(':id')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'A register import: its status and counts' })
  @ApiOkResponse({ type: RegisterImportView })
  @ApiErrorResponses(400, 403, 404)
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RegisterImportView> {
    return toView(await this.imports.findVisible(actor, id));
  }

  /** The error report (行号, 列, 原因) of a failed import; only the header row for any other. */
  @Get(':id/errors.csv')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'The error report (行号, 列, 原因) of a register import, as CSV' })
  @ApiFileResponse('text/csv', 'The report: only the header row for an import without errors')
  @ApiErrorResponses(400, 403, 404)
  async errors(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<StreamableFile> {
    const report = await this.imports.errorReport(await this.imports.findVisible(actor, id));
    return new StreamableFile(report, { type: CSV_TYPE, disposition: `attachment; filename="register-import-${id}-errors.csv"` });
  }
}
