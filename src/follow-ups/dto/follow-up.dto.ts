import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';
import { RateDecimalsQueryDto } from '../../common/rate-decimals.dto';
import { SERIES_STEPS, SeriesStep } from '../../domain/treatment-rates';
import { FOLLOW_UP_DISEASE_CODES, FOLLOW_UPS_PER_YEAR, FollowUpDiseaseCode, FollowUpsPerYear } from '../../domain/follow-up';

export class CreateFollowUpPlanDto {
  @ApiProperty({ format: 'uuid', description: 'a registered person with a contracted family doctor (签约家庭医生)' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: FOLLOW_UP_DISEASE_CODES, description: 'C01 原发性高血压, C02 2型糖尿病, C03 严重精神障碍' })
  @IsIn(FOLLOW_UP_DISEASE_CODES)
  diseaseCode: FollowUpDiseaseCode;

  @ApiPropertyOptional({ enum: FOLLOW_UPS_PER_YEAR, default: 4, description: 'face-to-face visits a year: periods of 3, 2 or 1 months' })
  @IsOptional()
  @IsIn(FOLLOW_UPS_PER_YEAR)
  perYear?: FollowUpsPerYear;
}

export class PlansFromResultsDto {
  @ApiProperty({ format: 'uuid', description: 'a county, township or village in your scope' })
  @IsUUID()
  scopeUnitId: string;

  @ApiPropertyOptional({ enum: FOLLOW_UPS_PER_YEAR, default: 4 })
  @IsOptional()
  @IsIn(FOLLOW_UPS_PER_YEAR)
  perYear?: FollowUpsPerYear;
}

export class FollowUpPlanListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'plans kept by units under this one' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class FollowUpListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'recorded'] })
  @IsOptional()
  @IsIn(['pending', 'recorded'])
  state?: 'pending' | 'recorded';
}

/** Types here; what each disease needs, the ranges and the period in src/domain/follow-up.ts (400 naming each field). */
export class RecordFollowUpDto {
  @ApiProperty({
    example: '2027-12-18',
    description: "the day of the face-to-face visit: inside the follow-up's period, not in the future",
  })
  @IsString()
  visitDate: string;

  @ApiPropertyOptional({ example: 142, description: 'mmHg, 60–300; required for C01 原发性高血压' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  systolic?: number;

  @ApiPropertyOptional({ example: 91, description: 'mmHg, 30–200, below systolic; required for C01' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  diastolic?: number;

  @ApiPropertyOptional({ example: 6.8, description: 'fasting glucose, mmol/L, 1.0–35.0, one decimal; required for C02 2型糖尿病' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  glucose?: number;

  @ApiPropertyOptional({ description: 'at most 2,000 characters; required for C03 严重精神障碍' })
  @IsOptional()
  @IsString()
  notes?: string;
}

export class GenerateFollowUpsDto {
  @ApiPropertyOptional({
    example: '2027-12-20',
    description: 'the day whose periods are generated (default: today, Asia/Shanghai); not before today',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class FollowUpRatesQueryDto extends RateDecimalsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an area in your scope (city, county, township, village); default: your own unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'the day (Asia/Shanghai) the figures stand at the end of; default: today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class FollowUpRateSeriesQueryDto extends RateDecimalsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an area in your scope (city, county, township, village); default: your own unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'date', description: "the first day (Asia/Shanghai); default: 1 January of `to`'s year" })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'the last day, at most 366 days after `from`; default and at most: today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    enum: SERIES_STEPS,
    default: 'week',
    description: 'a point every day, or every seventh day from `from` (the last day always included)',
  })
  @IsOptional()
  @IsIn(SERIES_STEPS)
  every: SeriesStep = 'week';
}
