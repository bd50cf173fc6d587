import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProblemCategory, ProblemSource, ProblemStatus } from '../domain/rectification';

/** One problem of a unit (问题清单 row), rectified until cleared (销号); its deadline is a task of the deadline engine. */
@Entity({ name: 'problems' })
export class Problem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The responsible unit (责任单位). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'varchar', length: 32 })
  source: ProblemSource;

  @Column({ type: 'varchar', length: 32 })
  category: ProblemCategory;

  /** The checklist item (or an imported list's item) the problem is about, when known. */
  @Column({ name: 'item_key', type: 'varchar', length: 80, nullable: true })
  itemKey: string | null;

  @Column({ name: 'duplicate_key', type: 'varchar', length: 100 })
  duplicateKey: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', default: '' })
  evidence: string;

  /** The unit whose team found it (a cross-check): its people may verify the fix. */
  @Column({ name: 'inspecting_unit_id', type: 'uuid', nullable: true })
  inspectingUnitId: string | null;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: ProblemStatus;

  /** The deadline-engine task of the current rectification; finished once cleared. */
  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  /** Bumped by each reopening: part of its task's natural key. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', nullable: true })
  plan: string | null;

  @Column({ name: 'fix_note', type: 'text', nullable: true })
  fixNote: string | null;

  /** How often it was reported: duplicates merged into it count here. */
  @Column({ type: 'int', default: 1 })
  reports: number;

  @Column({ type: 'int', default: 0 })
  refusals: number;

  /** Found again after it was cleared. */
  @Column({ type: 'int', default: 0 })
  recurrences: number;

  @Column({ name: 'verified_by_user_id', type: 'uuid', nullable: true })
  verifiedByUserId: string | null;

  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt: Date | null;

  /** When it was found, or found again (the board's age). */
  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'problem_events' })
export class ProblemEvent {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' })
  id: string;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @Column({ type: 'varchar', length: 24 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: ProblemStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: ProblemStatus;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** 问责: opened with the formal talk of an overdue problem's top escalation level; a manager completes it. */
@Entity({ name: 'accountability_records' })
export class AccountabilityRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @Column({ name: 'formal_talk_id', type: 'uuid' })
  formalTalkId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: 'pending' | 'completed';

  /** What was decided (通报批评, 诫勉谈话, …), in the manager's words. */
  @Column({ type: 'text', nullable: true })
  measure: string | null;

  @Column({ name: 'completed_by_user_id', type: 'uuid', nullable: true })
  completedByUserId: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
