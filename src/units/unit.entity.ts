import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UnitKind } from '../domain/hierarchy';

@Entity({ name: 'units' })
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: UnitKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Materialized path of ancestor ids, `/<root>/…/<self>/`; a subtree is a prefix match. */
  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'int' })
  depth: number;

  /** 贫困村 */
  @Column({ name: 'is_poor_village', type: 'boolean', default: false })
  isPoorVillage: boolean;

  /** 负责人: receives the first escalations of the unit's overdue tasks. */
  @Column({ name: 'head_user_id', type: 'uuid', nullable: true })
  headUserId: string | null;

  /** False once deactivated (撤销): hidden from lists by default, no new tasks, no new children. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
