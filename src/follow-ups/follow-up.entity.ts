import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';
import type { FollowUpDiseaseCode, FollowUpsPerYear } from '../domain/follow-up';

/** PostgreSQL returns numeric as text (it may not fit a double); a glucose of one decimal always does. */
const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** 慢病签约随访: one contracted patient's follow-ups for one disease, kept by the family doctor's unit. */
@Entity({ name: 'follow_up_plans' })
export class FollowUpPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'disease_code', type: 'varchar', length: 16 })
  diseaseCode: FollowUpDiseaseCode;

  /** The family doctor's unit: the village clinic of the person's village. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'per_year', type: 'int', default: 4 })
  perYear: FollowUpsPerYear;

  /** The first period a follow-up is generated for is the one containing this day. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** `manual` (added for one person) or `results` (from approved re-identification results). */
  @Column({ type: 'varchar', length: 8 })
  origin: 'manual' | 'results';

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}

/** A plan's visit of one period: an item of its unit's follow-up task of that period. */
@Entity({ name: 'follow_ups' })
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** `YYYY-Pn` of the plan's visits a year. */
  @Column({ name: 'period_key', type: 'varchar', length: 10 })
  periodKey: string;

  @Column({ name: 'period_starts_on', type: 'date' })
  periodStartsOn: string;

  @Column({ name: 'period_ends_on', type: 'date' })
  periodEndsOn: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  /** Null until the visit is recorded. */
  @Column({ name: 'visit_date', type: 'date', nullable: true })
  visitDate: string | null;

  /** mmHg */
  @Column({ type: 'smallint', nullable: true })
  systolic: number | null;

  @Column({ type: 'smallint', nullable: true })
  diastolic: number | null;

  /** Fasting glucose, mmol/L. */
  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: numericAsNumber })
  glucose: number | null;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
