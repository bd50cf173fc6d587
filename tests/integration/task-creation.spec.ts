import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { planMoments } from '../../src/domain/deadline-moments';
import { DeadlinePolicy } from '../../src/domain/deadline-policy';
import { scopeOf } from '../../src/domain/scope';
import { buildWorkingDayCalendar } from '../../src/domain/working-days';
import { PoliciesService } from '../../src/policies/policies.service';
import { insertCreatedTask, NewTaskRow, PolicySource } from '../../src/tasks/task-creation';
import { TasksService } from '../../src/tasks/tasks.service';
import { Unit } from '../../src/units/unit.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
/** In hours, no quiet hours: the plan does not depend on working days or the time of day. */
const hoursPolicy = (reminders: number[], ladder: number[]): DeadlinePolicy => ({
  remindersBefore: reminders.map((amount) => ({ unit: 'hours', amount })),
  quietHours: { start: '00:00', end: '00:00' },
  escalation: ladder.map((amount, i) => ({ level: i + 1, after: { unit: 'hours', amount }, target: 'assigned_unit_head' })),
  digestWindow: 'none',
});
const uniqueName = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * `TasksService.create` reads once and writes the task, its `created` history entry and its moments in
 * one statement (src/tasks/task-creation.ts). The statement writes nothing when the stored policy it
 * planned with no longer reads the same, and the service then reads and plans again.
 */
