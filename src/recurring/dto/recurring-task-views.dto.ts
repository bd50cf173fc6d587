import { ApiProperty } from '@nestjs/swagger';
import type { DeadlinePolicy } from '../../domain/deadline-policy';
import { UNIT_KINDS, UnitKind } from '../../domain/hierarchy';
import { DeadlinePolicyView } from '../../policies/dto/policy-views.dto';

/** Work that comes back on a calendar (每月按时录入): a task per unit of a kind, on a cron schedule. */
export class RecurringTaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'May contain {{period}}, which each occurrence replaces with its month' }) title: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'The kind of the tasks it creates, e.g. monthly_system_update' }) kind: string;
  @ApiProperty({ format: 'uuid' }) scopeUnitId: string;
  @ApiProperty({ enum: UNIT_KINDS, description: 'Every unit of this kind below the scope unit gets a task' }) unitKind: UnitKind;
  @ApiProperty({ example: '0 9 1 * *', description: 'Five fields, in Asia/Shanghai' }) cron: string;
  @ApiProperty({ description: "Tasks are due at the end of the local day this many days after the occurrence's date" })
  dueAfterDays: number;
  @ApiProperty({ type: DeadlinePolicyView }) policy: DeadlinePolicy;
  @ApiProperty({ description: 'false while paused, and once deleted' }) active: boolean;
  @ApiProperty({ type: Date, nullable: true, description: 'Set when deleted' }) deletedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdByUserId: string | null;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ type: Date }) updatedAt: Date;
}
