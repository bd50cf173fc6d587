import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StateEventColumns } from '../common/state-event';
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

/** Every step of a problem's rectification, as it happened (merged reports too). */
@Entity({ name: 'problem_events' })
export class ProblemEvent extends StateEventColumns<ProblemStatus> {
  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;
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
