import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiFileResponse } from '../common/api-docs';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { XLSX_CONTENT_TYPE } from '../campaigns/ledger.service';
import { UuidParam } from '../common/uuid-param';
import { attachmentDisposition } from '../tasks/evidence.controller';
import { RateSeriesQueryDto, RatesQueryDto } from './dto/treatment-rates.dto';
import { RatesReportView, RatesSeriesView } from './dto/treatment-views.dto';
import { TreatmentRatesService } from './treatment-rates.service';

/** 救治率 of a treatment round (a campaign step of kind treatment_round): admins and managers, over the cases of their scope. */
@ApiTags('treatment')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404)
@Controller('treatment-rounds')
export class TreatmentRatesController {
  constructor(private readonly rates: TreatmentRatesService) {}

  /** As of a day: needing treatment, treated and the rate per row and in total, with each row's pace to the target. */
  @Get(':stepId/rates')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Treatment rates (救治率) of a round as of a day, per row and in total, with the pace to the target' })
  @ApiOkResponse({ type: RatesReportView })
  table(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string, @Query() query: RatesQueryDto): Promise<RatesReportView> {
    return this.rates.rates(actor, stepId, query);
  }

  /** The same table for every day (or week) from the round's first day to its last or today. */
  @Get(':stepId/rates/series')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Treatment rates day by day (or week by week) over the round' })
  @ApiOkResponse({ type: RatesSeriesView })
  series(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string, @Query() query: RateSeriesQueryDto): Promise<RatesSeriesView> {
    return this.rates.series(actor, stepId, query);
  }

  /** Seed 001's table as XLSX: 单位, 应救治人数, 已救治人数, 救治率(%), the 三个一批 split, 合计. */
  @Get(':stepId/rates.xlsx')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Treatment rates as the bureaus’ XLSX table (seed 001: 三个一批 split, 合计)' })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'The workbook')
  async sheet(@CurrentActor() actor: Actor, @UuidParam('stepId') stepId: string, @Query() query: RatesQueryDto): Promise<StreamableFile> {
    const { fileName, content } = await this.rates.workbook(actor, stepId, query);
    return new StreamableFile(content, { type: XLSX_CONTENT_TYPE, disposition: attachmentDisposition(fileName) });
  }
}
