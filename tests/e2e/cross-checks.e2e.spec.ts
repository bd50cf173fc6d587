import { DataSource } from 'typeorm';
import { addLocalDays, localDateOf } from '../../src/domain/time-zone';
import { Problem } from '../../src/problems/problem.entity';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenRegister, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

interface PairView {
  teamId: string;
  targetId: string;
  taskId: string | null;
}

/**
 * 村与村交叉排查 through HTTP against real services: a two-round campaign over the test district's four
 * village clinics (two townships), the pairing generated from the seed and edited with its rules
 * checked, the launch giving each team an inspection task with the seed-002 checklist and sampled
 * households, failed items becoming problems of the inspected clinic (merged when duplicate), and the
 * second round launched when the first completes, repeating none of its pairs.
 */
describe('cross-check rounds through the HTTP API', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  let managerToken: string;
  const clinicTokens: string[] = [];
  let campaignId: string;
  let rounds: string[];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const today = localDateOf(new Date());
  const pairsOf = async (stepId: string): Promise<PairView[]> =>
    (await t.http.get(`/api/cross-checks/${stepId}`).set(auth(adminToken)).expect(200)).body.pairs;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    await givenRegister(t.app, district.id.villages, [3, 3, 3, 3]);
    const users = await Promise.all([
      givenUser(t.app, 'admin', district.id.county),
      givenUser(t.app, 'manager', district.id.townships[0]),
      ...district.id.clinics.map((c) => givenUser(t.app, 'staff', c)),
    ]);
    const tokens = await Promise.all(users.map((u) => t.login(u.username, u.password)));
    [adminToken, managerToken] = tokens;
    clinicTokens.push(...tokens.slice(2));
  });
  afterAll(() => t.stop());

  it('generates a pairing per round from its seed: no own township, no reciprocal pair, round 2 repeating none of round 1', async () => {
    const created = await t.http
      .post('/api/campaigns')
      .set(auth(adminToken))
      .send({
        name: '2027 年村与村交叉排查',
        template: 'cross_check',
        scopeUnitId: district.id.county,
        startsOn: today,
        endsOn: addLocalDays(today, 90),
        steps: [
          { dueAt: addLocalDays(today, 14), responsibleUnitKind: 'village_clinic' },
          { dueAt: addLocalDays(today, 60), responsibleUnitKind: 'village_clinic' },
        ],
      })
      .expect(201);
    campaignId = created.body.id;
    rounds = created.body.steps.map((s: { id: string }) => s.id);
    const view = (await t.http.get(`/api/cross-checks/${rounds[0]}`).set(auth(managerToken)).expect(200)).body;
    expect(view).toMatchObject({
      level: 'village',
      settings: { crossTownship: true, allowReciprocal: false, checklistVersion: 1 },
      violations: [],
    });
    const township = (id: string) => (district.id.clinics.indexOf(id) < 2 ? 0 : 1);
    for (const p of view.pairs as PairView[]) expect(township(p.teamId)).not.toBe(township(p.targetId));
    expect(view.pairs).toHaveLength(4);
    const second = await pairsOf(rounds[1]);
    const first = new Set((view.pairs as PairView[]).map((p) => `${p.teamId}/${p.targetId}`));
    expect(second.filter((p) => first.has(`${p.teamId}/${p.targetId}`))).toEqual([]);
    // Staff do not see rounds (their inspections, yes).
    await t.http.get(`/api/cross-checks/${rounds[0]}`).set(auth(clinicTokens[0])).expect(403);
  });

  it('checks a hand-edited pairing rule by rule: 400 names the broken rule and the units', async () => {
    const [c0, c1, c2, c3] = district.id.clinics;
    const put = (pairs: { teamId: string; targetId: string }[]) =>
      t.http.put(`/api/cross-checks/${rounds[0]}/pairing`).set(auth(adminToken)).send({ pairs });
    const sameTownship = await put([
      { teamId: c0, targetId: c1 },
      { teamId: c1, targetId: c2 },
      { teamId: c2, targetId: c3 },
      { teamId: c3, targetId: c0 },
    ]).expect(400);
    expect(sameTownship.body.message).toMatch(/^same_township: /);
    expect(sameTownship.body.message).toContain('第1村卫生室 → 第2村卫生室');
    const mutual = await put([
      { teamId: c0, targetId: c2 },
      { teamId: c2, targetId: c0 },
      { teamId: c1, targetId: c3 },
      { teamId: c3, targetId: c1 },
    ]).expect(400);
    expect(mutual.body.message).toMatch(/^reciprocal: /);
    const missing = await put([{ teamId: c0, targetId: c2 }]).expect(400);
    expect(missing.body.message).toMatch(/^exactly_one_team: every target needs exactly one team; none inspects /);
    // Round 2 holds c0→c3 or c1→c3 …: a pairing repeating one of its pairs is refused too.
    const second = await pairsOf(rounds[1]);
    const clash = second.find((p) => township(p.teamId) === 0)!;
    const other = district.id.clinics.find((c) => township(c) === 0 && c !== clash.teamId)!;
    const rest = district.id.clinics.find((c) => township(c) === 1 && c !== clash.targetId)!;
    const repeated = await put([
      { teamId: clash.teamId, targetId: clash.targetId },
      { teamId: other, targetId: rest },
      { teamId: clash.targetId, targetId: other },
      { teamId: rest, targetId: clash.teamId },
    ]);
    expect(repeated.status).toBe(400);
    expect(repeated.body.message).toMatch(/^(repeated_pair|reciprocal): /);
    // Managers may look, not edit; a new seed regenerates.
    await t.http.put(`/api/cross-checks/${rounds[0]}/settings`).set(auth(managerToken)).send({ seed: 7 }).expect(403);
    const reseeded = await t.http
      .put(`/api/cross-checks/${rounds[0]}/settings`)
      .set(auth(adminToken))
      .send({ seed: 7, householdsPerStratum: 1 })
      .expect(200);
    expect(reseeded.body).toMatchObject({ settings: { seed: 7, householdsPerStratum: 1 }, violations: [] });
    // Round 2 follows: generated again, it repeats none of round 1's new pairs.
    const round1 = new Set((reseeded.body.pairs as PairView[]).map((p) => `${p.teamId}/${p.targetId}`));
    expect((await pairsOf(rounds[1])).filter((p) => round1.has(`${p.teamId}/${p.targetId}`))).toEqual([]);

    function township(id: string) {
      return district.id.clinics.indexOf(id) < 2 ? 0 : 1;
    }
  });

  it('launches round 1: each team gets an inspection task of its target, with clinic, doctor and household items', async () => {
    await t.http.post(`/api/campaigns/${campaignId}/launch`).set(auth(adminToken)).expect(202);
    await eventually(
      async () => ((await t.http.get(`/api/campaigns/${campaignId}`).set(auth(adminToken))).body.status === 'running' ? true : undefined),
      30_000,
      'the launch',
    );
    const pairs = await pairsOf(rounds[0]);
    expect(pairs.every((p) => p.taskId)).toBe(true);
    const task = await db()
      .getRepository(Task)
      .findOneByOrFail({ id: pairs.find((p) => p.teamId === district.id.clinics[0])!.taskId! });
    expect(task).toMatchObject({ kind: 'cross_check_inspection', unitId: district.id.clinics[0], stepId: rounds[0] });
    const items = (await t.http.get(`/api/inspections/${task.id}/items`).set(auth(clinicTokens[0])).expect(200)).body;
    // 7 clinic and 3 doctor items, and 4 household items for the village's one (未脱贫) household.
    expect(items).toHaveLength(14);
    expect(items.filter((i: { householdNumber: string | null }) => i.householdNumber).length).toBe(4);
    await t.http.put(`/api/cross-checks/${rounds[0]}/settings`).set(auth(adminToken)).send({ seed: 9 }).expect(409);
  });

  it('turns failed items into problems of the inspected clinic, merged per item; the team may verify their fix', async () => {
    const pair = (await pairsOf(rounds[0])).find((p) => p.teamId === district.id.clinics[0])!;
    const items: { id: string; itemKey: string }[] = (
      await t.http.get(`/api/inspections/${pair.taskId}/items`).set(auth(clinicTokens[0])).expect(200)
    ).body;
    const photo = await t.http
      .post(`/api/tasks/${pair.taskId}/evidence/files`)
      .set(auth(clinicTokens[0]))
      .attach('file', JPEG, { filename: '过期药品.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const drugs = items.find((i) => i.itemKey === 'clinic.drugs_unexpired')!;
    // Only the team records; another clinic's staff cannot.
    await t.http
      .put(`/api/inspections/${pair.taskId}/items/${drugs.id}`)
      .set(auth(clinicTokens[1]))
      .send({ result: 'fail' })
      .expect((r) => expect([403, 404]).toContain(r.status));
    const failed = await t.http
      .put(`/api/inspections/${pair.taskId}/items/${drugs.id}`)
      .set(auth(clinicTokens[0]))
      .send({ result: 'fail', note: '有 2 种过期药品', evidenceIds: [photo.body.id] })
      .expect(200);
    expect(failed.body).toMatchObject({ result: 'fail', evidenceIds: [photo.body.id], problemId: expect.any(String) });
    const problem = await db().getRepository(Problem).findOneByOrFail({ id: failed.body.problemId });
    expect(problem).toMatchObject({
      unitId: pair.targetId,
      source: 'cross_check',
      category: 'clinic_drugs',
      inspectingUnitId: district.id.clinics[0],
      stepId: rounds[0],
      status: 'open',
    });
    // The same item failing again (another inspection of the unit, here by hand) merges.
    const again = await t.http
      .post('/api/problems')
      .set(auth(adminToken))
      .send({
        unitId: pair.targetId,
        source: 'unannounced_visit',
        category: 'clinic_drugs',
        itemKey: 'checklist:clinic.drugs_unexpired',
        description: '暗访：过期药品',
      })
      .expect(201);
    expect(again.body).toMatchObject({ filedAs: 'merged', problem: { id: problem.id, reports: 2 } });
    const seen = await t.http.get(`/api/problems/${problem.id}`).set(auth(clinicTokens[0])).expect(200);
    expect(seen.body.mayVerify).toBe(true);

    // Submitting with items left open is refused, naming how many.
    const early = await t.http.post(`/api/tasks/${pair.taskId}/submit`).set(auth(clinicTokens[0])).send({});
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/item\(s\) of this inspection have no result yet/);
  });

  it('completes round 1 when every inspection is approved, and round 2 then launches with new pairs', async () => {
    const first = await pairsOf(rounds[0]);
    for (const pair of first) {
      const token = clinicTokens[district.id.clinics.indexOf(pair.teamId)];
      const items: { id: string; result: string | null }[] = (
        await t.http.get(`/api/inspections/${pair.taskId}/items`).set(auth(token)).expect(200)
      ).body;
      for (const item of items.filter((i) => !i.result))
        await t.http.put(`/api/inspections/${pair.taskId}/items/${item.id}`).set(auth(token)).send({ result: 'pass' }).expect(200);
      await t.http.post(`/api/tasks/${pair.taskId}/submit`).set(auth(token)).send({}).expect(201);
      await t.http.post(`/api/tasks/${pair.taskId}/approve`).set(auth(adminToken)).send({}).expect(201);
    }
    const second = await eventually(
      async () => {
        const pairs = await pairsOf(rounds[1]);
        return pairs.every((p) => p.taskId) ? pairs : undefined;
      },
      30_000,
      'round 2 launched',
    );
    const firstKeys = new Set(first.map((p) => `${p.teamId}/${p.targetId}`));
    expect(second.filter((p) => firstKeys.has(`${p.teamId}/${p.targetId}`))).toEqual([]);
    const step1 = (await t.http.get(`/api/campaigns/${campaignId}`).set(auth(adminToken)).expect(200)).body.steps[0];
    expect(step1.status).toBe('completed');
  });

  it('keeps the campaign open past its last round until its problems are cleared (the 清零 gate)', async () => {
    for (const pair of await pairsOf(rounds[1])) {
      const token = clinicTokens[district.id.clinics.indexOf(pair.teamId)];
      const items: { id: string }[] = (await t.http.get(`/api/inspections/${pair.taskId}/items`).set(auth(token)).expect(200)).body;
      for (const item of items)
        await t.http.put(`/api/inspections/${pair.taskId}/items/${item.id}`).set(auth(token)).send({ result: 'pass' }).expect(200);
      await t.http.post(`/api/tasks/${pair.taskId}/submit`).set(auth(token)).send({}).expect(201);
      await t.http.post(`/api/tasks/${pair.taskId}/approve`).set(auth(adminToken)).send({}).expect(201);
    }
    const campaign = () => t.http.get(`/api/campaigns/${campaignId}`).set(auth(adminToken)).expect(200);
    await eventually(async () => ((await campaign()).body.steps[1].status === 'completed' ? true : undefined), 30_000, 'round 2 completed');
    // Round 1's problem is still open: the campaign does not close.
    const [problem] = await db().getRepository(Problem).findBy({ campaignId, status: 'open' });
    expect((await campaign()).body.status).toBe('running');
    const target = clinicTokens[district.id.clinics.indexOf(problem.unitId)];
    const step = (path: string, token: string, body: object) =>
      t.http.post(`/api/problems/${problem.id}/${path}`).set(auth(token)).send(body).expect(200);
    await step('plan', target, { plan: '清理过期药品' });
    await step('start', target, {});
    await t.http
      .post(`/api/tasks/${problem.taskId}/evidence/files`)
      .set(auth(target))
      .attach('file', JPEG, { filename: '已清理.jpg', contentType: 'image/jpeg' })
      .expect(201);
    await step('report-fix', target, { note: '已清理' });
    expect((await campaign()).body.status).toBe('running');
    // The inspecting team verifies: 销号, and the campaign closes.
    await step('verify', clinicTokens[district.id.clinics.indexOf(problem.inspectingUnitId!)], {});
    await eventually(async () => ((await campaign()).body.status === 'completed' ? true : undefined), 50_000, 'the campaign closed');
  }, 90_000);
});
