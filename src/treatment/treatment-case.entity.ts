import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StateEventColumns } from '../common/state-event';
import type { CaseStatus, CloseReason, HandlingCategory, TreatmentOutcome } from '../domain/treatment-round';

/** One person's treatment for one disease in one round (救治台账 row), tracked to treated or closed. */
@Entity({ name: 'treatment_cases' })
export class TreatmentCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'step_id', type: 'uuid' })
  stepId: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'disease_code', type: 'varchar', length: 16 })
  diseaseCode: string;

  /** 三个一批 */
  @Column({ type: 'varchar', length: 24 })
  handling: HandlingCategory;

  @Column({ name: 'village_unit_id', type: 'uuid' })
  villageUnitId: string;

  @Column({ name: 'county_unit_id', type: 'uuid', nullable: true })
  countyUnitId: string | null;

  /** The health centre that refers the case (the person's township's). */
  @Column({ name: 'referral_unit_id', type: 'uuid', nullable: true })
  referralUnitId: string | null;

  /** The designated hospital; null until one is assigned. */
  @Column({ name: 'hospital_unit_id', type: 'uuid', nullable: true })
  hospitalUnitId: string | null;

  @Column({ type: 'varchar', length: 12, default: 'identified' })
  status: CaseStatus;

  /** The deadline-engine task of the stage the case is in; null once treated or closed. */
  @Column({ name: 'stage_task_id', type: 'uuid', nullable: true })
  stageTaskId: string | null;

  /** Bumped by every transition: part of each stage task's natural key. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: TreatmentOutcome | null;

  @Column({ name: 'close_reason', type: 'varchar', length: 16, nullable: true })
  closeReason: CloseReason | null;

  @Column({ type: 'varchar', length: 8 })
  origin: 'results' | 'manual';

  @Column({ name: 'origin_reason', type: 'text', nullable: true })
  originReason: string | null;

  @Column({ name: 'referred_at', type: 'timestamptz', nullable: true })
  referredAt: Date | null;

  @Column({ name: 'admitted_at', type: 'timestamptz', nullable: true })
  admittedAt: Date | null;

  @Column({ name: 'treated_at', type: 'timestamptz', nullable: true })
  treatedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Every transition of a case, as it happened. */
@Entity({ name: 'treatment_case_events' })
export class TreatmentCaseEvent extends StateEventColumns<CaseStatus> {
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;
}
