import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReIdentificationOutcome } from '../domain/re-identification';

/** 疾病再识别: one person's result within a unit's task. `outcome` null means not yet recorded. */
@Entity({ name: 're_identification_items' })
export class ReIdentificationItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'step_id', type: 'uuid' })
  stepId: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'village_unit_id', type: 'uuid' })
  villageUnitId: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome: ReIdentificationOutcome | null;

  /** Codes of the campaign's pinned catalogue version. */
  @Column({ name: 'condition_codes', type: 'text', array: true, default: '{}' })
  conditionCodes: string[];

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;
}
