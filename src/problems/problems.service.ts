import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { Page, pageOf } from '../common/pagination';
import { RowErrors } from '../common/row-errors';
import { TabularRow } from '../common/tabular-file';
import {
  checkProblemTransition,
  duplicateKey,
  parseProblemRow,
  PROBLEM_CATEGORIES,
  ProblemAction,
  ProblemCategory,
  problemDueOn,
  problemRelation,
  ProblemSource,
  ProblemStatus,
} from '../domain/rectification';
import { isInScope } from '../domain/scope';
import { roundOfRectification } from '../domain/step-start-rules';
import { CampaignStep } from '../campaigns/campaign.entity';
import { CampaignProgressService } from '../campaigns/campaign-progress.service';
import { endOfLocalDay, localDateOf } from '../domain/time-zone';
import { storedPolicyForTask } from '../policies/task-policy';
import type { ClockWakes } from '../tasks/deadline-moments.service';
import { createdEvents, recordTaskEvent, recordTaskEvents, startOnFirstRecord } from '../tasks/task-events';
import { TaskKindRules } from '../tasks/task-kind-rules';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { FormalTalk, FormalTalkStatus } from '../tasks/escalation.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { UnitsService } from '../units/units.service';
import { whereUnitInScope } from '../units/scope-query';
import { AccountabilityListQueryDto, CreateProblemDto, ProblemListQueryDto } from './dto/problem.dto';
import { AccountabilityRecord, Problem, ProblemEvent } from './problem.entity';

/** The deadline-engine task kind of a problem's rectification. */
export const RECTIFICATION_TASK_KIND = 'rectification';

/** A problem to file: entered, imported, or a failed checklist item. */
export interface ProblemReport {
  unitId: string;
  source: ProblemSource;
  category: ProblemCategory;
  description: string;
  evidence: string;
  dueOn?: string;
  itemKey?: string | null;
  inspectingUnitId?: string | null;
  /** The campaign step (a cross-check round) that found it, for the board and the ledger. */
  campaignId?: string | null;
  stepId?: string | null;
}

/** An accountability record with its unit, problem and formal talk, as the list answers it. */
export interface AccountabilityListItem extends AccountabilityRecord {
  unitName: string;
  problemDescription: string;
  problemCategory: ProblemCategory;
  problemStatus: ProblemStatus;
  talkLevel: number;
  talkStatus: FormalTalkStatus;
  talkScheduledAt: Date | null;
  talkHeldAt: Date | null;
  talkOutcome: string | null;
  completedByName: string | null;
}

interface AccountabilityRow {
  unit_name: string;
  problem_description: string;
  problem_category: ProblemCategory;
  problem_status: ProblemStatus;
  talk_level: number;
  talk_status: FormalTalkStatus;
  talk_scheduled_at: Date | null;
  talk_held_at: Date | null;
  talk_outcome: string | null;
  completed_by_name: string | null;
}

/** What filing did with a report: a new problem, merged into the open one, or a cleared one reopened (a recurrence). */
export type FiledAs = 'created' | 'merged' | 'reopened';

export interface FiledProblem {
  problem: Problem;
  filedAs: FiledAs;
}

/**
 * Problems (问题清单) and their rectification (整改) until cleared (销号). Each problem's time limit is a
 * task of the deadline engine on the county's clock (a step's clock for a campaign step's problems):
 * reminders, the escalation ladder and its formal talk apply as to any task; the talk of a problem's task
 * also opens an accountability record (问责, by trigger). A transition and the task's change commit together.
 */
