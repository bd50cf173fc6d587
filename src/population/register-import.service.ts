import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DataSource, LessThan, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { openTabular, TabularFile, TabularFileError, TabularFormat, tabularFormatOf } from '../common/tabular-file';
import { writeCsv } from '../common/tabular-writer';
import { XlsxLimitError, XlsxLimits } from '../common/xlsx-stream-reader';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { missingRegisterHeaders, RegisterRowError } from '../domain/register-row';
import { isInScope, scopeOf } from '../domain/scope';
import { localDateOf } from '../domain/time-zone';
import { FileStorage, InjectFileStorage } from '../storage/file-storage';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { RegisterImportView } from './dto/population.dto';
import { bufferOf } from './register-file';
import { RegisterImport } from './register-import.entity';
import { RegisterImportQueue } from './register-import-queue';
import { isFileProblem, MAX_STORED_ERRORS, RegisterLoader, RegisterLoadOutcome } from './register-loader';

/**
 * Register imports (建档立卡数据导入): the upload is checked for its type and header row, kept in
 * the file storage and queued; the worker loads it all or nothing (RegisterLoader) and either
 * counts what changed or keeps the report of every error.
 */
@Injectable()
export class RegisterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(RegisterImport) private readonly imports: Repository<RegisterImport>,
    @InjectFileStorage() private readonly storage: FileStorage,
    private readonly queue: RegisterImportQueue,
    private readonly loader: RegisterLoader,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** `file` lies in a temporary folder (multer disk storage); it is moved into the file storage, never read whole into memory. */
  async create(actor: Actor, file: Express.Multer.File | undefined): Promise<RegisterImportView> {
    if (!file) throw new BadRequestException('file is required (multipart/form-data, field "file")');
    try {
      const format = tabularFormatOf(file.originalname);
      if (!format) throw new BadRequestException(`file must be .csv or .xlsx, not ${file.originalname}`);
      const encoding = await readHeaderRow(file.path, format, this.config.xlsx);
      const id = randomUUID();
      const storedKey = `register-imports/${id}.${format}`;
      await this.storage.putStream(storedKey, createReadStream(file.path));
      const fileName = file.originalname.slice(0, 255);
      await this.dataSource
        .transaction(async (manager) => {
          await manager
            .getRepository(RegisterImport)
            .insert({ id, status: 'queued', fileName, format, encoding, storedKey, createdByUserId: actor.id });
          await this.audit.record(
            {
              actorUserId: actor.id,
              action: 'register_import.create',
              entityType: 'register_import',
              entityId: id,
              details: { fileName, format, sizeBytes: file.size },
            },
            manager,
          );
        })
        .catch(async (err) => {
          await this.storage.delete(storedKey);
          throw err;
        });
      const queued = toView(await this.imports.findOneByOrFail({ id }));
      await this.queue.enqueue(id);
      return queued;
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** Admins and managers whose scope holds the importer's unit may follow an import. */
  async findVisible(actor: Actor, id: string): Promise<RegisterImport> {
    const record = await this.imports.findOneBy({ id });
    if (!record) throw new NotFoundException(`No register import ${id}`);
    const [importerUnit]: { id: string; path: string }[] = await this.dataSource.query(
      `SELECT un.id, un.path FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = $1`,
      [record.createdByUserId],
    );
    if (!importerUnit || !isInScope(actor.scope, importerUnit)) throw new ForbiddenException('This import is outside your scope');
    return record;
  }

  /** 行号, 列, 原因: UTF-8 with a BOM, so Excel opens it right. */
  async errorReport(record: RegisterImport): Promise<Buffer> {
    const errors: { row_number: number; column_name: string; message: string }[] = await this.dataSource.query(
      `SELECT row_number, column_name, message FROM register_import_errors WHERE import_id = $1 ORDER BY seq`,
      [record.id],
    );
    const rows = [['行号', '列', '原因'], ...errors.map((e) => [e.row_number, e.column_name, e.message])];
    if (record.errorCount > errors.length) rows.push(['', '', `另有 ${record.errorCount - errors.length} 处错误未列出`]);
    return bufferOf((out) => writeCsv(out, rows));
  }

  /** The job: idempotent, since an import that has finished does nothing the second time. */
  async run(importId: string): Promise<void> {
    const [started]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE register_imports SET status = 'running', started_at = now(), rows_processed = 0 WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [importId],
    );
    if (started.length === 0) return;
    const record = await this.imports.findOneByOrFail({ id: importId });
    const scopePaths = await this.importerScopePaths(record.createdByUserId);
    if (!scopePaths) return this.markFailed(importId, 'the importer is no longer an active admin or manager');

    const input = await this.storage.getStream(record.storedKey);
    try {
      const outcome = await this.load(record, input, scopePaths);
      if (!outcome.ok) await this.recordErrors(importId, outcome.rows, outcome.errorCount, outcome.errors);
    } finally {
      input.destroy();
    }
    await this.storage.delete(record.storedKey);
  }

  /** The job failed for good (storage or database gone through every retry). */
  async markFailed(importId: string, reason: string): Promise<void> {
    const [updated]: [{ stored_key: string }[], number] = await this.dataSource.query(
      `UPDATE register_imports SET status = 'failed', message = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running') RETURNING stored_key`,
      [importId, `the import stopped: ${reason}; nothing was written`],
    );
    if (updated[0]) await this.storage.delete(updated[0].stored_key);
  }

  /**
   * Imports left queued or running whose job Redis no longer holds (lost, or the process died
   * between commit and enqueue) are enqueued again; one whose job failed for good is marked failed.
   */
  async requeueStale(olderThanMs: number): Promise<number> {
    const cutoff = LessThan(new Date(Date.now() - olderThanMs));
    const stale = await this.imports.find({
      select: { id: true },
      where: [
        { status: 'queued', createdAt: cutoff },
        { status: 'running', startedAt: cutoff },
      ],
      take: 100,
    });
    let requeued = 0;
    for (const { id } of stale) {
      const job = await this.queue.job(id);
      if (!job) {
        await this.queue.enqueue(id);
        requeued++;
      } else if (await job.isFailed()) {
        await this.markFailed(id, job.failedReason);
      }
    }
    return requeued;
  }

  /** A file that does not open (an empty CSV, a broken workbook) fails like a file with a bad row. */
  private async load(record: RegisterImport, input: Readable, scopePaths: string[]): Promise<RegisterLoadOutcome> {
    const importId = record.id;
    let table: TabularFile;
    try {
      table = await openTabular(input, record.format as TabularFormat, this.config.xlsx);
    } catch (err) {
      if (!isFileProblem(err)) throw err;
      const row = err instanceof TabularFileError && err.row !== undefined ? err.row : 1;
      return { ok: false, rows: 0, errorCount: 1, errors: [{ row, column: '', message: err.message }] };
    }
    return this.loader.load({
      rows: table.rows,
      scopePaths,
      chunkRows: this.config.registerImportChunkRows,
      today: localDateOf(new Date()),
      // A connection of the pool, not the import's transaction, so that GET sees the progress.
      onProgress: (rows) => this.dataSource.query(`UPDATE register_imports SET rows_processed = $2 WHERE id = $1`, [importId, rows]),
      // The register's change, the import's result and its audit row commit together.
      onSuccess: async (manager, { rows, ...counts }) => {
        await manager.update(
          RegisterImport,
          { id: importId },
          { ...counts, status: 'succeeded', rowsProcessed: rows, errorCount: 0, message: null, finishedAt: new Date() },
        );
        await this.audit.record(
          {
            actorUserId: record.createdByUserId,
            action: 'register_import.apply',
            entityType: 'register_import',
            entityId: importId,
            details: { fileName: record.fileName, rows, ...counts },
          },
          manager,
        );
      },
    });
  }

  private async recordErrors(importId: string, rows: number, errorCount: number, errors: RegisterRowError[]): Promise<void> {
    const listed = errorCount > errors.length ? `; the report lists the first ${MAX_STORED_ERRORS}` : '';
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM register_import_errors WHERE import_id = $1`, [importId]);
      await manager.query(
        `INSERT INTO register_import_errors (import_id, seq, row_number, column_name, message)
         SELECT $1, seq, row_number, column_name, message FROM unnest($2::int[], $3::int[], $4::text[], $5::text[]) AS e(seq, row_number, column_name, message)`,
        [importId, errors.map((_, i) => i + 1), errors.map((e) => e.row), errors.map((e) => e.column), errors.map((e) => e.message)],
      );
      await manager.update(
        RegisterImport,
        { id: importId },
        {
          status: 'failed',
          rowsProcessed: rows,
          errorCount,
          message: `${errorCount} error(s) in the file; nothing was written${listed}`,
          finishedAt: new Date(),
        },
      );
    });
  }

  /** The importer's scope as it is now: an import runs with the rights its importer still has. */
  private async importerScopePaths(userId: string | null): Promise<string[] | null> {
    const user = userId
      ? await this.dataSource.getRepository(User).findOne({ where: { id: userId }, relations: { responsibleUnits: true } })
      : null;
    if (!user || !user.active || user.role === 'staff') return null;
    const unit = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: user.unitId });
    const scope = scopeOf(user.role, unit, user.responsibleUnits);
    return scope.kind === 'subtrees' ? scope.paths : null;
  }
}

/**
 * 400 unless the file opens as its extension says (text in an encoding it can read, for a CSV), its
 * header row has every required column and a data row follows (readable: a broken byte in it is
 * named here); 413 for a workbook past the XLSX limits (a zip bomb shows
 * here: Excel writes the shared strings after the sheet, so the header needs them all). Returns a
 * CSV's encoding.
 */
async function readHeaderRow(path: string, format: TabularFormat, limits: XlsxLimits): Promise<string | null> {
  const input = createReadStream(path);
  try {
    const table = await openTabular(input, format, limits);
    const missing = missingRegisterHeaders(table.headers);
    const read = table.encoding ? ` (read as ${table.encoding === 'utf-8' ? 'UTF-8' : 'GB18030/GBK'})` : '';
    if (missing.length > 0) throw new BadRequestException(`file lacks the column(s) ${missing.join(', ')} in its header row${read}`);
    // A file of a header alone is refused now rather than queued to fail; the rest is the worker's.
    const rows = table.rows[Symbol.asyncIterator]();
    try {
      if ((await rows.next()).done) throw new BadRequestException(`file has a header row but no data rows${read}`);
    } finally {
      await rows.return?.(undefined);
    }
    return table.encoding;
  } catch (err) {
    if (err instanceof XlsxLimitError) throw new PayloadTooLargeException(`file: ${err.message}`);
    if (err instanceof HttpException || !isFileProblem(err)) throw err;
    throw new BadRequestException(`file cannot be read as ${format.toUpperCase()}: ${err.message}`);
  } finally {
    // Only the header was read: the rest of the file stays unread.
    input.destroy();
  }
}

export function toView(record: RegisterImport): RegisterImportView {
  const { storedKey: _storedKey, createdByUserId: _createdBy, ...view } = record;
  return view;
}
