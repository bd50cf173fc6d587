import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class LedgerQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "a unit with a task in the campaign (its own persons), or an area of the campaign scope (all persons there); default: the campaign's scope unit",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'unmasked resident ID numbers (admins and managers; audited)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  fullIds?: 'true' | 'false';
}
