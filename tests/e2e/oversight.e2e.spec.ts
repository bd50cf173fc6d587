import { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { Escalation, FormalTalk } from '../../src/tasks/escalation.entity';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;

describe('oversight API', () => {
  let t: TestApp;
  let district: District;
  let managerToken: string;
  let townshipManagerToken: string;

  /** Tasks as the past left them: written straight to the table (the API refuses past due times). */
  async function givenTask(unitId: string, dueDaysAgo: number, fields: Partial<Task> = {}) {
    return t.app
      .get(DataSource)
      .getRepository(Task)
      .save({
        kind: 'standalone',
        title: `任务${dueDaysAgo}`,
        unitId,
        dueAt: new Date(Date.now() - dueDaysAgo * DAY - 60_000),
        policy: DEFAULT_DEADLINE_POLICY,
        ...fields,
      });
  }

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const manager = await givenUser(t.app, 'manager', district.id.county);
    const townshipManager = await givenUser(t.app, 'manager', district.id.townships[1]);
    managerToken = await t.login(manager.username, manager.password);
    townshipManagerToken = await t.login(townshipManager.username, townshipManager.password);
    const [c0, c1, c2] = district.id.clinics;
    await givenTask(c0, 1, { escalationLevel: 1 });
    await givenTask(c0, 6, { escalationLevel: 3 });
    await givenTask(c0, 2, { status: 'approved', finishedAt: new Date(Date.now() - 3 * DAY) });
    await givenTask(c1, 3, { escalationLevel: 2 });
    await givenTask(c1, 4, { status: 'approved', finishedAt: new Date(Date.now() - 5 * DAY) });
    await givenTask(c2, 2, { status: 'cancelled', finishedAt: new Date() });
  });
  afterAll(() => t.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('groups overdue tasks by unit with days overdue and level, longest overdue first', async () => {
    const res = await t.http.get('/api/oversight/overdue').set(auth(managerToken)).expect(200);
    expect(res.body.total).toBe(2);
    const [first, second] = res.body.items;
    expect(first).toMatchObject({ unit: { id: district.id.clinics[0] }, overdueCount: 2, maxDaysOverdue: 6, maxEscalationLevel: 3 });
    expect(first.tasks.map((task: { daysOverdue: number }) => task.daysOverdue)).toEqual([6, 1]);
    expect(second).toMatchObject({ unit: { id: district.id.clinics[1] }, overdueCount: 1, maxDaysOverdue: 3, maxEscalationLevel: 2 });
    const byCount = await t.http.get('/api/oversight/overdue?sort=count&pageSize=1&page=2').set(auth(managerToken)).expect(200);
    expect(byCount.body.items.map((u: { unit: { id: string } }) => u.unit.id)).toEqual([district.id.clinics[1]]);
  });

  it('sorts units by the next escalation of their overdue tasks, units with none last, and names it per task', async () => {
    // A district of its own, so the other tests' totals stay as they are.
    const d = await givenDistrict(t.app);
    const manager = await givenUser(t.app, 'manager', d.id.county);
    const token = await t.login(manager.username, manager.password);
    const [cA, cB, cC, cD] = d.id.clinics;
    const inHours = (h: number) => new Date(Date.now() + h * 3600_000);
    const escalation = (task: Task, seq: number, at: Date, fields: { status?: string; version?: number; kind?: string } = {}) =>
      t.app
        .get(DataSource)
        .query(
          `INSERT INTO deadline_moments (task_id, clock_key, kind, seq, deadline_version, due_at, status) VALUES ($1, 'test:oversight', $2, $3, $4, $5, $6)`,
          [task.id, fields.kind ?? 'escalation', seq, fields.version ?? task.deadlineVersion, at, fields.status ?? 'pending'],
        );
    // Clinic A: level 3 pending in a day; an acted level and a pending moment of an earlier deadline do not count.
    const a1 = await givenTask(cA, 5, { escalationLevel: 2, deadlineVersion: 2 });
    const a1Next = inHours(24);
    await escalation(a1, 3, a1Next);
    await escalation(a1, 2, inHours(-72), { status: 'acted' });
    await escalation(a1, 1, inHours(1), { version: 1 });
    // Clinic B: level 2 pending in an hour (the soonest); its other task has none left.
    const b1 = await givenTask(cB, 1, { escalationLevel: 1 });
    const b1Next = inHours(2);
    await escalation(b1, 2, b1Next);
    await escalation(b1, 3, inHours(1.5), { status: 'void' });
    const b2 = await givenTask(cB, 2, { escalationLevel: 3 });
    // Clinic C: the longest overdue, at the top of its ladder: none.
    await givenTask(cC, 7, { escalationLevel: 3 });
    // Clinic D: only a reminder pending, which is no escalation.
    const d1 = await givenTask(cD, 3, { escalationLevel: 1 });
    await escalation(d1, 0, inHours(0.5), { kind: 'reminder' });

    const units = (body: { items: { unit: { id: string } }[] }) => body.items.map((u) => u.unit.id);
    const byDays = await t.http.get('/api/oversight/overdue').set(auth(token)).expect(200);
    expect(units(byDays.body)).toEqual([cC, cA, cD, cB]);
    const res = await t.http.get('/api/oversight/overdue?sort=nextEscalation').set(auth(token)).expect(200);
    expect(units(res.body)).toEqual([cB, cA, cC, cD]);
    const [b, a, c, dd] = res.body.items;
    const at = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());
    expect([at(b.nextEscalationAt), at(b.tasks[0].nextEscalationAt)]).toEqual([b1Next.getTime(), b1Next.getTime()]);
    expect(b.tasks.map((task: { id: string; nextEscalationLevel: number | null }) => [task.id, task.nextEscalationLevel])).toEqual([
      [b1.id, 2],
      [b2.id, null],
    ]);
    expect(b.tasks[1].nextEscalationAt).toBeNull();
    expect(a.tasks).toEqual([expect.objectContaining({ id: a1.id, nextEscalationLevel: 3, escalationLevel: 2 })]);
    expect([at(a.nextEscalationAt), at(a.tasks[0].nextEscalationAt)]).toEqual([a1Next.getTime(), a1Next.getTime()]);
    expect([c.nextEscalationAt, dd.nextEscalationAt]).toEqual([null, null]);
    expect(dd.tasks).toEqual([expect.objectContaining({ id: d1.id, nextEscalationAt: null, nextEscalationLevel: null })]);
    const paged = await t.http.get('/api/oversight/overdue?sort=nextEscalation&pageSize=2&page=2').set(auth(token)).expect(200);
    expect(units(paged.body)).toEqual([cC, cD]);
    await t.http.get('/api/oversight/overdue?sort=escalation').set(auth(token)).expect(400);
  });

  it("narrows the board to a unit's subtree (the console's unit tree), refusing a unit outside the caller's scope", async () => {
    const village = await t.http.get(`/api/oversight/overdue?unitId=${district.id.villages[1]}`).set(auth(managerToken)).expect(200);
    expect(village.body.items.map((u: { unit: { id: string } }) => u.unit.id)).toEqual([district.id.clinics[1]]);
    const township = await t.http.get(`/api/oversight/overdue?unitId=${district.id.townships[0]}`).set(auth(managerToken)).expect(200);
    expect(township.body.total).toBe(2);
    const empty = await t.http.get(`/api/oversight/overdue?unitId=${district.id.townships[1]}`).set(auth(managerToken)).expect(200);
    expect(empty.body.items).toEqual([]);
    await t.http.get(`/api/oversight/overdue?unitId=${district.id.townships[0]}`).set(auth(townshipManagerToken)).expect(403);
  });

  it('shows a township manager only their township', async () => {
    const res = await t.http.get('/api/oversight/overdue').set(auth(townshipManagerToken)).expect(200);
    expect(res.body.items).toEqual([]);
  });

  it('ranks units by overdue rate to two decimals, counting late completions', async () => {
    const res = await t.http.get('/api/oversight/overdue-ranking').set(auth(managerToken)).expect(200);
    expect(
      res.body.items.map((r: { unit: { id: string }; overdueRate: number; dueSoFar: number }) => [r.unit.id, r.dueSoFar, r.overdueRate]),
    ).toEqual([
      [district.id.clinics[0], 3, 66.67],
      [district.id.clinics[1], 2, 50],
    ]);
  });

  it('lets the addressee acknowledge an escalation once', async () => {
    const head = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const task = await givenTask(district.id.clinics[0], 1);
    const escalation = await t.app
      .get(DataSource)
      .getRepository(Escalation)
      .save({ taskId: task.id, deadlineVersion: 1, level: 1, targetUserId: head.id });
    const token = await t.login(head.username, head.password);
    const mine = await t.http.get('/api/escalations/mine?unacknowledgedOnly=true').set(auth(token)).expect(200);
    expect(mine.body.items.map((e: { id: string }) => e.id)).toEqual([escalation.id]);
    await t.http.post(`/api/escalations/${escalation.id}/acknowledge`).set(auth(managerToken)).expect(403);
    await t.http.post(`/api/escalations/${escalation.id}/acknowledge`).set(auth(token)).expect(201);
    await t.http.post(`/api/escalations/${escalation.id}/acknowledge`).set(auth(token)).expect(409);
    const after = await t.http.get('/api/escalations/mine?unacknowledgedOnly=true').set(auth(token)).expect(200);
    expect(after.body.total).toBe(0);
  });

  it('records a formal talk: scheduled, then held with its outcome', async () => {
    const task = await givenTask(district.id.clinics[1], 5);
    const talk = await t.app
      .get(DataSource)
      .getRepository(FormalTalk)
      .save({ taskId: task.id, deadlineVersion: 1, level: 3, unitId: district.id.clinics[1] });
    const listed = await t.http.get('/api/formal-talks').set(auth(managerToken)).expect(200);
    expect(listed.body.items.map((f: { id: string }) => f.id)).toContain(talk.id);
    await t.http.patch(`/api/formal-talks/${talk.id}`).set(auth(managerToken)).send({ scheduledAt: '2027-04-01T02:00:00Z' }).expect(200);
    await t.http.patch(`/api/formal-talks/${talk.id}`).set(auth(managerToken)).send({ heldAt: '2027-04-01T02:00:00Z' }).expect(400);
    const held = await t.http
      .patch(`/api/formal-talks/${talk.id}`)
      .set(auth(managerToken))
      .send({ heldAt: '2027-04-01T02:00:00Z', outcome: '已约谈院长，限期一周整改' })
      .expect(200);
    expect(held.body).toMatchObject({ status: 'held', outcome: '已约谈院长，限期一周整改' });
    await t.http.patch(`/api/formal-talks/${talk.id}`).set(auth(townshipManagerToken)).send({ outcome: 'x' }).expect(403);
  });
});
