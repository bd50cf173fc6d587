import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** An export's choice of whole resident ID numbers instead of masked ones. */
export class FullIdsQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'unmasked resident ID numbers (admins and managers; audited)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  fullIds?: 'true' | 'false';
}

export class LedgerQueryDto extends FullIdsQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "a unit with a task in the campaign (its own persons), or an area of the campaign scope (all persons there); default: the campaign's scope unit",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
