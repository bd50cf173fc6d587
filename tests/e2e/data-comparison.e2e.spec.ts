import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { COMPARISON_EXPORT_HEADER } from '../../src/domain/data-comparison';
import { ageOn, makeResidentId } from '../../src/domain/resident-id';
import { localDateOf } from '../../src/domain/time-zone';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenReIdentificationCampaign, givenRegister, givenUser, Register } from '../support/factories';
import { binaryBody, startTestApp, TestApp } from '../support/test-app';

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

  it('exports the flagged persons of the caller’s scope for the poverty office, masked unless asked (audited)', async () => {
    const db = t.app.get(DataSource);
    const [run] = (await t.http.get(`/api/campaigns/${campaignId}/comparisons`).set(auth(adminToken)).expect(200)).body;
    const path = `/api/campaigns/${campaignId}/comparisons/${run.id}/flags.xlsx`;
    // A note a spreadsheet would run as a formula stays text.
    const second = await taskOf(district.id.clinics[1], 'data_verification');
    const [item] = (await t.http.get(`/api/tasks/${second.id}/verification-items`).set(auth(adminToken)).expect(200)).body.items;
    const secondStaff = await givenUser(t.app, 'staff', district.id.clinics[1]);
    await t.http
      .put(`/api/tasks/${second.id}/verification-items/${item.id}`)
      .set(auth(await t.login(secondStaff.username, secondStaff.password)))
      .send({ note: '=1+1' })
      .expect(200);

    const sheetOf = async (token: string, query = '') => {
      const res = await t.http.get(`${path}${query}`).set(auth(token)).buffer(true).parse(binaryBody).expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(res.headers['content-disposition'])).toContain('数据比对标记名单-再识别与比对-');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.read(Readable.from([res.body as Buffer]));
      const rows: string[][] = [];
      workbook.worksheets[0].eachRow((row) => rows.push(Array.from(COMPARISON_EXPORT_HEADER, (_, i) => row.getCell(i + 1).text)));
      return rows;
    };
    const column = (name: (typeof COMPARISON_EXPORT_HEADER)[number]) => COMPARISON_EXPORT_HEADER.indexOf(name);

    const masked = await sheetOf(adminToken);
    expect(masked[0]).toEqual([...COMPARISON_EXPORT_HEADER]);
    const body = masked.slice(1);
    expect(body).toHaveLength(6);
    expect(body.map((r) => r[column('序号')])).toEqual(['1', '2', '3', '4', '5', '6']);
    // Units in the order of their codes, the unassigned flag last; every ID number masked.
    expect(body.map((r) => r[column('责任单位')])).toEqual([
      '第1村卫生室',
      '第1村卫生室',
      '第2村卫生室',
      '第3村卫生室',
      '第4村卫生室',
      '无责任单位',
    ]);
    for (const row of body) expect(row[column('身份证号')]).toMatch(/^\d{4}\*{14}$/);
    const ids = register.idNumbers.flat();
    expect(JSON.stringify(masked)).not.toMatch(new RegExp(ids.join('|')));
    const first = body.filter((r) => r[column('责任单位')] === '第1村卫生室');
    expect(first.map((r) => [r[column('比对结果')], r[column('核实状态')], r[column('核实情况')]]).sort()).toEqual([
      ['患大病但致贫原因非因病', '已核实', '入户核实，已反馈扶贫办'],
      ['致贫原因为因病但未识别出疾病', '已核实', '入户核实，已反馈扶贫办'],
    ]);
    expect(first.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[column('核实时间')]))).toBe(true);
    expect(body[2][column('核实情况')]).toBe("'=1+1");
    // On the poverty list only: no name, sex and age from the number, never the birth date.
    expect(body[3]).toEqual(
      expect.arrayContaining(['', '男', String(ageOn('1980-02-02', localDateOf(new Date()))), '仅在扶贫部门名单中', '因残', '待核实']),
    );
    expect(JSON.stringify(masked)).not.toContain('19800202');

    const audits = () => db.getRepository(AuditEvent).findBy({ entityId: run.id, entityType: 'comparison_run' });
    expect((await audits()).filter((a) => a.action === 'campaign.comparison.export')).toEqual([
      expect.objectContaining({ details: { campaignId, rows: 6, fullIds: false } }),
    ]);

    // Whole numbers when asked, audited as such.
    const whole = await sheetOf(adminToken, '?fullIds=true');
    expect(whole.slice(1).map((r) => r[column('身份证号')])).toEqual(expect.arrayContaining(register.idNumbers[0].slice(0, 2)));
    expect((await audits()).map((a) => a.action).sort()).toEqual([
      'campaign.comparison.create',
      'campaign.comparison.export',
      'campaign.comparison.export',
      'campaign.comparison.full_ids',
    ]);

    // A township's manager gets the flags of its own units only, not the unassigned one.
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const own = await sheetOf(await t.login(manager.username, manager.password));
    expect(own.slice(1).map((r) => r[column('责任单位')])).toEqual(['第1村卫生室', '第1村卫生室', '第2村卫生室']);

    await t.http.get(path).set(auth(staffToken)).expect(403);
    await t.http.get(`${path}?fullIds=yes`).set(auth(adminToken)).expect(400);
    const unknown = `/api/campaigns/${campaignId}/comparisons/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/flags.xlsx`;
    await t.http.get(unknown).set(auth(adminToken)).expect(404);
    // Refusals export nothing, and audit nothing.
    expect((await audits()).filter((a) => a.action === 'campaign.comparison.export')).toHaveLength(3);
  });
});
