import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  OnModuleInit,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FollowUpPage } from '../../workflows/follow-up-generation.contract';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { Page, pageOf } from '../common/pagination';
import {
  FOLLOW_UP_DISEASES,
  FollowUpDiseaseCode,
  FollowUpMeasure,
  FollowUpPeriod,
  FollowUpsPerYear,
  periodOf,
  validateVisit,
} from '../domain/follow-up';
import { ageOn, maskResidentId } from '../domain/resident-id';
import { endOfLocalDay, isLocalDate, localDateOf } from '../domain/time-zone';
import { storedPolicyForTask } from '../policies/task-policy';
import type { ClockWakes } from '../tasks/deadline-moments.service';
import { recordTaskEvent, recordTaskEvents, startOnFirstRecord } from '../tasks/task-events';
import { TaskKindRules } from '../tasks/task-kind-rules';
import { Task } from '../tasks/task.entity';
import { TasksService } from '../tasks/tasks.service';
import { FollowUpListQueryDto, RecordFollowUpDto } from './dto/follow-up.dto';
import { FollowUpGenerationClient } from './follow-up-generation-client';
import { FollowUp, FollowUpPlan } from './follow-up.entity';

export const FOLLOW_UP_TASK_KIND = 'follow_up';

/** Active plans per page of the generator: one transaction, a few statements. */
export const FOLLOW_UP_PAGE_SIZE = 1000;

/** Statuses in which the unit may still record visits. */
const RECORDABLE = ['open', 'in_progress'];

/** The natural key of a unit's follow-up task of a period: one task per unit, period and visits a year. */
export const followUpTaskKey = (unitId: string, period: Pick<FollowUpPeriod, 'key' | 'perYear'>) =>
  `follow-up:${unitId}:${period.key}/${period.perYear}`;

/** A plan as the generator reads it. */
export interface PlanToGenerate {
  id: string;
  person_id: string;
  unit_id: string;
  unit_name: string;
  unit_active: boolean;
  per_year: FollowUpsPerYear;
  /** YYYY-MM-DD */
  starts_on: string;
}

export interface GeneratedFollowUps {
  followUpsCreated: number;
  tasksCreated: number;
  tasksReopened: number;
  wakes: ClockWakes;
}

/** A follow-up as its task's list shows it: the person by name, masked ID number and age. */
export interface FollowUpView {
  id: string;
  planId: string;
  taskId: string;
  periodKey: string;
  period: { startsOn: string; endsOn: string };
  diseaseCode: FollowUpDiseaseCode;
  diseaseName: string;
  /** What the visit must record: blood pressure, fasting glucose or notes. */
  measure: FollowUpMeasure;
  person: { id: string; name: string; idNumberMasked: string; sex: string; age: number };
  household: { number: string; headName: string };
  village: { id: string; name: string };
  visitDate: string | null;
  systolic: number | null;
  diastolic: number | null;
  glucose: number | null;
  notes: string;
  recordedAt: Date | null;
  recordedByUserId: string | null;
}

interface FollowUpRow {
  id: string;
  plan_id: string;
  task_id: string;
  period_key: string;
  period_starts_on: string;
  period_ends_on: string;
  disease_code: FollowUpDiseaseCode;
  person_id: string;
  name: string;
  id_number: string;
  sex: string;
  birth_date: string;
  household_number: string;
  head_name: string;
  village_id: string;
  village_name: string;
  visit_date: string | null;
  systolic: number | null;
  diastolic: number | null;
  glucose: string | null;
  notes: string;
  recorded_at: Date | null;
  recorded_by_user_id: string | null;
  total: number;
}

const FOLLOW_UP_ROW_SQL = `
  SELECT f.id, f.plan_id, f.task_id, f.period_key, f.period_starts_on::text AS period_starts_on, f.period_ends_on::text AS period_ends_on,
         plan.disease_code, p.id AS person_id, p.name, p.id_number, p.sex, p.birth_date::text AS birth_date,
         h.household_number, h.head_name, v.id AS village_id, v.name AS village_name,
         f.visit_date::text AS visit_date, f.systolic, f.diastolic, f.glucose::text AS glucose, f.notes, f.recorded_at, f.recorded_by_user_id,
         count(*) OVER ()::int AS total
  FROM follow_ups f
  JOIN follow_up_plans plan ON plan.id = f.plan_id
  JOIN persons p ON p.id = f.person_id
  JOIN households h ON h.id = p.household_id
  JOIN units v ON v.id = p.village_unit_id`;

