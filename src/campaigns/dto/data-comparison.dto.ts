import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsDateOrDateTime } from '../../common/validators';
import { COMPARISON_FLAGS, ComparisonFlag } from '../../domain/data-comparison';

export class ComparisonUploadDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the area the list covers (default: the campaign scope); only its records are compared',
  })
  @IsOptional()
  @IsUUID()
  areaUnitId?: string;

  @ApiProperty({ description: 'deadline of the verification tasks; a bare date means the end of that day', example: '2027-04-10' })
  @IsDateOrDateTime()
  dueAt: string;
}

export class FlagListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMPARISON_FLAGS })
  @IsOptional()
  @IsIn(COMPARISON_FLAGS)
  kind?: ComparisonFlag;

  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  state?: 'open' | 'resolved';
}

export class ResolveFlagDto {
  @ApiProperty({ description: 'what the verification found and did', example: '入户核实，患高血压，已补录' })
  @IsString()
  @Length(1, 1000)
  note: string;
}
