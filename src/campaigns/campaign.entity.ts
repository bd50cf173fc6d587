import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignStatus, StepKind, StepStatus } from '../domain/campaign-templates';
import type { DeadlinePolicy } from '../domain/deadline-policy';
import type { UnitKind } from '../domain/hierarchy';
import type { RoundDefinition } from '../domain/treatment-round';

/** 专项行动: a template's steps run over a scope of the hierarchy. */
@Entity({ name: 'campaigns' })
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  template: string;

  @Column({ name: 'scope_unit_id', type: 'uuid' })
  scopeUnitId: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: CampaignStatus;

  /** The catalogue version results are recorded against, pinned at creation. */
  @Column({ name: 'catalogue_version_id', type: 'uuid' })
  catalogueVersionId: string;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One step of a campaign: a task per responsible unit, all due together. */
@Entity({ name: 'campaign_steps' })
export class CampaignStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ type: 'int' })
  ordinal: number;

  @Column({ type: 'varchar', length: 32 })
  kind: StepKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'responsible_unit_kind', type: 'varchar', length: 32 })
  responsibleUnitKind: UnitKind;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** Start rule: not before this moment (null: no date condition). */
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  /** Start rule: only once the step of this ordinal has completed (null: no such condition). */
  @Column({ name: 'start_after', type: 'int', nullable: true })
  startAfter: number | null;

  /** Snapshot given to every task of the step. */
  @Column({ type: 'jsonb' })
  policy: DeadlinePolicy;

  /** A treatment round's definition (diseases, hospitals, target, stage deadlines); null for other kinds. */
  @Column({ type: 'jsonb', nullable: true })
  round: RoundDefinition | null;

  @Column({ name: 'policy_id', type: 'uuid', nullable: true })
  policyId: string | null;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: StepStatus;

  @Column({ name: 'task_count', type: 'int', default: 0 })
  taskCount: number;

  @Column({ name: 'item_count', type: 'int', default: 0 })
  itemCount: number;

  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