@Injectable()
export class ProblemsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly kindRules: TaskKindRules,
    private readonly campaigns: CampaignProgressService,
  ) {}

  /** A rectification task follows its problem: it is never submitted on its own. */
  onModuleInit(): void {
    this.kindRules.register(RECTIFICATION_TASK_KIND, {
      beforeSubmit: () =>
        Promise.reject(
          new ConflictException('this task follows its problem: report the fix on the problem (/api/problems/:id/report-fix)'),
        ),
    });
  }

  /** A problem entered by hand: merged into the open one of the same unit and item, or reopening a cleared one. */
  async report(actor: Actor, dto: CreateProblemDto): Promise<FiledProblem> {
    const unit = await this.units.getInScope(actor, dto.unitId);
    this.units.assertActive(unit, 'unitId');
    // The inspecting team often comes from another township (交叉): it need not lie in the actor's scope.
    if (dto.inspectingUnitId && !(await this.dataSource.getRepository(Unit).existsBy({ id: dto.inspectingUnitId })))
      throw new BadRequestException(`inspectingUnitId: no unit with id ${dto.inspectingUnitId}`);
    const { filed, wakes } = await this.dataSource.transaction(async (manager) => {
      const filed = await this.file(manager, actor.id, [{ ...dto, evidence: dto.evidence ?? '' }]);
      return { filed: filed.problems[0], wakes: filed.wakes };
    });
    await this.tasks.wakeClocks(wakes);
    return filed;
  }

  /**
   * An imported problem list (CSV/XLSX): every row checked first (unit codes in scope, source, category,
   * time limit); any error refuses the file with the rows named and nothing is filed.
   */
  async import(actor: Actor, rows: AsyncIterable<TabularRow>): Promise<{ created: number; merged: number; reopened: number }> {
    const today = localDateOf(new Date());
    const errors = new RowErrors<{ row: number; column: string; message: string }>();
    const parsed: { row: number; report: Omit<ProblemReport, 'unitId'> & { unitCode: string } }[] = [];
    for await (const { row, values } of rows) {
      const result = parseProblemRow(values, today);
      if (!result.ok) errors.add(...result.errors.map((e) => ({ row, ...e })));
      else parsed.push({ row, report: result.row });
    }
    const codes = [...new Set(parsed.map((p) => p.report.unitCode))];
    const units = await this.dataSource.getRepository(Unit).find({ where: codes.map((code) => ({ code })) });
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const reports: ProblemReport[] = [];
    for (const { row, report } of parsed) {
      const unit = unitByCode.get(report.unitCode);
      if (!unit || !isInScope(actor.scope, unit)) errors.add({ row, column: 'unitCode', message: 'no unit with this code in your scope' });
      else if (!unit.active) errors.add({ row, column: 'unitCode', message: 'this unit is deactivated' });
      else reports.push({ ...report, unitId: unit.id });
    }
    if (errors.count > 0) throw errors.refusal('the problem list', 'no problem was filed');
    if (reports.length === 0) return { created: 0, merged: 0, reopened: 0 };
    const { problems, wakes } = await this.dataSource.transaction((manager) => this.file(manager, actor.id, reports));
    await this.tasks.wakeClocks(wakes);
    const count = (as: FiledAs) => problems.filter((p) => p.filedAs === as).length;
    return { created: count('created'), merged: count('merged'), reopened: count('reopened') };
  }

  /**
   * In the caller's transaction: each report merged into the open problem of its unit and item, or
   * reopening the latest cleared one (a recurrence), or a new problem; new and reopened problems get their
   * rectification task. Reports of one unit and item are serialised by an advisory lock, so two at once
   * never make two open problems. The wakes go to `TasksService.wakeClocks` after the commit.
   */
  async file(
    manager: EntityManager,
    actorUserId: string | null,
    reports: ProblemReport[],
  ): Promise<{ problems: FiledProblem[]; wakes: ClockWakes }> {
    const repo = manager.getRepository(Problem);
    const today = localDateOf(new Date());
    const filed: FiledProblem[] = [];
    const rectifications = await this.rectificationStepsOf(
      manager,
      reports.flatMap((r) => (r.stepId ? [r.stepId] : [])),
    );
    for (const report of reports) {
      const key = duplicateKey(report.category, report.itemKey);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`problem:${report.unitId}:${key}`]);
      // One row per unit and item, ever: found again after 销号, the same problem reopens.
      const existing = await repo.findOne({ where: { unitId: report.unitId, duplicateKey: key } });
      if (existing && existing.status !== 'cleared') {
        await repo.update({ id: existing.id }, { reports: existing.reports + 1 });
        await this.recordEvent(manager, existing.id, {
          action: 'merged',
          from: existing.status,
          to: existing.status,
          actorUserId,
          details: { source: report.source, description: report.description, evidence: report.evidence },
        });
        filed.push({ problem: { ...existing, reports: existing.reports + 1 }, filedAs: 'merged' });
        continue;
      }
      // A campaign round's problem is due when its rectification step is (整改时限), unless a limit was given or
      // that step's time is past (a spot check reopening it later): then its category's time limit.
      const rectification = report.stepId ? rectifications.get(report.stepId) : undefined;
      const dueAt =
        rectification && !report.dueOn && rectification.dueAt.getTime() > Date.now()
          ? rectification.dueAt
          : endOfLocalDay(problemDueOn(report.category, today, report.dueOn));
      if (existing) {
        // Found again after it was cleared: a recurrence.
        // Found again by a campaign's round, it is that round's now: its rectification step tracks it, its team verifies.
        const reopened = await this.reopenRow(
          manager,
          existing,
          actorUserId,
          `found again (${report.source}): ${report.description}`,
          dueAt,
          report.stepId
            ? {
                campaignId: report.campaignId ?? null,
                stepId: report.stepId,
                inspectingUnitId: report.inspectingUnitId ?? existing.inspectingUnitId,
              }
            : {},
        );
        filed.push({ problem: reopened, filedAs: 'reopened' });
        continue;
      }
      const problem = await repo.save(
        repo.create({
          unitId: report.unitId,
          source: report.source,
          category: report.category,
          itemKey: report.itemKey ?? null,
          duplicateKey: key,
          description: report.description,
          evidence: report.evidence,
          inspectingUnitId: report.inspectingUnitId ?? null,
          campaignId: report.campaignId ?? null,
          stepId: report.stepId ?? null,
          dueAt,
          createdByUserId: actorUserId,
        }),
      );
      await this.recordEvent(manager, problem.id, {
        action: 'created',
        from: null,
        to: 'open',
        actorUserId,
        details: { source: report.source },
      });
      filed.push({ problem, filedAs: 'created' });
    }
    const wakes = await this.openTasks(
      manager,
      filed.filter((f) => f.filedAs !== 'merged').map((f) => f.problem),
      actorUserId,
    );
    // The rows as they now are (with their task).
    const fresh = await repo.findBy(filed.map((f) => ({ id: f.problem.id })));
    const byId = new Map(fresh.map((p) => [p.id, p]));
    return { problems: filed.map((f) => ({ ...f, problem: byId.get(f.problem.id)! })), wakes };
  }

  /** A problem with its history, if the actor may see it: its unit, the inspecting team, a manager or admin over it. */
  async get(actor: Actor, id: string): Promise<Problem & { events: ProblemEvent[]; mayVerify: boolean }> {
    const { problem, relation } = await this.visible(this.dataSource.manager, actor, id);
    const events = await this.dataSource.getRepository(ProblemEvent).find({ where: { problemId: id }, order: { id: 'ASC' } });
    return { ...problem, events, mayVerify: relation.includes('verifier') };
  }

  /**
   * Problems in scope (staff: their unit's, and those their unit's team found), overdue first. The due
   * time is the task's: an extension granted on the task moves it.
   */
  async list(actor: Actor, query: ProblemListQueryDto): Promise<Page<Problem & { unitName: string; overdue: boolean }>> {
    const qb = this.dataSource
      .getRepository(Problem)
      .createQueryBuilder('p')
      .innerJoin(Unit, 'u', 'u.id = p.unit_id')
      .leftJoin(Task, 't', 't.id = p.task_id')
      .addSelect('u.name', 'unit_name')
      .addSelect('coalesce(t.due_at, p.due_at)', 'current_due_at')
      .orderBy(`(p.status <> 'cleared' AND coalesce(t.due_at, p.due_at) < now())`, 'DESC')
      .addOrderBy('coalesce(t.due_at, p.due_at)', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    if (actor.scope.kind === 'own-unit') qb.where('(p.unit_id = :own OR p.inspecting_unit_id = :own)', { own: actor.unitId });
    else whereUnitInScope(qb, 'u', actor.scope);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.source) qb.andWhere('p.source = :source', { source: query.source });
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.unitId) {
      const unit = await this.units.getInScope(actor, query.unitId);
      qb.andWhere('u.path LIKE :under', { under: `${unit.path}%` });
    }
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    const now = Date.now();
    return pageOf(
      entities.map((p, i) => {
        const row = raw[i] as { unit_name: string; current_due_at: Date };
        return {
          ...p,
          dueAt: row.current_due_at,
          unitName: row.unit_name,
          overdue: p.status !== 'cleared' && row.current_due_at.getTime() < now,
        };
      }),
      total,
      query,
    );
  }

  /**
   * One step of the rectification, checked against who the actor is to the problem (403 naming the rule,
   * e.g. a verifier inside the responsible unit) and its state (409); the problem, its event, its task and
   * the audit row change together.
   */
  async act(actor: Actor, id: string, action: ProblemAction, change: { plan?: string; note?: string; reason?: string }): Promise<Problem> {
    const wakes = await this.dataSource.transaction(async (manager) => {
      const { problem, relation } = await this.visible(manager, actor, id, true);
      const check = checkProblemTransition(action, problem.status, relation);
      if (!check.ok) throw check.reason === 'role' ? new ForbiddenException(check.message) : new ConflictException(check.message);
      const task = problem.taskId ? await manager.getRepository(Task).findOneBy({ id: problem.taskId }) : null;
      if (action === 'report_fix') {
        const [{ files }]: { files: number }[] = await manager.query(
          `SELECT count(*)::int AS files FROM task_evidence WHERE task_id = $1`,
          [problem.taskId],
        );
        if (files === 0)
          throw new ConflictException(
            `a fix is reported with its evidence: upload it to the problem's task first (POST /api/tasks/${problem.taskId}/evidence/files)`,
          );
      }
      if (action === 'reopen') {
        const today = localDateOf(new Date());
        const reopened = await this.reopenRow(
          manager,
          problem,
          actor.id,
          change.reason!,
          endOfLocalDay(problemDueOn(problem.category, today)),
        );
        await this.audit.record(
          { actorUserId: actor.id, action: 'problem.reopen', entityType: 'problem', entityId: id, details: { to: 'open' } },
          manager,
        );
        return this.openTasks(manager, [reopened], actor.id);
      }
      const repo = manager.getRepository(Problem);
      await repo.update(
        { id },
        {
          status: check.to,
          ...(action === 'submit_plan' && { plan: change.plan }),
          ...(action === 'report_fix' && { fixNote: change.note }),
          ...(action === 'refuse' && { refusals: problem.refusals + 1 }),
          ...(action === 'verify' && { verifiedByUserId: actor.id, clearedAt: new Date() }),
        },
      );
      await this.recordEvent(manager, id, {
        action,
        from: problem.status,
        to: check.to,
        actorUserId: actor.id,
        reason: change.reason,
        details: { ...(change.plan && { plan: change.plan }), ...(change.note && { note: change.note }) },
      });
      if (task && action === 'submit_plan') await startOnFirstRecord(manager, task, actor.id, 'problem plan');
      // 销号 finishes the rectification task: its pending reminders and escalations are void (the tasks trigger).
      if (task && action === 'verify' && task.status !== 'approved' && task.status !== 'cancelled') {
        await recordTaskEvent(manager, task, {
          action: 'approved',
          actorUserId: actor.id,
          toStatus: 'approved',
          reason: 'problem cleared (销号)',
        });
        await manager.getRepository(Task).update({ id: task.id }, { status: 'approved', finishedAt: new Date() });
      }
      await this.audit.record(
        { actorUserId: actor.id, action: `problem.${action}`, entityType: 'problem', entityId: id, details: { to: check.to } },
        manager,
      );
      return new Map() as ClockWakes;
    });
    await this.tasks.wakeClocks(wakes);
    const problem = await this.dataSource.getRepository(Problem).findOneByOrFail({ id });
    if (action === 'verify') await this.campaigns.onProblemCleared(problem);
    return problem;
  }

  /**
   * Accountability records (问责) of units in scope, pending first, newest first: each with its unit's name,
   * the problem (description, category, status) and the formal talk that opened it; filtered by status,
   * an area (unitId and below), a problem or formal talks.
   */
  async accountability(actor: Actor, query: AccountabilityListQueryDto): Promise<Page<AccountabilityListItem>> {
    const qb = this.dataSource
      .getRepository(AccountabilityRecord)
      .createQueryBuilder('a')
      .innerJoin(Unit, 'u', 'u.id = a.unit_id')
      .innerJoin(Problem, 'p', 'p.id = a.problem_id')
      .innerJoin(FormalTalk, 'f', 'f.id = a.formal_talk_id')
      .leftJoin(User, 'cu', 'cu.id = a.completed_by_user_id')
      .addSelect(['u.name AS unit_name', 'p.description AS problem_description', 'p.category AS problem_category'])
      .addSelect(['p.status AS problem_status', 'f.level AS talk_level', 'f.status AS talk_status', 'f.outcome AS talk_outcome'])
      .addSelect(['f.scheduled_at AS talk_scheduled_at', 'f.held_at AS talk_held_at', 'cu.display_name AS completed_by_name'])
      .orderBy(`a.status = 'pending'`, 'DESC')
      .addOrderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    whereUnitInScope(qb, 'u', actor.scope);
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.problemId) qb.andWhere('a.problem_id = :problemId', { problemId: query.problemId });
    if (query.formalTalkId) qb.andWhere('a.formal_talk_id IN (:...talkIds)', { talkIds: query.formalTalkId });
    if (query.unitId) {
      const unit = await this.units.getInScope(actor, query.unitId);
      qb.andWhere('u.path LIKE :under', { under: `${unit.path}%` });
    }
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    return pageOf(
      entities.map((a, i) => {
        const row = raw[i] as AccountabilityRow;
        return {
          ...a,
          unitName: row.unit_name,
          problemDescription: row.problem_description,
          problemCategory: row.problem_category,
          problemStatus: row.problem_status,
          talkLevel: row.talk_level,
          talkStatus: row.talk_status,
          talkScheduledAt: row.talk_scheduled_at,
          talkHeldAt: row.talk_held_at,
          talkOutcome: row.talk_outcome,
          completedByName: row.completed_by_name,
        };
      }),
      total,
      query,
    );
  }

  /** A manager or admin over the unit records the measure taken; audited. 409 once completed. */
  async completeAccountability(actor: Actor, id: string, measure: string): Promise<AccountabilityRecord> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(AccountabilityRecord);
      const record = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const unit = record ? await manager.getRepository(Unit).findOneBy({ id: record.unitId }) : null;
      if (!record || !unit || !isInScope(actor.scope, unit)) throw new NotFoundException(`No accountability record with id ${id}`);
      if (record.status === 'completed') throw new ConflictException('this accountability record is already completed');
      Object.assign(record, { status: 'completed', measure, completedByUserId: actor.id, completedAt: new Date() });
      const saved = await repo.save(record);
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'accountability.complete',
          entityType: 'accountability_record',
          entityId: id,
          details: { problemId: record.problemId },
        },
        manager,
      );
      return saved;
    });
  }

  /** Back to open with a new time limit and a new task: a recurrence. */
  private async reopenRow(
    manager: EntityManager,
    problem: Problem,
    actorUserId: string | null,
    reason: string,
    dueAt: Date,
    foundBy: Partial<Pick<Problem, 'campaignId' | 'stepId' | 'inspectingUnitId'>> = {},
  ): Promise<Problem> {
    const change = {
      ...foundBy,
      status: 'open' as const,
      version: problem.version + 1,
      recurrences: problem.recurrences + 1,
      openedAt: new Date(),
      dueAt,
      clearedAt: null,
      verifiedByUserId: null,
      plan: null,
      fixNote: null,
      taskId: null,
    };
    await manager.getRepository(Problem).update({ id: problem.id }, change);
    await this.recordEvent(manager, problem.id, { action: 'reopen', from: problem.status, to: 'open', actorUserId, reason });
    return { ...problem, ...change };
  }

  /**
   * Opens the rectification task of each problem (new or reopened), due at its time limit, on its county's
   * clock with the stored default policy. A cross-check round's problems too: the round completes when its
   * inspections are done, while their rectification runs on. The natural key carries the problem's
   * version, so a retried transaction creates each once.
   */
  private async openTasks(manager: EntityManager, problems: Problem[], actorUserId: string | null): Promise<ClockWakes> {
    if (problems.length === 0) return new Map();
    // A campaign round's problems take their rectification step's policy; others the stored default.
    const rectifications = await this.rectificationStepsOf(
      manager,
      problems.flatMap((p) => (p.stepId ? [p.stepId] : [])),
    );
    const policyOf = (p: Problem) => {
      const step = p.stepId ? rectifications.get(p.stepId) : undefined;
      return step ? { id: step.policyId, policy: step.policy } : undefined;
    };
    const fallback = problems.every(policyOf) ? undefined : await storedPolicyForTask(manager);
    const units = await manager.getRepository(Unit).findBy(problems.map((p) => ({ id: p.unitId })));
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    const keyOf = (p: Problem) => `problem:${p.id}:${p.version}`;
    const problemOfKey = new Map(problems.map((p) => [keyOf(p), p.id]));
    const created: { id: string; origin_key: string; due_at: Date }[] = await manager.query(
      `INSERT INTO tasks (kind, title, description, unit_id, due_at, policy, policy_id, created_by_user_id, origin_key)
       SELECT $1, t.title, t.description, t.unit_id, t.due_at, t.policy, t.policy_id, $2, t.origin_key
       FROM unnest($3::varchar[], $4::text[], $5::uuid[], $6::timestamptz[], $7::varchar[], $8::jsonb[], $9::uuid[])
         AS t(title, description, unit_id, due_at, origin_key, policy, policy_id)
       ON CONFLICT (origin_key) WHERE origin_key IS NOT NULL DO NOTHING
       RETURNING id, origin_key, due_at`,
      [
        RECTIFICATION_TASK_KIND,
        actorUserId,
        problems.map((p) => `整改：${PROBLEM_CATEGORIES[p.category].label}（${nameOf.get(p.unitId) ?? ''}）`.slice(0, 200)),
        problems.map((p) => p.description),
        problems.map((p) => p.unitId),
        problems.map((p) => p.dueAt),
        problems.map(keyOf),
        problems.map((p) => JSON.stringify((policyOf(p) ?? fallback)!.policy)),
        problems.map((p) => (policyOf(p) ?? fallback)!.id),
      ],
    );
    await recordTaskEvents(
      manager,
      createdEvents(created, actorUserId, (task) => ({ problemId: problemOfKey.get(task.origin_key) })),
    );
    await manager.query(
      `UPDATE problems p SET task_id = u.task_id FROM unnest($1::uuid[], $2::uuid[]) AS u(problem_id, task_id) WHERE p.id = u.problem_id`,
      [created.map((t) => problemOfKey.get(t.origin_key)!), created.map((t) => t.id)],
    );
    return this.tasks.planGenerated(
      manager,
      created.map((t) => t.id),
    );
  }

  /** For each cross-check round among `stepIds`, the campaign's rectification step that tracks its problems. */
  private async rectificationStepsOf(manager: EntityManager, stepIds: string[]): Promise<Map<string, CampaignStep>> {
    if (stepIds.length === 0) return new Map();
    const all = await manager
      .getRepository(CampaignStep)
      .createQueryBuilder('s')
      .where('s.campaign_id IN (SELECT campaign_id FROM campaign_steps WHERE id = ANY(:ids))', { ids: [...new Set(stepIds)] })
      .andWhere(`EXISTS (SELECT 1 FROM campaign_steps r WHERE r.campaign_id = s.campaign_id AND r.kind = 'rectification')`)
      .orderBy('s.ordinal', 'ASC')
      .getMany();
    const tracked = new Map<string, CampaignStep>();
    for (const step of all.filter((s) => s.kind === 'rectification')) {
      const round = roundOfRectification(
        all.filter((s) => s.campaignId === step.campaignId),
        step.ordinal,
      );
      if (round && !tracked.has(round.id)) tracked.set(round.id, step);
    }
    return tracked;
  }

  /** The problem and how the actor stands to it (locked for a change); 404 unknown or none of the actor's. */
  private async visible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<{ problem: Problem; relation: ReturnType<typeof problemRelation> }> {
    const problem = await manager
      .getRepository(Problem)
      .findOne({ where: { id }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!problem) throw new NotFoundException(`No problem with id ${id}`);
    const ids = [actor.unitId, problem.unitId, ...(problem.inspectingUnitId ? [problem.inspectingUnitId] : [])];
    const units = await manager.getRepository(Unit).findBy(ids.map((unitId) => ({ id: unitId })));
    const pathOf = (unitId: string) => units.find((u) => u.id === unitId)!.path;
    const responsible = units.find((u) => u.id === problem.unitId)!;
    const relation = problemRelation({
      role: actor.role,
      actorUnitPath: pathOf(actor.unitId),
      responsibleUnitPath: responsible.path,
      inScope: isInScope(actor.scope, responsible),
      inspectingUnitPath: problem.inspectingUnitId ? pathOf(problem.inspectingUnitId) : null,
    });
    if (relation.length === 0) throw new NotFoundException(`No problem with id ${id}`);
    return { problem, relation };
  }

  private async recordEvent(
    manager: EntityManager,
    problemId: string,
    e: {
      action: string;
      from: ProblemStatus | null;
      to: ProblemStatus;
      actorUserId: string | null;
      reason?: string;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    const events = manager.getRepository(ProblemEvent);
    await events.save(
      events.create({
        problemId,
        action: e.action,
        fromStatus: e.from,
        toStatus: e.to,
        actorUserId: e.actorUserId,
        reason: e.reason ?? null,
        details: e.details ?? {},
      }),
    );
  }
}
