import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_CHANNELS = ['in_app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** Already formatted for display: a digest renders these as they are. */
export interface NotificationItemData {
  taskId: string;
  taskTitle: string;
  unitName: string;
  dueAt: string;
}

/**
 * The outbox and the in-app inbox in one: a row is written with a unique business key in the
 * transaction that decides to notify; the queue only delivers what the row says.
 */
@Entity({ name: 'notifications' })
@Index(['recipientUserId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_user_id', type: 'uuid' })
  recipientUserId: string;

  /** e.g. `announcement:<id>:<user>`; a retried activity or job cannot send twice. */
  @Column({ name: 'business_key', type: 'varchar', length: 200, unique: true })
  businessKey: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 16, default: 'in_app' })
  channel: NotificationChannel;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** The item's facts (task, unit, due time) for a digest that lists it. */
  @Column({ type: 'jsonb', nullable: true })
  data: NotificationItemData | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
