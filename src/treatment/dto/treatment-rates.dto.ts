import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { RateDecimalsQueryDto } from '../../common/rate-decimals.dto';
import { IsCalendarDate } from '../../common/validators';
import { RATE_DIMENSIONS, RateDimension, SERIES_STEPS, SeriesStep } from '../../domain/treatment-rates';

/** What every rate table takes: the split, the area and the rounding. */
export class RateTableQueryDto extends RateDecimalsQueryDto {
  @ApiPropertyOptional({
    enum: RATE_DIMENSIONS,
    default: 'county',
    description:
      'rows: the counties, the areas directly below unitId (each with its whole subtree), 三个一批, or the diseases of the round',
  })
  @IsOptional()
  @IsIn(RATE_DIMENSIONS)
  by: RateDimension = 'county';

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'an area (city, county, township, village) of the campaign scope, in your scope: only its cases are counted, and by=unit lists its ' +
      "children. Default: the campaign's scope unit (for by=unit, your own area when the campaign reaches beyond your scope)",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class RatesQueryDto extends RateTableQueryDto {
  @ApiPropertyOptional({ description: 'the day (Asia/Shanghai) the figures stand at the end of; default: today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class RateSeriesQueryDto extends RateTableQueryDto {
  @ApiPropertyOptional({
    enum: SERIES_STEPS,
    default: 'day',
    description: "a point every day, or every seventh day from the round's first (the last day always included)",
  })
  @IsOptional()
  @IsIn(SERIES_STEPS)
  every: SeriesStep = 'day';
}
