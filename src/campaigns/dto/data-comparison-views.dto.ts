import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPARISON_FLAGS, ComparisonFlag } from '../../domain/data-comparison';

/** Response shapes of 数据比对: the poverty office's list against a campaign's records. */

export class ComparisonRunView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid', description: 'The area the list covers' }) areaUnitId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() listRows: number;
  @ApiProperty() flagged: number;
  @ApiProperty({ description: 'Flags no unit answers for' }) unassigned: number;
  @ApiProperty({ type: Date }) dueAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdByUserId: string | null;
  @ApiProperty({ type: Date }) createdAt: Date;
}

/** Flags per kind: every kind listed. */
export class FlagCountsView implements Record<ComparisonFlag, number> {
  @ApiProperty({ description: '致贫原因为因病但未识别出疾病' }) illness_cause_without_condition: number;
  @ApiProperty({ description: '患大病但致贫原因非因病' }) major_disease_without_illness_cause: number;
  @ApiProperty({ description: '仅在扶贫部门名单中' }) only_on_poverty_list: number;
  @ApiProperty({ description: '仅在卫健部门记录中' }) only_in_health_records: number;
}

/** Flags per kind: only the kinds the unit has. */
export class PartialFlagCountsView implements Partial<Record<ComparisonFlag, number>> {
  @ApiPropertyOptional() illness_cause_without_condition?: number;
  @ApiPropertyOptional() major_disease_without_illness_cause?: number;
  @ApiPropertyOptional() only_on_poverty_list?: number;
  @ApiPropertyOptional() only_in_health_records?: number;
}

export class ComparisonUnitRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ComparisonUnitView {
  @ApiProperty({ type: ComparisonUnitRefView }) unit: ComparisonUnitRefView;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The unit's verification task" }) taskId: string | null;
  @ApiProperty() flags: number;
  @ApiProperty({ type: PartialFlagCountsView }) byKind: PartialFlagCountsView;
}

export class ComparisonSummaryView {
  @ApiProperty({ type: ComparisonRunView }) run: ComparisonRunView;
  @ApiProperty({ type: FlagCountsView, description: 'The whole run' }) byKind: FlagCountsView;
  @ApiProperty({ type: ComparisonUnitView, isArray: true, description: 'The units of my scope with flags' }) units: ComparisonUnitView[];
}

export class FlaggedPersonView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: not in the register' }) id: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ description: 'The resident ID number, masked' }) idNumberMasked: string;
  @ApiProperty({ type: String, nullable: true }) sex: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '周岁 today' }) age: number | null;
}

export class PovertyCauseView {
  @ApiProperty() main: string;
  @ApiProperty() secondary: string;
}

/** A flagged person of a verification task, ID number masked. */
export class VerificationItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMPARISON_FLAGS }) kind: ComparisonFlag;
  @ApiProperty({ description: 'The kind in words' }) label: string;
  @ApiProperty({ type: FlaggedPersonView }) person: FlaggedPersonView;
  @ApiProperty() householdNumber: string;
  @ApiProperty({ type: PovertyCauseView }) povertyCause: PovertyCauseView;
  @ApiProperty({ type: [String], description: 'Disease categories the health records hold' }) recordedCategories: string[];
  @ApiProperty({ type: String, nullable: true }) resolutionNote: string | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
}

/** A verification item as stored (without the full ID number). */
export class ComparisonFlagView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ enum: COMPARISON_FLAGS }) kind: ComparisonFlag;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId: string | null;
  @ApiProperty() householdNumber: string;
  @ApiProperty() povertyCauseMain: string;
  @ApiProperty() povertyCauseSecondary: string;
  @ApiProperty({ type: [String] }) recordedCategories: string[];
  @ApiProperty({ type: String, nullable: true }) resolutionNote: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) resolvedByUserId: string | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
}
