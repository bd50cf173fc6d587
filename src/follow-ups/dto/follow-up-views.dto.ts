import { ApiProperty } from '@nestjs/swagger';
import {
  FOLLOW_UP_DISEASE_CODES,
  FOLLOW_UPS_PER_YEAR,
  FollowUpDiseaseCode,
  FollowUpMeasure,
  FollowUpsPerYear,
} from '../../domain/follow-up';
import { UNIT_KINDS } from '../../domain/hierarchy';
import { SERIES_STEPS, SeriesStep } from '../../domain/treatment-rates';

/** Response shapes of 慢病签约随访: plans, follow-ups and the follow-up rate. */

export class NamedRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PlanPersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The resident ID number, masked' }) idNumberMasked: string;
  @ApiProperty() sex: string;
  @ApiProperty({ description: '周岁 today' }) age: number;
  @ApiProperty({ description: '签约家庭医生' }) familyDoctor: string;
}

export class FollowUpPlanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FOLLOW_UP_DISEASE_CODES }) diseaseCode: FollowUpDiseaseCode;
  @ApiProperty() diseaseName: string;
  @ApiProperty({ enum: FOLLOW_UPS_PER_YEAR, description: 'Follow-ups a year' }) perYear: FollowUpsPerYear;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: ['manual', 'results'] }) origin: 'manual' | 'results';
  @ApiProperty({ type: NamedRefView, description: "The family doctor's unit, which gets the follow-up tasks" }) unit: NamedRefView;
  @ApiProperty({ type: PlanPersonView }) person: PlanPersonView;
  @ApiProperty({ type: NamedRefView }) village: NamedRefView;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) deactivatedAt: Date | null;
}

export class PlansFromResultsView {
  @ApiProperty({ description: 'Contracted patients in scope whose latest approved result lists a follow-up disease' }) eligible: number;
  @ApiProperty({ description: 'Plans created (a patient with an active plan for the disease gets none)' }) created: number;
  @ApiProperty({ description: 'Eligible patients whose village has no active clinic' }) withoutClinic: number;
  @ApiProperty({ type: String, nullable: true, description: "The generator run for the new plans' current period" })
  generationWorkflowId: string | null;
}

export class GenerationStartedView {
  @ApiProperty() workflowId: string;
  @ApiProperty({ format: 'date' }) asOf: string;
}

export class PeriodView {
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
}

export class FollowUpPersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() idNumberMasked: string;
  @ApiProperty() sex: string;
  @ApiProperty() age: number;
}

export class FollowUpHouseholdView {
  @ApiProperty({ description: '户编号' }) number: string;
  @ApiProperty() headName: string;
}

export class FollowUpView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ description: 'The period of the plan, e.g. 2026-P4 (the fourth of the year)' }) periodKey: string;
  @ApiProperty({ type: PeriodView }) period: PeriodView;
  @ApiProperty({ enum: FOLLOW_UP_DISEASE_CODES }) diseaseCode: FollowUpDiseaseCode;
  @ApiProperty() diseaseName: string;
  @ApiProperty({ enum: ['blood_pressure', 'glucose', 'notes'], description: 'What the visit must record' }) measure: FollowUpMeasure;
  @ApiProperty({ type: FollowUpPersonView }) person: FollowUpPersonView;
  @ApiProperty({ type: FollowUpHouseholdView }) household: FollowUpHouseholdView;
  @ApiProperty({ type: NamedRefView }) village: NamedRefView;
  @ApiProperty({ type: String, format: 'date', nullable: true }) visitDate: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'mmHg' }) systolic: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'mmHg' }) diastolic: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Fasting glucose, mmol/L' }) glucose: number | null;
  @ApiProperty() notes: string;
  @ApiProperty({ type: Date, nullable: true }) recordedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedByUserId: string | null;
}

export class RecordedFollowUpView extends FollowUpView {
  @ApiProperty({ description: "The task's status after recording: the last follow-up finishes it" }) taskStatus: string;
}

export class FollowUpRateRowView {
  @ApiProperty({ description: 'The area unit id' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Follow-ups whose period ended by the day' }) due: number;
  @ApiProperty({ description: 'Of those, recorded by the end of the day' }) done: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent, half up; null when none is due' }) rate: number | null;
}

export class FollowUpRateTotalView {
  @ApiProperty() due: number;
  @ApiProperty() done: number;
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
}

export class FollowUpAreaView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: string;
}

export class FollowUpRatesView {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: FollowUpAreaView }) unit: FollowUpAreaView;
  @ApiProperty({
    type: FollowUpRateRowView,
    isArray: true,
    description: 'One row per area directly below the unit (a village: its clinic); the total is their exact sum',
  })
  rows: FollowUpRateRowView[];
  @ApiProperty({ type: FollowUpRateTotalView }) total: FollowUpRateTotalView;
}

export class FollowUpRatePointView {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: FollowUpRateRowView, isArray: true }) rows: FollowUpRateRowView[];
  @ApiProperty({ type: FollowUpRateTotalView }) total: FollowUpRateTotalView;
}

export class FollowUpRateSeriesView {
  @ApiProperty({ type: FollowUpAreaView }) unit: FollowUpAreaView;
  @ApiProperty({ enum: SERIES_STEPS }) every: SeriesStep;
  @ApiProperty() decimals: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the first point (null: no point yet)' }) from: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the last point' }) to: string | null;
  @ApiProperty({
    type: FollowUpRatePointView,
    isArray: true,
    description: 'Each point is exactly the table `/api/follow-ups/rates?asOf=<date>` answers',
  })
  points: FollowUpRatePointView[];
}
