import { DataSource } from 'typeorm';
import { taskWorkflowId } from '../../workflows/task-deadline.messages';
import { taskDeadlineWorkflow } from '../../workflows/task-deadline.workflow';
import { Notification } from '../../src/notifications/notification.entity';
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

describe('task deadline workflow', () => {
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
  const notificationsOf = (taskId: string) =>
    t.app
      .get(DataSource)
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.businessKey LIKE :k', { k: `task:${taskId}:%` })
      .orderBy('n.createdAt')
      .getMany();
  const handleOf = (taskId: string) => t.app.get(TemporalClient).client.workflow.getHandle(taskWorkflowId(taskId));
  /** The activities the workflow scheduled, in order. */
  const activitiesOf = async (taskId: string) =>
    ((await handleOf(taskId).fetchHistory()).events ?? []).flatMap((e) =>
      e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name] : [],
    );

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

  it('reminds the worker before the due time, then climbs the ladder 1 → 2 → 3 to the right people', async () => {
    // Margins of seconds: on a loaded 2-core machine the first plan may come a second late.
    const task = await createTask(9, secondsPolicy([6, 3], [0, 2, 4]), worker.id);
    await eventually(
      async () =>
        (await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id: task.id })).escalationLevel === 3 ? true : undefined,
      30_000,
      'level 3',
    );
    const rows = await notificationsOf(task.id);
    const reminders = rows.filter((n) => n.kind === 'reminder');
    expect(reminders.map((n) => n.recipientUserId)).toEqual([worker.id, worker.id]);
    reminders.forEach((n) => expect(n.createdAt.getTime()).toBeLessThan(new Date(task.dueAt).getTime()));

    const escalations = await t.app
      .get(DataSource)
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
    const talk = await t.app.get(DataSource).getRepository(FormalTalk).findOneByOrFail({ taskId: task.id });
    expect(talk).toMatchObject({ level: 3, leaderUserId: leader.id, unitId: district.id.clinics[0], status: 'pending' });

    // The workflow waits, costing nothing, until the task is done.
    const workerToken = await t.login(worker.username, worker.password);
    await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(workerToken)).expect(201);
    await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(managerToken)).expect(201);
    await handleOf(task.id).result();
    // The first timeline came with the input: no planning activity ran before the first reminder.
    expect(await activitiesOf(task.id)).toEqual(['sendTaskReminder', 'sendTaskReminder', 'escalateTask', 'escalateTask', 'escalateTask']);
    // task-deadline-ladder.json stays as recorded before the timeline input existed (planned by the activity).
    await recordHistory(handleOf(task.id), 'task-deadline-ladder-timeline-input');
    expect((await notificationsOf(task.id)).length).toBe(rows.length);
  });

  it('still plans through its activity when started without a timeline (workflows started before it existed)', async () => {
    const dueAt = new Date(Date.now() + 6000);
    const task = await t.app
      .get(DataSource)
      .getRepository(Task)
      .save({
        kind: 'standalone',
        title: '旧任务',
        description: '',
        unitId: district.id.clinics[0],
        assigneeUserId: worker.id,
        dueAt,
        policy: secondsPolicy([3], [0]) as Task['policy'],
        policyId: null,
        campaignId: null,
        stepId: null,
        createdByUserId: null,
      });
    const handle = await t.app.get(TemporalClient).client.workflow.start(taskDeadlineWorkflow, {
      taskQueue: t.config.temporal.taskQueue,
      workflowId: taskWorkflowId(task.id),
      args: [{ taskId: task.id }],
    });
    await eventually(
      async () =>
        (await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id: task.id })).escalationLevel === 1 ? true : undefined,
      20_000,
      'level 1',
    );
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
    await handle.result();
    expect(await activitiesOf(task.id)).toEqual(['planTaskTimeline', 'sendTaskReminder', 'escalateTask']);
    expect((await notificationsOf(task.id)).map((n) => `${n.kind}:${n.recipientUserId}`)).toEqual([
      `reminder:${worker.id}`,
      `escalation:${clinicHead.id}`,
    ]);
  });

  it('passes the first timeline to the workflow of a task committed before its start (bulk creation)', async () => {
    const task = await t.app
      .get(DataSource)
      .getRepository(Task)
      .save({
        kind: 'standalone',
        title: '批量任务',
        description: '',
        unitId: district.id.clinics[0],
        assigneeUserId: worker.id,
        dueAt: new Date(Date.now() + 3600_000),
        policy: secondsPolicy([60], [0]) as Task['policy'],
        policyId: null,
        campaignId: null,
        stepId: null,
        createdByUserId: null,
      });
    await t.app.get(TasksService).startDeadlineWorkflow(task.id);
    const history = await handleOf(task.id).fetchHistory();
    const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const { timeline } = JSON.parse(Buffer.from(input!.data!).toString('utf8'));
    expect(timeline).toEqual({
      finished: false,
      deadlineVersion: 1,
      steps: [
        { kind: 'reminder', at: new Date(task.dueAt.getTime() - 60_000).toISOString(), index: 0 },
        { kind: 'escalation', at: task.dueAt.toISOString(), level: 1 },
      ],
    });
    // Started twice (a retried activity): the second start is a no-op.
    await t.app.get(TasksService).startDeadlineWorkflow(task.id);
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
    await handleOf(task.id).result();
  });

  it('sends nothing once the task is finished', async () => {
    const task = await createTask(6, secondsPolicy([3], [0]), worker.id);
    const workerToken = await t.login(worker.username, worker.password);
    await t.http.post(`/api/tasks/${task.id}/start`).set(auth(workerToken)).expect(201);
    await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(workerToken)).expect(201);
    await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(managerToken)).expect(201);
    await handleOf(task.id).result();
    expect(await notificationsOf(task.id)).toEqual([]);
  });

  it('gives no reminder to a task finished one second before it, even when the signal is lost', async () => {
    const task = await createTask(5, secondsPolicy([2], []), worker.id);
    const reminderAt = new Date(task.dueAt).getTime() - 2000;
    await new Promise((r) => setTimeout(r, Math.max(0, reminderAt - 1000 - Date.now())));
    // Straight to the database, no signal: the reminder activity must re-read and stand down.
    await t.app.get(DataSource).getRepository(Task).update({ id: task.id }, { status: 'approved', finishedAt: new Date() });
    await handleOf(task.id).result();
    expect(Date.now()).toBeGreaterThanOrEqual(reminderAt);
    expect(await notificationsOf(task.id)).toEqual([]);
  });

  it('re-plans reminders and resets the ladder when an extension is approved', async () => {
    const task = await createTask(10, secondsPolicy([1], [0, 30]), worker.id);
    const workerToken = await t.login(worker.username, worker.password);
    const request = await t.http
      .post(`/api/tasks/${task.id}/extension-requests`)
      .set(auth(workerToken))
      .send({ newDueAt: new Date(new Date(task.dueAt).getTime() + 4000).toISOString(), reason: '村医外出培训' })
      .expect(201);
    const extended = await t.http
      .post(`/api/tasks/${task.id}/extension-requests/${request.body.id}/decision`)
      .set(auth(managerToken))
      .send({ approve: true })
      .expect(201);
    expect(extended.body.deadlineVersion).toBe(2);

    await eventually(
      async () =>
        (await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id: task.id })).escalationLevel === 1 ? true : undefined,
      30_000,
      'level 1 of the new deadline',
    );
    const keys = (await notificationsOf(task.id)).map((n) => n.businessKey.split(':').slice(2, 5).join(':'));
    expect(keys.filter((k) => k.includes(':v1:'))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['reminder:v2:0', 'escalation:v2:1']));
    const escalation = await t.app.get(DataSource).getRepository(Escalation).findOneByOrFail({ taskId: task.id });
    expect(escalation.deadlineVersion).toBe(2);
    expect(escalation.createdAt.getTime()).toBeGreaterThanOrEqual(new Date(extended.body.dueAt).getTime());
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
    await handleOf(task.id).result();
  });

  it('neither loses nor repeats a notification when the worker restarts mid-ladder', async () => {
    const task = await createTask(6, secondsPolicy([3], [0, 2, 4]), worker.id);
    await eventually(
      async () =>
        (await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id: task.id })).escalationLevel >= 1 ? true : undefined,
      20_000,
      'level 1',
    );
    await t.restartWorker();
    await eventually(
      async () =>
        (await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id: task.id })).escalationLevel === 3 ? true : undefined,
      30_000,
      'level 3',
    );
    const rows = await notificationsOf(task.id);
    expect(rows.map((n) => `${n.kind}:${n.recipientUserId}`)).toEqual([
      `reminder:${worker.id}`,
      `escalation:${clinicHead.id}`,
      `escalation:${townshipHead.id}`,
      `escalation:${leader.id}`,
    ]);
    await eventually(
      async () => ((await notificationsOf(task.id)).every((n) => n.status === 'sent') ? true : undefined),
      20_000,
      'delivery',
    );
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
