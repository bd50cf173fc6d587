import { DeadlinePolicyView } from '../../policies/dto/policy-views.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAMPAIGN_STATUSES, CampaignStatus, STEP_KINDS, StepKind, StepStatus } from '../../domain/campaign-templates';
import type { DeadlinePolicy } from '../../domain/deadline-policy';
import { UNIT_KINDS, UnitKind } from '../../domain/hierarchy';
import type { RoundDefinition } from '../../domain/treatment-round';

/** Response shapes of the campaign routes (专项行动). */

const STEP_STATUSES = ['pending', 'launching', 'running', 'completed', 'cancelled'];

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The template the steps came from' }) template: string;
  @ApiProperty({ format: 'uuid' }) scopeUnitId: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
  @ApiProperty({ format: 'uuid', description: 'The disease catalogue version results are recorded against' }) catalogueVersionId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdByUserId: string | null;
  @ApiProperty({ type: Date, nullable: true }) launchedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ type: Date }) updatedAt: Date;
}

export class RoundDiseaseView {
  @ApiProperty({ description: 'A code of the campaign’s catalogue version' }) code: string;
  @ApiPropertyOptional({ description: 'Inclusive age (周岁) on the round’s first day' }) minAge?: number;
  @ApiPropertyOptional() maxAge?: number;
  @ApiPropertyOptional({ enum: ['male', 'female'] }) sex?: 'male' | 'female';
}

export class RoundHospitalView {
  @ApiProperty({ format: 'uuid', description: 'A designated hospital' }) unitId: string;
  @ApiProperty({ type: [String], description: 'Disease codes it treats in the round' }) diseases: string[];
  @ApiPropertyOptional({ type: [String], description: 'Counties it serves; absent: any county of the scope' }) countyUnitIds?: string[];
}

export class RoundStageView {
  @ApiProperty({ description: 'Calendar days the stage may take from its start' }) withinDays: number;
}

export class RoundStagesView {
  @ApiProperty({ type: RoundStageView, description: '转诊: from the case’s creation' }) referral: RoundStageView;
  @ApiProperty({ type: RoundStageView, description: '入院' }) admission: RoundStageView;
  @ApiProperty({ type: RoundStageView, description: '救治' }) treatment: RoundStageView;
}

/** A treatment round's definition (大病集中救治), as stored on its step. */
export class RoundDefinitionView {
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ type: RoundDiseaseView, isArray: true }) diseases: RoundDiseaseView[];
  @ApiProperty({ type: RoundHospitalView, isArray: true }) hospitals: RoundHospitalView[];
  @ApiProperty({ description: 'Treatment rate to reach by endsOn, percent' }) targetRate: number;
  @ApiProperty({ type: RoundStagesView }) stages: RoundStagesView;
}

export class CampaignStepView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() ordinal: number;
  @ApiProperty({ enum: STEP_KINDS }) kind: StepKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: UNIT_KINDS, description: 'Each unit of this kind in the scope gets a task' }) responsibleUnitKind: UnitKind;
  @ApiProperty({ type: Date }) dueAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'Start rule: not before this moment' }) startsAt: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Start rule: only once the step of this ordinal has completed' })
  startAfter: number | null;
  @ApiProperty({ type: DeadlinePolicyView, description: 'The deadline policy every task of the step gets' })
  policy: DeadlinePolicy;
  @ApiProperty({ type: RoundDefinitionView, nullable: true, description: "A treatment round's definition; null for other kinds" })
  round: RoundDefinition | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) policyId: string | null;
  @ApiProperty({ enum: STEP_STATUSES }) status: StepStatus;
  @ApiProperty() taskCount: number;
  @ApiProperty() itemCount: number;
  @ApiProperty({ type: Date, nullable: true }) launchedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}

