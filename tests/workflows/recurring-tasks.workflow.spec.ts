import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { dueForOccurrence, occurrenceKey, periodOf } from '../../src/domain/recurrence';
import { RecurringTaskDefinition, RecurringTaskOccurrence } from '../../src/recurring/recurring-task.entity';
import { RecurringTasksService } from '../../src/recurring/recurring-tasks.service';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { addLocalDays } from '../../src/domain/time-zone';
import { recurringScheduleId } from '../../workflows/recurring-occurrence.contract';
import { recurringOccurrenceWorkflow } from '../../workflows/recurring-occurrence.workflow';
import { District, givenDistrict, givenUser } from '../support/factories';
import { recordHistory } from '../support/histories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

interface OccurrenceTask {
  id: string;
  unitId: string;
  title: string;
  kind: string;
  status: string;
  dueAt: Date;
  assigneeUserId: string | null;
  recurrenceKey: string;
}

/**
 * Recurring tasks through the real Temporal Schedule, worker and database: each run of an occurrence
 * (scheduled, triggered, retried) gives every health centre of the district one task, and only one.
 */
describe('recurring tasks', () => {
  let t: TestApp;
  let district: District;
  let managerToken: string;
  let townshipManagerToken: string;
  let staffToken: string;
  const definitionIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    const manager = await givenUser(t.app, 'manager', district.id.county);
    const townshipManager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const staff = await givenUser(t.app, 'staff', district.id.centres[0]);
    managerToken = await t.login(manager.username, manager.password);
    townshipManagerToken = await t.login(townshipManager.username, townshipManager.password);
    staffToken = await t.login(staff.username, staff.password);
  });
  afterAll(async () => {
    for (const id of definitionIds) {
      await scheduleOf(id)
        .delete()
        .catch((err: unknown) => {
          if (!(err instanceof ScheduleNotFoundError)) throw err;
        });
    }
    await t.stop();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const client = () => t.app.get(TemporalClient).client;
  const scheduleOf = (definitionId: string) => client().schedule.getHandle(recurringScheduleId(definitionId));
  const monthly = {
    title: '录入全国健康扶贫动态管理系统（{{period}}）',
    description: '每月按时录入',
    kind: 'monthly_system_update',
    unitKind: 'health_centre',
    cron: '0 9 1 * *',
    dueAfterDays: 5,
  };

  async function createDefinition(overrides: Record<string, unknown> = {}): Promise<RecurringTaskDefinition> {
    const res = await t.http
      .post('/api/recurring-tasks')
      .set(auth(managerToken))
      .send({ ...monthly, scopeUnitId: district.id.county, ...overrides })
      .expect(201);
    definitionIds.push(res.body.id);
    return res.body as RecurringTaskDefinition;
  }

  async function tasksOf(definitionId: string): Promise<OccurrenceTask[]> {
    const rows: Record<string, unknown>[] = await t.app
      .get(DataSource)
      .query(
        `SELECT id, unit_id, title, kind, status, due_at, assignee_user_id, origin_key FROM tasks WHERE origin_key LIKE $1 ORDER BY origin_key`,
        [`${definitionId}:%`],
      );
    return rows.map((r) => ({
      id: r.id as string,
      unitId: r.unit_id as string,
      title: r.title as string,
      kind: r.kind as string,
      status: r.status as string,
      dueAt: r.due_at as Date,
      assigneeUserId: r.assignee_user_id as string | null,
      recurrenceKey: r.origin_key as string,
    }));
  }

  /** Waits until the schedule has taken `count` actions and every one of their runs has finished. */
  async function scheduleRuns(definitionId: string, count: number) {
    const actions = await eventually(
      async () => {
        const { recentActions } = (await scheduleOf(definitionId).describe()).info;
        return recentActions.length >= count ? recentActions : undefined;
      },
      20_000,
      `${count} schedule actions`,
    );
    return Promise.all(
      actions.map(async (action) => {
        const handle = client().workflow.getHandle<typeof recurringOccurrenceWorkflow>(
          action.action.workflow.workflowId,
          action.action.workflow.firstExecutionRunId,
        );
        return { scheduledAt: action.scheduledAt, handle, result: await handle.result() };
      }),
    );
  }

  it('creates the definition with a Temporal Schedule on its cron in Asia/Shanghai', async () => {
    const definition = await createDefinition();
    expect(definition).toMatchObject({ ...monthly, scopeUnitId: district.id.county, active: true, deletedAt: null });
    expect(definition.policy.escalation).toHaveLength(3);

    const schedule = await scheduleOf(definition.id).describe();
    expect(schedule.spec.timezone).toBe('Asia/Shanghai');
    expect(schedule.spec.calendars).toEqual([
      expect.objectContaining({
        minute: [{ start: 0, end: 0, step: 1 }],
        hour: [{ start: 9, end: 9, step: 1 }],
        dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      }),
    ]);
    expect(schedule.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'recurringOccurrenceWorkflow',
      taskQueue: t.config.temporal.taskQueue,
      args: [{ definitionId: definition.id }],
    });
    expect(schedule.policies.overlap).toBe('BUFFER_ONE');
    expect(schedule.state.paused).toBe(false);
    // The next action is 09:00 on a 1st, China time.
    const [next] = schedule.info.nextActionTimes;
    expect(new Date(next.getTime() + 8 * 3600_000).toISOString()).toMatch(/^\d{4}-\d{2}-01T09:00:00/);

    const listed = await t.http.get('/api/recurring-tasks').set(auth(managerToken)).expect(200);
    expect(listed.body.items.map((d: RecurringTaskDefinition) => d.id)).toContain(definition.id);
    const notListed = await t.http.get('/api/recurring-tasks').set(auth(townshipManagerToken)).expect(200);
    expect(notListed.body.items.map((d: RecurringTaskDefinition) => d.id)).not.toContain(definition.id);
    await t.http.get(`/api/recurring-tasks/${definition.id}`).set(auth(townshipManagerToken)).expect(403);
  });

  it('gives each health centre exactly one task per occurrence, however often the occurrence runs', async () => {
    const definition = await createDefinition();
    await t.http.post(`/api/recurring-tasks/${definition.id}/trigger`).set(auth(managerToken)).expect(202);
    const [first] = await scheduleRuns(definition.id, 1);
    // Another second, so the second run gets a workflow id of its own.
    await new Promise((r) => setTimeout(r, 1100));
    await t.http.post(`/api/recurring-tasks/${definition.id}/trigger`).set(auth(managerToken)).expect(202);
    const runs = await scheduleRuns(definition.id, 2);

    // The run's date is the one it was scheduled for (TemporalScheduledStartTime).
    const today = occurrenceKey(first.scheduledAt);
    for (const run of runs) expect(run.result).toEqual({ occurrenceKey: occurrenceKey(run.scheduledAt), taskCount: 2 });

    // Once again, started straight rather than by the schedule: the run's own start time names it.
    const direct = await client().workflow.execute(recurringOccurrenceWorkflow, {
      taskQueue: t.config.temporal.taskQueue,
      workflowId: `${recurringScheduleId(definition.id)}-direct`,
      args: [{ definitionId: definition.id }],
    });
    expect(direct.taskCount).toBe(2);

    // A backfill runs last month's occurrence now: the run keeps the date it was scheduled for.
    const lastMonth = new Date(`${addLocalDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01T09:00:00+08:00`);
    await scheduleOf(definition.id).backfill({
      start: new Date(lastMonth.getTime() - 60_000),
      end: new Date(lastMonth.getTime() + 60_000),
      overlap: ScheduleOverlapPolicy.ALLOW_ALL,
    });
    const backfilled = (await scheduleRuns(definition.id, 3)).find((run) => run.scheduledAt.getTime() === lastMonth.getTime());
    expect(backfilled?.result).toEqual({ occurrenceKey: occurrenceKey(lastMonth), taskCount: 2 });
    await recordHistory(backfilled!.handle, 'recurring-occurrence-backfill');

    // Next month's occurrence, its activity run twice as a retry would.
    const recurring = t.app.get(RecurringTasksService);
    const nextMonth = new Date(`${addLocalDays(today, 31).slice(0, 7)}-01T09:00:00+08:00`);
    expect(await recurring.createOccurrence(definition.id, nextMonth)).toEqual({ occurrenceKey: occurrenceKey(nextMonth), taskCount: 2 });
    expect(await recurring.createOccurrence(definition.id, nextMonth)).toEqual({ occurrenceKey: occurrenceKey(nextMonth), taskCount: 2 });

    const tasks = await tasksOf(definition.id);
    const occurrences = [...new Set(tasks.map((task) => task.recurrenceKey.split(':')[1]))].sort();
    expect(occurrences).toEqual(
      [
        ...new Set([occurrenceKey(lastMonth), today, occurrenceKey(runs[1].scheduledAt), direct.occurrenceKey, occurrenceKey(nextMonth)]),
      ].sort(),
    );
    for (const occurrence of occurrences) {
      const ofOccurrence = tasks.filter((task) => task.recurrenceKey.split(':')[1] === occurrence);
      expect(ofOccurrence.map((task) => task.unitId).sort()).toEqual([...district.id.centres].sort());
      for (const task of ofOccurrence) {
        expect(task).toMatchObject({
          title: `录入全国健康扶贫动态管理系统（${periodOf(occurrence)}）`,
          kind: 'monthly_system_update',
          status: 'open',
          assigneeUserId: null,
          recurrenceKey: `${definition.id}:${occurrence}:${task.unitId}`,
        });
        expect(task.dueAt.toISOString()).toBe(dueForOccurrence(occurrence, 5).toISOString());
      }
    }

    const recorded = await t.app
      .get(DataSource)
      .getRepository(RecurringTaskOccurrence)
      .find({ where: { definitionId: definition.id }, order: { occurrenceKey: 'ASC' } });
    expect(recorded.map((o) => [o.occurrenceKey, o.taskCount])).toEqual(occurrences.map((o) => [o, 2]));

    // Every task has its due moments (once, however often its occurrence ran), and the unit sees the task through the API.
    const timed: { task_id: string; moments: number }[] = await t.app
      .get(DataSource)
      .query(`SELECT task_id, count(*)::int AS moments FROM deadline_moments WHERE task_id = ANY($1) GROUP BY task_id`, [
        tasks.map((task) => task.id),
      ]);
    expect(timed).toHaveLength(tasks.length);
    expect(timed.every((m) => m.moments >= 1)).toBe(true);
    const todays = tasks.find((task) => task.recurrenceKey.split(':')[1] === today)!;
    const detail = await t.http.get(`/api/tasks/${todays.id}`).set(auth(managerToken)).expect(200);
    expect(detail.body.history[0]).toMatchObject({
      action: 'created',
      actorUserId: null,
      details: { recurringTaskId: definition.id, occurrence: today },
    });
  });

  it('pauses and resumes the schedule together with the definition', async () => {
    const definition = await createDefinition();
    const paused = await t.http.post(`/api/recurring-tasks/${definition.id}/pause`).set(auth(managerToken)).expect(201);
    expect(paused.body.active).toBe(false);
    expect((await scheduleOf(definition.id).describe()).state.paused).toBe(true);
    await t.http.post(`/api/recurring-tasks/${definition.id}/trigger`).set(auth(managerToken)).expect(409);
    expect((await t.http.get(`/api/recurring-tasks/${definition.id}`).set(auth(managerToken)).expect(200)).body.active).toBe(false);

    const resumed = await t.http.post(`/api/recurring-tasks/${definition.id}/resume`).set(auth(managerToken)).expect(201);
    expect(resumed.body.active).toBe(true);
    expect((await scheduleOf(definition.id).describe()).state.paused).toBe(false);
  });

  it('deletes the schedule and keeps the definition, inactive, as the record', async () => {
    const definition = await createDefinition();
    const deleted = await t.http.delete(`/api/recurring-tasks/${definition.id}`).set(auth(managerToken)).expect(200);
    expect(deleted.body).toMatchObject({ id: definition.id, active: false, deletedAt: expect.any(String) });
    await expect(scheduleOf(definition.id).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    await t.http.delete(`/api/recurring-tasks/${definition.id}`).set(auth(managerToken)).expect(200);
    await t.http.post(`/api/recurring-tasks/${definition.id}/trigger`).set(auth(managerToken)).expect(409);
    await t.http.post(`/api/recurring-tasks/${definition.id}/resume`).set(auth(managerToken)).expect(409);
    const listed = await t.http.get('/api/recurring-tasks').set(auth(managerToken)).expect(200);
    expect(listed.body.items.map((d: RecurringTaskDefinition) => d.id)).not.toContain(definition.id);
  });

  it('refuses a bad cron naming the field, staff, and units outside the scope, writing nothing', async () => {
    const repo = t.app.get(DataSource).getRepository(RecurringTaskDefinition);
    const before = await repo.countBy({ scopeUnitId: district.id.county });

    const badHour = await t.http
      .post('/api/recurring-tasks')
      .set(auth(managerToken))
      .send({ ...monthly, scopeUnitId: district.id.county, cron: '0 25 1 * *' })
      .expect(400);
    expect(badHour.body.message).toContain('hour: 25 is outside 0–23');
    const badCount = await t.http
      .post('/api/recurring-tasks')
      .set(auth(managerToken))
      .send({ ...monthly, scopeUnitId: district.id.county, cron: '0 9 1 *' })
      .expect(400);
    expect(badCount.body.message).toContain('cron must have 5 fields');
    await t.http
      .post('/api/recurring-tasks')
      .set(auth(managerToken))
      .send({ ...monthly, scopeUnitId: district.id.county, unitKind: 'hospital' })
      .expect(400);

    await t.http
      .post('/api/recurring-tasks')
      .set(auth(staffToken))
      .send({ ...monthly, scopeUnitId: district.id.centres[0] })
      .expect(403);
    await t.http
      .post('/api/recurring-tasks')
      .set(auth(townshipManagerToken))
      .send({ ...monthly, scopeUnitId: district.id.county })
      .expect(403);
    expect(await repo.countBy({ scopeUnitId: district.id.county })).toBe(before);

    const definition = await createDefinition();
    await t.http.post(`/api/recurring-tasks/${definition.id}/pause`).set(auth(staffToken)).expect(403);
    await t.http.post(`/api/recurring-tasks/${definition.id}/trigger`).set(auth(staffToken)).expect(403);
    await t.http.delete(`/api/recurring-tasks/${definition.id}`).set(auth(staffToken)).expect(403);
  });
});
