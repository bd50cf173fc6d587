import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_CHANNELS = ['in_app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Already formatted for display: a digest renders these as they are. */
export interface NotificationItemData {
  taskId: string;
  taskTitle: string;
  unitName: string;
  dueAt: string;
}

/**
 * The in-app inbox: a row is written with a unique business key in the transaction that decides to
 * notify, and is delivered when that transaction commits. Outside channels are its delivery rows
 * (notification_deliveries), sent by the queue.
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
