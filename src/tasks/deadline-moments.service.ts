import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { clockKeyOf, MomentKind, PlannableTask, planMoments } from '../domain/deadline-moments';
import { DeadlinePolicy, EscalationTarget, validateDeadlinePolicy } from '../domain/deadline-policy';
import { isFinished } from '../domain/task-lifecycle';
import { WorkingDayCalendar } from '../domain/working-days';
import { Task } from './task.entity';

/** The earliest moment each clock was just given: the clocks to wake after the commit. */
export type ClockWakes = Map<string, Date>;

/** A task as planning needs it. */
export type TaskToPlan = PlannableTask & Pick<Task, 'id' | 'unitId' | 'stepId'>;

/** Where a unit's tasks are timed: its county's clock (or its root's, above county level) and calendar. */
export interface UnitTiming {
  clockUnitId: string;
  calendar: WorkingDayCalendar;
}

/** What a task's page shows of its timing (GET /api/tasks/:id). */
export interface UpcomingMoments {
  nextReminderAt: string | null;
  nextEscalationAt: string | null;
  nextEscalationLevel: number | null;
}

export interface TaskSchedule {
  nextReminder: { at: string; index: number } | null;
  nextEscalation: { at: string; level: number; target: EscalationTarget | null } | null;
  /** Moments already acted on, oldest first, across deadline versions. */
  acted: { kind: MomentKind; seq: number; deadlineVersion: number; dueAt: string; actedAt: string }[];
}

const PATH_IDS = `string_to_array(trim(both '/' from self.path), '/')::uuid[]`;

/**
 * What timing needs of a unit row aliased `self`: its root, its county (the nearest county above or
 * at it) and the fingerprint of the holiday calendars, which says whether cached calendars still hold.
 */
export const UNIT_TIMING_COLUMNS = `(${PATH_IDS})[1] AS root_id,
  (SELECT anc.id FROM units anc WHERE anc.id = ANY(${PATH_IDS}) AND anc.kind = 'county' ORDER BY anc.depth DESC LIMIT 1) AS county_id,
  (SELECT md5(coalesce(string_agg(h::text, '|' ORDER BY h.id), '')) FROM holiday_calendars h) AS calendars`;

/** A unit's row as UNIT_TIMING_COLUMNS read it. */
export interface UnitTimingRow {
  unit_id: string;
  root_id: string;
  county_id: string | null;
  calendars: string;
}

/** Planned moment rows, column by column, as `MOMENT_ROWS` takes them. */
export interface MomentRows {
  taskId: string[];
  clockKey: string[];
  kind: string[];
  seq: number[];
  version: number[];
  at: Date[];
}

/**
 * The rows of `MomentRows` as a relation (task_id, clock_key, kind, seq, deadline_version, due_at)
 * from parameters $1 to $6; a statement with other parameters puts these first (`momentRowParams`).
 */
export const MOMENT_ROWS = `unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::int[], $5::int[], $6::timestamptz[])
  AS moment(task_id, clock_key, kind, seq, deadline_version, due_at)`;

export const momentRowParams = (rows: MomentRows): unknown[] => [rows.taskId, rows.clockKey, rows.kind, rows.seq, rows.version, rows.at];

/**
 * Planned moment rows of many tasks, each distinct plan once: tasks of a page (a launch, a generator's
 * page) share their policy, due time and clock, so their moments are the same few instants. `plans`
 * holds each plan's moments (the plan's number, its clock, kind, seq, due time, in `planMoments`'s
 * order); `tasks` each task with the plan it follows and its deadline version. A task whose plan has no
 * moment is not listed.
 */
export interface SharedMomentRows {
  plans: { plan: number[]; clockKey: string[]; kind: string[]; seq: number[]; at: Date[] };
  tasks: { taskId: string[]; plan: number[]; version: number[] };
}

