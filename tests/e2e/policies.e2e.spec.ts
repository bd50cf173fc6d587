import { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { Notification } from '../../src/notifications/notification.entity';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const uniqueName = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

/** A policy in seconds that plans nothing: its tasks' workflows wait until told otherwise. */
const quietPolicy = (remindersBefore: { unit: 'seconds'; amount: number }[] = []) => ({
  remindersBefore,
  quietHours: { start: '00:00', end: '00:00' },
  escalation: [],
  digestWindow: 'none',
});

describe('deadline policies API', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  let managerToken: string;
  let staffToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const admin = await givenUser(t.app, 'admin', district.id.city);
    const manager = await givenUser(t.app, 'manager', district.id.county);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    [adminToken, managerToken, staffToken] = await Promise.all([
      t.login(admin.username, admin.password),
      t.login(manager.username, manager.password),
      t.login(staff.username, staff.password),
    ]);
  });
  afterAll(() => t.stop());

  it('creates a policy, refusing an invalid one by path, a duplicate name and anyone but an admin', async () => {
    const name = uniqueName('再识别核查');
    const created = await t.http
      .post('/api/policies')
      .set(auth(adminToken))
      .send({ name, policy: quietPolicy([{ unit: 'seconds', amount: 60 }]) })
      .expect(201);
    expect(created.body).toMatchObject({ name, isDefault: false, policy: quietPolicy([{ unit: 'seconds', amount: 60 }]) });

    const invalid = await t.http
      .post('/api/policies')
      .set(auth(adminToken))
      .send({
        name: uniqueName('错误'),
        policy: { ...quietPolicy(), escalation: [{ level: 1, after: { unit: 'hours', amount: 0 }, target: 'village_head' }] },
      })
      .expect(400);
    expect(invalid.body.errors).toEqual([expect.stringContaining('escalation[0].target')]);

    const duplicate = await t.http.post('/api/policies').set(auth(adminToken)).send({ name, policy: quietPolicy() }).expect(409);
    expect(duplicate.body.message).toContain(name);
    await t.http
      .post('/api/policies')
      .set(auth(managerToken))
      .send({ name: uniqueName('经理'), policy: quietPolicy() })
      .expect(403);
    await t.http
      .put(`/api/policies/${created.body.id}`)
      .set(auth(managerToken))
      .send({ name: uniqueName('经理') })
      .expect(403);

    // Everyone signed in reads them, to pick one for a task.
    const list = await t.http.get('/api/policies').set(auth(staffToken)).expect(200);
    expect(list.body.map((p: { id: string }) => p.id)).toContain(created.body.id);
    await t.http.get(`/api/policies/${created.body.id}`).set(auth(staffToken)).expect(200);
    await t.http.get('/api/policies/00000000-0000-4000-8000-000000000000').set(auth(staffToken)).expect(404);

    const other = await t.http
      .post('/api/policies')
      .set(auth(adminToken))
      .send({ name: uniqueName('其他'), policy: quietPolicy() })
      .expect(201);
    await t.http.put(`/api/policies/${other.body.id}`).set(auth(adminToken)).send({ name }).expect(409);
    const bad = await t.http
      .put(`/api/policies/${other.body.id}`)
      .set(auth(adminToken))
      .send({ policy: { ...quietPolicy(), digestWindow: 'week' } })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.stringContaining('digestWindow')]);
  });

  it('gives a task without a policy the default row, one naming a policy that one, and the built-in when no row is the default', async () => {
    // The database is shared with other test files, so the default differs from the built-in only in
    // a reminder a week ahead, which none of their short tasks can reach; it is cleared again below.
    const defaultPolicy = {
      ...DEFAULT_DEADLINE_POLICY,
      remindersBefore: [{ unit: 'calendar_days', amount: 7 }, ...DEFAULT_DEADLINE_POLICY.remindersBefore],
    };
    const fallback = await t.http
      .post('/api/policies')
      .set(auth(adminToken))
      .send({ name: uniqueName('默认'), policy: defaultPolicy })
      .expect(201);
    const named = await t.http
      .post('/api/policies')
      .set(auth(adminToken))
      .send({ name: uniqueName('专项'), policy: quietPolicy() })
      .expect(201);
    await t.http.post(`/api/policies/${fallback.body.id}/default`).set(auth(managerToken)).expect(403);
    const made = await t.http.post(`/api/policies/${fallback.body.id}/default`).set(auth(adminToken)).expect(200);
    expect(made.body.isDefault).toBe(true);
    const defaults = (await t.http.get('/api/policies').set(auth(staffToken)).expect(200)).body.filter(
      (p: { isDefault: boolean }) => p.isDefault,
    );
    expect(defaults.map((p: { id: string }) => p.id)).toEqual([fallback.body.id]);

    const createTask = (extra: object) =>
      t.http
        .post('/api/tasks')
        .set(auth(managerToken))
        .send({ title: '签约核实', unitId: district.id.clinics[0], dueAt: inAnHour(), ...extra });
    const plain = (await createTask({}).expect(201)).body as Task;
    expect(plain.policy).toEqual(defaultPolicy);
    expect(plain.policyId).toBe(fallback.body.id);
    const fromNamed = (await createTask({ policyId: named.body.id }).expect(201)).body as Task;
    expect(fromNamed).toMatchObject({ policy: quietPolicy(), policyId: named.body.id });
    const inline = (await createTask({ policyId: named.body.id, policy: quietPolicy([{ unit: 'seconds', amount: 5 }]) }).expect(201))
      .body as Task;
    expect(inline).toMatchObject({ policy: quietPolicy([{ unit: 'seconds', amount: 5 }]), policyId: null });
    const unknown = await createTask({ policyId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect(unknown.body.message).toContain('00000000-0000-4000-8000-000000000000');

    // Switching the default moves the flag in one step.
    const nextPolicy = { ...defaultPolicy, remindersBefore: [{ unit: 'calendar_days', amount: 8 }, ...defaultPolicy.remindersBefore] };
    const next = await t.http
      .post('/api/policies')
      .set(auth(adminToken))
      .send({ name: uniqueName('默认'), policy: nextPolicy, isDefault: true })
      .expect(201);
    expect(next.body.isDefault).toBe(true);
    expect((await t.http.get(`/api/policies/${fallback.body.id}`).set(auth(staffToken)).expect(200)).body.isDefault).toBe(false);
    expect(((await createTask({}).expect(201)).body as Task).policyId).toBe(next.body.id);

    const cleared = await t.http.put(`/api/policies/${next.body.id}`).set(auth(adminToken)).send({ isDefault: false }).expect(200);
    expect(cleared.body.isDefault).toBe(false);
    const builtIn = (await createTask({}).expect(201)).body as Task;
    expect(builtIn).toMatchObject({ policy: DEFAULT_DEADLINE_POLICY, policyId: null });
  });
});

