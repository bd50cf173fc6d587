import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { OptionalNotNull } from '../../common/validators';
import { MAX_PER_UNIT, SAMPLE_STATUSES, SampleStatus, SPOT_CHECK_KINDS, SpotCheckKind } from '../../domain/spot-check-sample';

export class CreateSpotCheckDto {
  @ApiProperty({
    enum: SPOT_CHECK_KINDS,
    description: 'what is sampled: recorded re-identification results, treated cases or cleared problems',
  })
  @IsIn(SPOT_CHECK_KINDS)
  kind: SpotCheckKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'the campaign it samples (every step of the matching kind); or give stepId' })
  @OptionalNotNull()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the campaign step it samples (a re-identification step, a treatment round, a cross-check round)',
  })
  @OptionalNotNull()
  @IsUUID()
  stepId?: string;

  @ApiProperty({ format: 'uuid', description: 'the area: items of units in it (in your scope, below your own unit)' })
  @IsUUID()
  scopeUnitId: string;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 1,
    example: 0.1,
    description: 'a share of each unit’s items, rounded up (at least one); or give perUnit',
  })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  share?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PER_UNIT,
    example: 5,
    description: 'a number per unit (all of a unit that has fewer)',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_PER_UNIT)
  perUnit?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 4294967295,
    description: 'the seed of the draw (default: from the spot check’s id); the same seed draws the same items',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(4294967295)
  seed?: number;

  @ApiPropertyOptional({ example: '2027年第二季度救治情况抽查' })
  @OptionalNotNull()
  @IsString()
  @Length(0, 2000)
  note?: string;

  @ApiPropertyOptional({
    description: 'the client’s key of this request: sent again, the spot check already drawn is answered',
    example: 'f1d2…',
  })
  @OptionalNotNull()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,80}$/, { message: 'requestKey must be 1–80 of A-Z, a-z, 0-9, _ . : -' })
  requestKey?: string;
}

export class SpotCheckListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SPOT_CHECK_KINDS })
  @IsOptional()
  @IsIn(SPOT_CHECK_KINDS)
  kind?: SpotCheckKind;
}

export class SampleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SAMPLE_STATUSES })
  @IsOptional()
  @IsIn(SAMPLE_STATUSES)
  status?: SampleStatus;
}

export class SampleOutcomeDto {
  @ApiProperty({ description: 'true: verified; false: failed, the item is reopened with the reason' })
  @IsBoolean()
  passed: boolean;

  @ApiPropertyOptional({ example: '入户核实：患者未在定点医院住院治疗', description: 'required when failed' })
  @ValidateIf((o: SampleOutcomeDto) => o.passed === false || o.reason !== undefined)
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
