import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_INT4 } from '../../common/int-param';
import { PageQueryDto } from '../../common/pagination';
import { IsCalendarDate, IsDateOrDateTime, OptionalNotNull } from '../../common/validators';
import { CAMPAIGN_STATUSES, CAMPAIGN_TEMPLATES, CampaignStatus } from '../../domain/campaign-templates';
import { UNIT_KINDS, UnitKind } from '../../domain/hierarchy';

export class CampaignStepDto {
  @ApiProperty({ description: 'ISO time; a bare date means the end of that day, Asia/Shanghai', example: '2027-03-25' })
  @IsDateOrDateTime({ message: 'steps[].dueAt must be an existing day as YYYY-MM-DD or an ISO date-time' })
  dueAt: string;

  @ApiPropertyOptional({
    enum: UNIT_KINDS,
    example: 'village_clinic',
    description: "the kind of unit that gets a task: each one in scope; default the template step's first kind",
  })
  @OptionalNotNull()
  @IsIn(UNIT_KINDS)
  responsibleUnitKind?: UnitKind;

  @ApiPropertyOptional({
    description: 'start rule: not before this moment (a bare date means the start of that day, Asia/Shanghai); default none',
    example: '2027-05-15',
  })
  @OptionalNotNull()
  @IsDateOrDateTime({ message: 'steps[].startsAt must be an existing day as YYYY-MM-DD or an ISO date-time' })
  startsAt?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      "start rule: only once the step of this index (0-based, earlier) has completed; null: no such condition; default the template's rule",
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(19)
  startAfter?: number | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'a named deadline policy; default: the default policy' })
  @OptionalNotNull()
  @IsUUID()
  policyId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'an inline deadline policy (see README); wins over policyId',
  })
  @OptionalNotNull()
  @IsObject()
  policy?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'a treatment_round step: {startsOn, endsOn, diseases:[{disease (code or name), minAge?, maxAge?, sex?}], hospitals:[{unitId, diseases, countyUnitIds?}], targetRate, stages:{referral|admission|treatment:{withinDays}}} (see README)',
  })
  @OptionalNotNull()
  @IsObject()
  round?: Record<string, unknown>;
}

export class CreateCampaignDto {
  @ApiProperty({ example: '2027年建档立卡贫困人口疾病再识别' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: CAMPAIGN_TEMPLATES.map((t) => t.key), example: 're_identification' })
  @IsIn(CAMPAIGN_TEMPLATES.map((t) => t.key))
  template: string;

  @ApiProperty({ format: 'uuid', description: 'a city, county or township in your scope' })
  @IsUUID()
  scopeUnitId: string;

  @ApiProperty({ example: '2027-03-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: '2027-06-30' })
  @IsCalendarDate()
  endsOn: string;

  @ApiPropertyOptional({ description: 'disease catalogue version to pin; default the latest' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  catalogueVersion?: number;

  @ApiProperty({ type: [CampaignStepDto], description: "one entry per step of the template, in the template's order" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CampaignStepDto)
  steps: CampaignStepDto[];
}

export class CancelCampaignDto {
  @ApiProperty({ example: '范围有误，重新发起' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}

export class CampaignListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;
}

export class ProgressQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a unit of the campaign scope (default: the scope unit, or your own area)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
