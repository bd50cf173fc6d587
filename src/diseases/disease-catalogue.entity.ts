import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogueDisease } from '../domain/disease-catalogue';

/** A version of the disease catalogue; campaigns pin one, so a later version never changes them. */
@Entity({ name: 'disease_catalogue_versions' })
export class DiseaseCatalogueVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int', unique: true })
  version: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ type: 'jsonb' })
  diseases: CatalogueDisease[];

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
