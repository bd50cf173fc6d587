import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { ageOn } from '../../src/domain/resident-id';
import { localDateOf } from '../../src/domain/time-zone';
import { Task } from '../../src/tasks/task.entity';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { campaignWorkflowId } from '../../workflows/campaign.contract';
import { recordHistory } from '../support/histories';
import { District, givenDistrict, givenRegister, givenUser, Register } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const PERSONS_PER_VILLAGE = [5, 3, 4, 2];

describe('a re-identification campaign through the HTTP API', () => {
  let t: TestApp;
  let district: District;
  let register: Register;
  let adminToken: string;
  let managerToken: string;
  let staffToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();
  const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10);
  const today = () => new Date().toISOString().slice(0, 10);

  async function createCampaign(overrides: Record<string, unknown> = {}) {
    const res = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send({
        name: '疾病再识别',
        template: 're_identification',
        scopeUnitId: district.id.county,
        startsOn: today(),
        endsOn: inAMonth(),
        steps: [{ dueAt: tomorrow(), responsibleUnitKind: 'village_clinic' }],
        ...overrides,
      })
      .expect(201);
    return res.body as { id: string; steps: { id: string }[] };
  }

  async function launched(campaignId: string) {
    await t.http.post(`/api/campaigns/${campaignId}/launch`).set(auth(adminToken)).expect(202);
    return eventually(
      async () => {
        const res = await t.http.get(`/api/campaigns/${campaignId}`).set(auth(adminToken)).expect(200);
        return res.body.status === 'running' ? res.body : undefined;
      },
      30_000,
      'the campaign to run',
    );
  }

  const taskOf = async (campaignId: string, unitId: string) =>
    t.app.get(DataSource).getRepository(Task).findOneByOrFail({ campaignId, unitId });

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    register = await givenRegister(t.app, district.id.villages, PERSONS_PER_VILLAGE);
    const admin = await givenUser(t.app, 'admin', district.id.county);
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    [adminToken, managerToken, staffToken] = [
      await t.login(admin.username, admin.password),
      await t.login(manager.username, manager.password),
      await t.login(staff.username, staff.password),
    ];
  });
  afterAll(() => t.stop());

  it('refuses a bad campaign, naming what is wrong', async () => {
    const base = { name: 'x', template: 're_identification', scopeUnitId: district.id.county, startsOn: today(), endsOn: inAMonth() };
    const wrongKind = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send({ ...base, steps: [{ dueAt: tomorrow(), responsibleUnitKind: 'designated_hospital' }] })
      .expect(400);
    expect(wrongKind.body.message).toContain('steps[0].responsibleUnitKind');
    const late = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send({
        ...base,
        endsOn: today(),
        steps: [{ dueAt: new Date(Date.now() + 40 * 86400_000).toISOString(), responsibleUnitKind: 'village_clinic' }],
      })
      .expect(400);
    expect(late.body.message).toContain('after endsOn');
    await t.http
      .post('/api/campaigns')
      .set(auth(managerToken))
      .send({ ...base, steps: [{ dueAt: tomorrow(), responsibleUnitKind: 'village_clinic' }] })
      .expect(403);
  });

  it('launches a task per clinic with an item per person of its village, once however often launched', async () => {
    const campaign = await createCampaign();
    const running = await launched(campaign.id);
    await t.http.post(`/api/campaigns/${campaign.id}/launch`).set(auth(adminToken)).expect(202);
    expect(running.steps[0]).toMatchObject({ status: 'running', taskCount: 4, itemCount: register.total });
    const items = await t.app
      .get(DataSource)
      .query(
        `SELECT t.unit_id, count(i.id)::int AS items FROM tasks t LEFT JOIN re_identification_items i ON i.task_id = t.id WHERE t.campaign_id = $1 GROUP BY t.unit_id`,
        [campaign.id],
      );
    expect(Object.fromEntries(items.map((r: { unit_id: string; items: number }) => [r.unit_id, r.items]))).toEqual(
      Object.fromEntries(district.id.clinics.map((clinic, i) => [clinic, PERSONS_PER_VILLAGE[i]])),
    );
  });

  it('gives a health centre the persons of every village of its township', async () => {
    const campaign = await createCampaign({ steps: [{ dueAt: tomorrow(), responsibleUnitKind: 'health_centre' }] });
    const running = await launched(campaign.id);
    expect(running.steps[0]).toMatchObject({ taskCount: 2, itemCount: register.total });
    const centre = await taskOf(campaign.id, district.id.centres[1]);
    const items = await t.http.get(`/api/tasks/${centre.id}/items`).set(auth(adminToken)).expect(200);
    expect(items.body.total).toBe(PERSONS_PER_VILLAGE[2] + PERSONS_PER_VILLAGE[3]);
    expect(new Set(items.body.items.map((i: { village: { id: string } }) => i.village.id))).toEqual(new Set(district.id.villages.slice(2)));
  });

  it('lets staff record results, submit when complete, and a manager approve; progress rolls up and agrees', async () => {
    const campaign = await createCampaign();
    await launched(campaign.id);
    const task = await taskOf(campaign.id, district.id.clinics[0]);
    const list = await t.http.get(`/api/tasks/${task.id}/items?pageSize=100`).set(auth(staffToken)).expect(200);
    expect(list.body.total).toBe(PERSONS_PER_VILLAGE[0]);
    for (const item of list.body.items) {
      // The first four characters and the age: nothing that, with the name, sex and village, rebuilds the number.
      expect(item.person.idNumberMasked).toMatch(/^\d{4}\*{14}$/);
      expect(item.person).not.toHaveProperty('birthDate');
      expect(item.person.age).toEqual(expect.any(Number));
    }
    for (const idNumber of register.idNumbers[0]) {
      expect(JSON.stringify(list.body)).not.toContain(idNumber.slice(6, 14));
      expect(JSON.stringify(list.body)).not.toContain(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
    }
    const byName = new Map(list.body.items.map((i: { person: { name: string; age: number } }) => [i.person.name, i.person.age]));
    // 村民0-i of the register factory was born on 1950-0(1+i)-1i.
    expect(byName.get('村民0-0')).toBe(ageOn('1950-01-10', localDateOf(new Date())));
    expect(byName.get('村民0-3')).toBe(ageOn('1950-04-13', localDateOf(new Date())));
    const [first, second, third, ...rest] = list.body.items as { id: string }[];
    const record = (id: string, body: object) => t.http.put(`/api/tasks/${task.id}/items/${id}`).set(auth(staffToken)).send(body);

    const bad = await record(first.id, { outcome: 'conditions', conditions: ['感冒'] }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('“感冒”不在本次行动的疾病目录中');
    const recorded = await record(first.id, { outcome: 'conditions', conditions: ['M09', '原发性高血压'] }).expect(200);
    expect(recorded.body).toMatchObject({
      id: first.id,
      outcome: 'conditions',
      conditionCodes: ['M09', 'C01'],
      recordedAt: expect.any(String),
    });
    await record(second.id, { outcome: 'unreachable' }).expect(400);
    await record(second.id, { outcome: 'unreachable', note: '外出务工' }).expect(200);
    expect((await taskOf(campaign.id, district.id.clinics[0])).status).toBe('in_progress');

    const early = await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(staffToken)).expect(409);
    expect(early.body.message).toContain(`${rest.length + 1} of ${PERSONS_PER_VILLAGE[0]} persons have no result`);
    for (const item of [third, ...rest]) await record(item.id, { outcome: 'none' }).expect(200);
    await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(staffToken)).expect(201);
    await record(first.id, { outcome: 'none' }).expect(409);
    await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(managerToken)).expect(201);

    const progress = await t.http.get(`/api/campaigns/${campaign.id}/progress`).set(auth(adminToken)).expect(200);
    const [step] = progress.body.steps;
    const unit = (id: string) => step.units.find((u: { unit: { id: string } }) => u.unit.id === id);
    expect(unit(district.id.villages[0])).toMatchObject({
      persons: 5,
      recorded: 5,
      byOutcome: { conditions: 1, unreachable: 1, none: 3, moved: 0, deceased: 0 },
      byCategory: { major: 1, chronic: 1, severe: 0 },
    });
    expect(unit(district.id.townships[0])).toMatchObject({ persons: 8, recorded: 5 });
    expect(unit(district.id.county)).toMatchObject({ persons: register.total, recorded: 5, byCategory: { major: 1 } });
    expect(step.tasks).toMatchObject({ total: 4, approved: 1, open: 3 });

    const township = await t.http.get(`/api/campaigns/${campaign.id}/progress`).set(auth(managerToken)).expect(400);
    expect(township.body.message).toContain('unitId is required');
    const own = await t.http
      .get(`/api/campaigns/${campaign.id}/progress?unitId=${district.id.townships[0]}`)
      .set(auth(managerToken))
      .expect(200);
    expect(own.body.steps[0].units.map((u: { unit: { id: string } }) => u.unit.id).sort()).toEqual(
      [district.id.townships[0], ...district.id.villages.slice(0, 2)].sort(),
    );
    await t.http.get(`/api/campaigns/${campaign.id}/progress?unitId=${district.id.townships[1]}`).set(auth(managerToken)).expect(403);

    const consistent = await t.http.get(`/api/campaigns/${campaign.id}/consistency`).set(auth(adminToken)).expect(200);
    expect(consistent.body).toEqual({ consistent: true, submissionMismatches: [], rollupMismatches: [] });
    // A record changed behind the approved submission's back.
    await t.app.get(DataSource).query(`UPDATE re_identification_items SET outcome = 'deceased' WHERE id = $1`, [third.id]);
    const report = await t.http.get(`/api/campaigns/${campaign.id}/consistency`).set(auth(adminToken)).expect(200);
    expect(report.body.consistent).toBe(false);
    expect(report.body.submissionMismatches).toEqual(
      expect.arrayContaining([
        { taskId: task.id, unit: { id: district.id.clinics[0], name: '第1村卫生室' }, field: 'byOutcome.none', submitted: 3, recorded: 2 },
        {
          taskId: task.id,
          unit: { id: district.id.clinics[0], name: '第1村卫生室' },
          field: 'byOutcome.deceased',
          submitted: 0,
          recorded: 1,
        },
      ]),
    );
  });

  it('completes the campaign when every task is finished, and cancels the rest of another', async () => {
    const campaign = await createCampaign({ scopeUnitId: district.id.townships[1] });
    await launched(campaign.id);
    const other = await createCampaign();
    await launched(other.id);
    await t.http.post(`/api/campaigns/${other.id}/cancel`).set(auth(adminToken)).send({ reason: '范围有误' }).expect(200);
    await eventually(
      async () => {
        const tasks = await t.app.get(DataSource).getRepository(Task).findBy({ campaignId: other.id });
        return tasks.length === 4 && tasks.every((task) => task.status === 'cancelled') ? true : undefined;
      },
      30_000,
      'the cancelled campaign to cancel its tasks',
    );
    await t.http.post(`/api/campaigns/${other.id}/launch`).set(auth(adminToken)).expect(409);
    expect(await t.app.get(DataSource).getRepository(AuditEvent).countBy({ entityId: other.id, action: 'campaign.cancelled' })).toBe(1);

    for (const unitId of district.id.clinics.slice(2)) {
      const task = await taskOf(campaign.id, unitId);
      await t.http.post(`/api/tasks/${task.id}/cancel`).set(auth(adminToken)).send({ reason: '并入其他任务' }).expect(201);
    }
    await eventually(
      async () => {
        const res = await t.http.get(`/api/campaigns/${campaign.id}`).set(auth(adminToken)).expect(200);
        return res.body.status === 'completed' ? res.body : undefined;
      },
      30_000,
      'the campaign to complete',
    );
    const handle = t.app.get(TemporalClient).client.workflow.getHandle(campaignWorkflowId(campaign.id));
    await handle.result();
    await recordHistory(handle, 'campaign-completed');
  });

  it("lists a campaign's overdue units to the manager of their township", async () => {
    const campaign = await createCampaign();
    await launched(campaign.id);
    const late = await taskOf(campaign.id, district.id.clinics[1]);
    // As the deadline engine finds it two days after the due time.
    await t.app
      .get(DataSource)
      .getRepository(Task)
      .update({ id: late.id }, { dueAt: new Date(Date.now() - 2 * 86400_000 - 60_000) });
    const res = await t.http.get(`/api/oversight/overdue?campaignId=${campaign.id}`).set(auth(managerToken)).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ id: district.id.clinics[1] }), overdueCount: 1, maxDaysOverdue: 2 }),
    ]);
    const progress = await t.http
      .get(`/api/campaigns/${campaign.id}/progress?unitId=${district.id.townships[0]}`)
      .set(auth(managerToken))
      .expect(200);
    expect(progress.body.steps[0].tasks).toMatchObject({ total: 2, overdue: 1 });
  });

  it('shows a campaign to those whose area it touches only', async () => {
    const campaign = await createCampaign({ scopeUnitId: district.id.townships[1] });
    await t.http.get(`/api/campaigns/${campaign.id}`).set(auth(managerToken)).expect(403);
    await t.http.get(`/api/campaigns/${campaign.id}`).set(auth(adminToken)).expect(200);
    const mine = await t.http.get('/api/campaigns').set(auth(managerToken)).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).not.toContain(campaign.id);
  });
});
