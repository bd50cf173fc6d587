import { ApiProperty } from '@nestjs/swagger';
import { SAMPLE_STATUSES, SampleStatus, SPOT_CHECK_KINDS, SpotCheckKind } from '../../domain/spot-check-sample';

const nullableId = { type: String, format: 'uuid', nullable: true } as const;
const nullableText = { type: String, nullable: true } as const;
const nullableTime = { type: String, format: 'date-time', nullable: true } as const;
const nullableNumber = { type: Number, nullable: true } as const;

export class SpotCheckCountsView {
  @ApiProperty() samples: number;
  @ApiProperty() pending: number;
  @ApiProperty() passed: number;
  @ApiProperty() failed: number;
}

/** A spot check (抽查) with its draw's counts. */
export class SpotCheckView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SPOT_CHECK_KINDS }) kind: SpotCheckKind;
  @ApiProperty(nullableId) campaignId: string | null;
  @ApiProperty(nullableText) campaignName: string | null;
  @ApiProperty(nullableId) stepId: string | null;
  @ApiProperty(nullableText) stepTitle: string | null;
  @ApiProperty({ format: 'uuid' }) scopeUnitId: string;
  @ApiProperty() scopeUnitName: string;
  @ApiProperty({ ...nullableNumber, description: 'a share of each unit’s items, rounded up' }) share: number | null;
  @ApiProperty({ ...nullableNumber, description: 'a number per unit' }) perUnit: number | null;
  @ApiProperty() seed: number;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'uuid' }) createdByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: SpotCheckCountsView }) counts: SpotCheckCountsView;
}

/** What the checker needs to find the item; resident ID numbers masked, no birth date. */
export class SampleItemView {
  @ApiProperty({ description: 'the result, the disease or the problem, in words' }) title: string;
  @ApiProperty(nullableText) personName: string | null;
  @ApiProperty({ ...nullableText, description: 'masked as everywhere: the first characters, then *' }) idNumberMasked: string | null;
  @ApiProperty({ ...nullableText, description: 'the village of the person, or the problem’s category' }) place: string | null;
  @ApiProperty({ description: 'the item’s status now (re-identification: recorded or pending; case or problem: its status)' })
  currentStatus: string;
}

/** One drawn item and what the checker found. */
export class SpotCheckSampleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'the unit the item counts against' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'uuid', description: 're-identification item, treatment case or problem' }) itemId: string;
  @ApiProperty({ description: 'its place in the unit’s draw, from 1' }) draw: number;
  @ApiProperty({ enum: SAMPLE_STATUSES }) status: SampleStatus;
  @ApiProperty(nullableText) reason: string | null;
  @ApiProperty({ description: 'whether the failure reopened the item' }) reopened: boolean;
  @ApiProperty(nullableId) checkedByUserId: string | null;
  @ApiProperty(nullableTime) checkedAt: Date | null;
  @ApiProperty({ type: SampleItemView }) item: SampleItemView;
}

export class SpotCheckSamplePageView {
  @ApiProperty({ type: SpotCheckSampleView, isArray: true }) items: SpotCheckSampleView[];
  @ApiProperty({ description: 'How many match, over all pages' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** A spot check with one page of its samples. */
export class SpotCheckDetailView extends SpotCheckView {
  @ApiProperty({ type: SpotCheckSamplePageView }) samples: SpotCheckSamplePageView;
}

/** A sample as recorded. */
export class SpotCheckSampleOutcomeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) spotCheckId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() draw: number;
  @ApiProperty({ enum: SAMPLE_STATUSES }) status: SampleStatus;
  @ApiProperty(nullableText) reason: string | null;
  @ApiProperty() reopened: boolean;
  @ApiProperty(nullableId) checkedByUserId: string | null;
  @ApiProperty(nullableTime) checkedAt: Date | null;
}
