import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { OptionalNotNull } from '../../common/validators';
import {
  CASE_STATUSES,
  CaseStatus,
  CLOSE_REASONS,
  CloseReason,
  HANDLING_CATEGORIES,
  HandlingCategory,
  TREATMENT_OUTCOMES,
  TreatmentOutcome,
} from '../../domain/treatment-round';

export class CaseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: HANDLING_CATEGORIES, description: '三个一批' })
  @IsOptional()
  @IsIn(HANDLING_CATEGORIES)
  handling?: HandlingCategory;

  @ApiPropertyOptional({ format: 'uuid', description: 'cases of this designated hospital' })
  @IsOptional()
  @IsUUID()
  hospitalUnitId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the case this task is a stage of, current or finished (the console opens a case from its stage task)',
  })
  @IsOptional()
  @IsUUID()
  stageTaskId?: string;
}

export class AddCaseDto {
  @ApiProperty({ format: 'uuid', description: 'a registered person in your area' })
  @IsUUID()
  personId: string;

  @ApiProperty({ example: 'M09', description: "a disease code on the round's list" })
  @IsString()
  @Length(1, 16)
  diseaseCode: string;

  @ApiProperty({ example: '复核发现，漏报' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class CaseActionDto {
  @ApiPropertyOptional({ example: '已联系定点医院' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class TreatCaseDto extends CaseActionDto {
  @ApiProperty({ enum: TREATMENT_OUTCOMES, description: 'discharged (出院) or continuing maintenance treatment (维持治疗)' })
  @IsIn(TREATMENT_OUTCOMES)
  outcome: TreatmentOutcome;
}

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSE_REASONS, description: 'refused needs signed evidence on the stage task first' })
  @IsIn(CLOSE_REASONS)
  closeReason: CloseReason;

  @ApiProperty({ example: '本人及家属签字拒绝' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class ReopenCaseDto {
  @ApiProperty({ example: '患者同意治疗' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class AssignHospitalDto {
  @ApiProperty({ format: 'uuid', description: 'a designated hospital inside the campaign' })
  @IsUUID()
  hospitalUnitId: string;

  @ApiProperty({ example: '患者就近选择' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
