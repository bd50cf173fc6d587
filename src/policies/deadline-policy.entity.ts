import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlinePolicy } from '../domain/deadline-policy';

/**
 * A named deadline policy that admins manage, e.g. one per campaign step. A task copies its JSON when
 * created (and remembers the id), so editing it here leaves running tasks alone until an admin applies
 * it to them.
 */
@Entity({ name: 'deadline_policies' })
export class DeadlinePolicyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  name: string;

  @Column({ type: 'jsonb' })
  policy: DeadlinePolicy;

  /** At most one row (a partial unique index): tasks created without a policy get it. */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
