import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const OUTSIDE_CHANNELS = ['webhook', 'email'] as const;
export type OutsideChannel = (typeof OUTSIDE_CHANNELS)[number];

/** What a user's sealed webhook secret is bound to: a value copied into another row does not open. */
export function webhookSecretContext(userId: string): string {
  return `webhook_secret:${userId}`;
}

/** Where a user wants their notifications besides the in-app inbox. */
@Entity({ name: 'user_notification_settings' })
export class NotificationSettings {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  channels: OutsideChannel[];

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl: string | null;

  /** Sealed (SecretBox, context `webhookSecretContext(userId)`), never the secret in clear. */
  @Column({ name: 'webhook_secret', type: 'text', nullable: true, select: false })
  webhookSecret: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'notification_deliveries' })
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: OutsideChannel;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  /** `sending`: claimed by a job that is sending it now (since `claimedAt`). */
  status: 'pending' | 'sending' | 'sent' | 'failed';

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'digest_size', type: 'int', nullable: true })
  digestSize: number | null;
}