function toView(r: FollowUpRow, today: string): FollowUpView {
  const disease = FOLLOW_UP_DISEASES[r.disease_code];
  return {
    id: r.id,
    planId: r.plan_id,
    taskId: r.task_id,
    periodKey: r.period_key,
    period: { startsOn: r.period_starts_on, endsOn: r.period_ends_on },
    diseaseCode: r.disease_code,
    diseaseName: disease.name,
    measure: disease.measure,
    person: { id: r.person_id, name: r.name, idNumberMasked: maskResidentId(r.id_number), sex: r.sex, age: ageOn(r.birth_date, today) },
    household: { number: r.household_number, headName: r.head_name },
    village: { id: r.village_id, name: r.village_name },
    visitDate: r.visit_date,
    systolic: r.systolic,
    diastolic: r.diastolic,
    glucose: r.glucose === null ? null : Number(r.glucose),
    notes: r.notes,
    recordedAt: r.recorded_at,
    recordedByUserId: r.recorded_by_user_id,
  };
}

/**
 * 慢病签约随访: the generator (a page of active plans at a time: each plan's follow-up of the period
 * containing the day, and one deadline-engine task per unit and period holding them), the follow-ups
 * of a task, and recording a visit; a task whose follow-ups are all recorded finishes by itself.
 */
