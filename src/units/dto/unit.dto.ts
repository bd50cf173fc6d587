import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ErrorResponseDto } from '../../common/api-docs';
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { QueryInt } from '../../common/validators';
import { ESCALATION_TARGETS, EscalationTarget } from '../../domain/deadline-policy';
import { UNIT_CODE_PATTERN, UNIT_KINDS, UnitKind } from '../../domain/hierarchy';

/** `true`/`false` in a query string become booleans; anything else stays and fails @IsBoolean. */
const queryBoolean = Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Present means checked: `null` is refused like any other wrong type (absent leaves the field as it is). */
const unlessAbsent = (field: string) => ValidateIf((o: Record<string, unknown>) => o[field] !== undefined);

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

/**
 * Changes to one unit; absent fields stay as they are. The head (负责人) must be an active user whose
 * own unit is this unit or lies below it; `null` clears it.
 */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: '某某村' })
  @unlessAbsent('name')
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: '负责人: an active user of this unit or a unit below it; null clears',
  })
  @IsOptional()
  @IsUUID('all', { message: 'headUserId must be a UUID or null' })
  headUserId?: string | null;

  @ApiPropertyOptional({ description: '贫困村; villages only' })
  @unlessAbsent('isPoorVillage')
  @IsBoolean()
  isPoorVillage?: boolean;

  @ApiPropertyOptional({
    description: 'false deactivates (refused with 409 and a report while open tasks, active users or active child units remain)',
  })
  @unlessAbsent('active')
  @IsBoolean()
  active?: boolean;
}

/** A row of a JSON import; a CSV import has the same columns (code,name,kind,parentCode,isPoorVillage,headUsername). */
export class UnitImportRowDto {
  // Checked row by row by planUnitImport so that every row's errors are reported together.
  @ApiProperty() @Allow() code: unknown;
  @ApiProperty() @Allow() name: unknown;
  @ApiProperty({ enum: UNIT_KINDS }) @Allow() kind: unknown;
  @ApiPropertyOptional() @Allow() parentCode?: unknown;
  @ApiPropertyOptional() @Allow() isPoorVillage?: unknown;
  @ApiPropertyOptional({ description: 'username of the head (负责人): an active user in your scope' }) @Allow() headUsername?: unknown;
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

  @ApiPropertyOptional({ description: 'also list deactivated units', default: false })
  @IsOptional()
  @queryBoolean
  @IsBoolean()
  includeInactive?: boolean;
}

export class SubtreeQueryDto {
  @ApiPropertyOptional({ description: 'levels below the root to include (default: all)' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(0)
  @Max(20)
  maxDepth?: number;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ description: 'also include deactivated units', default: false })
  @IsOptional()
  @queryBoolean
  @IsBoolean()
  includeInactive?: boolean;
}

export class LadderCheckQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'root of the subtree to check (default: every subtree of your scope)' })
  @IsOptional()
  @IsUUID()
  rootId?: string;
}

export class UnitView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty() depth: number;
  @ApiProperty() isPoorVillage: boolean;
  @ApiProperty({ nullable: true, type: String, description: '负责人' }) headUserId: string | null;
  @ApiProperty() active: boolean;
}

export class UnitSummary {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
}

export class LadderGapView {
  @ApiProperty({ type: UnitSummary }) unit: UnitSummary;
  @ApiProperty({ enum: ESCALATION_TARGETS, isArray: true, description: 'targets that would reach no active user' })
  missing: EscalationTarget[];
}

export class LadderCheckView {
  @ApiProperty({ description: 'active units checked' }) checked: number;
  @ApiProperty({ type: [LadderGapView], description: 'units lacking at least one target, by path' }) units: LadderGapView[];
}

export class BlockingTask {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

export class BlockingUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

/** Body of the 409 that refuses a deactivation: what still hangs on the unit (at most 100 of each, with the counts). */
export class DeactivationBlockers {
  @ApiProperty() openTaskCount: number;
  @ApiProperty({ type: [BlockingTask], description: 'earliest due first' }) openTasks: BlockingTask[];
  @ApiProperty() activeUserCount: number;
  @ApiProperty({ type: [BlockingUser] }) activeUsers: BlockingUser[];
  @ApiProperty() activeChildUnitCount: number;
  @ApiProperty({ type: [UnitSummary] }) activeChildUnits: UnitSummary[];
}

/** The 409 of a refused deactivation: the error body with what blocks it. */
export class DeactivationRefusal extends ErrorResponseDto {
  @ApiProperty({ type: DeactivationBlockers }) blockers: DeactivationBlockers;
}

export class UnitImportResult {
  @ApiProperty({ description: 'Units created (the import is all or nothing)' }) created: number;
}
