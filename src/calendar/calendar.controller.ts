import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { Actor, CurrentActor, GlobalSettings, Roles } from '../auth/actor';
import { UuidParam } from '../common/uuid-param';
import { YearParam } from './year-param';
import { CalendarYearView, WorkingCalendarService } from './working-calendar.service';

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
@Controller('calendars')
export class CalendarController {
  constructor(private readonly calendars: WorkingCalendarService) {}

  @Get()
  years(): Promise<CalendarYearView[]> {
    return this.calendars.nationalYears();
  }

  /** JSON `{year, holidays, makeUpWorkdays, source?}` or CSV `date,type` (holiday/workday, 休/班). */
  @Put(':year')
  @ApiParam({ name: 'year', type: Number, example: 2027 })
  @GlobalSettings()
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ schema: { example: { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: '国务院办公厅通知' } } })
  load(@CurrentActor() actor: Actor, @YearParam() year: number, @Body() body: unknown): Promise<CalendarYearView> {
    return this.calendars.loadNationalYear(actor, year, body);
  }

  @Put(':year/counties/:unitId')
  @ApiParam({ name: 'year', type: Number, example: 2027 })
  @Roles('admin')
  county(@CurrentActor() actor: Actor, @YearParam() year: number, @UuidParam('unitId') unitId: string, @Body() dto: CountyDaysDto) {
    return this.calendars.setCountyDays(actor, year, unitId, dto);
  }
}
