import { ApiProperty } from '@nestjs/swagger';
import { CHECKLIST_ITEM_KINDS, ChecklistItemKind, ITEM_RESULTS, ItemResult } from '../../domain/cross-check';
import { PAIRING_RULES, PairingRule } from '../../domain/cross-check-pairing';
import { PROBLEM_CATEGORY_KEYS, ProblemCategory } from '../../domain/rectification';

export class CrossCheckSettingsView {
  @ApiProperty() seed: number;
  @ApiProperty() crossTownship: boolean;
  @ApiProperty() allowReciprocal: boolean;
  @ApiProperty() checklistVersion: number;
  @ApiProperty() householdsPerStratum: number;
}

export class PairView {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ type: String, nullable: true }) teamName: string | null;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: String, nullable: true }) targetName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the inspection task, once launched' }) taskId: string | null;
}

export class PairingViolationView {
  @ApiProperty({ enum: PAIRING_RULES }) rule: PairingRule;
  @ApiProperty() message: string;
  @ApiProperty({ type: [String] }) unitIds: string[];
}

export class CrossCheckRoundView {
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['village', 'township'] }) level: 'village' | 'township';
  @ApiProperty({ type: CrossCheckSettingsView }) settings: CrossCheckSettingsView;
  @ApiProperty({ type: [PairView] }) pairs: PairView[];
  @ApiProperty({ type: [PairingViolationView], description: 'empty when every rule holds' }) violations: PairingViolationView[];
}

export class ChecklistItemView {
  @ApiProperty({ example: 'clinic.drugs_unexpired' }) key: string;
  @ApiProperty({ enum: CHECKLIST_ITEM_KINDS }) kind: ChecklistItemKind;
  @ApiProperty() text: string;
  @ApiProperty({ enum: PROBLEM_CATEGORY_KEYS }) category: ProblemCategory;
}

export class ChecklistVersionView {
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: [ChecklistItemView] }) items: ChecklistItemView[];
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class InspectionItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() itemKey: string;
  @ApiProperty({ enum: CHECKLIST_ITEM_KINDS }) kind: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true, description: 'the sampled household (household items)' }) householdNumber: string | null;
  @ApiProperty({ enum: ITEM_RESULTS, nullable: true }) result: ItemResult | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [String] }) evidenceIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the problem a failure filed' }) problemId: string | null;
}
