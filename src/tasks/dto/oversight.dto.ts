import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsDateOrDateTime } from '../../common/validators';

export const OVERDUE_SORTS = ['count', 'days', 'level', 'nextEscalation'] as const;

export class OverdueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: OVERDUE_SORTS,
    default: 'days',
    description: 'units with most overdue tasks, longest overdue, highest level, or soonest next escalation (units with none last) first',
  })
  @IsOptional()
  @IsIn(OVERDUE_SORTS)
  sort: (typeof OVERDUE_SORTS)[number] = 'days';

  @ApiPropertyOptional({ format: 'uuid', description: "only this campaign's tasks" })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only units in this unit’s subtree (itself included); 403 outside your scope' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class FormalTalkUpdateDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsDateOrDateTime()
  scheduledAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateOrDateTime()
  heldAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  outcome?: string;
}
