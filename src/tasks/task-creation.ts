import { DataSource } from 'typeorm';
import { DeadlinePolicy } from '../domain/deadline-policy';
import { MOMENT_ROWS, momentRowParams, MomentRows, UNIT_TIMING_COLUMNS, UnitTimingRow } from './deadline-moments.service';

/**
 * The two statements of `TasksService.create`: one reads everything its checks and its planning
 * need, one writes the task, its `created` history entry and its moments. A creation costs two
 * round trips to PostgreSQL, where it cost eight to twelve (README, Benchmarks): on a small machine
 * the count of statements, not their work, decides how fast tasks are created.
 */

/** What creating a task reads, in one statement: a column is null when its row does not exist or was not asked for. */
export interface CreationContext extends Omit<UnitTimingRow, 'unit_id'> {
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_path: string | null;
  unit_active: boolean | null;
  assignee_id: string | null;
  assignee_unit_id: string | null;
  assignee_active: boolean | null;
  step_id: string | null;
  step_campaign_id: string | null;
  step_status: string | null;
  campaign_id: string | null;
  campaign_status: string | null;
  campaign_scope_unit_id: string | null;
  campaign_scope_path: string | null;
  policy_id: string | null;
  policy: DeadlinePolicy | null;
}

export interface CreationLookup {
  unitId: string;
  assigneeUserId?: string;
  stepId?: string;
  campaignId?: string;
  /** Read the stored policy (none was given inline): the one `policyId` names, else the default row. */
  storedPolicy: boolean;
  policyId?: string;
}

/**
 * The unit (with what its timing needs: county, root, the calendars' fingerprint), the assignee, the
 * step, the campaign (named, or the step's) and its scope unit, and the stored policy, in one
 * statement. Nothing is locked: the write locks what it relies on (the policy row) and checks it again.
 */
export async function readCreationContext(db: DataSource, lookup: CreationLookup): Promise<CreationContext> {
  const [row]: CreationContext[] = await db.query(
    `SELECT self.id AS unit_id, self.code AS unit_code, self.name AS unit_name, self.path AS unit_path, self.active AS unit_active,
            ${UNIT_TIMING_COLUMNS},
            assignee.id AS assignee_id, assignee.unit_id AS assignee_unit_id, assignee.active AS assignee_active,
            step.id AS step_id, step.campaign_id AS step_campaign_id, step.status AS step_status,
            campaign.id AS campaign_id, campaign.status AS campaign_status,
            campaign.scope_unit_id AS campaign_scope_unit_id, scope.path AS campaign_scope_path,
            policy.id AS policy_id, policy.policy AS policy
     FROM (VALUES (1)) AS one (x)
     LEFT JOIN units self ON self.id = $1::uuid
     LEFT JOIN users assignee ON assignee.id = $2::uuid
     LEFT JOIN campaign_steps step ON step.id = $3::uuid
     LEFT JOIN campaigns campaign ON campaign.id = coalesce($4::uuid, step.campaign_id)
     LEFT JOIN units scope ON scope.id = campaign.scope_unit_id
     LEFT JOIN deadline_policies policy ON $5::boolean AND (CASE WHEN $6::uuid IS NULL THEN policy.is_default ELSE policy.id = $6::uuid END)`,
    [
      lookup.unitId,
      lookup.assigneeUserId ?? null,
      lookup.stepId ?? null,
      lookup.campaignId ?? null,
      lookup.storedPolicy,
      lookup.policyId ?? null,
    ],
  );
  return row;
}

/** The task row `TasksService.create` inserts; its id is chosen beforehand, so that its moments are planned with it. */
export interface NewTaskRow {
  id: string;
  kind: string;
  title: string;
  description: string;
  unitId: string;
  assigneeUserId: string | null;
  dueAt: Date;
  /** As planned: a new task is open, on deadline version 1, at escalation level 0. */
  status: 'open';
  deadlineVersion: 1;
  escalationLevel: 0;
  policy: DeadlinePolicy;
  policyId: string | null;
  campaignId: string | null;
  stepId: string | null;
  createdByUserId: string;
}

