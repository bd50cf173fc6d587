import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One overdue task brought to one person's attention at one level of the ladder. */
@Entity({ name: 'escalations' })
export class Escalation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'deadline_version', type: 'int' })
  deadlineVersion: number;

  @Column({ type: 'int' })
  level: number;

  @Column({ name: 'target_user_id', type: 'uuid' })
  targetUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;
}

export type FormalTalkStatus = 'pending' | 'scheduled' | 'held';

/** 约谈: opened by the top of the ladder; the responsible leader schedules and holds it. */
@Entity({ name: 'formal_talks' })
export class FormalTalk {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'deadline_version', type: 'int' })
  deadlineVersion: number;

  @Column({ type: 'int' })
  level: number;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'leader_user_id', type: 'uuid', nullable: true })
  leaderUserId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: FormalTalkStatus;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
