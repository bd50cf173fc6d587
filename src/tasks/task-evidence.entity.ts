import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type EvidenceKind = 'note' | 'file';

/** 佐证资料: a note or a file the unit adds to its task, mostly when submitting it. */
@Entity({ name: 'task_evidence' })
export class TaskEvidence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: EvidenceKind;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** As the uploader named it; shown and used for downloads, never as a storage path. */
  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ name: 'content_type', type: 'varchar', length: 100, nullable: true })
  contentType: string | null;

  /** pg returns bigint as a string; evidence files stay far below 2^53 bytes. */
  @Column({
    name: 'size_bytes',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  sizeBytes: number | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 300, nullable: true, unique: true })
  storageKey: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid' })
  uploadedByUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
