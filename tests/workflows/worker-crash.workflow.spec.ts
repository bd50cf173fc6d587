import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { Notification } from '../../src/notifications/notification.entity';
import { Task } from '../../src/tasks/task.entity';
import { TasksService } from '../../src/tasks/tasks.service';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { Unit } from '../../src/units/unit.entity';
import { givenDistrict, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { killHard, spawnWorkerProcess, untilPolled } from '../support/worker-process';

/** The ladder survives a worker process killed outright (SIGKILL) half-way: nothing lost, nothing twice. */
describe('deadline clocks across a killed worker', () => {
  let t: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // Small pages, so that a herd takes several transactions and the kill can land between them.
    t = await startTestApp({ env: { DEADLINE_CLOCK_PAGE_SIZE: '200' } });
  });
  afterAll(async () => {
    await killHard(...workers);
    await t.stop();
  });

  it('neither loses nor repeats a notification when the worker is killed mid-ladder', async () => {
    const district = await givenDistrict(t.app);
    const assignee = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const clinicHead = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const townshipHead = await givenUser(t.app, 'manager', district.id.townships[0]);
    const leader = await givenUser(t.app, 'manager', district.id.hospital, { responsibleUnitIds: [district.id.townships[0]] });
    const units = t.app.get(DataSource).getRepository(Unit);
    await units.update({ id: district.id.clinics[0] }, { headUserId: clinicHead.id });
    await units.update({ id: district.id.townships[0] }, { headUserId: townshipHead.id });
    const manager = await givenUser(t.app, 'manager', district.id.county);
    const token = await t.login(manager.username, manager.password);

    workers.push(spawnWorkerProcess(t.config));
    await untilPolled(t.app.get(TemporalClient), t.config);
    const policy = {
      remindersBefore: [{ unit: 'seconds', amount: 3 }],
      quietHours: { start: '00:00', end: '00:00' },
      escalation: [
        { level: 1, after: { unit: 'seconds', amount: 0 }, target: 'assigned_unit_head' },
        { level: 2, after: { unit: 'seconds', amount: 8 }, target: 'supervising_unit_head' },
        { level: 3, after: { unit: 'seconds', amount: 10 }, target: 'responsible_leader', opensFormalTalk: true },
      ],
      digestWindow: 'none',
    };
    const res = await t.http
      .post('/api/tasks')
      .set({ Authorization: `Bearer ${token}` })
      .send({
        title: '疾病再识别',
        unitId: district.id.clinics[0],
        assigneeUserId: assignee.id,
        dueAt: new Date(Date.now() + 6000).toISOString(),
        policy,
      })
      .expect(201);
    const taskId: string = res.body.id;
    const level = async () => (await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id: taskId })).escalationLevel;

    await eventually(async () => ((await level()) >= 1 ? true : undefined), 30_000, 'level 1');
    await killHard(workers[0]);
    workers.push(spawnWorkerProcess(t.config));
    await eventually(async () => ((await level()) === 3 ? true : undefined), 90_000, 'level 3 from the second worker');

    const rows = await t.app
      .get(DataSource)
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.businessKey LIKE :k', { k: `task:${taskId}:%` })
      .orderBy('n.createdAt')
      // Levels a late clock acts on in one page share their transaction's timestamp.
      .addOrderBy('n.businessKey')
      .getMany();
    expect(rows.map((n) => `${n.kind}:${n.recipientUserId}`)).toEqual([
      `reminder:${assignee.id}`,
      `escalation:${clinicHead.id}`,
      `escalation:${townshipHead.id}`,
      `escalation:${leader.id}`,
    ]);
    // Two worker processes start from source (bundling included) and the queue recovers: slow.
  }, 300_000);

  it('acts on a herd of 2,000 due moments exactly once when the worker is killed in the middle of it', async () => {
    const district = await givenDistrict(t.app);
    const assignee = await givenUser(t.app, 'staff', district.id.clinics[1]);
    const clinicHead = await givenUser(t.app, 'staff', district.id.clinics[1]);
    await t.app.get(DataSource).getRepository(Unit).update({ id: district.id.clinics[1] }, { headUserId: clinicHead.id });
    workers.push(spawnWorkerProcess(t.config));
    await untilPolled(t.app.get(TemporalClient), t.config);

    // 1,000 reminders and 1,000 escalations due at the same instant, written as a generator writes them.
    const herdAt = new Date(Date.now() + 8000);
    const policy = (reminder: boolean) => ({
      remindersBefore: reminder ? [{ unit: 'seconds', amount: 60 }] : [],
      quietHours: { start: '00:00', end: '00:00' },
      escalation: reminder ? [] : [{ level: 1, after: { unit: 'seconds', amount: 0 }, target: 'assigned_unit_head' }],
      digestWindow: 'none',
    });
    const db = t.app.get(DataSource);
    const tasks = t.app.get(TasksService);
    const wakes = await db.transaction(async (manager) => {
      const ids: { id: string }[] = await manager.query(
        `INSERT INTO tasks (kind, title, unit_id, assignee_user_id, due_at, policy)
         SELECT 'standalone', '群体任务' || n, $1, $2, CASE WHEN n % 2 = 0 THEN $3::timestamptz ELSE $4::timestamptz END,
                CASE WHEN n % 2 = 0 THEN $5::jsonb ELSE $6::jsonb END
         FROM generate_series(1, 2000) AS n RETURNING id`,
        [district.id.clinics[1], assignee.id, new Date(herdAt.getTime() + 60_000), herdAt, policy(true), policy(false)],
      );
      return tasks.planGenerated(
        manager,
        ids.map((r) => r.id),
      );
    });
    await tasks.wakeClocks(wakes);
    const taskIds = (await db.query(`SELECT id FROM tasks WHERE unit_id = $1`, [district.id.clinics[1]])).map((r: { id: string }) => r.id);
    const acted = async () =>
      Number((await db.query(`SELECT count(*) AS n FROM deadline_moments WHERE task_id = ANY($1) AND status = 'acted'`, [taskIds]))[0].n);
    expect(
      Number((await db.query(`SELECT count(*) AS n FROM deadline_moments WHERE task_id = ANY($1) AND status = 'pending'`, [taskIds]))[0].n),
    ).toBe(2000);

    // Killed once the first pages have committed and before the last.
    const seenAtKill = await eventually(
      async () => {
        const n = await acted();
        return n > 0 ? n : undefined;
      },
      60_000,
      'the first page of the herd',
    );
    await killHard(workers[workers.length - 1]);
    expect(seenAtKill).toBeLessThan(2000);
    workers.push(spawnWorkerProcess(t.config));
    await eventually(async () => ((await acted()) === 2000 ? true : undefined), 150_000, 'the herd to finish on the second worker');

    const [counts] = await db.query(
      `SELECT count(*)::int AS notifications, count(DISTINCT business_key)::int AS keys,
              count(*) FILTER (WHERE kind = 'reminder' AND recipient_user_id = $2)::int AS reminders,
              count(*) FILTER (WHERE kind = 'escalation' AND recipient_user_id = $3)::int AS escalations
       FROM notifications WHERE business_key LIKE ANY($1)`,
      [taskIds.map((id: string) => `task:${id}:%`), assignee.id, clinicHead.id],
    );
    expect(counts).toEqual({ notifications: 2000, keys: 2000, reminders: 1000, escalations: 1000 });
    const [history] = await db.query(
      `SELECT count(*)::int AS events, count(DISTINCT task_id)::int AS tasks FROM task_events
       WHERE task_id = ANY($1) AND action IN ('reminded', 'escalated')`,
      [taskIds],
    );
    expect(history).toEqual({ events: 2000, tasks: 2000 });
    expect((await db.query(`SELECT count(*)::int AS n FROM escalations WHERE task_id = ANY($1)`, [taskIds]))[0].n).toBe(1000);
  }, 400_000);
});
