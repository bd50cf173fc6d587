import { DeadlinePolicyView } from '../../policies/dto/policy-views.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeadlinePolicy, ESCALATION_TARGETS, EscalationTarget } from '../../domain/deadline-policy';
import { UNIT_KINDS } from '../../domain/hierarchy';
import { TASK_STATUSES, TaskStatus } from '../../domain/task-lifecycle';

/** Response shapes of the task routes: what the services return (Task rows and what they add). */

export class TaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'e.g. re_identification, monthly_system_update, standalone' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) campaignId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) stepId: string | null;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeUserId: string | null;
  @ApiProperty({ type: Date }) dueAt: Date;
  @ApiProperty({ description: 'Bumped by each extension' }) deadlineVersion: number;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty({
    type: DeadlinePolicyView,
    description: 'The deadline policy as it was when the task started (see README: deadline policies)',
  })
  policy: DeadlinePolicy;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The named policy the snapshot came from' })
  policyId: string | null;
  @ApiProperty() escalationLevel: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdByUserId: string | null;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ type: Date }) updatedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "What the unit reported when it submitted (a campaign step's counts)",
  })
  resultSummary: Record<string, unknown> | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "The natural key a generator gave the task (null for a standalone one); in the answers of a task's creation and actions, not in lists",
  })
  originKey?: string | null;
}

/** A task in a list, with its next reminder and escalation on its current deadline. */
export class TaskListItemView extends TaskView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextReminderAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextEscalationAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The level that escalation reaches' }) nextEscalationLevel: number | null;
}

export class TaskEventView {
  @ApiProperty({ description: 'A bigint, as a string' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ type: Date }) at: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ description: 'e.g. created, started, submitted, approved, returned, extended, reminded, escalated, evidence_added' })
  action: string;
  @ApiProperty({ enum: TASK_STATUSES, nullable: true }) fromStatus: TaskStatus | null;
  @ApiProperty({ enum: TASK_STATUSES, nullable: true }) toStatus: TaskStatus | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class NextReminderView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() index: number;
}

export class NextEscalationView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() level: number;
  @ApiProperty({ enum: ESCALATION_TARGETS, nullable: true }) target: EscalationTarget | null;
}

export class ActedMomentView {
  @ApiProperty({ enum: ['reminder', 'escalation'] }) kind: 'reminder' | 'escalation';
  @ApiProperty() seq: number;
  @ApiProperty() deadlineVersion: number;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time' }) actedAt: string;
}

export class TaskScheduleView {
  @ApiProperty({ type: NextReminderView, nullable: true }) nextReminder: NextReminderView | null;
  @ApiProperty({ type: NextEscalationView, nullable: true }) nextEscalation: NextEscalationView | null;
  @ApiProperty({ type: ActedMomentView, isArray: true, description: 'Moments already acted on, oldest first' }) acted: ActedMomentView[];
}

export class ExtensionRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) requestedByUserId: string;
  @ApiProperty({ type: Date }) requestedDueAt: Date;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'refused'] }) status: 'pending' | 'approved' | 'refused';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedByUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
}

export class TaskDetailView extends TaskView {
  @ApiProperty({ type: TaskEventView, isArray: true, description: 'The task history, oldest first' }) history: TaskEventView[];
  @ApiProperty({ type: TaskScheduleView }) schedule: TaskScheduleView;
  @ApiProperty({ type: ExtensionRequestView, nullable: true, description: 'The extension request awaiting a decision (延期申请), if any' })
  pendingExtension: ExtensionRequestView | null;
}

export class BulkItemResultView {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ description: 'A refused item: the status the single action would have answered' }) status?: number;
  @ApiPropertyOptional({ description: 'A refused item: why' }) error?: string;
}

export class BulkResultView {
  @ApiProperty({ type: BulkItemResultView, isArray: true }) results: BulkItemResultView[];
}

/** 佐证资料 as clients see it: never the storage key. */
export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ enum: ['note', 'file'] }) kind: 'note' | 'file';
  @ApiProperty({ type: String, nullable: true, description: 'A note: its text' }) note: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A file: its name as uploaded' }) fileName: string | null;
  @ApiProperty({ type: String, nullable: true }) contentType: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'A file: SHA-256 of its bytes, hex' }) sha256: string | null;
  @ApiProperty({ format: 'uuid' }) uploadedByUserId: string;
  @ApiProperty({ type: Date }) createdAt: Date;
}

export class UnitRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class KindedUnitRefView extends UnitRefView {
  @ApiProperty({ enum: UNIT_KINDS }) kind: string;
}

export class OverdueTaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() daysOverdue: number;
  @ApiProperty() escalationLevel: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "When the task's next pending escalation falls due" })
  nextEscalationAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) nextEscalationLevel: number | null;
}

export class OverdueUnitView {
  @ApiProperty({ type: KindedUnitRefView }) unit: KindedUnitRefView;
  @ApiProperty() overdueCount: number;
  @ApiProperty() maxDaysOverdue: number;
  @ApiProperty() maxEscalationLevel: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "The earliest pending escalation of the unit's overdue tasks",
  })
  nextEscalationAt: string | null;
  @ApiProperty({ type: OverdueTaskView, isArray: true }) tasks: OverdueTaskView[];
}

export class UnitOverdueRateView {
  @ApiProperty({ type: UnitRefView }) unit: UnitRefView;
  @ApiProperty() dueSoFar: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ description: 'Percent with two decimals (逾期率)' }) overdueRate: number;
  @ApiProperty({ description: 'Items of the unit a spot check (抽查) verified, passed or failed' }) spotChecked: number;
  @ApiProperty({ description: 'Spot-checked items that failed: they count against the unit' }) failedSpotChecks: number;
  @ApiProperty({
    description: 'The ranking’s order: (overdue + failed spot checks) ÷ (due so far + spot-checked), percent with two decimals',
  })
  rankingRate: number;
}

export class EscalationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() deadlineVersion: number;
  @ApiProperty() level: number;
  @ApiProperty({ format: 'uuid' }) targetUserId: string;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt: Date | null;
}

export class FormalTalkView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() deadlineVersion: number;
  @ApiProperty() level: number;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leaderUserId: string | null;
  @ApiProperty({ enum: ['pending', 'scheduled', 'held'] }) status: 'pending' | 'scheduled' | 'held';
  @ApiProperty({ type: Date, nullable: true }) scheduledAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) heldAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: Date }) createdAt: Date;
}