/** A task to plan, its policy as an object or as the text stored (a key for tasks alike, parsed once per distinct text). */
export type TaskToPlanShared = Omit<TaskToPlan, 'policy'> & ({ policy: DeadlinePolicy; policyText?: undefined } | { policyText: string });

/**
 * Writes `SharedMomentRows` (parameters $1 to $8): every task's plan joined to it, in the order the
 * per-task rows would come (task by task, each task's moments in plan order), so the rows and their ids
 * are those `MOMENT_ROWS` would write. As it stands, for tasks without any moment row yet (`planNew`).
 */
const INSERT_NEW_SHARED_MOMENTS = `INSERT INTO deadline_moments (task_id, clock_key, kind, seq, deadline_version, due_at)
  SELECT t.task_id, p.clock_key, p.kind, p.seq, t.deadline_version, p.due_at
  FROM unnest($1::uuid[], $2::int[], $3::int[]) WITH ORDINALITY AS t(task_id, plan, deadline_version, ord)
  JOIN unnest($4::int[], $5::varchar[], $6::varchar[], $7::int[], $8::timestamptz[]) WITH ORDINALITY
    AS p(plan, clock_key, kind, seq, due_at, ord) ON p.plan = t.plan
  ORDER BY t.ord, p.ord`;

/**
 * The same, for tasks that may have moments already (re-planning): a row of the same key is planned
 * afresh (revived if void) unless it was acted on. Its `ON CONFLICT` costs about a quarter of the
 * insert, so tasks created in the caller's transaction, which have no moment yet, go without it
 * (`planNew`).
 */
const INSERT_SHARED_MOMENTS = `${INSERT_NEW_SHARED_MOMENTS}
  ON CONFLICT (task_id, deadline_version, kind, seq) DO UPDATE
    SET due_at = EXCLUDED.due_at, clock_key = EXCLUDED.clock_key, status = 'pending'
    WHERE deadline_moments.status <> 'acted'`;

/**
 * Writes a task's planned moments (reminders, escalation levels) as rows, in the transaction that
 * creates or changes the task. A finished task or a moved deadline voids its pending rows by trigger
 * (migration DeadlineClocks); re-planning the same version revives a voided row rather than adding one.
 */
@Injectable()
export class DeadlineMomentsService {
  private readonly logger = new Logger(DeadlineMomentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendarService,
  ) {}

  /**
   * Working-day calendars already built, by county (null: national alone), valid while the holiday
   * calendars' rows read as `fingerprint`. Reading and building them cost creating a task two of its
   * ten statements and a fifth of its time (README, Benchmarks); a change to any calendar row changes
   * the fingerprint, read in the same statement as the units, and empties the cache.
   */
  private calendarCache: { fingerprint: string; byCounty: Map<string | null, WorkingDayCalendar> } = {
    fingerprint: '',
    byCounty: new Map(),
  };