describe('creating a task in one statement', () => {
  let t: TestApp;
  let district: District;
  let actor: Actor;
  let db: DataSource;

  beforeAll(async () => {
    // No Temporal: waking a clock fails (logged) and costs the creation nothing.
    t = await startTestApp({ env: { TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_CALL_TIMEOUT_MS: '500' } });
    district = await givenDistrict(t.app);
    const admin = await givenUser(t.app, 'admin', district.id.county);
    db = t.app.get(DataSource);
    const county = await db.getRepository(Unit).findOneByOrFail({ id: district.id.county });
    actor = { id: admin.id, username: admin.username, role: 'admin', unitId: county.id, scope: scopeOf('admin', county) };
  });
  afterAll(() => t.stop());

  async function rowsOf(taskId: string) {
    const [tasks, events, moments] = await Promise.all([
      db.query(`SELECT status, deadline_version, escalation_level, policy, policy_id, created_by_user_id FROM tasks WHERE id = $1`, [
        taskId,
      ]),
      db.query(`SELECT action, actor_user_id, from_status, to_status, reason, details FROM task_events WHERE task_id = $1`, [taskId]),
      db.query(
        `SELECT clock_key, kind, seq, deadline_version, due_at, status FROM deadline_moments WHERE task_id = $1 ORDER BY due_at, kind DESC, seq`,
        [taskId],
      ),
    ]);
    return { tasks, events, moments };
  }

  it('writes the task, its created entry and the moments planMoments plans for it', async () => {
    const worker = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const dueAt = new Date(Date.now() + 48 * HOUR);
    const policy = hoursPolicy([24, 2], [0, 12]);
    const task = await t.app.get(TasksService).create(actor, {
      title: '一条语句',
      unitId: district.id.clinics[0],
      assigneeUserId: worker.id,
      dueAt: dueAt.toISOString(),
      policy: policy as unknown as Record<string, unknown>,
    });
    expect(task).toMatchObject({ status: 'open', deadlineVersion: 1, escalationLevel: 0, policy, policyId: null, finishedAt: null });

    const { tasks, events, moments } = await rowsOf(task.id);
    expect(tasks).toEqual([
      { status: 'open', deadline_version: 1, escalation_level: 0, policy, policy_id: null, created_by_user_id: actor.id },
    ]);
    expect(events).toEqual([
      {
        action: 'created',
        actor_user_id: actor.id,
        from_status: 'open',
        to_status: 'open',
        reason: null,
        details: { dueAt: dueAt.toISOString() },
      },
    ]);
    const planned = planMoments(
      { status: 'open', dueAt, policy, deadlineVersion: 1, escalationLevel: 0 },
      buildWorkingDayCalendar([]),
      new Date(),
    );
    expect(planned).toHaveLength(4);
    expect(moments).toEqual(
      planned.map((m) => ({
        clock_key: `county:${district.id.county}`,
        kind: m.kind,
        seq: m.seq,
        deadline_version: 1,
        due_at: m.at,
        status: 'pending',
      })),
    );
  });

  it('writes nothing when the stored policy it planned with no longer reads the same', async () => {
    const policies = t.app.get(PoliciesService);
    const named = await policies.create(actor, {
      name: uniqueName('一条语句'),
      policy: hoursPolicy([2], [0]) as unknown as Record<string, unknown>,
    });
    const attempt = (policy: DeadlinePolicy, source: PolicySource) => {
      const row: NewTaskRow = {
        id: randomUUID(),
        kind: 'standalone',
        title: '过期的时限',
        description: '',
        unitId: district.id.clinics[0],
        assigneeUserId: null,
        dueAt: new Date(Date.now() + 48 * HOUR),
        status: 'open',
        deadlineVersion: 1,
        escalationLevel: 0,
        policy,
        policyId: source.kind === 'stored' ? named.id : null,
        campaignId: null,
        stepId: null,
        createdByUserId: actor.id,
      };
      const moments = { taskId: [row.id], clockKey: ['county:x'], kind: ['escalation'], seq: [1], version: [1], at: [row.dueAt] };
      return insertCreatedTask(db, row, { actorUserId: actor.id, details: {} }, moments, source, 'county:x').then(async (written) => ({
        written,
        rows: await rowsOf(row.id),
      }));
    };
    const nothing = { tasks: [], events: [], moments: [] };

    // The named policy as it reads: written.
    const held = await attempt(hoursPolicy([2], [0]), { kind: 'stored', mustBeDefault: false });
    expect(held.written).not.toBeNull();
    expect(held.rows.tasks).toHaveLength(1);
    expect(held.rows.events).toHaveLength(1);
    expect(held.rows.moments).toHaveLength(1);
    // Edited since it was read: nothing.
    expect(await attempt(hoursPolicy([3], [0]), { kind: 'stored', mustBeDefault: false })).toEqual({ written: null, rows: nothing });
    // Read as the default row, but it is not (or no longer) the default: nothing.
    expect(await attempt(hoursPolicy([2], [0]), { kind: 'stored', mustBeDefault: true })).toEqual({ written: null, rows: nothing });
    // The built-in default only while no row is the default.
    const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM deadline_policies WHERE is_default`);
    const builtin = await attempt(hoursPolicy([2], [0]), { kind: 'builtin' });
    expect(builtin.written === null).toBe(n > 0);
  });

  it('a named policy edited while the task is being written: the task waits for the edit and gets the new version', async () => {
    const policies = t.app.get(PoliciesService);
    const before = hoursPolicy([2], [0]);
    const after = hoursPolicy([5, 1], [0, 6]);
    const named = await policies.create(actor, { name: uniqueName('并发修改'), policy: before as unknown as Record<string, unknown> });
    // An admin's edit, as PoliciesService.update holds it: the table locked for writing, the row changed, not yet committed.
    const edit = db.createQueryRunner();
    await edit.connect();
    try {
      await edit.startTransaction();
      await edit.query(`LOCK TABLE deadline_policies IN EXCLUSIVE MODE`);
      await edit.query(`UPDATE deadline_policies SET policy = $2 WHERE id = $1`, [named.id, JSON.stringify(after)]);
      const dueAt = new Date(Date.now() + 48 * HOUR);
      const creating = t.app
        .get(TasksService)
        .create(actor, { title: '并发修改', unitId: district.id.clinics[0], dueAt: dueAt.toISOString(), policyId: named.id });
      // The creation read the old version without waiting; its write waits for the edit's lock.
      for (let i = 0; ; i++) {
        const [{ waiting }]: { waiting: number }[] = await db.query(
          `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND relation = 'deadline_policies'::regclass`,
        );
        if (waiting > 0) break;
        if (i > 200) throw new Error('the creation never waited for the policy edit');
        await new Promise((r) => setTimeout(r, 25));
      }
      await edit.commitTransaction();
      const task = await creating;
      expect(task.policy).toEqual(after);
      expect(task.policyId).toBe(named.id);
      const { tasks, moments } = await rowsOf(task.id);
      expect(tasks[0].policy).toEqual(after);
      const planned = planMoments(
        { status: 'open', dueAt, policy: after, deadlineVersion: 1, escalationLevel: 0 },
        buildWorkingDayCalendar([]),
        new Date(),
      );
      expect(moments.map((m: { kind: string; seq: number; due_at: Date }) => ({ kind: m.kind, seq: m.seq, at: m.due_at }))).toEqual(
        planned,
      );
    } finally {
      if (edit.isTransactionActive) await edit.rollbackTransaction();
      await edit.release();
    }
  });
});
