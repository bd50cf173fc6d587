import { DataSource } from 'typeorm';
import { deadlineClockWorkflowId } from '../../workflows/deadline-clock.contract';
import { taskWorkflowId } from '../../workflows/task-deadline.contract';
import { taskDeadlineWorkflow } from '../../workflows/task-deadline.workflow';
import { Notification } from '../../src/notifications/notification.entity';
import { DeadlineClockClient } from '../../src/tasks/deadline-clock-client';
import { DeadlineMoment } from '../../src/tasks/deadline-moment.entity';
import { Escalation, FormalTalk } from '../../src/tasks/escalation.entity';
import { Task } from '../../src/tasks/task.entity';
import { TasksService } from '../../src/tasks/tasks.service';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { Unit } from '../../src/units/unit.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { recordHistory } from '../support/histories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/** Policies in seconds, so the real dev server runs a whole ladder within a test. */
const secondsPolicy = (reminders: number[], ladder: number[]) => ({
  remindersBefore: reminders.map((amount) => ({ unit: 'seconds', amount })),
  quietHours: { start: '00:00', end: '00:00' },
  escalation: ladder.map((amount, i) => ({
    level: i + 1,
    after: { unit: 'seconds', amount },
    target: (['assigned_unit_head', 'supervising_unit_head', 'responsible_leader'] as const)[i],
    opensFormalTalk: i === 2,
  })),
  digestWindow: 'none',
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deadline clocks', () => {
  let t: TestApp;
  let district: District;
  let managerToken: string;
  let worker: { id: string; username: string; password: string };
  let clinicHead: { id: string };
  let townshipHead: { id: string };
  let leader: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    worker = await givenUser(t.app, 'staff', district.id.clinics[0]);
    clinicHead = await givenUser(t.app, 'staff', district.id.clinics[0]);
    townshipHead = await givenUser(t.app, 'manager', district.id.townships[0]);
    leader = await givenUser(t.app, 'manager', district.id.hospital, { responsibleUnitIds: [district.id.townships[0]] });
    const units = t.app.get(DataSource).getRepository(Unit);
    await units.update({ id: district.id.clinics[0] }, { headUserId: clinicHead.id });
    await units.update({ id: district.id.townships[0] }, { headUserId: townshipHead.id });
    const manager = await givenUser(t.app, 'manager', district.id.county);
    managerToken = await t.login(manager.username, manager.password);
  });
  afterAll(() => t.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const notificationsOf = (taskId: string) =>
    db()
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.businessKey LIKE :k', { k: `task:${taskId}:%` })
      .orderBy('n.createdAt')
      .addOrderBy('n.businessKey')
      .getMany();
  const momentsOf = (taskId: string) =>
    db()
      .getRepository(DeadlineMoment)
      .find({ where: { taskId }, order: { dueAt: 'ASC', kind: 'DESC', seq: 'ASC' } });
  /** Standalone tasks of the demo county's units share the county's clock. */
  const countyClock = () => t.app.get(TemporalClient).client.workflow.getHandle(deadlineClockWorkflowId(`county:${district.id.county}`));
  const levelOf = async (taskId: string) => (await db().getRepository(Task).findOneByOrFail({ id: taskId })).escalationLevel;

  async function createTask(dueInSeconds: number, policy: object, assigneeUserId?: string) {
    const res = await t.http
      .post('/api/tasks')
      .set(auth(managerToken))
      .send({
        title: '疾病再识别',
        unitId: district.id.clinics[0],
        assigneeUserId,
        dueAt: new Date(Date.now() + dueInSeconds * 1000).toISOString(),
        policy,
      })
      .expect(201);
    return res.body as Task;
  }

  it('reminds the worker before the due time, then climbs the ladder 1 → 2 → 3 to the right people, from the county clock', async () => {
    // Margins of seconds: on a loaded 2-core machine a wake-up may come a second late.
    const task = await createTask(9, secondsPolicy([6, 3], [0, 2, 4]), worker.id);
    expect((await momentsOf(task.id)).map((m) => `${m.kind}:${m.seq}:${m.clockKey}`)).toEqual([
      `reminder:0:county:${district.id.county}`,
      `reminder:1:county:${district.id.county}`,
      `escalation:1:county:${district.id.county}`,
      `escalation:2:county:${district.id.county}`,
      `escalation:3:county:${district.id.county}`,
    ]);
    await eventually(async () => ((await levelOf(task.id)) === 3 ? true : undefined), 30_000, 'level 3');
    const rows = await notificationsOf(task.id);
    const reminders = rows.filter((n) => n.kind === 'reminder');
    expect(reminders.map((n) => n.recipientUserId)).toEqual([worker.id, worker.id]);
    reminders.forEach((n) => expect(n.createdAt.getTime()).toBeLessThan(new Date(task.dueAt).getTime()));

    const escalations = await db()
      .getRepository(Escalation)
      .find({ where: { taskId: task.id }, order: { level: 'ASC' } });
    expect(escalations.map((e) => [e.level, e.targetUserId])).toEqual([
      [1, clinicHead.id],
      [2, townshipHead.id],
      [3, leader.id],
    ]);
    const escalationTexts = rows.filter((n) => n.kind === 'escalation');
    expect(escalationTexts.map((n) => n.title)).toEqual([
      '【逾期督办】疾病再识别（第1级）',
      '【逾期督办】疾病再识别（第2级）',
      '【逾期督办】疾病再识别（第3级）',
    ]);
    const talk = await db().getRepository(FormalTalk).findOneByOrFail({ taskId: task.id });
    expect(talk).toMatchObject({ level: 3, leaderUserId: leader.id, unitId: district.id.clinics[0], status: 'pending' });
    // Every moment acted on once, by the clock; no per-task workflow exists.
    expect((await momentsOf(task.id)).map((m) => m.status)).toEqual(['acted', 'acted', 'acted', 'acted', 'acted']);
    await expect(t.app.get(TemporalClient).client.workflow.getHandle(taskWorkflowId(task.id)).describe()).rejects.toThrow();

    // The schedule: nothing left ahead, five moments acted on.
    const detail = await t.http.get(`/api/tasks/${task.id}`).set(auth(managerToken)).expect(200);
    expect(detail.body.schedule.nextReminder).toBeNull();
    expect(detail.body.schedule.nextEscalation).toBeNull();
    expect(detail.body.schedule.acted.map((m: { kind: string; seq: number }) => `${m.kind}:${m.seq}`)).toEqual([
      'reminder:0',
      'reminder:1',
      'escalation:1',
      'escalation:2',
      'escalation:3',
    ]);
    await recordHistory(countyClock(), 'deadline-clock-ladder');

    const workerToken = await t.login(worker.username, worker.password);
    await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(workerToken)).expect(201);
    await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(managerToken)).expect(201);
    expect((await notificationsOf(task.id)).length).toBe(rows.length);
  });

  it('shows what is planned: the next reminder, and when the unit will be escalated to whom', async () => {
    const task = await createTask(3600, secondsPolicy([600, 60], [0, 7200]), worker.id);
    const due = new Date(task.dueAt).getTime();
    const detail = await t.http.get(`/api/tasks/${task.id}`).set(auth(managerToken)).expect(200);
    expect(detail.body.schedule).toEqual({
      nextReminder: { at: new Date(due - 600_000).toISOString(), index: 0 },
      nextEscalation: { at: new Date(due).toISOString(), level: 1, target: 'assigned_unit_head' },
      acted: [],
    });
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
    expect((await momentsOf(task.id)).every((m) => m.status === 'void')).toBe(true);
  });

  it('writes the moments of tasks a generator committed in bulk in its own transaction', async () => {
    const tasks = t.app.get(TasksService);
    const dueAt = new Date(Date.now() + 3600_000);
    const ids = await db().transaction(async (manager) => {
      const saved = await manager.getRepository(Task).save(
        [1, 2].map((n) => ({
          kind: 'standalone',
          title: `批量任务${n}`,
          description: '',
          unitId: district.id.clinics[0],
          assigneeUserId: worker.id,
          dueAt,
          policy: secondsPolicy([60], [0]) as Task['policy'],
          policyId: null,
          campaignId: null,
          stepId: null,
          createdByUserId: null,
        })),
      );
      const wakes = await tasks.planGenerated(
        manager,
        saved.map((s) => s.id),
      );
      expect([...wakes.entries()]).toEqual([[`county:${district.id.county}`, new Date(dueAt.getTime() - 60_000)]]);
      return saved.map((s) => s.id);
    });
    for (const id of ids) {
      expect((await momentsOf(id)).map((m) => [m.kind, m.seq, m.deadlineVersion, m.dueAt.toISOString(), m.status])).toEqual([
        ['reminder', 0, 1, new Date(dueAt.getTime() - 60_000).toISOString(), 'pending'],
        ['escalation', 1, 1, dueAt.toISOString(), 'pending'],
      ]);
      await t.http.post(`/api/tasks/${id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
    }
  });

  it('moves a task whose per-task workflow still runs to its clock, and ends that workflow', async () => {
    // A task as the per-task engine left it: no moment rows, a taskDeadlineWorkflow running.
    const task = await db()
      .getRepository(Task)
      .save({
        kind: 'standalone',
        title: '旧任务',
        description: '',
        unitId: district.id.clinics[0],
        assigneeUserId: worker.id,
        dueAt: new Date(Date.now() + 6000),
        policy: secondsPolicy([3], [0]) as Task['policy'],
        policyId: null,
        campaignId: null,
        stepId: null,
        createdByUserId: null,
      });
    const legacy = await t.app.get(TemporalClient).client.workflow.start(taskDeadlineWorkflow, {
      taskQueue: t.config.temporal.taskQueue,
      workflowId: taskWorkflowId(task.id),
      args: [{ taskId: task.id, timeline: { finished: false, deadlineVersion: 1, steps: [] } }],
    });
    const moved = await t.app.get(DeadlineClockClient).moveTaskWorkflowsToClocks();
    expect(moved.terminated).toBeGreaterThanOrEqual(1);
    expect((await legacy.describe()).status.name).toBe('TERMINATED');
    expect((await momentsOf(task.id)).map((m) => `${m.kind}:${m.seq}`)).toEqual(['reminder:0', 'escalation:1']);
    await eventually(async () => ((await levelOf(task.id)) === 1 ? true : undefined), 20_000, 'level 1');
    expect((await notificationsOf(task.id)).map((n) => `${n.kind}:${n.recipientUserId}`)).toEqual([
      `reminder:${worker.id}`,
      `escalation:${clinicHead.id}`,
    ]);
    // Idempotent: a second worker start plans and ends nothing more for this task.
    await t.app.get(DeadlineClockClient).moveTaskWorkflowsToClocks();
    expect((await momentsOf(task.id)).length).toBe(2);
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
  });

  it('sends nothing once the task is finished', async () => {
    const task = await createTask(4, secondsPolicy([2], [0]), worker.id);
    const workerToken = await t.login(worker.username, worker.password);
    await t.http.post(`/api/tasks/${task.id}/start`).set(auth(workerToken)).expect(201);
    await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(workerToken)).expect(201);
    await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(managerToken)).expect(201);
    expect((await momentsOf(task.id)).map((m) => m.status)).toEqual(['void', 'void']);
    await sleep(Math.max(0, new Date(task.dueAt).getTime() + 2000 - Date.now()));
    expect(await notificationsOf(task.id)).toEqual([]);
  });

  it('gives no reminder to a task finished one second before it, whichever path finished it', async () => {
    const task = await createTask(5, secondsPolicy([2], []), worker.id);
    const reminderAt = new Date(task.dueAt).getTime() - 2000;
    await sleep(Math.max(0, reminderAt - 1000 - Date.now()));
    // Straight to the database: the trigger voids the moment in the same statement's transaction.
    await db().getRepository(Task).update({ id: task.id }, { status: 'approved', finishedAt: new Date() });
    await sleep(Math.max(0, reminderAt + 1500 - Date.now()));
    expect(await notificationsOf(task.id)).toEqual([]);
    expect((await momentsOf(task.id)).map((m) => m.status)).toEqual(['void']);
  });

  it('re-plans reminders and resets the ladder when an extension is approved', async () => {
    const task = await createTask(10, secondsPolicy([1], [0, 30]), worker.id);
    const workerToken = await t.login(worker.username, worker.password);
    // 我的任务 shows each task's next reminder and escalation, as its moments plan them.
    const planned = await momentsOf(task.id);
    const listed = (await t.http.get('/api/tasks/mine').set(auth(workerToken)).expect(200)).body.items.find(
      (i: { id: string }) => i.id === task.id,
    );
    expect(listed).toMatchObject({
      nextReminderAt: planned.find((m) => m.kind === 'reminder')!.dueAt.toISOString(),
      nextEscalationAt: planned.find((m) => m.kind === 'escalation' && m.seq === 1)!.dueAt.toISOString(),
      nextEscalationLevel: 1,
    });
    const request = await t.http
      .post(`/api/tasks/${task.id}/extension-requests`)
      .set(auth(workerToken))
      .send({ newDueAt: new Date(new Date(task.dueAt).getTime() + 4000).toISOString(), reason: '村医外出培训' })
      .expect(201);
    // The task shows the request waiting, with the id the manager decides on.
    const waiting = await t.http.get(`/api/tasks/${task.id}`).set(auth(managerToken)).expect(200);
    expect(waiting.body.pendingExtension).toMatchObject({ id: request.body.id, status: 'pending', reason: '村医外出培训' });
    const extended = await t.http
      .post(`/api/tasks/${task.id}/extension-requests/${request.body.id}/decision`)
      .set(auth(managerToken))
      .send({ approve: true })
      .expect(201);
    expect(extended.body.deadlineVersion).toBe(2);
    expect((await t.http.get(`/api/tasks/${task.id}`).set(auth(managerToken)).expect(200)).body.pendingExtension).toBeNull();
    expect((await momentsOf(task.id)).map((m) => `v${m.deadlineVersion}:${m.kind}:${m.seq}:${m.status}`).sort()).toEqual([
      'v1:escalation:1:void',
      'v1:escalation:2:void',
      'v1:reminder:0:void',
      'v2:escalation:1:pending',
      'v2:escalation:2:pending',
      'v2:reminder:0:pending',
    ]);

    await eventually(async () => ((await levelOf(task.id)) === 1 ? true : undefined), 30_000, 'level 1 of the new deadline');
    const keys = (await notificationsOf(task.id)).map((n) => n.businessKey.split(':').slice(2, 5).join(':'));
    expect(keys.filter((k) => k.includes(':v1:'))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['reminder:v2:0', 'escalation:v2:1']));
    const escalation = await db().getRepository(Escalation).findOneByOrFail({ taskId: task.id });
    expect(escalation.deadlineVersion).toBe(2);
    expect(escalation.createdAt.getTime()).toBeGreaterThanOrEqual(new Date(extended.body.dueAt).getTime());
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
  });

  it('neither loses nor repeats a notification when the worker restarts mid-ladder', async () => {
    const task = await createTask(6, secondsPolicy([3], [0, 2, 4]), worker.id);
    await eventually(async () => ((await levelOf(task.id)) >= 1 ? true : undefined), 20_000, 'level 1');
    await t.restartWorker();
    await eventually(async () => ((await levelOf(task.id)) === 3 ? true : undefined), 30_000, 'level 3');
    const rows = await notificationsOf(task.id);
    expect(rows.map((n) => `${n.kind}:${n.recipientUserId}`)).toEqual([
      `reminder:${worker.id}`,
      `escalation:${clinicHead.id}`,
      `escalation:${townshipHead.id}`,
      `escalation:${leader.id}`,
    ]);
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
  });

  it('restarts a clock whose run was lost, through the sweep', async () => {
    const task = await createTask(3600, secondsPolicy([3595], [0]), worker.id);
    const clock = countyClock();
    await clock.terminate('test: a lost clock');
    // The clock row says it was tended just now; the sweep waits for the idle re-check to pass.
    await db().query(`UPDATE deadline_clocks SET last_tended_at = now() - interval '1 hour' WHERE clock_key = $1`, [
      `county:${district.id.county}`,
    ]);
    expect(await t.app.get(DeadlineClockClient).ensureRunning()).toBeGreaterThanOrEqual(1);
    await eventually(async () => ((await notificationsOf(task.id)).length === 1 ? true : undefined), 20_000, 'the reminder');
    expect((await clock.describe()).status.name).toBe('RUNNING');
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
  });

  it('refuses transitions the state forbids with 409 naming the state', async () => {
    const task = await createTask(3600, secondsPolicy([], []), worker.id);
    const res = await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(managerToken)).expect(409);
    expect(res.body.message).toContain('open');
    const workerToken = await t.login(worker.username, worker.password);
    await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(workerToken)).expect(403);
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({}).expect(400);
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '不再需要' }).expect(201);
    await t.http.post(`/api/tasks/${task.id}/start`).set(auth(workerToken)).expect(409);
    const detail = await t.http.get(`/api/tasks/${task.id}`).set(auth(workerToken)).expect(200);
    expect(detail.body.history.map((e: { action: string }) => e.action)).toEqual(['created', 'cancelled']);
  });
});
