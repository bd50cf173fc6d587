import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An admin's version of one kind's message; a kind without a row uses DEFAULT_TEMPLATES. */
@Entity({ name: 'notification_templates' })
export class NotificationTemplate {
  /** A key of DEFAULT_TEMPLATES: reminder, escalation, digest, announcement. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
