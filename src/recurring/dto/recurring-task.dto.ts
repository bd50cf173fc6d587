import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/validators';
import { UNIT_KINDS, UnitKind } from '../../domain/hierarchy';
import { IsTaskKind } from '../../tasks/dto/task-kind';

export class CreateRecurringTaskDto {
  @ApiProperty({
    example: '录入全国健康扶贫动态管理系统（{{period}}）',
    description: '`{{period}}` becomes the month of each occurrence, e.g. 2026年11月',
  })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(0, 10_000)
  description?: string;

  @ApiProperty({ example: 'monthly_system_update', description: 'the kind of the tasks it creates' })
  @IsTaskKind()
  kind: string;

  @ApiProperty({ format: 'uuid', description: 'every unit of unitKind at or below this unit gets a task' })
  @IsUUID()
  scopeUnitId: string;

  @ApiProperty({ enum: UNIT_KINDS, example: 'health_centre' })
  @IsIn(UNIT_KINDS)
  unitKind: UnitKind;

  @ApiProperty({
    example: '0 9 1 * *',
    description: 'minute hour day-of-month month day-of-week, Asia/Shanghai (numbers, *, lists, ranges, steps)',
  })
  @IsString()
  @Length(1, 100)
  cron: string;

  @ApiProperty({ minimum: 0, maximum: 366, example: 5, description: 'due at the end of the local day this many days after the occurrence' })
  @IsInt()
  @Min(0)
  @Max(366)
  dueAfterDays: number;

  @ApiPropertyOptional({ description: 'a deadline policy (see README); default: the default policy' })
  @OptionalNotNull()
  @IsObject()
  policy?: Record<string, unknown>;
}
