import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../common/validators';
import { ITEM_RESULTS, ItemResult } from '../../domain/cross-check';
import { ChecklistItemView } from './cross-check-views.dto';

export class CrossCheckSettingsDto {
  @ApiPropertyOptional({ description: 'the seed of the pairing and the household sample' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(4294967295)
  seed?: number;

  @ApiPropertyOptional({ description: 'never inspect a unit of the own township (village teams) or county (township teams)' })
  @OptionalNotNull()
  @IsBoolean()
  crossTownship?: boolean;

  @ApiPropertyOptional({ description: 'allow A to inspect B while B inspects A' })
  @OptionalNotNull()
  @IsBoolean()
  allowReciprocal?: boolean;

  @ApiPropertyOptional({ description: 'the checklist version to use' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  checklistVersion?: number;

  @ApiPropertyOptional({ description: 'households sampled per poverty status in each inspected village' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(50)
  householdsPerStratum?: number;
}

export class PairDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  teamId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetId: string;
}

export class PairingDto {
  @ApiProperty({ type: [PairDto] })
  @IsArray()
  @ArrayMaxSize(20_000)
  @ValidateNested({ each: true })
  @Type(() => PairDto)
  pairs: PairDto[];
}

export class ChecklistDto {
  @ApiProperty({ example: '交叉排查清单（2027）' })
  @IsString()
  @Length(1, 200)
  name: string;

  /** Checked item by item by validateChecklist, whose 400 names each bad item (`items[3].text …`). */
  @ApiProperty({
    type: [ChecklistItemView],
    description: 'the whole list; key 1–60 of a-z, 0-9, _ and . (kept across versions: a failed item’s problems merge by it)',
  })
  @IsArray()
  @ArrayMaxSize(200)
  items: unknown[];
}

export class RecordItemDto {
  @ApiProperty({ enum: ITEM_RESULTS })
  @IsIn(ITEM_RESULTS)
  result: ItemResult;

  @ApiPropertyOptional({ example: '有 3 种过期药品' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiPropertyOptional({ description: 'photos uploaded as evidence of the inspection task (POST /api/tasks/:id/evidence/files)' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}
