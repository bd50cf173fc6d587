import { BadRequestException, ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { checkEvidenceType } from '../domain/evidence-type';
import { isFinished } from '../domain/task-lifecycle';
import { FileStorage, InjectFileStorage } from '../storage/file-storage';
import { recordTaskEvent } from './task-events';
import { TaskEvidence } from './task-evidence.entity';
import { Task } from './task.entity';
import { TasksService } from './tasks.service';

/** What clients see of a piece of evidence: never the storage key, which is the server's business. */
export type EvidenceView = Omit<TaskEvidence, 'storageKey'>;

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** The stored bytes, streamed: a 100 MiB file never sits in memory. */
  data: Readable;
}

/** An upload as multer hands it over: on disk (the module's disk storage), or in memory. */
export type UploadedEvidence = Pick<Express.Multer.File, 'originalname' | 'mimetype'> &
  Partial<Pick<Express.Multer.File, 'path' | 'buffer'>>;

/** Enough of a file to tell its type by its signature. */
const HEAD_BYTES = 64 * 1024;

type StoredFile = TaskEvidence & { kind: 'file'; fileName: string; contentType: string; storageKey: string };

/** The table's CHECK gives every file row its name, type and key. */
function isStoredFile(evidence: TaskEvidence): evidence is StoredFile {
  return evidence.kind === 'file';
}

function view({ storageKey: _, ...shown }: TaskEvidence): EvidenceView {
  return shown;
}

/** A browser may send a whole path (C:\…\表.pdf); only its last part is the name. */
function cleanFileName(original: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must lose
  const name = (original.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name) throw new BadRequestException('file needs a file name');
  if ([...name].length > 255) throw new BadRequestException('file name is longer than 255 characters');
  return name;
}

/**
 * 佐证资料: notes and files the unit's people add to their task, mostly when submitting it. Whoever
 * may see the task may read them. A file is stored before its row is written, and removed again if
 * the row is not, so no row points at a missing file.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    @InjectFileStorage() private readonly storage: FileStorage,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async addNote(actor: Actor, taskId: string, note: string): Promise<EvidenceView> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.openToAdd(manager, actor, taskId, true);
      const evidence = await manager.getRepository(TaskEvidence).save({
        taskId,
        kind: 'note' as const,
        note,
        fileName: null,
        contentType: null,
        sizeBytes: null,
        storageKey: null,
        sha256: null,
        uploadedByUserId: actor.id,
      });
      await recordTaskEvent(manager, task, {
        action: 'evidence_added',
        actorUserId: actor.id,
        details: { evidenceId: evidence.id, kind: 'note' },
      });
      return view(evidence);
    });
  }

  /** The checks of adding evidence, without a lock: an upload is refused by them before its body is read. */
  async assertMayAdd(actor: Actor, taskId: string): Promise<void> {
    await this.openToAdd(this.dataSource.manager, actor, taskId, false);
  }

  /**
   * `file` lies in the upload folder (multer disk storage) and is removed whatever happens: its type is
   * told from its first bytes, then it streams into the storage, hashed and measured on the way.
   */
  async addFile(actor: Actor, taskId: string, file: UploadedEvidence | undefined): Promise<EvidenceView> {
    if (!file) throw new BadRequestException('file is required (multipart/form-data field "file")');
    try {
      return await this.storeFile(actor, taskId, file);
    } finally {
      if (file.path) await rm(file.path, { force: true });
    }
  }

  private async storeFile(actor: Actor, taskId: string, file: UploadedEvidence): Promise<EvidenceView> {
    // Refused before anything is stored; checked again under the row lock when the row is written.
    await this.openToAdd(this.dataSource.manager, actor, taskId, false);
    const head = file.path ? await readHead(file.path, HEAD_BYTES) : (file.buffer ?? Buffer.alloc(0)).subarray(0, HEAD_BYTES);
    const type = checkEvidenceType(file.mimetype, head, this.config.evidence.allowedTypes);
    if (!type.ok) throw new BadRequestException(type.message);
    const fileName = cleanFileName(file.originalname);
    // A fresh key per upload, never derived from the client's name: no overwrites, no path tricks.
    const storageKey = `evidence/${taskId}/${randomUUID()}`;
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        // Text types have no signature: a NUL byte anywhere means a binary file under a text name.
        if (type.ok && type.contentType.startsWith('text/') && chunk.includes(0))
          return done(new BadRequestException(`file is declared ${type.contentType} but its content is binary`));
        hash.update(chunk);
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    });
    const source = file.path ? createReadStream(file.path) : Readable.from([file.buffer ?? Buffer.alloc(0)]);
    await this.storage.putStream(
      storageKey,
      pipeline(source, measure, () => undefined),
    );
    const fields = {
      taskId,
      kind: 'file' as const,
      note: null,
      fileName,
      contentType: type.contentType,
      sizeBytes,
      storageKey,
      sha256: hash.digest('hex'),
      uploadedByUserId: actor.id,
    };
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The lock orders this after a concurrent approval, which would then refuse the upload.
        const task = await this.openToAdd(manager, actor, taskId, true);
        const evidence = await manager.getRepository(TaskEvidence).save(fields);
        await recordTaskEvent(manager, task, {
          action: 'evidence_added',
          actorUserId: actor.id,
          details: { evidenceId: evidence.id, kind: 'file', fileName: fields.fileName, sizeBytes: fields.sizeBytes, sha256: fields.sha256 },
        });
        return view(evidence);
      });
    } catch (err) {
      await this.storage
        .delete(fields.storageKey)
        .catch((e: Error) => this.logger.warn(`could not remove ${fields.storageKey} after a failed insert: ${e.message}`));
      throw err;
    }
  }

  async list(actor: Actor, taskId: string): Promise<EvidenceView[]> {
    await this.tasks.findVisibleWithRelation(actor, taskId);
    const rows = await this.dataSource.getRepository(TaskEvidence).find({ where: { taskId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(view);
  }

  async download(actor: Actor, taskId: string, evidenceId: string): Promise<EvidenceFile> {
    await this.tasks.findVisibleWithRelation(actor, taskId);
    const evidence = await this.dataSource.getRepository(TaskEvidence).findOneBy({ id: evidenceId, taskId });
    if (!evidence) throw new NotFoundException(`No evidence ${evidenceId} for this task`);
    if (!isStoredFile(evidence)) throw new NotFoundException('This evidence is a note and has no file');
    // Files hold signed forms and diagnoses: who fetched which is recorded before the first byte leaves.
    await this.audit.record({
      actorUserId: actor.id,
      action: 'task.evidence.download',
      entityType: 'task_evidence',
      entityId: evidence.id,
      details: { taskId, sha256: evidence.sha256 },
    });
    return {
      fileName: evidence.fileName,
      contentType: evidence.contentType,
      sizeBytes: Number(evidence.sizeBytes),
      data: await this.storage.getStream(evidence.storageKey),
    };
  }

  /** The unit's people (or the assignee) add evidence while the task is still being worked on. */
  private async openToAdd(manager: EntityManager, actor: Actor, taskId: string, lock: boolean): Promise<Task> {
    const { task, relation } = await this.tasks.findVisibleWithRelation(actor, taskId, manager, lock);
    if (!relation.worker) throw new ForbiddenException("only the unit's staff or the assignee may add evidence to its task");
    if (isFinished(task.status)) throw new ConflictException(`cannot add evidence to a task that is ${task.status}`);
    return task;
  }
}

/** The first `bytes` of a file (all of a shorter one). */
async function readHead(path: string, bytes: number): Promise<Buffer> {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
