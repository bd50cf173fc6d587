import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MomentKind, MomentStatus } from '../domain/deadline-moments';

/**
 * A planned moment of a task's deadline (a reminder before it, an escalation level after it), acted on
 * once by its clock. Unique per (task, deadline version, kind, seq): a retried act writes nothing twice.
 */
@Entity({ name: 'deadline_moments' })
export class DeadlineMoment {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  /** The clock that owns the moment: `step:<id>` or `county:<id>` (see clockKeyOf). */
  @Column({ name: 'clock_key', type: 'varchar', length: 80 })
  clockKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: MomentKind;

  /** A reminder's index into the policy's remindersBefore; an escalation's level. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'deadline_version', type: 'int' })
  deadlineVersion: number;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  status: MomentStatus;

  @Column({ name: 'acted_at', type: 'timestamptz', nullable: true })
  actedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** What each clock last planned to wake for. */
@Entity({ name: 'deadline_clocks' })
export class DeadlineClockRecord {
  @Column({ name: 'clock_key', type: 'varchar', length: 80, primary: true })
  clockKey: string;

  @Column({ name: 'next_wake_at', type: 'timestamptz', nullable: true })
  nextWakeAt: Date | null;

  @Column({ name: 'last_tended_at', type: 'timestamptz', nullable: true })
  lastTendedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
