import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsCalendarDate, OptionalNotNull, QueryInt } from '../../common/validators';
import {
  PROBLEM_CATEGORY_KEYS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  ProblemCategory,
  ProblemSource,
  ProblemStatus,
} from '../../domain/rectification';

export class CreateProblemDto {
  @ApiProperty({ format: 'uuid', description: 'the responsible unit (责任单位), in your scope' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: PROBLEM_SOURCES })
  @IsIn(PROBLEM_SOURCES)
  source: ProblemSource;

  @ApiProperty({ enum: PROBLEM_CATEGORY_KEYS, description: 'decides the default time limit (整改时限)' })
  @IsIn(PROBLEM_CATEGORY_KEYS)
  category: ProblemCategory;

  @ApiProperty({ example: '村卫生室有过期药品 3 种' })
  @IsString()
  @Length(1, 2000)
  description: string;

  @ApiPropertyOptional({ example: '暗访照片 2 张' })
  @OptionalNotNull()
  @IsString()
  @Length(0, 2000)
  evidence?: string;

  @ApiPropertyOptional({ example: '2027-06-30', description: "the time limit; default: the category's" })
  @OptionalNotNull()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ example: 'clinic.drugs_unexpired', description: 'the item: same unit and item while open merges' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 80)
  itemKey?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "the inspecting team's unit, whose people may verify the fix" })
  @OptionalNotNull()
  @IsUUID()
  inspectingUnitId?: string;
}

export class ProblemListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES)
  status?: ProblemStatus;

  @ApiPropertyOptional({ enum: PROBLEM_SOURCES })
  @IsOptional()
  @IsIn(PROBLEM_SOURCES)
  source?: ProblemSource;

  @ApiPropertyOptional({ enum: PROBLEM_CATEGORY_KEYS })
  @IsOptional()
  @IsIn(PROBLEM_CATEGORY_KEYS)
  category?: ProblemCategory;

  @ApiPropertyOptional({ format: 'uuid', description: 'problems of this unit and below' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class SubmitPlanDto {
  @ApiProperty({ example: '3 日内补齐药品，清理过期药品并登记' })
  @IsString()
  @Length(1, 5000)
  plan: string;
}

export class ProblemNoteDto {
  @ApiPropertyOptional({ example: '已开始整改' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ReportFixDto {
  @ApiProperty({ example: '过期药品已清理，补购药品 12 种，见照片' })
  @IsString()
  @Length(1, 5000)
  note: string;
}

export class ProblemReasonDto {
  @ApiProperty({ example: '药品登记表未更新' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class CompleteAccountabilityDto {
  @ApiProperty({ example: '对第1村卫生室负责人通报批评' })
  @IsString()
  @Length(1, 5000)
  measure: string;
}

export const ACCOUNTABILITY_STATUSES = ['pending', 'completed'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];

export class AccountabilityListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACCOUNTABILITY_STATUSES, description: 'pending (待问责) or completed (已问责)' })
  @IsOptional()
  @IsIn(ACCOUNTABILITY_STATUSES)
  status?: AccountabilityStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'records of this unit and every unit below it (in your scope)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the records of one problem' })
  @IsOptional()
  @IsUUID()
  problemId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    description: 'the records opened with these formal talks (repeat the parameter, or separate by commas)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : [v])))
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  formalTalkId?: string[];
}

export class BoardQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "the area: a unit in scope and everything below it (default: the caller's unit)" })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "only this campaign's problems (its cross-check rounds')" })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 366, description: 'days of the burn-down, up to today' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(366)
  days: number = 30;
}

export class LedgerQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "a unit in scope: its problems and those of every unit below (default: the caller's unit)",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES)
  status?: ProblemStatus;
}