describe('applying a changed policy to running tasks', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  let managerToken: string;
  let worker: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    const admin = await givenUser(t.app, 'admin', district.id.city);
    const manager = await givenUser(t.app, 'manager', district.id.county);
    worker = await givenUser(t.app, 'staff', district.id.clinics[0]);
    [adminToken, managerToken] = await Promise.all([t.login(admin.username, admin.password), t.login(manager.username, manager.password)]);
  });
  afterAll(() => t.stop());

  const remindersOf = (taskId: string) =>
    t.app
      .get(DataSource)
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.businessKey LIKE :k', { k: `task:${taskId}:reminder:%` })
      .getMany();
  const taskRow = (id: string) => t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id });

  it('leaves running tasks alone on an edit, and re-plans those in scope when the admin applies it', async () => {
    const policy = await t.http
      .post('/api/policies')
      .set(auth(adminToken))
      .send({ name: uniqueName('入户核查'), policy: quietPolicy() })
      .expect(201);
    const create = (token: string, unitId: string, assigneeUserId?: string) =>
      t.http
        .post('/api/tasks')
        .set(auth(token))
        .send({ title: '入户核查', unitId, assigneeUserId, dueAt: inAnHour(), policyId: policy.body.id })
        .expect(201);
    const task = (await create(managerToken, district.id.clinics[0], worker.id)).body as Task;
    const cancelled = (await create(managerToken, district.id.clinics[1])).body as Task;
    await t.http.post(`/api/tasks/${cancelled.id}/cancel`).set(auth(managerToken)).send({ reason: '不再需要' }).expect(201);
    const elsewhere = await givenDistrict(t.app);
    const otherManager = await givenUser(t.app, 'manager', elsewhere.id.county);
    const foreign = (await create(await t.login(otherManager.username, otherManager.password), elsewhere.id.clinics[0])).body as Task;

    // A reminder some seconds from now: 1 hour before the due time, less the margin.
    const reminderAt = Date.now() + 10_000;
    const changed = quietPolicy([{ unit: 'seconds', amount: Math.round((new Date(task.dueAt).getTime() - reminderAt) / 1000) }]);
    await t.http.put(`/api/policies/${policy.body.id}`).set(auth(adminToken)).send({ policy: changed }).expect(200);
    expect((await taskRow(task.id)).policy).toEqual(quietPolicy());

    await t.http.post(`/api/policies/${policy.body.id}/apply-to-running`).set(auth(managerToken)).expect(403);
    const applied = await t.http.post(`/api/policies/${policy.body.id}/apply-to-running`).set(auth(adminToken)).expect(200);
    expect(applied.body).toEqual({ updated: 1 });
    expect(await taskRow(task.id)).toMatchObject({ policy: changed, deadlineVersion: 1, escalationLevel: 0 });
    expect((await taskRow(cancelled.id)).policy).toEqual(quietPolicy());
    expect((await taskRow(foreign.id)).policy).toEqual(quietPolicy());
    const history = (await t.http.get(`/api/tasks/${task.id}`).set(auth(managerToken)).expect(200)).body.history;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['created', 'policy_applied']);

    // The workflow had nothing planned; told of the change, it plans the new reminder and sends it.
    const [reminder] = await eventually(
      async () => {
        const rows = await remindersOf(task.id);
        return rows.length > 0 ? rows : undefined;
      },
      30_000,
      'the re-planned reminder',
    );
    expect(reminder.recipientUserId).toBe(worker.id);
    expect(reminder.createdAt.getTime()).toBeGreaterThanOrEqual(reminderAt - 1000);
    await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
  });
});
