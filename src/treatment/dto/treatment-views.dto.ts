import { ApiProperty } from '@nestjs/swagger';
import { RATE_DIMENSIONS, RateDimension, SERIES_STEPS, SeriesStep } from '../../domain/treatment-rates';
import { CASE_STATUSES, CaseStatus, CLOSE_REASONS, HANDLING_CATEGORIES, TREATMENT_OUTCOMES } from '../../domain/treatment-round';
import { UNIT_KINDS } from '../../domain/hierarchy';

/** Response shapes of 大病集中救治: cases (救治台账) and treatment rates (救治率). */

/** A case as lists show it: the person by name, masked ID number and age. */
export class TreatmentCaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ enum: HANDLING_CATEGORIES, description: '三个一批: how the case is handled' }) handling: string;
  @ApiProperty() diseaseCode: string;
  @ApiProperty() diseaseName: string;
  @ApiProperty() personName: string;
  @ApiProperty({ description: 'The resident ID number, masked' }) idNumberMasked: string;
  @ApiProperty({ description: '周岁 today' }) age: number;
  @ApiProperty() villageName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The health centre that refers the case' })
  referralUnitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The designated hospital' }) hospitalUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) hospitalName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The deadline task of the case's current stage" })
  stageTaskId: string | null;
  @ApiProperty({ type: Date, nullable: true }) stageDueAt: Date | null;
  @ApiProperty({ enum: TREATMENT_OUTCOMES, nullable: true }) outcome: string | null;
  @ApiProperty({ enum: CLOSE_REASONS, nullable: true }) closeReason: string | null;
  @ApiProperty({ enum: ['results', 'manual'], description: 'From re-identification results, or added by hand' }) origin: string;
  @ApiProperty({ type: Date }) createdAt: Date;
}

export class TreatmentCaseEventView {
  @ApiProperty({ description: 'A bigint, as a string' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'e.g. created, added, refer, admit, treat, close, reopen, hospital_assigned' }) action: string;
  @ApiProperty({ enum: CASE_STATUSES, nullable: true }) fromStatus: CaseStatus | null;
  @ApiProperty({ enum: CASE_STATUSES }) toStatus: CaseStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: Date }) createdAt: Date;
}

export class TreatmentCaseDetailView extends TreatmentCaseView {
  @ApiProperty({ type: TreatmentCaseEventView, isArray: true, description: 'Every transition, oldest first' })
  events: TreatmentCaseEventView[];
}

export class WorkflowStartedView {
  @ApiProperty({ description: 'The background workflow' }) workflowId: string;
}

export class RateRowView {
  @ApiProperty({ description: 'What the row counts: a unit id, a handling category or a disease code' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: '应救治' }) needing: number;
  @ApiProperty({ description: '已救治' }) treated: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent, rounded half up; null when nobody needs treatment' })
  rate: number | null;
  @ApiProperty({ description: 'Behind the pace to the target rate by the round’s last day' }) behindPace: boolean;
}

export class RateTotalView {
  @ApiProperty() needing: number;
  @ApiProperty() treated: number;
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
}

export class RateAreaView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: string;
}

export class RatesReportView {
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ enum: RATE_DIMENSIONS }) by: RateDimension;
  @ApiProperty() decimals: number;
  @ApiProperty({ description: 'The round’s target, percent' }) targetRate: number;
  @ApiProperty({ type: RateAreaView }) unit: RateAreaView;
  @ApiProperty({ type: RateRowView, isArray: true }) rows: RateRowView[];
  @ApiProperty({ type: RateTotalView }) total: RateTotalView;
}

export class RatePointView {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: RateRowView, isArray: true }) rows: RateRowView[];
  @ApiProperty({ type: RateTotalView }) total: RateTotalView;
}

export class RatesSeriesView {
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty({ enum: RATE_DIMENSIONS }) by: RateDimension;
  @ApiProperty({ enum: SERIES_STEPS }) every: SeriesStep;
  @ApiProperty() decimals: number;
  @ApiProperty() targetRate: number;
  @ApiProperty({ type: RateAreaView }) unit: RateAreaView;
  @ApiProperty({ type: String, format: 'date', nullable: true }) from: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) to: string | null;
  @ApiProperty({ type: RatePointView, isArray: true, description: 'Each point is the table /rates?asOf=<date> answers' })
  points: RatePointView[];
}