@Injectable()
export class FollowUpsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly kindRules: TaskKindRules,
    private readonly generation: FollowUpGenerationClient,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.kindRules.register(FOLLOW_UP_TASK_KIND, {
      beforeSubmit: () => {
        throw new ConflictException('a follow-up task is not submitted: it finishes by itself once every follow-up in it is recorded');
      },
    });
  }

  /**
   * One page of the generator: the active plans after `afterPlanId` in id order, each given the
   * follow-up of the period containing `asOf` (once: UNIQUE(plan_id, period_key)) in its unit's task of
   * that period (once: the task's origin key), with the new tasks' due moments, in one transaction; the
   * clocks are woken after the commit. Returns the cursor of the next page, null after the last.
   */
  async generate(asOf: string, afterPlanId: string | null = null, pageSize = FOLLOW_UP_PAGE_SIZE): Promise<FollowUpPage> {
    if (!isLocalDate(asOf)) throw new RangeError(`asOf must be an existing day as YYYY-MM-DD, not ${asOf}`);
    const { page, wakes } = await this.dataSource.transaction(async (manager) => {
      const plans: PlanToGenerate[] = await manager.query(
        `SELECT p.id, p.person_id, p.unit_id, u.name AS unit_name, u.active AS unit_active, p.per_year, p.starts_on::text AS starts_on
         FROM follow_up_plans p JOIN units u ON u.id = p.unit_id
         WHERE p.active AND ($1::uuid IS NULL OR p.id > $1::uuid)
         ORDER BY p.id LIMIT $2`,
        [afterPlanId, pageSize],
      );
      const { wakes, ...created } = await this.generateFor(manager, asOf, plans);
      const nextCursor = plans.length === pageSize ? plans[plans.length - 1].id : null;
      return { page: { plans: plans.length, ...created, nextCursor }, wakes };
    });
    await this.tasks.wakeClocks(wakes);
    return page;
  }

  /**
   * In the caller's transaction: for each plan, the follow-up of the period containing `asOf` (none for a
   * plan that starts after that period, or whose unit is deactivated), in its unit's task of the period,
   * created if missing with its due moments. A finished task that takes a new follow-up (a plan added after
   * all the others of the period were recorded) runs again. The wakes go to `TasksService.wakeClocks`
   * after the commit.
   */
  async generateFor(manager: EntityManager, asOf: string, plans: PlanToGenerate[]): Promise<GeneratedFollowUps> {
    const due = plans.flatMap((plan) => {
      const period = periodOf(asOf, plan.per_year);
      if (plan.starts_on > period.endsOn || !plan.unit_active) return [];
      return [{ plan, period, originKey: followUpTaskKey(plan.unit_id, period) }];
    });
    if (due.length === 0) return { followUpsCreated: 0, tasksCreated: 0, tasksReopened: 0, wakes: new Map() };

    const wanted = new Map(due.map((d) => [d.originKey, d]));
    const policy = await storedPolicyForTask(manager);
    const created: { id: string; origin_key: string; due_at: Date }[] = await manager.query(
      `INSERT INTO tasks (kind, title, description, unit_id, due_at, policy, policy_id, origin_key)
       SELECT $1, t.title, '', t.unit_id, t.due_at, $2, $3, t.origin_key
       FROM unnest($4::varchar[], $5::uuid[], $6::timestamptz[], $7::varchar[]) AS t(title, unit_id, due_at, origin_key)
       ON CONFLICT (origin_key) WHERE origin_key IS NOT NULL DO NOTHING
       RETURNING id, origin_key, due_at`,
      [
        FOLLOW_UP_TASK_KIND,
        policy.policy,
        policy.id,
        [...wanted.values()].map((d) => `随访任务：${d.period.label} ${d.plan.unit_name}`),
        [...wanted.values()].map((d) => d.plan.unit_id),
        [...wanted.values()].map((d) => endOfLocalDay(d.period.endsOn)),
        [...wanted.keys()],
      ],
    );
    await recordTaskEvents(
      manager,
      created.map((task) => {
        const { period } = wanted.get(task.origin_key)!;
        return {
          taskId: task.id,
          action: 'created',
          fromStatus: 'open',
          toStatus: 'open',
          details: { dueAt: task.due_at.toISOString(), followUpPeriod: period.key, perYear: period.perYear },
        };
      }),
    );
    // Every task of the page (new or from an earlier run), locked in id order: a visit recorded meanwhile
    // waits, so it cannot finish a task that is about to take a follow-up it has not seen.
    const taskRows: { id: string; origin_key: string }[] = await manager.query(
      `SELECT id, origin_key FROM tasks WHERE origin_key = ANY($1::varchar[]) ORDER BY id FOR UPDATE`,
      [[...wanted.keys()]],
    );
    const taskOf = new Map(taskRows.map((t) => [t.origin_key, t.id]));
    const inserted: { task_id: string }[] = await manager.query(
      `INSERT INTO follow_ups (plan_id, person_id, unit_id, period_key, period_starts_on, period_ends_on, task_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::date[], $6::date[], $7::uuid[])
       ON CONFLICT (plan_id, period_key) DO NOTHING
       RETURNING task_id`,
      [
        due.map((d) => d.plan.id),
        due.map((d) => d.plan.person_id),
        due.map((d) => d.plan.unit_id),
        due.map((d) => d.period.key),
        due.map((d) => d.period.startsOn),
        due.map((d) => d.period.endsOn),
        due.map((d) => taskOf.get(d.originKey)!),
      ],
    );
    const added = new Map<string, number>();
    for (const r of inserted) added.set(r.task_id, (added.get(r.task_id) ?? 0) + 1);
    // An UPDATE answers [rows, count].
    const [reopened]: [{ id: string }[], number] =
      added.size === 0
        ? [[], 0]
        : await manager.query(
            `UPDATE tasks SET status = 'in_progress', finished_at = NULL, updated_at = now()
             WHERE id = ANY($1::uuid[]) AND status = 'approved' RETURNING id`,
            [[...added.keys()]],
          );
    await recordTaskEvents(
      manager,
      reopened.map((task) => ({
        taskId: task.id,
        action: 'reopened',
        fromStatus: 'approved',
        toStatus: 'in_progress',
        reason: 'new follow-ups of the period',
        details: { followUpsAdded: added.get(task.id) },
      })),
    );
    const wakes = await this.tasks.planGenerated(manager, [...created.map((t) => t.id), ...reopened.map((t) => t.id)]);
    return { followUpsCreated: inserted.length, tasksCreated: created.length, tasksReopened: reopened.length, wakes };
  }

  /**
   * POST /api/follow-ups/generate: a run of the generator now, for `asOf` (default: today, Asia/Shanghai).
   * A day before today is refused: its period may have ended, and its tasks would be overdue at once.
   */
  async startGeneration(actor: Actor, asOf?: string): Promise<{ workflowId: string; asOf: string }> {
    const today = localDateOf(new Date());
    const day = asOf ?? today;
    if (day < today)
      throw new BadRequestException(`asOf may not lie before today (${today}): generation makes the work of current and coming periods`);
    let workflowId: string;
    try {
      workflowId = await this.generation.start(day);
    } catch (err) {
      throw new ServiceUnavailableException(`The workflow service is unavailable; nothing was generated (${(err as Error).message})`);
    }
    await this.audit.record({
      actorUserId: actor.id,
      action: 'follow_up.generate',
      entityType: 'follow_up',
      details: { asOf: day, workflowId },
    });
    return { workflowId, asOf: day };
  }

  /** A follow-up task's follow-ups: the unit's people and the managers above it (ID numbers masked). */
  async list(actor: Actor, taskId: string, query: FollowUpListQueryDto): Promise<Page<FollowUpView>> {
    const { task } = await this.tasks.findVisibleWithRelation(actor, taskId);
    assertFollowUpTask(task);
    const where = ['f.task_id = $1'];
    if (query.state) where.push(query.state === 'pending' ? 'f.recorded_at IS NULL' : 'f.recorded_at IS NOT NULL');
    const rows: FollowUpRow[] = await this.dataSource.query(
      `${FOLLOW_UP_ROW_SQL} WHERE ${where.join(' AND ')}
       ORDER BY v.path, h.household_number, p.id_number, plan.disease_code
       LIMIT $2 OFFSET $3`,
      [taskId, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const today = localDateOf(new Date());
    return pageOf(
      rows.map((r) => toView(r, today)),
      rows[0]?.total ?? 0,
      query,
    );
  }

  /**
   * Records a visit (the unit's staff, while the task is open or in progress): checked against the
   * disease and the period (400 naming each wrong field), audited. The first visit starts the task;
   * the last one finishes it (approved), which voids its pending reminders and escalations.
   */
  async record(actor: Actor, taskId: string, id: string, dto: RecordFollowUpDto): Promise<FollowUpView & { taskStatus: string }> {
    const taskStatus = await this.dataSource.transaction(async (manager) => {
      const { task, relation } = await this.tasks.findVisibleWithRelation(actor, taskId, manager, true);
      assertFollowUpTask(task);
      if (!relation.worker) throw new ForbiddenException("only the unit's staff record its follow-ups");
      if (!RECORDABLE.includes(task.status)) throw new ConflictException(`cannot record follow-ups on a task that is ${task.status}`);
      const followUp = await manager.getRepository(FollowUp).findOneBy({ id, taskId });
      if (!followUp) throw new NotFoundException(`No follow-up ${id} in this task`);
      const plan = await manager.getRepository(FollowUpPlan).findOneByOrFail({ id: followUp.planId });
      const check = validateVisit(plan.diseaseCode, dto, {
        period: { startsOn: followUp.periodStartsOn, endsOn: followUp.periodEndsOn },
        today: localDateOf(new Date()),
      });
      if (!check.ok)
        throw new BadRequestException({
          message: `the visit is invalid: ${check.errors.map((e) => e.message).join('; ')}`,
          errors: check.errors,
        });
      await startOnFirstRecord(manager, task, actor.id, 'first follow-up recorded');
      await manager.getRepository(FollowUp).update({ id }, { ...check.visit, recordedByUserId: actor.id, recordedAt: new Date() });
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'follow_up.record',
          entityType: 'follow_up',
          entityId: id,
          details: { taskId, planId: plan.id, periodKey: followUp.periodKey, visitDate: check.visit.visitDate },
        },
        manager,
      );
      return this.settle(manager, task, actor.id);
    });
    const [row]: FollowUpRow[] = await this.dataSource.query(`${FOLLOW_UP_ROW_SQL} WHERE f.id = $1`, [id]);
    return { ...toView(row, localDateOf(new Date())), taskStatus };
  }

  /**
   * In the caller's transaction, the task row locked: a task whose follow-ups are all recorded is
   * finished (approved); one left with none (its plans deactivated) is cancelled. The trigger on tasks
   * voids its pending moments. Returns the task's status.
   */
  async settle(manager: EntityManager, task: Pick<Task, 'id' | 'status'>, actorUserId: string): Promise<string> {
    if (!RECORDABLE.includes(task.status)) return task.status;
    const [{ total, pending }]: { total: number; pending: number }[] = await manager.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE recorded_at IS NULL)::int AS pending FROM follow_ups WHERE task_id = $1`,
      [task.id],
    );
    if (pending > 0) return task.status;
    const to = total > 0 ? 'approved' : 'cancelled';
    await recordTaskEvent(manager, task, {
      action: to,
      actorUserId,
      toStatus: to,
      reason: to === 'approved' ? 'every follow-up of the task is recorded' : 'no follow-ups left: their plans were deactivated',
      details: { followUps: total },
    });
    await manager.getRepository(Task).update({ id: task.id }, { status: to, finishedAt: new Date() });
    return to;
  }
}

function assertFollowUpTask(task: Task): void {
  if (task.kind !== FOLLOW_UP_TASK_KIND) throw new BadRequestException('this task is not a follow-up task');
}
