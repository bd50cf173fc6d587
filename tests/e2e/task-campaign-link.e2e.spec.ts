import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Campaign } from '../../src/campaigns/campaign.entity';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * POST /api/tasks with campaignId / stepId: both must exist and belong together, the campaign must lie
 * in the actor's scope and the task's unit in the campaign's scope. Otherwise a manager could hang a
 * task on another area's step and keep it from ever completing.
 */
describe('tasks attached to a campaign step', () => {
  let t: TestApp;
  let district: District;
  let other: District;
  let countyAdmin: string;
  let managerT1: string;
  let managerT2: string;
  /** Over township 1 of the district. */
  let township: { id: string; stepId: string };
  /** Over the whole county. */
  let county: { id: string; stepId: string };
  /** Another district's. */
  let foreign: { id: string; stepId: string };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();
  const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10);
  const today = () => new Date().toISOString().slice(0, 10);

  async function campaignOver(token: string, scopeUnitId: string) {
    const res = await t.http
      .post('/api/campaigns')
      .set(auth(token))
      .send({
        name: '疾病再识别',
        template: 're_identification',
        scopeUnitId,
        startsOn: today(),
        endsOn: inAMonth(),
        steps: [{ dueAt: tomorrow(), responsibleUnitKind: 'village_clinic' }],
      })
      .expect(201);
    return { id: res.body.id as string, stepId: res.body.steps[0].id as string };
  }

  const createTask = (token: string, body: Record<string, unknown>) =>
    t.http
      .post('/api/tasks')
      .set(auth(token))
      .send({ title: '补充核查', dueAt: tomorrow(), ...body });

  beforeAll(async () => {
    t = await startTestApp();
    [district, other] = [await givenDistrict(t.app), await givenDistrict(t.app)];
    const admin = await givenUser(t.app, 'admin', district.id.county);
    const otherAdmin = await givenUser(t.app, 'admin', other.id.county);
    const m1 = await givenUser(t.app, 'manager', district.id.townships[0]);
    const m2 = await givenUser(t.app, 'manager', district.id.townships[1]);
    countyAdmin = await t.login(admin.username, admin.password);
    managerT1 = await t.login(m1.username, m1.password);
    managerT2 = await t.login(m2.username, m2.password);
    township = await campaignOver(countyAdmin, district.id.townships[0]);
    county = await campaignOver(countyAdmin, district.id.county);
    foreign = await campaignOver(await t.login(otherAdmin.username, otherAdmin.password), other.id.county);
  });
  afterAll(() => t.stop());

  it('attaches a task to a step of a campaign in scope, over a unit of the campaign', async () => {
    const res = await createTask(managerT1, { unitId: district.id.clinics[0], campaignId: township.id, stepId: township.stepId }).expect(
      201,
    );
    expect(res.body).toMatchObject({ campaignId: township.id, stepId: township.stepId });
    // stepId alone names its campaign.
    const alone = await createTask(countyAdmin, { unitId: district.id.clinics[1], stepId: township.stepId }).expect(201);
    expect(alone.body).toMatchObject({ campaignId: township.id, stepId: township.stepId });
  });

  it('refuses unknown ids with 400 naming the field, and writes nothing', async () => {
    const before = await t.app.get(DataSource).getRepository(Task).countBy({ unitId: district.id.clinics[0] });
    const campaign = await createTask(managerT1, { unitId: district.id.clinics[0], campaignId: randomUUID() }).expect(400);
    expect(campaign.body.message).toContain('campaignId');
    const step = await createTask(managerT1, { unitId: district.id.clinics[0], campaignId: township.id, stepId: randomUUID() }).expect(400);
    expect(step.body.message).toContain('stepId');
    expect(await t.app.get(DataSource).getRepository(Task).countBy({ unitId: district.id.clinics[0] })).toBe(before);
  });

  it('refuses a step of another campaign', async () => {
    const res = await createTask(countyAdmin, { unitId: district.id.clinics[0], campaignId: township.id, stepId: county.stepId }).expect(
      400,
    );
    expect(res.body.message).toContain('stepId');
    expect(res.body.message).toContain('campaignId');
  });

  it('refuses a campaign outside the actor scope with 403 naming campaignId', async () => {
    // Township 2's manager: the campaign over township 1 is not theirs, nor is the county's.
    const neighbour = await createTask(managerT2, { unitId: district.id.clinics[2], campaignId: township.id }).expect(403);
    expect(neighbour.body.message).toContain('campaignId');
    const wider = await createTask(managerT1, { unitId: district.id.clinics[0], campaignId: county.id, stepId: county.stepId }).expect(403);
    expect(wider.body.message).toContain('campaignId');
    const abroad = await createTask(countyAdmin, { unitId: district.id.clinics[0], stepId: foreign.stepId }).expect(403);
    expect(abroad.body.message).toContain('campaignId');
  });

  it('refuses a unit outside the campaign scope with 400 naming unitId', async () => {
    const res = await createTask(countyAdmin, { unitId: district.id.clinics[2], campaignId: township.id, stepId: township.stepId }).expect(
      400,
    );
    expect(res.body.message).toContain('unitId');
  });

  it('refuses a finished campaign with 409', async () => {
    const finished = await campaignOver(countyAdmin, district.id.townships[0]);
    await t.app.get(DataSource).getRepository(Campaign).update({ id: finished.id }, { status: 'completed', finishedAt: new Date() });
    const res = await createTask(countyAdmin, { unitId: district.id.clinics[0], campaignId: finished.id, stepId: finished.stepId }).expect(
      409,
    );
    expect(res.body.message).toContain('campaignId');
  });
});
