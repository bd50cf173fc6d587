import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlinePolicy } from '../domain/deadline-policy';
import { UnitKind } from '../domain/hierarchy';

/**
 * Work that comes back on a calendar (每月按时录入): a Temporal Schedule (`recurring-<id>`) fires on
 * `cron`, and each occurrence gives every unit of `unitKind` below the scope unit a task of its own.
 */
@Entity({ name: 'recurring_task_definitions' })
export class RecurringTaskDefinition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** May contain `{{period}}`, which each occurrence replaces with its month, e.g. 2026年11月. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The kind of the tasks it creates, e.g. `monthly_system_update`. */
  @Column({ type: 'varchar', length: 48 })
  kind: string;

  @Column({ name: 'scope_unit_id', type: 'uuid' })
  scopeUnitId: string;

  @Column({ name: 'unit_kind', type: 'varchar', length: 32 })
  unitKind: UnitKind;

  /** Five fields, evaluated by Temporal in Asia/Shanghai. */
  @Column({ type: 'varchar', length: 100 })
  cron: string;

  /** The task is due at the end of the local day this many days after the occurrence's date. */
  @Column({ name: 'due_after_days', type: 'int' })
  dueAfterDays: number;

  /** Copied onto each task it creates, like a task's own policy. */
  @Column({ type: 'jsonb' })
  policy: DeadlinePolicy;

  /** False while paused, and once deleted. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Set when deleted: its schedule is gone, while its row and occurrences stay as the record. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One occurrence that has run: written by its first run, its count refreshed by any later one. */
@Entity({ name: 'recurring_task_occurrences' })
export class RecurringTaskOccurrence {
  @PrimaryColumn({ name: 'definition_id', type: 'uuid' })
  definitionId: string;

  /** The local date the occurrence was scheduled for (YYYY-MM-DD). */
  @PrimaryColumn({ name: 'occurrence_key', type: 'varchar', length: 40 })
  occurrenceKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'task_count', type: 'int' })
  taskCount: number;
}
