import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { UnitImportRow } from '../../src/domain/hierarchy';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { deadlineClockWorkflowId } from '../../workflows/deadline-clock.contract';
import { givenRegister, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { killHard, spawnWorkerProcess, untilPolled } from '../support/worker-process';

const TOWNSHIPS = 4;
const VILLAGES_PER_TOWNSHIP = 60;

/** A county wide enough that launching it takes several pages, so the kill lands mid-way. */
async function givenWideCounty(t: TestApp) {
  const p = randomBytes(4).toString('hex');
  const rows: UnitImportRow[] = [{ code: `${p}D`, name: '崩溃测试县', kind: 'county' }];
  for (let ti = 0; ti < TOWNSHIPS; ti++) {
    rows.push({ code: `${p}T${ti}`, name: `第${ti + 1}镇`, kind: 'township', parentCode: `${p}D` });
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
      rows.push({ code: `${p}T${ti}V${v}`, name: `第${v + 1}村`, kind: 'village', parentCode: `${p}T${ti}` });
      rows.push({ code: `${p}T${ti}V${v}C`, name: `第${v + 1}村卫生室`, kind: 'village_clinic', parentCode: `${p}T${ti}V${v}` });
    }
  }
  await t.app.get(UnitsService).import(null, rows);
  const units = await t.app
    .get(DataSource)
    .getRepository(Unit)
    .findBy({ code: In(rows.map((r) => r.code as string)) });
  return { county: units.find((u) => u.kind === 'county')!, villages: units.filter((u) => u.kind === 'village').map((u) => u.id) };
}

/** Launch survives a worker process killed outright (SIGKILL) half-way: every task and item exactly once. */
describe('campaign launch across a killed worker', () => {
  let t: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await killHard(...workers);
    await t.stop();
  });

  it('creates every task and item exactly once when the worker dies during launch', async () => {
    const db = t.app.get(DataSource);
    const { county, villages } = await givenWideCounty(t);
    const register = await givenRegister(
      t.app,
      villages,
      villages.map((_, i) => 1 + (i % 3)),
    );
    const admin = await givenUser(t.app, 'admin', county.id);
    const token = await t.login(admin.username, admin.password);
    const auth = { Authorization: `Bearer ${token}` };

    workers.push(spawnWorkerProcess(t.config));
    await untilPolled(t.app.get(TemporalClient), t.config);
    const created = await t.http
      .post('/api/campaigns')
      .set(auth)
      .send({
        name: '崩溃测试',
        template: 're_identification',
        scopeUnitId: county.id,
        startsOn: new Date().toISOString().slice(0, 10),
        endsOn: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10),
        steps: [{ dueAt: new Date(Date.now() + 10 * 86400_000).toISOString(), responsibleUnitKind: 'village_clinic' }],
      })
      .expect(201);
    const campaignId: string = created.body.id;
    const taskCount = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM tasks WHERE campaign_id = $1`, [campaignId]))[0].n as number;

    await t.http.post(`/api/campaigns/${campaignId}/launch`).set(auth).expect(202);
    const seenAtKill = await eventually(
      async () => {
        const n = await taskCount();
        return n > 0 ? n : undefined;
      },
      60_000,
      'the first page of tasks',
    );
    await killHard(workers[0]);
    // The kill has to land before the last page for this test to prove anything.
    expect(seenAtKill).toBeLessThan(villages.length);

    workers.push(spawnWorkerProcess(t.config));
    const campaign = await eventually(
      async () => {
        const res = await t.http.get(`/api/campaigns/${campaignId}`).set(auth).expect(200);
        return res.body.status === 'running' ? res.body : undefined;
      },
      120_000,
      'the launch to finish on the second worker',
    );

    expect(campaign.steps[0]).toMatchObject({ taskCount: villages.length, itemCount: register.total });
    const [tasks] = await db.query(
      `SELECT count(*)::int AS tasks, count(DISTINCT unit_id)::int AS units FROM tasks WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(tasks).toEqual({ tasks: villages.length, units: villages.length });
    const [items] = await db.query(
      `SELECT count(*)::int AS items, count(DISTINCT person_id)::int AS persons FROM re_identification_items i JOIN tasks t ON t.id = i.task_id WHERE t.campaign_id = $1`,
      [campaignId],
    );
    expect(items).toEqual({ items: register.total, persons: register.total });
    // Every task got its due moments in its page's transaction (also the pages the kill cut off), once.
    const [timed] = await db.query(
      `SELECT count(DISTINCT t.id)::int AS tasks, count(*)::int AS moments, count(DISTINCT m.clock_key)::int AS clocks
       FROM tasks t JOIN deadline_moments m ON m.task_id = t.id WHERE t.campaign_id = $1`,
      [campaignId],
    );
    expect(timed.tasks).toBe(villages.length);
    expect(timed.moments % villages.length).toBe(0);
    expect(timed.clocks).toBe(1);
    // One clock owns the step's time: no workflow per task.
    const [{ step_id: stepId }] = await db.query(`SELECT step_id FROM tasks WHERE campaign_id = $1 LIMIT 1`, [campaignId]);
    const clock = await t.app
      .get(TemporalClient)
      .client.workflow.getHandle(deadlineClockWorkflowId(`step:${stepId}`))
      .describe();
    expect(clock.status.name).toBe('RUNNING');
  }, 300_000);
});
