import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-docs';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { YearParam } from './year-param';
import { CalendarYearView, CountyDaysView } from './dto/calendar-views.dto';
import { WorkingCalendarService } from './working-calendar.service';

class CountyDaysDto {
  @ApiProperty({ type: [String], example: ['2026-03-20'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @IsString({ each: true })
  holidays?: string[];

  @ApiProperty({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @IsString({ each: true })
  makeUpWorkdays?: string[];
}

/** The working-day calendar: statutory holidays and make-up workdays (调休), one version per year. */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('calendars')
export class CalendarController {
  constructor(private readonly calendars: WorkingCalendarService) {}

  @Get()
  @ApiOperation({ summary: 'The national working-day calendar, year by year (holidays and 调休)' })
  @ApiOkResponse({ type: CalendarYearView, isArray: true })
  years(): Promise<CalendarYearView[]> {
    return this.calendars.nationalYears();
  }

  /** JSON `{year, holidays, makeUpWorkdays, source?}` or CSV `date,type` (holiday/workday, 休/班). */
  @Put(':year')
  @ApiParam({ name: 'year', type: Number, example: 2027 })
  @GlobalSettings()
  @ApiOperation({ summary: "Load or replace a year's national holiday schedule, JSON or CSV (admins of a root unit)" })
  @ApiOkResponse({ type: CalendarYearView })
  @ApiErrorResponses(400, 403, 413)
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ schema: { example: { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: '国务院办公厅通知' } } })
  load(@CurrentActor() actor: Actor, @YearParam() year: number, @Body() body: unknown): Promise<CalendarYearView> {
    return this.calendars.loadNationalYear(actor, year, body);
  }

  @Put(':year/counties/:unitId')
  @ApiParam({ name: 'year', type: Number, example: 2027 })
  @Roles('admin')
  @ApiOperation({ summary: "Set a county's own days off and working days for a year" })
  @ApiOkResponse({ type: CountyDaysView })
  @ApiErrorResponses(400, 403, 404)
  county(
    @CurrentActor() actor: Actor,
    @YearParam() year: number,
    @UuidParam('unitId') unitId: string,
    @Body() dto: CountyDaysDto,
  ): Promise<CountyDaysView> {
    return this.calendars.setCountyDays(actor, year, unitId, dto);
  }
}
