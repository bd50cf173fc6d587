import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { Notification } from '../../src/notifications/notification.entity';
import { Task } from '../../src/tasks/task.entity';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { Unit } from '../../src/units/unit.entity';
import { givenDistrict, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { killHard, spawnWorkerProcess, untilPolled } from '../support/worker-process';

/** The ladder survives a worker process killed outright (SIGKILL) half-way: nothing lost, nothing twice. */
describe('task deadline workflow across a killed worker', () => {
  let t: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await startTestApp();
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
      .getMany();
    expect(rows.map((n) => `${n.kind}:${n.recipientUserId}`)).toEqual([
      `reminder:${assignee.id}`,
      `escalation:${clinicHead.id}`,
      `escalation:${townshipHead.id}`,
      `escalation:${leader.id}`,
    ]);
    await eventually(
      async () => {
        const sent = await t.app
          .get(DataSource)
          .getRepository(Notification)
          .countBy(rows.map((n) => ({ id: n.id, status: 'sent' as const })));
        return sent === rows.length ? true : undefined;
        // A job the killed worker held comes back when its BullMQ lock lapses (30 s), and a row whose job
        // was never enqueued when the sweeper next runs (every 30 s, for rows pending 30 s): allow both.
      },
      120_000,
      'delivery of every notification',
    );
    // Two worker processes start from source (bundling included) and the queue recovers: slow.
  }, 300_000);
});
