import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { IsDateOrDateTime, OptionalNotNull } from '../../common/validators';

export const BULK_ACTIONS = ['reassign', 'extend', 'cancel'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export class BulkTaskActionDto {
  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action: BulkAction;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  taskIds: string[];

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  reason: string;

  @ApiPropertyOptional({ description: 'extend: the new due time' })
  @ValidateIf((dto: BulkTaskActionDto) => dto.action === 'extend')
  @IsDateOrDateTime()
  newDueAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'reassign: the new unit' })
  @OptionalNotNull()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'reassign: the new person' })
  @OptionalNotNull()
  @IsUUID()
  assigneeUserId?: string;
}

export class HandoverDto {
  @ApiProperty({ format: 'uuid', description: 'who takes over every open task' })
  @IsUUID()
  toUserId: string;

  @ApiProperty({ example: '调离岗位' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export interface BulkItemResult {
  taskId: string;
  ok: boolean;
  /** For a refused item: the HTTP status the single action would have answered, and why. */
  status?: number;
  error?: string;
}
