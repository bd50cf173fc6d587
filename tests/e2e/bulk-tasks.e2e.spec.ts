import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Task } from '../../src/tasks/task.entity';
import { TasksService } from '../../src/tasks/tasks.service';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('bulk task actions', () => {
  let t: TestApp;
  let district: District;
  let managerToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

  async function createTask(unitId: string, assigneeUserId?: string): Promise<Task> {
    const res = await t.http
      .post('/api/tasks')
      .set(auth(managerToken))
      .send({ title: '批量', unitId, assigneeUserId, dueAt: inAnHour() })
      .expect(201);
    return res.body;
  }
  const reload = (id: string) => t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id });

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    managerToken = await t.login(manager.username, manager.password);
  });
  afterAll(() => t.stop());

  it('reports per task what was done and what was refused, changing nothing of a refused task', async () => {
    const [a, b] = [await createTask(district.id.clinics[0]), await createTask(district.id.clinics[1])];
    await t.http.post(`/api/tasks/${b.id}/cancel`).set(auth(managerToken)).send({ reason: '先取消' }).expect(201);
    const otherManager = await givenUser(t.app, 'manager', district.id.townships[1]);
    const otherToken = await t.login(otherManager.username, otherManager.password);
    const foreign = (
      await t.http
        .post('/api/tasks')
        .set(auth(otherToken))
        .send({ title: '别处', unitId: district.id.clinics[2], dueAt: inAnHour() })
        .expect(201)
    ).body as Task;
    const unknown = '00000000-0000-4000-8000-000000000000';

    const res = await t.http
      .post('/api/tasks/bulk')
      .set(auth(managerToken))
      .send({ action: 'cancel', taskIds: [a.id, b.id, foreign.id, unknown], reason: '工作调整' })
      .expect(200);
    expect(res.body.results).toEqual([
      { taskId: a.id, ok: true },
      { taskId: b.id, ok: false, status: 409, error: expect.stringContaining('cancelled') },
      { taskId: foreign.id, ok: false, status: 403, error: expect.any(String) },
      { taskId: unknown, ok: false, status: 404, error: expect.any(String) },
    ]);
    expect((await reload(a.id)).status).toBe('cancelled');
    expect((await reload(foreign.id)).status).toBe('open');
    // One row per task changed, written in that task's transaction; refused tasks changed nothing and have none.
    const audits = await t.app.get(DataSource).getRepository(AuditEvent).findBy({ action: 'task.bulk.cancel' });
    expect(audits.map((e) => e.entityId)).toEqual([a.id]);
    expect(audits[0]).toMatchObject({ entityType: 'task', details: { reason: '工作调整', batchId: expect.any(String) } });
  });

  it('audits each task inside its own transaction: a failure midway leaves no committed change unaudited', async () => {
    const [a, b, c] = [
      await createTask(district.id.clinics[0]),
      await createTask(district.id.clinics[0]),
      await createTask(district.id.clinics[0]),
    ];
    const tasks = t.app.get(TasksService);
    const act = tasks.act.bind(tasks);
    // The second task breaks in a way no per-task report catches (a lost connection, a bug): the request fails.
    const spy = jest.spyOn(tasks, 'act').mockImplementation((...args: Parameters<TasksService['act']>) => {
      if (args[1] === b.id) return Promise.reject(new Error('connection lost'));
      return act(...args);
    });
    try {
      await t.http
        .post('/api/tasks/bulk')
        .set(auth(managerToken))
        .send({ action: 'cancel', taskIds: [a.id, b.id, c.id], reason: '中途失败' })
        .expect(500);
    } finally {
      spy.mockRestore();
    }
    const audits = await t.app.get(DataSource).getRepository(AuditEvent).findBy({ action: 'task.bulk.cancel', entityId: a.id });
    expect((await reload(a.id)).status).toBe('cancelled');
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ reason: '中途失败' });
    expect((await reload(c.id)).status).toBe('open');
  });

  it('extends a selection, bumping each deadline version', async () => {
    const task = await createTask(district.id.clinics[0]);
    const newDueAt = new Date(Date.now() + 7200_000).toISOString();
    const res = await t.http
      .post('/api/tasks/bulk')
      .set(auth(managerToken))
      .send({ action: 'extend', taskIds: [task.id], newDueAt, reason: '疫情防控' })
      .expect(200);
    expect(res.body.results).toEqual([{ taskId: task.id, ok: true }]);
    expect(await reload(task.id)).toMatchObject({ deadlineVersion: 2, dueAt: new Date(newDueAt) });
    await t.http
      .post('/api/tasks/bulk')
      .set(auth(managerToken))
      .send({ action: 'extend', taskIds: [task.id], reason: '缺日期' })
      .expect(400);
  });

  it('hands every open task of a leaving person to a successor in one audited step', async () => {
    const leaving = await givenUser(t.app, 'staff', district.id.clinics[1]);
    const successor = await givenUser(t.app, 'staff', district.id.clinics[1]);
    const [x, y, done] = [
      await createTask(district.id.clinics[1], leaving.id),
      await createTask(district.id.clinics[1], leaving.id),
      await createTask(district.id.clinics[1], leaving.id),
    ];
    await t.http.post(`/api/tasks/${done.id}/cancel`).set(auth(managerToken)).send({ reason: '已完成' }).expect(201);
    const res = await t.http
      .post(`/api/users/${leaving.id}/handover`)
      .set(auth(managerToken))
      .send({ toUserId: successor.id, reason: '调离岗位' })
      .expect(200);
    expect(res.body.results.map((r: { taskId: string }) => r.taskId).sort()).toEqual([x.id, y.id].sort());
    expect((await reload(x.id)).assigneeUserId).toBe(successor.id);
    expect((await reload(done.id)).assigneeUserId).toBe(leaving.id);
    const handovers = await t.app.get(DataSource).getRepository(AuditEvent).findBy({ action: 'task.handover' });
    const mine = handovers.filter((e) => (e.details as { fromUserId?: string }).fromUserId === leaving.id);
    expect(mine.map((e) => e.entityId).sort()).toEqual([x.id, y.id].sort());
    for (const event of mine) expect(event).toMatchObject({ entityType: 'task', details: { toUserId: successor.id, reason: '调离岗位' } });
    const outsider = await givenUser(t.app, 'staff', district.id.clinics[3]);
    await t.http
      .post(`/api/users/${leaving.id}/handover`)
      .set(auth(managerToken))
      .send({ toUserId: outsider.id, reason: '越界' })
      .expect(403);
  });
});