export class StepTemplateView {
  @ApiProperty({ enum: STEP_KINDS }) kind: StepKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: UNIT_KINDS, isArray: true, description: 'Allowed responsible unit kinds, the first the default' })
  responsibleUnitKinds: UnitKind[];
  @ApiProperty({ type: Number, nullable: true, description: 'Default start rule: after the step of this index completes; null at launch' })
  startAfter: number | null;
}

export class CampaignTemplateView {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: StepTemplateView, isArray: true, description: 'In order: give one entry per step when creating' })
  steps: StepTemplateView[];
}

export class GateHolderView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: 'Problems of the unit not cleared' }) open: number;
}

export class QinglingGateView {
  @ApiProperty({ description: 'Problems in the campaign scope not cleared (its own, and those of no campaign)' }) openProblems: number;
  @ApiProperty({ type: GateHolderView, isArray: true, description: 'The units holding the gate, most first (at most 50)' })
  holders: GateHolderView[];
}

export class CampaignDetailView extends CampaignView {
  @ApiProperty({ type: CampaignStepView, isArray: true, description: 'In order' }) steps: CampaignStepView[];
  @ApiProperty({
    type: QinglingGateView,
    description: '清零 gate: the campaign completes only when no problem in its scope is open (empty unless launching or running)',
  })
  gate: QinglingGateView;
}

const COUNTS = { type: 'object', additionalProperties: { type: 'number' } } as const;

export class ProgressUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
}

export class UnitProgressView {
  @ApiProperty({ type: ProgressUnitView }) unit: ProgressUnitView;
  @ApiProperty({ description: 'Persons to re-identify' }) persons: number;
  @ApiProperty({ description: 'Persons with a result recorded' }) recorded: number;
  @ApiProperty({ ...COUNTS, description: 'Persons per outcome (every outcome listed, 0 included)' }) byOutcome: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Persons per disease category (every category listed, 0 included)' })
  byCategory: Record<string, number>;
}

export class StepTaskCountsView {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Unfinished and past due' }) overdue: number;
  @ApiProperty() open: number;
  @ApiProperty() in_progress: number;
  @ApiProperty() submitted: number;
  @ApiProperty() approved: number;
  @ApiProperty() cancelled: number;
}

export class StepProgressView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: STEP_KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STEP_STATUSES }) status: string;
  @ApiProperty({ type: Date }) dueAt: Date;
  /** Typed as the service builds it: every status is set, starting at 0. */
  @ApiProperty({ type: StepTaskCountsView, description: "The step's tasks in the area, per status" })
  tasks: Record<string, number> & { total: number; overdue: number };
  @ApiProperty({ type: UnitProgressView, isArray: true, description: 'The area unit and every area unit below it, rolled up' })
  units: UnitProgressView[];
}

export class ProgressCampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
}

export class ProgressRootView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
}

export class CampaignProgressView {
  @ApiProperty({ type: ProgressCampaignView }) campaign: ProgressCampaignView;
  @ApiProperty({ type: ProgressRootView, description: 'The area unit the figures are for' }) unit: ProgressRootView;
  @ApiProperty({ type: StepProgressView, isArray: true }) steps: StepProgressView[];
}

export class SubmissionMismatchUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class SubmissionMismatchView {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ type: SubmissionMismatchUnitView }) unit: SubmissionMismatchUnitView;
  @ApiProperty({ description: "A count of the submission, e.g. 'persons' or 'byOutcome.none'" }) field: string;
  @ApiProperty() submitted: number;
  @ApiProperty() recorded: number;
}

export class RollupMismatchView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() field: string;
  @ApiProperty() own: number;
  @ApiProperty() childrenSum: number;
}

export class ConsistencyReportView {
  @ApiProperty() consistent: boolean;
  @ApiProperty({ type: SubmissionMismatchView, isArray: true, description: 'Submitted counts that differ from the records today' })
  submissionMismatches: SubmissionMismatchView[];
  @ApiProperty({ type: RollupMismatchView, isArray: true, description: "Parents whose count differs from the sum of their children's" })
  rollupMismatches: RollupMismatchView[];
}