/**
 * Where the task's policy came from, and so what the write must find still true for the task to be
 * inserted: `inline` nothing; `stored` the row `policyId` (the default row when `mustBeDefault`) still
 * holds this policy, held under a share lock until the commit, so an admin's edit or apply-to-running of
 * it waits for the task and then counts it (as the former in-transaction read did); `builtin` that
 * there is still no default row.
 */
export type PolicySource = { kind: 'inline' } | { kind: 'builtin' } | { kind: 'stored'; mustBeDefault: boolean };

/**
 * The task, its `created` history entry and its planned moments, in one statement (its own
 * transaction), and the `next_wake_at` of the task's clock as the statement read it. Null when the
 * policy no longer reads as it did (the caller reads and plans again); nothing is written then.
 *
 * The clock's next wake is read in the statement rather than after the commit. Either way a clock
 * tending at the same instant can record a later wake than the new moment without having seen it (the
 * moment was not committed yet) after the read: the cost is the idle re-check's bounded delay, as
 * for a lost signal, and the window is one statement long in both cases.
 */
export async function insertCreatedTask(
  db: DataSource,
  task: NewTaskRow,
  event: { actorUserId: string; details: Record<string, unknown> },
  moments: MomentRows,
  policySource: PolicySource,
  clockKey: string,
): Promise<{ createdAt: Date; updatedAt: Date; nextWakeAt: Date | null } | null> {
  // The policy row the task relies on, held shared until the commit (taking the lock waits for a policy
  // write in progress, and the statement then reads what it wrote), and the condition it must meet.
  const held =
    policySource.kind === 'stored'
      ? `SELECT id FROM deadline_policies WHERE id = $18::uuid AND policy = $17::jsonb${policySource.mustBeDefault ? ' AND is_default' : ''} FOR SHARE`
      : policySource.kind === 'builtin'
        ? `SELECT id FROM deadline_policies WHERE is_default FOR SHARE`
        : null;
  const guard =
    policySource.kind === 'stored'
      ? 'WHERE EXISTS (SELECT 1 FROM held_policy)'
      : policySource.kind === 'builtin'
        ? 'WHERE NOT EXISTS (SELECT 1 FROM held_policy)'
        : '';
  const rows: { created_at: Date; updated_at: Date; next_wake_at: Date | null }[] = await db.query(
    `WITH ${held ? `held_policy AS (${held}), ` : ''}task AS (
       INSERT INTO tasks (id, kind, title, description, unit_id, assignee_user_id, due_at, status, deadline_version, escalation_level,
                          policy, policy_id, campaign_id, step_id, created_by_user_id)
       SELECT $7::uuid, $8, $9, $10, $11::uuid, $12::uuid, $13::timestamptz, $14, $15::int, $16::int,
              $17::jsonb, $18::uuid, $19::uuid, $20::uuid, $21::uuid
       ${guard}
       RETURNING id, status, created_at, updated_at
     ), event AS (
       INSERT INTO task_events (task_id, actor_user_id, action, from_status, to_status, reason, details)
       SELECT id, $22::uuid, 'created', status, status, NULL, $23::jsonb FROM task
     ), moments AS (
       INSERT INTO deadline_moments (task_id, clock_key, kind, seq, deadline_version, due_at)
       SELECT moment.* FROM ${MOMENT_ROWS} WHERE EXISTS (SELECT 1 FROM task)
     )
     SELECT created_at, updated_at, (SELECT next_wake_at FROM deadline_clocks WHERE clock_key = $24) AS next_wake_at FROM task`,
    [
      ...momentRowParams(moments), // $1–$6
      task.id,
      task.kind,
      task.title,
      task.description,
      task.unitId,
      task.assigneeUserId,
      task.dueAt,
      task.status,
      task.deadlineVersion,
      task.escalationLevel,
      JSON.stringify(task.policy), // $17
      task.policyId,
      task.campaignId,
      task.stepId,
      task.createdByUserId, // $21
      event.actorUserId,
      JSON.stringify(event.details),
      clockKey, // $24
    ],
  );
  if (rows.length === 0) return null;
  return { createdAt: rows[0].created_at, updatedAt: rows[0].updated_at, nextWakeAt: rows[0].next_wake_at };
}
