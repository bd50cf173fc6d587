import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { RE_IDENTIFICATION_OUTCOMES, ReIdentificationOutcome } from '../../domain/re-identification';

export class RecordResultDto {
  @ApiProperty({ enum: RE_IDENTIFICATION_OUTCOMES, description: 'conditions found, none, or why the person was not assessed' })
  @IsIn(RE_IDENTIFICATION_OUTCOMES)
  outcome: ReIdentificationOutcome;

  @ApiPropertyOptional({
    type: [String],
    description: "codes (or exact names) of the campaign's disease catalogue; required for outcome conditions",
    example: ['C01'],
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  conditions?: string[];

  @ApiPropertyOptional({ description: 'required for unreachable, moved and deceased', example: '外出务工，电话无法接通' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class ItemListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'recorded'] })
  @IsOptional()
  @IsIn(['pending', 'recorded'])
  state?: 'pending' | 'recorded';

  @ApiPropertyOptional({ enum: RE_IDENTIFICATION_OUTCOMES })
  @IsOptional()
  @IsIn(RE_IDENTIFICATION_OUTCOMES)
  outcome?: ReIdentificationOutcome;

  @ApiPropertyOptional({ description: "part of the person's name or the household number" })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  q?: string;
}