  /**
   * The clock unit and calendar of each unit: one statement when the calendars are cached. Through `db`
   * (a transaction's manager) or the pool: a caller about to open a transaction reads it first, so as
   * not to hold two connections at once.
   */
  async timingOf(unitIds: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, UnitTiming>> {
    const ids = [...new Set(unitIds)];
    if (ids.length === 0) return new Map();
    const rows: UnitTimingRow[] = await db.query(
      `SELECT self.id AS unit_id, ${UNIT_TIMING_COLUMNS} FROM units self WHERE self.id = ANY($1::uuid[])`,
      [ids],
    );
    return this.timingFromRows(rows, db);
  }

  /**
   * The timing of units read with UNIT_TIMING_COLUMNS (by `timingOf`, or by a caller that reads them
   * in a statement of its own, as task creation does): builds only the calendars not cached.
   */
  async timingFromRows(rows: UnitTimingRow[], db: EntityManager = this.dataSource.manager): Promise<Map<string, UnitTiming>> {
    if (rows.length === 0) return new Map();
    if (rows[0].calendars !== this.calendarCache.fingerprint) this.calendarCache = { fingerprint: rows[0].calendars, byCounty: new Map() };
    const cache = this.calendarCache.byCounty;
    const missing = [...new Set(rows.map((r) => r.county_id))].filter((id) => !cache.has(id));
    if (missing.length > 0) {
      for (const [county, calendar] of await this.calendars.forCounties(missing, db)) cache.set(county, calendar);
    }
    return new Map(rows.map((r) => [r.unit_id, { clockUnitId: r.county_id ?? r.root_id, calendar: cache.get(r.county_id)! }]));
  }

  /**
   * Writes the moments of tasks just created (or re-planned), for their current deadline version.
   * Moments of the same key already acted on stay acted: a reminder sent is not sent again. Set-based:
   * each distinct plan is planned once (`planShared`) and one statement writes it for all its tasks.
   */
  plan(manager: EntityManager, tasks: TaskToPlanShared[], now = new Date(), timing?: Map<string, UnitTiming>): Promise<ClockWakes> {
    return this.write(manager, INSERT_SHARED_MOMENTS, tasks, now, timing);
  }

  /**
   * `plan` for tasks created in the caller's transaction (a launch page's stage tasks): the same rows,
   * written by a plain insert. Such a task has no moment yet, so nothing can conflict; a task that may
   * have moments (re-planned, or written by an earlier transaction) goes through `plan` or `replan`,
   * whose conflict clause keeps what was acted on. Pinned against `plan` and per-task planning, row for
   * row (tests/integration/shared-moment-planning.spec.ts).
   */
  planNew(manager: EntityManager, tasks: TaskToPlanShared[], now = new Date(), timing?: Map<string, UnitTiming>): Promise<ClockWakes> {
    return this.write(manager, INSERT_NEW_SHARED_MOMENTS, tasks, now, timing);
  }

  private async write(
    manager: EntityManager,
    statement: string,
    tasks: TaskToPlanShared[],
    now: Date,
    timing?: Map<string, UnitTiming>,
  ): Promise<ClockWakes> {
    if (tasks.length === 0) return new Map();
    const timingOfUnit =
      timing ??
      (await this.timingOf(
        tasks.map((t) => t.unitId),
        manager,
      ));
    const { rows, wakes } = this.planShared(tasks, timingOfUnit, now);
    if (rows.tasks.taskId.length === 0) return wakes;
    const { plans, tasks: planned } = rows;
    await manager.query(statement, [
      planned.taskId,
      planned.plan,
      planned.version,
      plans.plan,
      plans.clockKey,
      plans.kind,
      plans.seq,
      plans.at,
    ]);
    return wakes;
  }

  /**
   * What `planRows` plans, set-based: `planMoments` runs once per distinct plan, i.e. per distinct
   * clock, calendar, finished or not, due time, escalation level and policy (its stored text, or its
   * JSON), the only inputs it reads besides `now`; a page of a launch or of a generator is one plan, or
   * a few, for thousands of tasks. The rows are those of `planRows`, row for row
   * (tests/integration/shared-moment-planning.spec.ts).
   */
  planShared(tasks: TaskToPlanShared[], timingOfUnit: Map<string, UnitTiming>, now: Date): { rows: SharedMomentRows; wakes: ClockWakes } {
    const wakes: ClockWakes = new Map();
    const rows: SharedMomentRows = {
      plans: { plan: [], clockKey: [], kind: [], seq: [], at: [] },
      tasks: { taskId: [], plan: [], version: [] },
    };
    const policies = new Map<string, DeadlinePolicy | null>(); // by text; null: invalid
    const textOfPolicy = new WeakMap<object, string>();
    const calendars = new Map<WorkingDayCalendar, number>();
    const plans = new Map<string, { plan: number; moments: number }>();
    for (const task of tasks) {
      const unitTiming = timingOfUnit.get(task.unitId);
      if (!unitTiming) throw new Error(`no timing for unit ${task.unitId}`);
      let text: string | undefined;
      let stored: () => unknown;
      if (task.policyText === undefined) {
        const object: unknown = task.policy;
        // A row edited by hand may hold any JSON: only objects are remembered (a WeakMap takes nothing else).
        const remembered = typeof object === 'object' && object !== null;
        text = remembered ? textOfPolicy.get(object) : undefined;
        if (text === undefined) {
          text = String(JSON.stringify(object));
          if (remembered) textOfPolicy.set(object, text);
        }
        stored = () => object;
      } else {
        const policyText = (text = task.policyText);
        stored = () => JSON.parse(policyText) as unknown;
      }
      let policy = policies.get(text);
      if (policy === undefined) {
        const candidate = stored();
        policy = validateDeadlinePolicy(candidate).ok ? (candidate as DeadlinePolicy) : null;
        policies.set(text, policy);
      }
      // Policies are checked when written; a row edited by hand must not stop the planning of the rest.
      if (policy === null) {
        this.logger.warn(`task ${task.id} has an invalid deadline policy: no moments planned`);
        continue;
      }
      const clockKey = clockKeyOf(task, unitTiming.clockUnitId);
      let calendar = calendars.get(unitTiming.calendar);
      if (calendar === undefined) calendars.set(unitTiming.calendar, (calendar = calendars.size));
      const key = `${clockKey}|${calendar}|${isFinished(task.status)}|${task.dueAt.getTime()}|${task.escalationLevel}|${text}`;
      let shared = plans.get(key);
      if (!shared) {
        shared = { plan: plans.size, moments: 0 };
        plans.set(key, shared);
        for (const moment of planMoments({ ...task, policy }, unitTiming.calendar, now)) {
          shared.moments++;
          rows.plans.plan.push(shared.plan);
          rows.plans.clockKey.push(clockKey);
          rows.plans.kind.push(moment.kind);
          rows.plans.seq.push(moment.seq);
          rows.plans.at.push(moment.at);
          const earliest = wakes.get(clockKey);
          if (!earliest || moment.at < earliest) wakes.set(clockKey, moment.at);
        }
      }
      if (shared.moments === 0) continue;
      rows.tasks.taskId.push(task.id);
      rows.tasks.plan.push(shared.plan);
      rows.tasks.version.push(task.deadlineVersion);
    }
    return { rows, wakes };
  }

  /**
   * The moment rows of tasks (the pure `planMoments`, for each task's current deadline version) and
   * the earliest moment each clock gets; written by `plan`, or by a caller's own statement (task
   * creation). A task whose stored policy is invalid plans nothing (logged).
   */
  planRows(tasks: TaskToPlan[], timingOfUnit: Map<string, UnitTiming>, now: Date): { rows: MomentRows; wakes: ClockWakes } {
    const wakes: ClockWakes = new Map();
    const rows: MomentRows = { taskId: [], clockKey: [], kind: [], seq: [], version: [], at: [] };
    for (const task of tasks) {
      const unitTiming = timingOfUnit.get(task.unitId);
      if (!unitTiming) throw new Error(`no timing for unit ${task.unitId}`);
      // Policies are checked when written; a row edited by hand must not stop the planning of the rest.
      if (!validateDeadlinePolicy(task.policy).ok) {
        this.logger.warn(`task ${task.id} has an invalid deadline policy: no moments planned`);
        continue;
      }
      const clockKey = clockKeyOf(task, unitTiming.clockUnitId);
      for (const moment of planMoments(task, unitTiming.calendar, now)) {
        rows.taskId.push(task.id);
        rows.clockKey.push(clockKey);
        rows.kind.push(moment.kind);
        rows.seq.push(moment.seq);
        rows.version.push(task.deadlineVersion);
        rows.at.push(moment.at);
        const earliest = wakes.get(clockKey);
        if (!earliest || moment.at < earliest) wakes.set(clockKey, moment.at);
      }
    }
    return { rows, wakes };
  }

  /**
   * Plans afresh tasks whose policy, unit or escalation state changed (an applied policy, a
   * reassignment, a task committed by a bulk generator): their pending moments are voided and those
   * of the current plan written. Reads the tasks through the caller's transaction.
   */
  async replan(manager: EntityManager, taskIds: string[], now = new Date()): Promise<ClockWakes> {
    if (taskIds.length === 0) return new Map();
    // The policy as stored text: tasks alike share one plan, and each distinct text is parsed once.
    const tasks: TaskToPlanShared[] = await manager.query(
      `SELECT id, unit_id AS "unitId", step_id AS "stepId", status, due_at AS "dueAt", policy::text AS "policyText",
              deadline_version AS "deadlineVersion", escalation_level AS "escalationLevel"
       FROM tasks WHERE id = ANY($1::uuid[])`,
      [taskIds],
    );
    await manager.query(`UPDATE deadline_moments SET status = 'void' WHERE task_id = ANY($1::uuid[]) AND status = 'pending'`, [taskIds]);
    return this.plan(manager, tasks, now);
  }

  /** The task's next reminder and escalation, and what has been acted on. */
  /**
   * The next pending reminder and escalation of each task, on its current deadline: one query for a
   * page of a list (我的任务 shows them beside each task).
   */
  async upcomingOf(taskIds: string[]): Promise<Map<string, UpcomingMoments>> {
    const upcoming = new Map<string, UpcomingMoments>(
      taskIds.map((id) => [id, { nextReminderAt: null, nextEscalationAt: null, nextEscalationLevel: null }]),
    );
    if (taskIds.length === 0) return upcoming;
    const rows: { task_id: string; kind: MomentKind; due_at: Date; seq: number }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (m.task_id, m.kind) m.task_id, m.kind, m.due_at, m.seq
       FROM deadline_moments m JOIN tasks t ON t.id = m.task_id AND t.deadline_version = m.deadline_version
       WHERE m.task_id = ANY($1::uuid[]) AND m.status = 'pending'
       ORDER BY m.task_id, m.kind, m.due_at, m.seq`,
      [taskIds],
    );
    for (const r of rows) {
      const entry = upcoming.get(r.task_id)!;
      if (r.kind === 'reminder') entry.nextReminderAt = r.due_at.toISOString();
      else Object.assign(entry, { nextEscalationAt: r.due_at.toISOString(), nextEscalationLevel: r.seq });
    }
    return upcoming;
  }

  async scheduleOf(task: Pick<Task, 'id' | 'deadlineVersion' | 'policy'>): Promise<TaskSchedule> {
    const rows: { kind: MomentKind; seq: number; deadline_version: number; due_at: Date; status: string; acted_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT kind, seq, deadline_version, due_at, status, acted_at FROM deadline_moments
         WHERE task_id = $1 AND status IN ('pending', 'acted') ORDER BY due_at, kind DESC, seq`,
        [task.id],
      );
    const pending = rows.filter((r) => r.status === 'pending' && r.deadline_version === task.deadlineVersion);
    const reminder = pending.find((r) => r.kind === 'reminder');
    const escalation = pending.find((r) => r.kind === 'escalation');
    return {
      nextReminder: reminder ? { at: reminder.due_at.toISOString(), index: reminder.seq } : null,
      nextEscalation: escalation
        ? {
            at: escalation.due_at.toISOString(),
            level: escalation.seq,
            target: task.policy.escalation.find((e) => e.level === escalation.seq)?.target ?? null,
          }
        : null,
      acted: rows
        .filter((r) => r.status === 'acted')
        .map((r) => ({
          kind: r.kind,
          seq: r.seq,
          deadlineVersion: r.deadline_version,
          dueAt: r.due_at.toISOString(),
          actedAt: r.acted_at!.toISOString(),
        })),
    };
  }
}
