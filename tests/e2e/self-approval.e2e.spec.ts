import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Four eyes: whoever submitted a task's current submission may not approve it, even when they are
 * also a manager above the task's unit (a township manager's task assigned to the township itself).
 */
describe('self-approval', () => {
  let t: TestApp;
  let district: District;
  let admin: string;
  let manager: string;
  let colleague: string;
  let staff: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();
  const act = (token: string, id: string, action: string, reason?: string) =>
    t.http
      .post(`/api/tasks/${id}/${action}`)
      .set(auth(token))
      .send(reason ? { reason } : {});

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const users = await Promise.all([
      givenUser(t.app, 'admin', district.id.county),
      givenUser(t.app, 'manager', district.id.townships[0]),
      givenUser(t.app, 'manager', district.id.townships[0]),
      givenUser(t.app, 'staff', district.id.townships[0]),
    ]);
    [admin, manager, colleague, staff] = await Promise.all(users.map((u) => t.login(u.username, u.password)));
  });
  afterAll(() => t.stop());

  async function townshipTask(): Promise<string> {
    const res = await t.http
      .post('/api/tasks')
      .set(auth(admin))
      .send({ title: '乡镇自查', unitId: district.id.townships[0], dueAt: tomorrow() })
      .expect(201);
    return res.body.id as string;
  }

  it('refuses to let the submitter approve, naming the rule; another manager may', async () => {
    const id = await townshipTask();
    await act(manager, id, 'submit').expect(201);
    const refused = await act(manager, id, 'approve').expect(403);
    expect(refused.body.message).toMatch(/submitted .* yourself/);
    expect(refused.body.message).toMatch(/another manager/);
    const task = await t.http.get(`/api/tasks/${id}`).set(auth(admin)).expect(200);
    expect(task.body.status).toBe('submitted');
    await act(colleague, id, 'approve').expect(201);
  });

  it('judges the latest submission: after a return, whoever submits again may not approve', async () => {
    const id = await townshipTask();
    await act(staff, id, 'submit').expect(201);
    await act(colleague, id, 'return', '缺少佐证材料').expect(201);
    await act(manager, id, 'submit').expect(201);
    await act(manager, id, 'approve').expect(403);
    await act(admin, id, 'approve').expect(201);
  });

  it('lets the submitter approve nothing, but take the submission back (return) and approve a colleague’s', async () => {
    const id = await townshipTask();
    await act(manager, id, 'submit').expect(201);
    await act(manager, id, 'return', '撤回修改').expect(201);
    await act(staff, id, 'submit').expect(201);
    await act(manager, id, 'approve').expect(201);
  });
});
