import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlinePolicy } from '../domain/deadline-policy';
import { TaskStatus } from '../domain/task-lifecycle';

@Entity({ name: 'tasks' })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** e.g. `re_identification`, `monthly_system_update`, `standalone` */
  @Column({ type: 'varchar', length: 48 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId: string | null;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** Bumped by each extension: reminders and escalations of an older deadline are void. */
  @Column({ name: 'deadline_version', type: 'int', default: 1 })
  deadlineVersion: number;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: TaskStatus;

  /** The policy as it was when the task started: later policy edits leave running tasks alone. */
  @Column({ type: 'jsonb' })
  policy: DeadlinePolicy;

  /** The named policy the snapshot came from (null: inline or built-in), for applying its later edits. */
  @Column({ name: 'policy_id', type: 'uuid', nullable: true })
  policyId: string | null;

  @Column({ name: 'escalation_level', type: 'int', default: 0 })
  escalationLevel: number;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The natural key a generator gave the task (a recurring occurrence's unit, a campaign step's unit): created once. */
  @Column({ name: 'origin_key', type: 'varchar', length: 120, nullable: true, select: false })
  originKey: string | null;

  /** What the unit reported when it submitted (a campaign step's counts), kept for the consistency check. */
  @Column({ name: 'result_summary', type: 'jsonb', nullable: true })
  resultSummary: Record<string, unknown> | null;
}

@Entity({ name: 'task_events' })
export class TaskEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: TaskStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus: TaskStatus | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}
