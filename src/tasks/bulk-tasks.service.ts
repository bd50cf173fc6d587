import { BadRequestException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Not, In } from 'typeorm';
import { Actor, assertInScope } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { FINISHED_STATUSES } from '../domain/task-lifecycle';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { BulkItemResult, BulkTaskActionDto, HandoverDto } from './dto/bulk.dto';
import { Task } from './task.entity';
import { InTransaction, TasksService } from './tasks.service';

/**
 * Bulk actions for managers. Each item goes through the same single-task action in its own
 * transaction, with its audit row, so a refused item changes nothing and the others are not held back by it.
 */
@Injectable()
export class BulkTasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Each task changes in its own transaction together with its audit row (`task.bulk.<action>`, the
   * batch's id in the details), so whatever stops the loop, every committed change is audited.
   */
  async run(actor: Actor, dto: BulkTaskActionDto): Promise<{ results: BulkItemResult[] }> {
    if (dto.action === 'reassign' && !dto.unitId && !dto.assigneeUserId)
      throw new BadRequestException('reassign needs unitId, assigneeUserId or both');
    const batchId = randomUUID();
    const audited = this.auditEach(actor, `task.bulk.${dto.action}`, { batchId, reason: dto.reason });
    const results: BulkItemResult[] = [];
    for (const taskId of [...new Set(dto.taskIds)]) {
      results.push(
        await attempt(taskId, () => {
          switch (dto.action) {
            case 'cancel':
              return this.tasks.act(actor, taskId, 'cancel', dto.reason, audited);
            case 'extend':
              return this.tasks.extend(actor, taskId, dto.newDueAt!, dto.reason, audited);
            case 'reassign':
              return this.tasks.reassign(
                actor,
                taskId,
                { unitId: dto.unitId, assigneeUserId: dto.assigneeUserId, reason: dto.reason },
                audited,
              );
          }
        }),
      );
    }
    return { results };
  }

  /** Someone leaves: every unfinished task assigned to them passes to a successor, each task audited in its transaction. */
  async handover(actor: Actor, fromUserId: string, dto: HandoverDto): Promise<{ results: BulkItemResult[] }> {
    const users = this.dataSource.getRepository(User);
    const [from, to] = await Promise.all([users.findOneBy({ id: fromUserId }), users.findOneBy({ id: dto.toUserId })]);
    if (!from) throw new NotFoundException(`No user with id ${fromUserId}`);
    if (!to) throw new NotFoundException(`toUserId: no user with id ${dto.toUserId}`);
    if (!to.active) throw new BadRequestException('toUserId: the successor is inactive');
    const units = this.dataSource.getRepository(Unit);
    for (const user of [from, to]) assertInScope(actor, await units.findOneByOrFail({ id: user.unitId }), 'user');
    const open = await this.dataSource.getRepository(Task).find({
      select: { id: true },
      where: { assigneeUserId: fromUserId, status: Not(In([...FINISHED_STATUSES])) },
      order: { dueAt: 'ASC' },
    });
    const audited = this.auditEach(actor, 'task.handover', { batchId: randomUUID(), fromUserId, toUserId: to.id, reason: dto.reason });
    const results: BulkItemResult[] = [];
    for (const { id } of open) {
      results.push(
        await attempt(id, () =>
          this.tasks.reassign(
            actor,
            id,
            { unitId: to.unitId === from.unitId ? undefined : to.unitId, assigneeUserId: to.id, reason: dto.reason },
            audited,
          ),
        ),
      );
    }
    return { results };
  }

  /** The audit row of one task of a bulk action, written in that task's transaction. */
  private auditEach(actor: Actor, action: string, details: Record<string, unknown>): InTransaction {
    return (manager, task) =>
      this.audit.record(
        { actorUserId: actor.id, action, entityType: 'task', entityId: task.id, details: { ...details, status: task.status } },
        manager,
      );
  }
}

async function attempt(taskId: string, action: () => Promise<unknown>): Promise<BulkItemResult> {
  try {
    await action();
    return { taskId, ok: true };
  } catch (err) {
    if (!(err instanceof HttpException)) throw err;
    const response = err.getResponse();
    const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    // class-validator's messages come as an array.
    const message = typeof detail === 'string' ? detail : Array.isArray(detail) ? detail.join(', ') : err.message;
    return { taskId, ok: false, status: err.getStatus(), error: message };
  }
}
