import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Actor, assertInScope } from '../auth/actor';
import { Page, pageOf } from '../common/pagination';
import { clockKeyOf } from '../domain/deadline-moments';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy, validateDeadlinePolicy } from '../domain/deadline-policy';
import { isInScope } from '../domain/scope';
import { ActorRelation, checkTransition, isFinished, TaskAction } from '../domain/task-lifecycle';
import { endOfLocalDay } from '../domain/time-zone';
import { Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { User } from '../users/user.entity';
import { CreateTaskDto, ExtensionDecisionDto, ExtensionRequestDto, ReassignDto, TaskListQueryDto } from './dto/task.dto';
import { recordTaskEvent } from './task-events';
import { DeadlineClockClient } from './deadline-clock-client';
import { ClockWakes, DeadlineMomentsService, TaskSchedule, TaskToPlanShared, UpcomingMoments } from './deadline-moments.service';
import { CreationContext, insertCreatedTask, NewTaskRow, PolicySource, readCreationContext } from './task-creation';
import { TaskExtensionRequest } from './task-extension-request.entity';
import { TaskKindRules } from './task-kind-rules';
import { Task, TaskEvent } from './task.entity';

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How often a creation reads and plans again when its stored policy changed meanwhile. */
const CREATE_ATTEMPTS = 5;

/** "by 25 March" is the end of that day in China; a full timestamp is taken as given. */
export function parseDue(value: string): Date {
  return BARE_DATE.test(value) ? endOfLocalDay(value) : new Date(value);
}

/** Runs in an action's transaction after the change (a bulk action's audit row): if it fails, the change does not commit. */
export type InTransaction = (manager: EntityManager, task: Task) => Promise<unknown>;

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly kindRules: TaskKindRules,
    private readonly moments: DeadlineMomentsService,
    private readonly clocks: DeadlineClockClient,
  ) {}

  /**
   * Creates the task and its due moments (reminders, escalation levels) in one transaction, so no task
   * exists without its timing. After the commit its clock is woken if the task's first moment comes
   * before the clock means to wake; no Temporal call is needed otherwise, and a failed one is made up
   * for by the worker's sweep.
   *
   * Two statements (task-creation.ts): one reads what the checks and the planning need, one writes the
   * task, its history entry and its moments and reads the clock's next wake. A stored policy that
   * changed between the two writes nothing, and the creation reads and plans again.
   */
  async create(actor: Actor, dto: CreateTaskDto): Promise<Task> {
    for (let attempt = 1; ; attempt++) {
      const task = await this.tryCreate(actor, dto);
      if (task) return task;
      if (attempt >= CREATE_ATTEMPTS)
        throw new ConflictException('the deadline policy changed while the task was being created; try again');
    }
  }

  /** One attempt of `create`: null when the stored policy changed after it was read. */
  private async tryCreate(actor: Actor, dto: CreateTaskDto): Promise<Task | null> {
    const inline = dto.policy ? validateDeadlinePolicy(dto.policy) : undefined;
    const context = await readCreationContext(this.dataSource, {
      unitId: dto.unitId,
      assigneeUserId: dto.assigneeUserId,
      stepId: dto.stepId,
      campaignId: dto.campaignId,
      storedPolicy: !dto.policy,
      policyId: dto.policyId,
    });
    // The checks in the order they always ran: the unit, the assignee, the campaign, the due time, the policy.
    if (!context.unit_id) throw new NotFoundException(`No unit with id ${dto.unitId}`);
    const unit = {
      id: context.unit_id,
      code: context.unit_code!,
      name: context.unit_name!,
      path: context.unit_path!,
      active: context.unit_active!,
    };
    assertInScope(actor, unit);
    this.units.assertActive(unit);
    if (dto.assigneeUserId) {
      if (!context.assignee_id) throw new NotFoundException(`assigneeUserId: no user with id ${dto.assigneeUserId}`);
      if (context.assignee_unit_id !== unit.id || !context.assignee_active)
        throw new BadRequestException('assigneeUserId must be an active user of the task unit');
    }
    const link = this.campaignLink(actor, unit, dto, context);
    const dueAt = parseDue(dto.dueAt);
    if (dueAt.getTime() <= Date.now()) throw new BadRequestException('dueAt must lie in the future');
    if (inline && !inline.ok) throw new BadRequestException({ message: 'policy is invalid', errors: inline.errors });
    // An inline policy, else the named one, else the default row, else the built-in default.
    let policy: { id: string | null; policy: DeadlinePolicy; source: PolicySource };
    if (inline?.ok) policy = { id: null, policy: inline.policy, source: { kind: 'inline' } };
    else if (context.policy_id)
      policy = { id: context.policy_id, policy: context.policy!, source: { kind: 'stored', mustBeDefault: !dto.policyId } };
    else if (dto.policyId) throw new NotFoundException(`policyId: no policy with id ${dto.policyId}`);
    else policy = { id: null, policy: DEFAULT_DEADLINE_POLICY, source: { kind: 'builtin' } };

    const timing = await this.moments.timingFromRows([{ ...context, unit_id: unit.id }]);
    const row: NewTaskRow = {
      id: randomUUID(),
      kind: dto.kind ?? 'standalone',
      title: dto.title,
      description: dto.description ?? '',
      unitId: unit.id,
      assigneeUserId: dto.assigneeUserId ?? null,
      dueAt,
      status: 'open',
      deadlineVersion: 1,
      escalationLevel: 0,
      policy: policy.policy,
      policyId: policy.id,
      campaignId: link.campaignId,
      stepId: link.stepId,
      createdByUserId: actor.id,
    };
    const { rows: moments, wakes } = this.moments.planRows([row], timing, new Date());
    const clockKey = clockKeyOf(row, timing.get(unit.id)!.clockUnitId);
    const written = await insertCreatedTask(
      this.dataSource,
      row,
      { actorUserId: actor.id, details: { dueAt: dueAt.toISOString() } },
      moments,
      policy.source,
      clockKey,
    );
    if (!written) return null;
    await this.clocks.wake(wakes, new Map([[clockKey, written.nextWakeAt]]));
    // The task as the API has always answered it (the entity's columns, in this order).
    const { id, status, deadlineVersion, escalationLevel, ...fields } = row;
    return {
      ...fields,
      finishedAt: null,
      originKey: null,
      resultSummary: null,
      id,
      deadlineVersion,
      status,
      escalationLevel,
      createdAt: written.createdAt,
      updatedAt: written.updatedAt,
    };
  }

  /**
   * The moments of tasks a generator inserted in bulk (a campaign step's, a recurring occurrence's,
   * data-comparison verification tasks), written in the generator's transaction: no path creates a
   * task without its timing. The wakes go to `wakeClocks` after the commit.
   */
  planGenerated(manager: EntityManager, taskIds: string[]): Promise<ClockWakes> {
    return this.moments.replan(manager, taskIds);
  }

  /**
   * `planGenerated` for tasks the caller's statement has just inserted, given as it wrote them (no
   * read-back): they have no moment yet, so none is voided and the insert needs no conflict clause.
   */
  planInserted(manager: EntityManager, tasks: TaskToPlanShared[]): Promise<ClockWakes> {
    return this.moments.planNew(manager, tasks);
  }

  /** After the commit: wakes the clocks that a change gave an earlier moment. Never throws. */
  wakeClocks(wakes: ClockWakes): Promise<void> {
    return this.clocks.wake(wakes);
  }

  /** The task with its history, its schedule (the next reminder and escalation, what was acted on) and a pending extension request. */
  async get(
    actor: Actor,
    id: string,
  ): Promise<Task & { history: TaskEvent[]; schedule: TaskSchedule; pendingExtension: TaskExtensionRequest | null }> {
    const task = await this.findVisible(actor, id);
    const [history, schedule, pendingExtension] = await Promise.all([
      this.dataSource.getRepository(TaskEvent).find({ where: { taskId: id }, order: { at: 'ASC', id: 'ASC' } }),
      this.moments.scheduleOf(task),
      // The manager deciding it needs its id; the staff who asked see that it waits.
      this.dataSource.getRepository(TaskExtensionRequest).findOneBy({ taskId: id, status: 'pending' }),
    ]);
    return { ...task, history, schedule, pendingExtension };
  }

  /**
   * The task if the actor may see it, and how they stand to it: the area's other services (佐证资料)
   * share the visibility rule through this. With a transaction's manager and `lock`, the row is held.
   */
  async findVisibleWithRelation(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<{ task: Task; relation: ActorRelation }> {
    const task = await this.findVisible(actor, id, manager, lock);
    return { task, relation: await this.relationOf(actor, task, manager) };
  }

  /** Tasks assigned to me, or to my unit as a whole. */
  async mine(actor: Actor, query: TaskListQueryDto): Promise<Page<Task & UpcomingMoments>> {
    const qb = this.dataSource
      .getRepository(Task)
      .createQueryBuilder('task')
      .where('(task.assigneeUserId = :me OR (task.unitId = :unit AND task.assigneeUserId IS NULL))', { me: actor.id, unit: actor.unitId });
    return this.page(qb, query);
  }

  async forUnit(actor: Actor, unitId: string, query: TaskListQueryDto): Promise<Page<Task & UpcomingMoments>> {
    await this.units.getInScope(actor, unitId);
    const qb = this.dataSource.getRepository(Task).createQueryBuilder('task').where('task.unitId = :unitId', { unitId });
    return this.page(qb, query);
  }

  async act(actor: Actor, id: string, action: TaskAction, reason?: string, inTransaction?: InTransaction): Promise<Task> {
    const task = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockVisible(manager, actor, id);
      const check = checkTransition(action, current.status, await this.relationOf(actor, current, manager), reason);
      if (!check.ok) throw this.refusal(check.reason, check.message);
      if (action === 'approve') await this.assertNotOwnSubmission(manager, actor, current);
      if (action === 'submit') current.resultSummary = (await this.kindRules.beforeSubmit(manager, current)) ?? null;
      await recordTaskEvent(manager, current, { action: check.event, actorUserId: actor.id, toStatus: check.to, reason });
      Object.assign(current, { status: check.to, finishedAt: isFinished(check.to) ? new Date() : null });
      const saved = await manager.getRepository(Task).save(current);
      await inTransaction?.(manager, saved);
      return saved;
    });
    // A finished task's pending moments were voided in its transaction (trigger); no clock needs telling.
    if (isFinished(task.status)) await this.kindRules.afterFinished(task);
    return task;
  }

  /** 延期: staff ask, a manager above decides. */
  async requestExtension(actor: Actor, id: string, dto: ExtensionRequestDto): Promise<TaskExtensionRequest> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(manager, actor, id);
      if (!(await this.relationOf(actor, task, manager)).worker)
        throw new ForbiddenException("only the unit's staff may ask to extend its task");
      if (isFinished(task.status)) throw new ConflictException(`cannot extend a task that is ${task.status}`);
      const requestedDueAt = parseDue(dto.newDueAt);
      if (requestedDueAt <= task.dueAt) throw new BadRequestException('newDueAt must be later than the current due time');
      const pending = await manager.getRepository(TaskExtensionRequest).findOneBy({ taskId: id, status: 'pending' });
      if (pending) throw new ConflictException('an extension request for this task is already pending');
      const request = await manager
        .getRepository(TaskExtensionRequest)
        .save({ taskId: id, requestedByUserId: actor.id, requestedDueAt, reason: dto.reason });
      await recordTaskEvent(manager, task, {
        action: 'extension_requested',
        actorUserId: actor.id,
        reason: dto.reason,
        details: { requestedDueAt: requestedDueAt.toISOString() },
      });
      return request;
    });
  }

  async decideExtension(actor: Actor, id: string, requestId: string, dto: ExtensionDecisionDto): Promise<Task> {
    const { task, wakes } = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockVisible(manager, actor, id);
      if (!(await this.relationOf(actor, current, manager)).supervisor)
        throw new ForbiddenException('only a manager above the unit may decide on an extension');
      const request = await manager.getRepository(TaskExtensionRequest).findOneBy({ id: requestId, taskId: id });
      if (!request) throw new NotFoundException(`No extension request ${requestId} for this task`);
      if (request.status !== 'pending') throw new ConflictException(`this extension request is already ${request.status}`);
      if (!dto.approve && !dto.reason) throw new BadRequestException('reason is required to refuse an extension');
      Object.assign(request, {
        status: dto.approve ? 'approved' : 'refused',
        decidedByUserId: actor.id,
        decisionReason: dto.reason ?? null,
        decidedAt: new Date(),
      });
      await manager.getRepository(TaskExtensionRequest).save(request);
      if (!dto.approve) {
        await recordTaskEvent(manager, current, { action: 'extension_refused', actorUserId: actor.id, reason: dto.reason });
        return { task: current, wakes: new Map() as ClockWakes };
      }
      return this.applyExtension(manager, current, request.requestedDueAt, actor, dto.reason ?? request.reason);
    });
    await this.clocks.wake(wakes);
    return task;
  }

  /** A manager above the unit moves the deadline directly (bulk extensions, no request). */
  async extend(actor: Actor, id: string, newDueAt: string, reason: string, inTransaction?: InTransaction): Promise<Task> {
    const { task, wakes } = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockVisible(manager, actor, id);
      if (!(await this.relationOf(actor, current, manager)).supervisor)
        throw new ForbiddenException('only a manager above the unit may extend its task');
      const dueAt = parseDue(newDueAt);
      if (dueAt <= current.dueAt) throw new BadRequestException('newDueAt must be later than the current due time');
      const extended = await this.applyExtension(manager, current, dueAt, actor, reason);
      await inTransaction?.(manager, extended.task);
      return extended;
    });
    await this.clocks.wake(wakes);
    return task;
  }

  /** A new deadline version voids the old moments (trigger), resets the ladder and plans the new ones. */
  private async applyExtension(
    manager: EntityManager,
    current: Task,
    dueAt: Date,
    actor: Actor,
    reason: string,
  ): Promise<{ task: Task; wakes: ClockWakes }> {
    if (isFinished(current.status)) throw new ConflictException(`cannot extend a task that is ${current.status}`);
    await recordTaskEvent(manager, current, {
      action: 'extended',
      actorUserId: actor.id,
      reason,
      details: { from: current.dueAt.toISOString(), to: dueAt.toISOString() },
    });
    Object.assign(current, { dueAt, deadlineVersion: current.deadlineVersion + 1, escalationLevel: 0 });
    const task = await manager.getRepository(Task).save(current);
    return { task, wakes: await this.moments.plan(manager, [task]) };
  }

  async reassign(actor: Actor, id: string, dto: ReassignDto, inTransaction?: InTransaction): Promise<Task> {
    if (dto.unitId === undefined && dto.assigneeUserId === undefined) throw new BadRequestException('give unitId, assigneeUserId or both');
    if (dto.unitId) this.units.assertActive(await this.units.getInScope(actor, dto.unitId));
    const { task: saved, wakes } = await this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(manager, actor, id);
      if (!(await this.relationOf(actor, task, manager)).supervisor)
        throw new ForbiddenException('only a manager above the unit may reassign its task');
      if (isFinished(task.status)) throw new ConflictException(`cannot reassign a task that is ${task.status}`);
      const unitId = dto.unitId ?? task.unitId;
      const assigneeUserId = dto.assigneeUserId === undefined ? (dto.unitId ? null : task.assigneeUserId) : dto.assigneeUserId;
      if (assigneeUserId) await this.assertWorksIn(assigneeUserId, unitId, manager);
      await recordTaskEvent(manager, task, {
        action: 'reassigned',
        actorUserId: actor.id,
        reason: dto.reason,
        details: { from: { unitId: task.unitId, assigneeUserId: task.assigneeUserId }, to: { unitId, assigneeUserId } },
      });
      const movesUnit = unitId !== task.unitId;
      Object.assign(task, { unitId, assigneeUserId });
      const saved = await manager.getRepository(Task).save(task);
      await inTransaction?.(manager, saved);
      // Another county's unit means another clock.
      return { task: saved, wakes: movesUnit ? await this.moments.replan(manager, [saved.id]) : new Map<string, Date>() };
    });
    await this.clocks.wake(wakes);
    return saved;
  }

  private async page(qb: SelectQueryBuilder<Task>, query: TaskListQueryDto): Promise<Page<Task & UpcomingMoments>> {
    if (query.status) qb.andWhere('task.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('task.kind = :kind', { kind: query.kind });
    if (query.campaignId) qb.andWhere('task.campaignId = :campaignId', { campaignId: query.campaignId });
    if (query.dueFrom) qb.andWhere('task.dueAt >= :dueFrom', { dueFrom: new Date(query.dueFrom) });
    if (query.dueTo) qb.andWhere('task.dueAt <= :dueTo', { dueTo: new Date(query.dueTo) });
    if (query.overdue === 'true') qb.andWhere(`task.dueAt < now() AND task.status NOT IN ('approved', 'cancelled')`);
    const [items, total] = await qb
      .orderBy('task.dueAt', 'ASC')
      .addOrderBy('task.id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const upcoming = await this.moments.upcomingOf(items.map((t) => t.id));
    return pageOf(
      items.map((t) => ({ ...t, ...upcoming.get(t.id)! })),
      total,
      query,
    );
  }

  /** A task is visible to its assignee, its unit's people and the managers above it. */
  private async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Task> {
    const task = await manager
      .getRepository(Task)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!task) throw new NotFoundException(`No task with id ${id}`);
    const relation = await this.relationOf(actor, task, manager);
    if (!relation.worker && !relation.supervisor) throw new ForbiddenException('This task is outside your scope');
    return task;
  }

  private lockVisible(manager: EntityManager, actor: Actor, id: string): Promise<Task> {
    return this.findVisible(actor, id, manager, true);
  }

  /** Reads through the caller's transaction: a second pool connection per transaction could starve the pool. */
  private async relationOf(actor: Actor, task: Task, manager: EntityManager): Promise<ActorRelation> {
    // Colleagues of the unit may stand in for its assignee.
    const worker = task.assigneeUserId === actor.id || task.unitId === actor.unitId;
    let supervisor = false;
    if (actor.role !== 'staff') {
      const unit = await manager.getRepository(Unit).findOneBy({ id: task.unitId });
      supervisor = !!unit && isInScope(actor.scope, unit);
    }
    return { worker, supervisor };
  }

  /**
   * The campaign and step a new task joins, checked: both exist and belong together (a step alone names
   * its campaign), the campaign's whole scope lies in the actor's (403), the campaign and step still
   * take tasks (409) and the task's unit lies in the campaign's scope (400). A step completes when all
   * its tasks are finished, so a task hung on someone else's step would keep it open for ever. The rows
   * come from the creation's one read (readCreationContext).
   */
  private campaignLink(
    actor: Actor,
    unit: Pick<Unit, 'path'>,
    dto: Pick<CreateTaskDto, 'campaignId' | 'stepId'>,
    context: CreationContext,
  ): { campaignId: string | null; stepId: string | null } {
    if (!dto.campaignId && !dto.stepId) return { campaignId: null, stepId: null };
    if (dto.stepId) {
      if (!context.step_id) throw new BadRequestException(`stepId: no campaign step with id ${dto.stepId}`);
      if (dto.campaignId && context.step_campaign_id !== dto.campaignId)
        throw new BadRequestException('stepId: this step belongs to another campaign than campaignId');
    }
    const campaignId = dto.campaignId ?? context.step_campaign_id!;
    if (!context.campaign_id) throw new BadRequestException(`campaignId: no campaign with id ${campaignId}`);
    if (context.campaign_scope_path === null) throw new Error(`campaign ${campaignId}: no scope unit ${context.campaign_scope_unit_id}`);
    if (!isInScope(actor.scope, { id: context.campaign_scope_unit_id!, path: context.campaign_scope_path }))
      throw new ForbiddenException('campaignId: this campaign reaches beyond your scope');
    if (context.campaign_status === 'completed' || context.campaign_status === 'cancelled')
      throw new ConflictException(`campaignId: the campaign is ${context.campaign_status} and takes no new tasks`);
    if (dto.stepId && (context.step_status === 'completed' || context.step_status === 'cancelled'))
      throw new ConflictException(`stepId: the step is ${context.step_status} and takes no new tasks`);
    if (!unit.path.startsWith(context.campaign_scope_path))
      throw new BadRequestException("unitId: the unit lies outside the campaign's scope");
    return { campaignId: context.campaign_id, stepId: context.step_id };
  }

  /**
   * Four eyes: the submitter of the current submission (the latest `submitted` entry of the history) may
   * not approve it, even as a manager above the unit. Returning it stays open to them: that only takes
   * the submission back for correction.
   */
  private async assertNotOwnSubmission(manager: EntityManager, actor: Actor, task: Task): Promise<void> {
    const submitted = await manager
      .getRepository(TaskEvent)
      .findOne({ where: { taskId: task.id, action: 'submitted' }, order: { at: 'DESC', id: 'DESC' } });
    if (submitted?.actorUserId === actor.id)
      throw new ForbiddenException(
        'You submitted this task yourself and may not approve your own submission (four-eyes rule): another manager above the unit must approve it',
      );
  }

  private async assertWorksIn(userId: string, unitId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const user = await manager.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new NotFoundException(`assigneeUserId: no user with id ${userId}`);
    if (user.unitId !== unitId || !user.active) throw new BadRequestException('assigneeUserId must be an active user of the task unit');
  }

  private refusal(kind: 'state' | 'role' | 'input', message: string) {
    if (kind === 'state') return new ConflictException(message);
    if (kind === 'role') return new ForbiddenException(message);
    return new BadRequestException(message);
  }
}
