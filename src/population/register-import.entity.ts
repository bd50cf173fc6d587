import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type RegisterImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One upload of the register: processed in the background, all or nothing. */
@Entity({ name: 'register_imports' })
export class RegisterImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 12, default: 'queued' })
  status: RegisterImportStatus;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** `csv` or `xlsx` */
  @Column({ type: 'varchar', length: 8 })
  format: string;

  /** The text encoding a CSV file was read in (utf-8 or gb18030). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  encoding: string | null;

  /** Where the uploaded file waits in storage until processed. */
  @Column({ name: 'stored_key', type: 'varchar', length: 300 })
  storedKey: string;

  @Column({ name: 'rows_processed', type: 'int', default: 0 })
  rowsProcessed: number;

  @Column({ name: 'households_created', type: 'int', default: 0 })
  householdsCreated: number;

  @Column({ name: 'households_updated', type: 'int', default: 0 })
  householdsUpdated: number;

  @Column({ name: 'persons_created', type: 'int', default: 0 })
  personsCreated: number;

  @Column({ name: 'persons_updated', type: 'int', default: 0 })
  personsUpdated: number;

  @Column({ name: 'persons_unchanged', type: 'int', default: 0 })
  personsUnchanged: number;

  @Column({ name: 'error_count', type: 'int', default: 0 })
  errorCount: number;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** One refused cell of an import: the downloadable error report. */
@Entity({ name: 'register_import_errors' })
export class RegisterImportError {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ name: 'row_number', type: 'int' })
  rowNumber: number;

  @Column({ name: 'column_name', type: 'varchar', length: 40 })
  columnName: string;

  @Column({ type: 'text' })
  message: string;
}
