import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RecurringOccurrence } from '../../workflows/recurring-occurrence.contract';
import { Actor } from '../auth/actor';
import { Page, PageQueryDto, pageOf } from '../common/pagination';
import { validateDeadlinePolicy } from '../domain/deadline-policy';
import { storedPolicyForTask } from '../policies/task-policy';
import { dueForOccurrence, occurrenceKey, recurrenceKey, recurrenceKeyPrefix, recurringTitle, validateCron } from '../domain/recurrence';
import { isInScope } from '../domain/scope';
import { recordTaskEvents } from '../tasks/task-events';
import { TasksService } from '../tasks/tasks.service';
import { whereUnitInScope } from '../units/scope-query';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { CreateRecurringTaskDto } from './dto/recurring-task.dto';
import { isScheduleMissing, RecurringScheduleClient } from './recurring-schedule-client';
import { RecurringTaskDefinition } from './recurring-task.entity';

@Injectable()
export class RecurringTasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly tasks: TasksService,
    private readonly schedules: RecurringScheduleClient,
  ) {}

  /**
   * Records the definition and creates its Temporal Schedule before the row commits: if Temporal
   * cannot take it, nothing is written (503) rather than a definition that never fires.
   */
  async create(actor: Actor, dto: CreateRecurringTaskDto): Promise<RecurringTaskDefinition> {
    const scope = await this.units.getInScope(actor, dto.scopeUnitId);
    const cron = validateCron(dto.cron, new Date());
    if (!cron.ok) throw new BadRequestException({ message: `cron is invalid: ${cron.errors.join('; ')}`, errors: cron.errors });
    const inline = dto.policy ? validateDeadlinePolicy(dto.policy) : undefined;
    if (inline && !inline.ok) throw new BadRequestException({ message: 'policy is invalid', errors: inline.errors });

    const definition = { id: randomUUID(), cron: cron.cron };
    // The Schedule first, with no transaction open (a Temporal outage holds no pooled connection); a
    // Schedule whose definition never commits is deleted again, and until then its runs find nothing.
    try {
      await this.schedules.create(definition, `created by ${actor.username}`);
    } catch (err) {
      throw new ServiceUnavailableException(
        `The workflow service is unavailable; the recurring task was not created (${(err as Error).message})`,
      );
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Like a single task: an inline policy, else the default row, else the built-in default.
        const policy = inline?.ok ? inline : await storedPolicyForTask(manager);
        return manager.getRepository(RecurringTaskDefinition).save({
          ...definition,
          title: dto.title,
          description: dto.description ?? '',
          kind: dto.kind,
          scopeUnitId: scope.id,
          unitKind: dto.unitKind,
          dueAfterDays: dto.dueAfterDays,
          policy: policy.policy,
          active: true,
          createdByUserId: actor.id,
        });
      });
    } catch (err) {
      await this.schedules.delete(definition.id).catch(() => undefined);
      throw err;
    }
  }

  async list(actor: Actor, query: PageQueryDto): Promise<Page<RecurringTaskDefinition>> {
    const qb = this.dataSource
      .getRepository(RecurringTaskDefinition)
      .createQueryBuilder('definition')
      .innerJoin(Unit, 'unit', 'unit.id = definition.scopeUnitId')
      .where('definition.deletedAt IS NULL');
    whereUnitInScope(qb, 'unit', actor.scope);
    const [items, total] = await qb
      .orderBy('definition.createdAt', 'DESC')
      .addOrderBy('definition.id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  get(actor: Actor, id: string): Promise<RecurringTaskDefinition> {
    return this.findInScope(actor, id);
  }

  pause(actor: Actor, id: string): Promise<RecurringTaskDefinition> {
    return this.setActive(actor, id, false);
  }

  resume(actor: Actor, id: string): Promise<RecurringTaskDefinition> {
    return this.setActive(actor, id, true);
  }

  /**
   * Deletes the schedule, then marks the definition deleted; it stays, inactive, as the record of its
   * occurrences' tasks. A retry after a failure in between finds the schedule already gone.
   */
  async remove(actor: Actor, id: string): Promise<RecurringTaskDefinition> {
    const definition = await this.findInScope(actor, id);
    if (definition.deletedAt) return definition;
    try {
      await this.schedules.delete(id);
    } catch (err) {
      throw scheduleError(err, 'the recurring task was not deleted');
    }
    Object.assign(definition, { active: false, deletedAt: new Date() });
    return this.dataSource.getRepository(RecurringTaskDefinition).save(definition);
  }

  /** Runs one occurrence now, for today's date; it adds nothing if today's occurrence has run. */
  async trigger(actor: Actor, id: string): Promise<RecurringTaskDefinition> {
    const definition = await this.findInScope(actor, id);
    assertNotDeleted(definition);
    if (!definition.active) throw new ConflictException('this recurring task is paused; resume it first');
    try {
      await this.schedules.trigger(id);
    } catch (err) {
      throw scheduleError(err, 'nothing was triggered');
    }
    return definition;
  }

  /**
   * One occurrence: a task per unit of the definition's kind in its scope, assigned to the unit as a
   * whole, each at most once (its recurrence key), then each task's deadline workflow. Unlike
   * TasksService.create the tasks commit first: the workflows are many, and a retry of this activity
   * finds the committed tasks and starts whatever workflow is still missing. Returns null when the
   * definition does not exist.
   */
  async createOccurrence(definitionId: string, scheduledAt: Date): Promise<RecurringOccurrence | null> {
    const definition = await this.dataSource.getRepository(RecurringTaskDefinition).findOneBy({ id: definitionId });
    if (!definition) return null;
    const occurrence = occurrenceKey(scheduledAt);
    // A run that was already under way when its definition was deleted.
    if (definition.deletedAt) return { occurrenceKey: occurrence, taskCount: 0 };
    const prefix = recurrenceKeyPrefix(definition.id, occurrence);

    const { taskCount, wakes } = await this.dataSource.transaction(async (manager) => {
      const scope = await manager.getRepository(Unit).findOneByOrFail({ id: definition.scopeUnitId });
      const units = await manager
        .getRepository(Unit)
        .createQueryBuilder('unit')
        .select('unit.id', 'id')
        .where('unit.kind = :kind AND unit.active AND unit.path LIKE :path', { kind: definition.unitKind, path: `${scope.path}%` })
        .getRawMany<{ id: string }>();
      const dueAt = dueForOccurrence(occurrence, definition.dueAfterDays);
      const created: { id: string }[] = await manager.query(
        `INSERT INTO tasks (kind, title, description, unit_id, due_at, policy, created_by_user_id, origin_key)
         SELECT $1, $2, $3, t.unit_id, $4, $5, $6, t.origin_key
         FROM unnest($7::uuid[], $8::varchar[]) AS t(unit_id, origin_key)
         ON CONFLICT (origin_key) WHERE origin_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [
          definition.kind,
          recurringTitle(definition.title, occurrence),
          definition.description,
          dueAt,
          definition.policy,
          definition.createdByUserId,
          units.map((u) => u.id),
          units.map((u) => recurrenceKey(definition.id, occurrence, u.id)),
        ],
      );
      await recordTaskEvents(
        manager,
        created.map((task) => ({
          taskId: task.id,
          action: 'created',
          fromStatus: 'open',
          toStatus: 'open',
          details: { dueAt: dueAt.toISOString(), recurringTaskId: definition.id, occurrence },
        })),
      );
      // All tasks of the occurrence, including those of an earlier run (and of units since moved away).
      const [{ count }]: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM tasks WHERE origin_key LIKE $1`, [
        `${prefix}%`,
      ]);
      await manager.query(
        `INSERT INTO recurring_task_occurrences (definition_id, occurrence_key, task_count) VALUES ($1, $2, $3)
         ON CONFLICT (definition_id, occurrence_key) DO UPDATE SET task_count = EXCLUDED.task_count`,
        [definition.id, occurrence, count],
      );
      return {
        taskCount: count,
        wakes: await this.tasks.planGenerated(
          manager,
          created.map((t) => t.id),
        ),
      };
    });
    await this.tasks.wakeClocks(wakes);
    return { occurrenceKey: occurrence, taskCount };
  }

  private async findInScope(actor: Actor, id: string): Promise<RecurringTaskDefinition> {
    const manager = this.dataSource.manager;
    const definition = await manager.getRepository(RecurringTaskDefinition).findOneBy({ id });
    if (!definition) throw new NotFoundException(`No recurring task with id ${id}`);
    const scope = await manager.getRepository(Unit).findOneBy({ id: definition.scopeUnitId });
    if (!scope || !isInScope(actor.scope, scope)) throw new ForbiddenException('This recurring task is outside your scope');
    return definition;
  }

  /**
   * The schedule first (Temporal refusing changes nothing: 503), then the flag; both calls are idempotent,
   * so a retry after a failure in between brings them together. No transaction is held over the call.
   */
  private async setActive(actor: Actor, id: string, active: boolean): Promise<RecurringTaskDefinition> {
    const definition = await this.findInScope(actor, id);
    assertNotDeleted(definition);
    try {
      if (active) await this.schedules.unpause(id, `resumed by ${actor.username}`);
      else await this.schedules.pause(id, `paused by ${actor.username}`);
    } catch (err) {
      throw scheduleError(err, `the recurring task was not ${active ? 'resumed' : 'paused'}`);
    }
    definition.active = active;
    return this.dataSource.getRepository(RecurringTaskDefinition).save(definition);
  }
}

function assertNotDeleted(definition: RecurringTaskDefinition): void {
  if (definition.deletedAt) throw new ConflictException('this recurring task has been deleted');
}

/** A schedule missing in Temporal while its definition lives is a conflict to look into, not an outage. */
function scheduleError(err: unknown, consequence: string): Error {
  if (isScheduleMissing(err))
    return new ConflictException(`the schedule of this recurring task no longer exists in Temporal; ${consequence}`);
  return new ServiceUnavailableException(`The workflow service is unavailable; ${consequence} (${(err as Error).message})`);
}
