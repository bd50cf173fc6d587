import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_RATE_DECIMALS } from '../domain/treatment-rates';

/** The rounding every rate report takes (treatment rates, follow-up rates): half up to this many decimals. */
export class RateDecimalsQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_RATE_DECIMALS,
    default: 2,
    description: 'decimals of the rates (rounded half up)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_RATE_DECIMALS)
  decimals = 2;
}
