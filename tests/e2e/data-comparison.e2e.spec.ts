import iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { ageOn, makeResidentId } from '../../src/domain/resident-id';
import { localDateOf } from '../../src/domain/time-zone';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenReIdentificationCampaign, givenRegister, givenUser, Register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');

/** 数据比对 and bulk results, end to end: uploads in the encodings offices use. */
describe('results upload and data comparison through the HTTP API', () => {
  let t: TestApp;
  let district: District;
  let register: Register;
  let adminToken: string;
  let staffToken: string;
  let campaignId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const taskOf = (unitId: string, kind = 're_identification') =>
    t.app.get(DataSource).getRepository(Task).findOneByOrFail({ campaignId, unitId, kind });

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    register = await givenRegister(t.app, district.id.villages, [3, 3, 2, 2]);
    const admin = await givenUser(t.app, 'admin', district.id.county);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    [adminToken, staffToken] = [await t.login(admin.username, admin.password), await t.login(staff.username, staff.password)];
    campaignId = (await givenReIdentificationCampaign(t, adminToken, district.id.county, { name: '再识别与比对', launch: true })).id;
  });
  afterAll(() => t.stop());

  it('records a unit’s results from a CSV upload, all or nothing', async () => {
    const task = await taskOf(district.id.clinics[0]);
    const [p0, p1, p2] = register.idNumbers[0];
    const outsider = register.idNumbers[1][0];
    const bad = csv([
      ['身份证号', '识别结果', '疾病', '说明'],
      [p0, '患病', '食管癌', ''],
      [outsider, '未患目录内疾病', '', ''],
      [p1, '已死亡', '', ''],
      [p0, '未患目录内疾病', '', ''],
    ]);
    const refused = await t.http
      .post(`/api/tasks/${task.id}/items/results`)
      .set(auth(staffToken))
      .attach('file', iconv.encode(bad, 'gb18030'), 'results.csv')
      .expect(400);
    expect(refused.body.errors).toEqual([
      { row: 3, column: '身份证号', message: '此人不在本任务的识别名单中' },
      { row: 4, column: '说明', message: '识别结果为已死亡时须在说明中写明原因' },
      { row: 5, column: '身份证号', message: '与第2行重复' },
    ]);
    const pending = await t.http.get(`/api/tasks/${task.id}/items?state=recorded`).set(auth(staffToken)).expect(200);
    expect(pending.body.total).toBe(0);

    const good = csv([
      ['身份证号', '识别结果', '疾病', '说明'],
      [p0, '患病', '食管癌', ''],
      [p1, '未患目录内疾病', '', ''],
      [p2, 'conditions', 'C01', ''],
    ]);
    await t.http
      .post(`/api/tasks/${task.id}/items/results`)
      .set(auth(staffToken))
      .attach('file', Buffer.from(good), 'results.txt')
      .expect(400);
    const res = await t.http
      .post(`/api/tasks/${task.id}/items/results`)
      .set(auth(staffToken))
      .attach('file', Buffer.from(`\ufeff${good}`), 'results.csv')
      .expect(200);
    expect(res.body).toEqual({ recorded: 3 });
    await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(staffToken)).expect(201);
    // The task's state is checked before the file is read: 409 whatever the file.
    await t.http
      .post(`/api/tasks/${task.id}/items/results`)
      .set(auth(staffToken))
      .attach('file', Buffer.from(good), 'results.csv')
      .expect(409);
    await t.http
      .post(`/api/tasks/${task.id}/items/results`)
      .set(auth(staffToken))
      .attach('file', Buffer.from(good), 'results.txt')
      .expect(409);
  });

  it('flags disagreements and persons on one list only, and hands them to their units', async () => {
    const db = t.app.get(DataSource);
    const [{ household_number: villageThreeHousehold }] = await db.query(
      `SELECT household_number FROM households WHERE village_unit_id = $1`,
      [district.id.villages[2]],
    );
    const ids = register.idNumbers;
    const newcomer = makeResidentId('632126', '1980-02-02', 17);
    const stranger = makeResidentId('632126', '1981-03-03', 18);
    const list = csv([
      ['身份证号', '户编号', '主要致贫原因', '次要致贫原因'],
      [ids[0][0], '', '缺资金', ''],
      [ids[0][1], '', '因病', ''],
      [ids[0][2], '', '缺劳力', '因病'],
      [ids[1][0], '', '缺劳力', ''],
      [ids[1][1], '', '缺劳力', ''],
      [ids[1][2], '', '因病致贫', ''],
      [ids[2][0], '', '缺技术', ''],
      [ids[2][1], '', '缺技术', ''],
      [ids[3][0], '', '缺资金', ''],
      [newcomer, villageThreeHousehold, '因残', ''],
      [stranger, '不存在的户', '因学', ''],
    ]);
    const dueAt = new Date(Date.now() + 5 * 86400_000).toISOString();

    const broken = csv([
      ['身份证号', '主要致贫原因'],
      [ids[0][0], '因病'],
      [ids[0][0].slice(0, 17) + (ids[0][0][17] === '1' ? '2' : '1'), '因病'],
      [ids[0][0], '因病'],
    ]);
    const refused = await t.http
      .post(`/api/campaigns/${campaignId}/comparisons`)
      .set(auth(adminToken))
      .field('dueAt', dueAt)
      .attach('file', Buffer.from(broken), 'list.csv')
      .expect(400);
    expect(refused.body.errors).toEqual([
      { row: 3, column: '身份证号', message: '身份证号校验位错误' },
      { row: 4, column: '身份证号', message: '与第2行重复' },
    ]);
    expect((await t.http.get(`/api/campaigns/${campaignId}/comparisons`).set(auth(adminToken)).expect(200)).body).toEqual([]);
    await t.http
      .post(`/api/campaigns/${campaignId}/comparisons`)
      .set(auth(adminToken))
      .field('dueAt', dueAt)
      .attach('file', Buffer.from('姓名\n张三'), 'list.csv')
      .expect(400);

    const res = await t.http
      .post(`/api/campaigns/${campaignId}/comparisons`)
      .set(auth(adminToken))
      .field('dueAt', dueAt)
      .attach('file', iconv.encode(list, 'gb18030'), '扶贫办名单.csv')
      .expect(201);
    expect(res.body.run).toMatchObject({ fileName: '扶贫办名单.csv', listRows: 11, flagged: 6, unassigned: 1 });
    // The upload is audited with the run it made, in the same transaction.
    const [uploadAudit] = await db.getRepository(AuditEvent).findBy({ action: 'campaign.comparison.create', entityId: res.body.run.id });
    expect(uploadAudit).toMatchObject({
      entityType: 'comparison_run',
      details: { campaignId, fileName: '扶贫办名单.csv', listRows: 11, flagged: 6, areaUnitId: district.id.county },
    });
    expect(JSON.stringify(uploadAudit)).not.toContain(ids[0][0]);
    expect(res.body.byKind).toEqual({
      illness_cause_without_condition: 2,
      major_disease_without_illness_cause: 1,
      only_on_poverty_list: 2,
      only_in_health_records: 1,
    });
    const byUnit = Object.fromEntries(res.body.units.map((u: { unit: { id: string }; byKind: object }) => [u.unit.id, u.byKind]));
    expect(byUnit).toEqual({
      [district.id.clinics[0]]: { major_disease_without_illness_cause: 1, illness_cause_without_condition: 1 },
      [district.id.clinics[1]]: { illness_cause_without_condition: 1 },
      [district.id.clinics[2]]: { only_on_poverty_list: 1 },
      [district.id.clinics[3]]: { only_in_health_records: 1 },
    });

    // Each flagged person is a verification item of its unit's task, with the deadline given.
    const verification = await taskOf(district.id.clinics[0], 'data_verification');
    expect(verification.dueAt.toISOString()).toBe(dueAt);
    const items = await t.http.get(`/api/tasks/${verification.id}/verification-items`).set(auth(staffToken)).expect(200);
    expect(items.body.items.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'illness_cause_without_condition',
      'major_disease_without_illness_cause',
    ]);
    expect(JSON.stringify(items.body)).not.toContain(ids[0][0]);
    const early = await t.http.post(`/api/tasks/${verification.id}/submit`).set(auth(staffToken)).expect(409);
    expect(early.body.message).toContain('2 of 2 verification items');
    for (const item of items.body.items) {
      await t.http
        .put(`/api/tasks/${verification.id}/verification-items/${item.id}`)
        .set(auth(staffToken))
        .send({ note: '入户核实，已反馈扶贫办' })
        .expect(200);
    }
    await t.http.post(`/api/tasks/${verification.id}/submit`).set(auth(staffToken)).expect(201);
    const other = await taskOf(district.id.clinics[1], 'data_verification');
    await t.http.get(`/api/tasks/${other.id}/verification-items`).set(auth(staffToken)).expect(403);

    // A person on the poverty list only has no name in the register: the item says who by age and sex, never by birth date.
    const listOnly = await taskOf(district.id.clinics[2], 'data_verification');
    const [newcomerItem] = (await t.http.get(`/api/tasks/${listOnly.id}/verification-items`).set(auth(adminToken)).expect(200)).body.items;
    expect(newcomerItem).toMatchObject({
      kind: 'only_on_poverty_list',
      person: {
        id: null,
        name: null,
        idNumberMasked: `6321${'*'.repeat(14)}`,
        sex: 'male',
        age: ageOn('1980-02-02', localDateOf(new Date())),
      },
    });
    expect(JSON.stringify(newcomerItem)).not.toContain('19800202');
  });
});
