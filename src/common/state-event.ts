import { Column, CreateDateColumn, PrimaryColumn } from 'typeorm';

/**
 * The columns every history row of a tracked item shares (a treatment case's, a problem's): which
 * action moved it from which state to which, who did it, when and why. Each item's table adds the
 * column naming its item.
 */
export abstract class StateEventColumns<S extends string> {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' })
  id: string;

  @Column({ type: 'varchar', length: 24 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', nullable: true })
  fromStatus: S | null;

  @Column({ name: 'to_status', type: 'varchar' })
  toStatus: S;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
