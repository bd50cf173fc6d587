import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AnnouncementStatus = 'sending' | 'sent';

/** A notice (通知) from a bureau to every user in a part of the hierarchy. */
@Entity({ name: 'announcements' })
export class Announcement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'scope_unit_id', type: 'uuid' })
  scopeUnitId: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'varchar', length: 16, default: 'sending' })
  status: AnnouncementStatus;

  /** Set when the fan-out has finished. */
  @Column({ name: 'recipient_count', type: 'int', nullable: true })
  recipientCount: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
