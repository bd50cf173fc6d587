import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { UNIT_CODE_PATTERN, UNIT_KINDS, UnitKind } from '../../domain/hierarchy';

export class CreateUnitDto {
  @ApiProperty({ example: '510812100201' })
  @IsString()
  @Matches(UNIT_CODE_PATTERN, { message: 'code must be 1–32 letters, digits, "-" or "_"' })
  code: string;

  @ApiProperty({ example: '某某村' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  parentId: string;

  @ApiPropertyOptional({ description: '贫困村; villages only' })
  @IsOptional()
  @IsBoolean()
  isPoorVillage?: boolean;
}

/** A row of a JSON import; a CSV import has the same columns (code,name,kind,parentCode,isPoorVillage). */
export class UnitImportRowDto {
  // Checked row by row by planUnitImport so that every row's errors are reported together.
  @ApiProperty() @Allow() code: unknown;
  @ApiProperty() @Allow() name: unknown;
  @ApiProperty({ enum: UNIT_KINDS }) @Allow() kind: unknown;
  @ApiPropertyOptional() @Allow() parentCode?: unknown;
  @ApiPropertyOptional() @Allow() isPoorVillage?: unknown;
}

export class UnitImportDto {
  @ApiProperty({ type: [UnitImportRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50_000)
  @ValidateNested({ each: true })
  @Type(() => UnitImportRowDto)
  units: UnitImportRowDto[];
}

export class UnitListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'part of the name or code' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class SubtreeQueryDto {
  @ApiPropertyOptional({ description: 'levels below the root to include (default: all)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(20)
  maxDepth?: number;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}

export class UnitView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty() depth: number;
  @ApiProperty() isPoorVillage: boolean;
}
