import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeadlinePolicy, ESCALATION_TARGETS, EscalationTarget, OFFSET_UNITS } from '../../domain/deadline-policy';

/** The JSON of a deadline policy (催办与督办规则), as tasks and named policies carry it. */

export class OffsetView {
  @ApiProperty({ enum: OFFSET_UNITS }) unit: string;
  @ApiPropertyOptional({ description: 'Every unit but due_day_at' }) amount?: number;
  @ApiPropertyOptional({ example: '09:00', description: 'due_day_at only: a local clock time on the due day' }) time?: string;
}

export class QuietHoursView {
  @ApiProperty({ example: '21:00', description: 'HH:MM, local' }) start: string;
  @ApiProperty({ example: '08:00', description: 'HH:MM, local: the first minute people may be disturbed again' }) end: string;
}

export class EscalationStepView {
  @ApiProperty() level: number;
  @ApiProperty({ type: OffsetView, description: 'How long after the due time the level is reached' }) after: OffsetView;
  @ApiProperty({ enum: ESCALATION_TARGETS }) target: EscalationTarget;
  @ApiPropertyOptional({ description: 'Reaching the level also opens a formal talk (约谈)' }) opensFormalTalk?: boolean;
}

export class DeadlinePolicyView {
  @ApiProperty({ type: OffsetView, isArray: true }) remindersBefore: OffsetView[];
  @ApiProperty({ type: QuietHoursView }) quietHours: QuietHoursView;
  @ApiProperty({ type: EscalationStepView, isArray: true }) escalation: EscalationStepView[];
  @ApiProperty({ enum: ['day', 'none'], description: "day: a person's notifications of one local day come together" })
  digestWindow: 'day' | 'none';
}

export class PolicyRecordView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: DeadlinePolicyView }) policy: DeadlinePolicy;
  @ApiProperty({ description: 'Tasks created without a policy get the default one' }) isDefault: boolean;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ type: Date }) updatedAt: Date;
}
