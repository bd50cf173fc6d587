import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import type { SampleStatus, SpotCheckKind } from '../domain/spot-check-sample';

/** PostgreSQL returns numeric and bigint as text; a share (4 decimals) and a 32-bit seed always fit a double. */
const asNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** 抽查: a higher level's reproducible sample of completed items of a campaign (or one step), per unit of an area. */
@Entity({ name: 'spot_checks' })
export class SpotCheck {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: SpotCheckKind;

  /** The campaign it samples; null: cleared problems of the area, whatever found them. */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  /** The step it samples; null: every step of the campaign. */
  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId: string | null;

  @Column({ name: 'scope_unit_id', type: 'uuid' })
  scopeUnitId: string;

  /** A share of each unit's items (rounded up, at least one), or … */
  @Column({
    type: 'numeric',
    precision: 5,
    scale: 4,
    nullable: true,
    transformer: asNumber,
  })
  share: number | null;

  /** … a number per unit. */
  @Column({ name: 'per_unit', type: 'int', nullable: true })
  perUnit: number | null;

  @Column({ type: 'bigint', transformer: asNumber })
  seed: number;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'request_key', type: 'varchar', length: 80, nullable: true })
  requestKey: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One drawn item of a spot check and what the checker found. */
@Entity({ name: 'spot_check_samples' })
export class SpotCheckSample {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'spot_check_id', type: 'uuid' })
  spotCheckId: string;

  /** The unit the item counts against. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** A re-identification item, treatment case or problem, by the spot check's kind. */
  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  /** Its place in the unit's draw, from 1. */
  @Column({ type: 'int' })
  draw: number;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  status: SampleStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Whether the failure reopened the item (false when it was open again already). */
  @Column({ type: 'boolean', default: false })
  reopened: boolean;

  @Column({ name: 'checked_by_user_id', type: 'uuid', nullable: true })
  checkedByUserId: string | null;

  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt: Date | null;
}
