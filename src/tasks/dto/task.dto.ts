import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsDateOrDateTime, OptionalNotNull } from '../../common/validators';
import { TASK_STATUSES, TaskStatus } from '../../domain/task-lifecycle';
import { IsTaskKind } from './task-kind';

export class CreateTaskDto {
  @ApiPropertyOptional({ default: 'standalone', example: 'monthly_system_update' })
  @OptionalNotNull()
  @IsTaskKind()
  kind?: string;

  @ApiProperty({ example: '录入全国健康扶贫动态管理系统（11月）' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(0, 10_000)
  description?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  assigneeUserId?: string;

  @ApiProperty({ description: 'ISO time; a bare date (YYYY-MM-DD) means the end of that day, Asia/Shanghai', example: '2027-03-25' })
  @IsDateOrDateTime()
  dueAt: string;

  @ApiPropertyOptional({ description: 'a deadline policy (see README); default: the policy policyId names, else the default policy' })
  @OptionalNotNull()
  @IsObject()
  policy?: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a named policy (GET /api/policies), copied onto the task; ignored when policy is given',
  })
  @OptionalNotNull()
  @IsUUID()
  policyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  stepId?: string;
}

export class TaskActionDto {
  @ApiPropertyOptional({ description: 'required to return or cancel' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ExtensionRequestDto {
  @ApiProperty({ example: '2027-04-01' })
  @IsDateOrDateTime()
  newDueAt: string;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class ExtensionDecisionDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ReassignDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null: the unit as a whole' })
  @IsOptional()
  @IsUUID()
  assigneeUserId?: string | null;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class TaskListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ description: 'due at or after' })
  @IsOptional()
  @IsDateOrDateTime()
  dueFrom?: string;

  @ApiPropertyOptional({ description: 'due at or before' })
  @IsOptional()
  @IsDateOrDateTime()
  dueTo?: string;

  @ApiPropertyOptional({ description: 'only overdue tasks' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}
