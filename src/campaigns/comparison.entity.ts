import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ComparisonFlag } from '../domain/data-comparison';

/** 数据比对: one upload of the poverty office's list against a campaign's records. */
@Entity({ name: 'comparison_runs' })
export class ComparisonRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  /** The area the list covers: only the health records of this area are compared. */
  @Column({ name: 'area_unit_id', type: 'uuid' })
  areaUnitId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'list_rows', type: 'int' })
  listRows: number;

  @Column({ type: 'int' })
  flagged: number;

  /** Flags no unit answers for (a person on the poverty list whose village has no task). */
  @Column({ type: 'int' })
  unassigned: number;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A flagged person: a verification item of its unit's verification task, resolved with a note. */
@Entity({ name: 'comparison_flags' })
export class ComparisonFlagRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: ComparisonFlag;

  @Column({ name: 'id_number', type: 'varchar', length: 18, select: false })
  idNumber: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ name: 'household_number', type: 'varchar', length: 40, default: '' })
  householdNumber: string;

  @Column({ name: 'poverty_cause_main', type: 'varchar', length: 40, default: '' })
  povertyCauseMain: string;

  @Column({ name: 'poverty_cause_secondary', type: 'varchar', length: 40, default: '' })
  povertyCauseSecondary: string;

  @Column({ name: 'recorded_categories', type: 'text', array: true, default: '{}' })
  recordedCategories: string[];

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ name: 'resolved_by_user_id', type: 'uuid', nullable: true })
  resolvedByUserId: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
