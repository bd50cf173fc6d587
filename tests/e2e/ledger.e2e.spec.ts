import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { ageOn, maskResidentId } from '../../src/domain/resident-id';
import { localDateOf } from '../../src/domain/time-zone';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenRegister, givenUser, Register } from '../support/factories';
import { binaryBody, eventually, startTestApp, TestApp } from '../support/test-app';

const PERSONS_PER_VILLAGE = [3, 2, 2, 1];
const LEDGER_HEADERS = [
  '序号',
  '乡镇',
  '村',
  '户编号',
  '户主姓名',
  '姓名',
  '性别',
  '身份证号',
  '年龄',
  '脱贫状态',
  '主要致贫原因',
  '次要致贫原因',
  '签约家庭医生',
  '识别结果',
  '大病',
  '慢病',
  '重病',
  '说明',
  '识别人',
  '识别时间',
];
const SUMMARY_HEADERS = [
  '单位',
  '层级',
  '人数',
  '已识别',
  '患病',
  '未患目录内疾病',
  '无法联系',
  '已迁出',
  '已死亡',
  '大病',
  '慢病',
  '重病',
];
const FIGURES = SUMMARY_HEADERS.slice(2);

/** A sheet's rows below the header, as { header: cell text }. */
function records(sheet: ExcelJS.Worksheet): Record<string, string>[] {
  const headers = headersOf(sheet);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).text])));
  });
  return rows;
}

const headersOf = (sheet: ExcelJS.Worksheet) =>
  Array.from({ length: sheet.getRow(1).cellCount }, (_, i) => sheet.getRow(1).getCell(i + 1).text);

describe('the identification ledger (识别台账) as XLSX', () => {
  let t: TestApp;
  let district: District;
  let register: Register;
  let campaignId: string;
  let tokens: { admin: string; manager: string; staff: string; otherStaff: string };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  const download = (token: string, query = '') =>
    t.http.get(`/api/campaigns/${campaignId}/ledger.xlsx${query}`).set(auth(token)).buffer(true).parse(binaryBody);

  async function ledger(token: string, query = '') {
    const res = await download(token, query).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const [persons, summary] = [workbook.getWorksheet('识别台账')!, workbook.getWorksheet('汇总')!];
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['识别台账', '汇总']);
    expect(headersOf(persons)).toEqual(LEDGER_HEADERS);
    expect(headersOf(summary)).toEqual(SUMMARY_HEADERS);
    return { disposition: res.headers['content-disposition'], rows: records(persons), summary: records(summary) };
  }

  async function record(token: string, unitId: string, results: Record<string, object>) {
    const task = await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ campaignId, unitId });
    const items = await t.http.get(`/api/tasks/${task.id}/items?pageSize=100`).set(auth(token)).expect(200);
    for (const item of items.body.items as { id: string; person: { name: string } }[]) {
      const result = results[item.person.name];
      if (result) await t.http.put(`/api/tasks/${task.id}/items/${item.id}`).set(auth(token)).send(result).expect(200);
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    register = await givenRegister(t.app, district.id.villages, PERSONS_PER_VILLAGE);
    const users = [
      await givenUser(t.app, 'admin', district.id.county),
      await givenUser(t.app, 'manager', district.id.townships[0]),
      await givenUser(t.app, 'staff', district.id.clinics[0]),
      await givenUser(t.app, 'staff', district.id.clinics[2]),
    ];
    const [admin, manager, staff, otherStaff] = await Promise.all(users.map((u) => t.login(u.username, u.password)));
    tokens = { admin, manager, staff, otherStaff };

    const today = new Date().toISOString().slice(0, 10);
    const created = await t.http
      .post('/api/campaigns')
      .set(auth(admin))
      .send({
        name: '疾病再识别',
        template: 're_identification',
        scopeUnitId: district.id.county,
        startsOn: today,
        endsOn: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10),
        steps: [{ dueAt: new Date(Date.now() + 86400_000).toISOString(), responsibleUnitKind: 'village_clinic' }],
      })
      .expect(201);
    campaignId = created.body.id;
    await t.http.post(`/api/campaigns/${campaignId}/launch`).set(auth(admin)).expect(202);
    await eventually(
      async () => {
        const res = await t.http.get(`/api/campaigns/${campaignId}`).set(auth(admin)).expect(200);
        return res.body.status === 'running' ? true : undefined;
      },
      30_000,
      'the campaign to run',
    );

    await record(staff, district.id.clinics[0], {
      '村民0-0': { outcome: 'conditions', conditions: ['M09', '原发性高血压'] },
      '村民0-1': { outcome: 'unreachable', note: '外出务工' },
    });
    await record(otherStaff, district.id.clinics[2], { '村民2-0': { outcome: 'deceased', note: '2027年1月病故' } });
  });
  afterAll(() => t.stop());

  it("gives a clinic its task's persons, IDs masked, results and diseases in their columns", async () => {
    const { disposition, rows, summary } = await ledger(tokens.staff, `?unitId=${district.id.clinics[0]}`);
    expect(disposition).toBe(
      `attachment; filename="____-_1____.xlsx"; filename*=UTF-8''${encodeURIComponent('识别台账-第1村卫生室.xlsx')}`,
    );
    expect(rows).toHaveLength(PERSONS_PER_VILLAGE[0]);
    expect(rows.map((r) => r['序号'])).toEqual(['1', '2', '3']);
    const person = (name: string) => rows.find((r) => r['姓名'] === name)!;
    const idNumber = register.idNumbers[0][0];
    expect(person('村民0-0')).toMatchObject({
      乡镇: '第1镇',
      村: '第1村',
      户主姓名: '户主1',
      性别: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
      身份证号: maskResidentId(idNumber),
      年龄: String(ageOn(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, localDateOf(new Date()))),
      脱贫状态: '未脱贫',
      主要致贫原因: '因病',
      识别结果: '患病',
      大病: '食管癌',
      慢病: '原发性高血压',
      重病: '',
      识别人: '测试staff',
    });
    expect(person('村民0-0')['识别时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(person('村民0-1')).toMatchObject({ 识别结果: '无法联系', 说明: '外出务工', 大病: '', 慢病: '' });
    expect(person('村民0-2')).toMatchObject({ 识别结果: '未识别', 识别人: '', 识别时间: '' });
    expect(person('村民0-0')['身份证号']).toBe(`${idNumber.slice(0, 4)}${'*'.repeat(14)}`);
    // Neither the birth date nor the number's tail: with name, sex and village they would rebuild it.
    expect(JSON.stringify(rows)).not.toContain(idNumber.slice(6, 14));
    expect(JSON.stringify(rows)).not.toContain(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
    expect(JSON.stringify(rows)).not.toContain(idNumber.slice(14));
    // The task's figures are its village's.
    expect(summary).toEqual([
      {
        单位: '第1村',
        层级: '村',
        人数: '3',
        已识别: '2',
        患病: '1',
        未患目录内疾病: '0',
        无法联系: '1',
        已迁出: '0',
        已死亡: '0',
        大病: '1',
        慢病: '1',
        重病: '0',
      },
    ]);
  });

  it('audits every export, masked ones too: who took which unit’s ledger, how many rows', async () => {
    const before = await t.app
      .get(DataSource)
      .getRepository(AuditEvent)
      .countBy({ action: 'campaign.ledger.export', entityId: campaignId });
    await ledger(tokens.staff, `?unitId=${district.id.clinics[0]}`);
    const events = await t.app
      .get(DataSource)
      .getRepository(AuditEvent)
      .find({ where: { action: 'campaign.ledger.export', entityId: campaignId }, order: { id: 'ASC' } });
    expect(events).toHaveLength(before + 1);
    expect(events[events.length - 1]).toMatchObject({
      entityType: 'campaign',
      details: { unitId: district.id.clinics[0], rows: PERSONS_PER_VILLAGE[0], fullIds: false },
    });
  });

  it('rolls a township up over its villages, in village order', async () => {
    const { rows, summary } = await ledger(tokens.manager, `?unitId=${district.id.townships[0]}`);
    expect(rows.map((r) => [r['乡镇'], r['村']])).toEqual([...Array(3).fill(['第1镇', '第1村']), ...Array(2).fill(['第1镇', '第2村'])]);
    expect(summary.map((u) => [u['单位'], u['层级'], u['人数'], u['已识别']])).toEqual([
      ['第1镇', '乡镇', '5', '2'],
      ['第1村', '村', '3', '2'],
      ['第2村', '村', '2', '0'],
    ]);
  });

  it('lists the whole county, its summary summing the townships and agreeing with the progress API', async () => {
    const { rows, summary } = await ledger(tokens.admin);
    expect(rows).toHaveLength(register.total);
    expect(rows.find((r) => r['姓名'] === '村民2-0')).toMatchObject({
      乡镇: '第2镇',
      识别结果: '已死亡',
      说明: '2027年1月病故',
      身份证号: maskResidentId(register.idNumbers[2][0]),
    });
    const county = summary.find((u) => u['层级'] === '县/区')!;
    const townships = summary.filter((u) => u['层级'] === '乡镇');
    expect(townships.map((u) => u['单位'])).toEqual(['第1镇', '第2镇']);
    for (const figure of FIGURES) expect(Number(county[figure])).toBe(townships.reduce((sum, u) => sum + Number(u[figure]), 0));
    expect(county).toMatchObject({ 人数: '8', 已识别: '3', 患病: '1', 无法联系: '1', 已死亡: '1', 大病: '1', 慢病: '1' });

    const progress = await t.http.get(`/api/campaigns/${campaignId}/progress`).set(auth(tokens.admin)).expect(200);
    for (const unit of progress.body.steps[0].units as { unit: { name: string }; persons: number; recorded: number }[]) {
      expect(summary.find((u) => u['单位'] === unit.unit.name)).toMatchObject({
        人数: String(unit.persons),
        已识别: String(unit.recorded),
      });
    }
  });

  it('shows full ID numbers to a manager who asks, auditing the export once without the numbers', async () => {
    const { rows } = await ledger(tokens.manager, `?unitId=${district.id.townships[0]}&fullIds=true`);
    expect(rows.map((r) => r['身份证号']).sort()).toEqual([...register.idNumbers[0], ...register.idNumbers[1]].sort());
    const events = await t.app
      .get(DataSource)
      .getRepository(AuditEvent)
      .findBy({ action: 'campaign.ledger.full_ids', entityId: campaignId });
    expect(events).toHaveLength(1);
    expect(events[0].details).toEqual({ unitId: district.id.townships[0], rows: 5 });
  });

  it('refuses, as JSON, full IDs to staff, other units to staff, and units it cannot place', async () => {
    const refused = await t.http
      .get(`/api/campaigns/${campaignId}/ledger.xlsx?unitId=${district.id.clinics[0]}&fullIds=true`)
      .set(auth(tokens.staff))
      .expect(403);
    expect(refused.headers['content-type']).toContain('application/json');
    expect(refused.body.message).toContain('full ID numbers');
    await t.http.get(`/api/campaigns/${campaignId}/ledger.xlsx?unitId=${district.id.clinics[1]}`).set(auth(tokens.staff)).expect(403);
    await t.http.get(`/api/campaigns/${campaignId}/ledger.xlsx?unitId=${district.id.villages[0]}`).set(auth(tokens.staff)).expect(403);
    await t.http.get(`/api/campaigns/${campaignId}/ledger.xlsx?unitId=${district.id.townships[1]}`).set(auth(tokens.manager)).expect(403);
    const unnamed = await t.http.get(`/api/campaigns/${campaignId}/ledger.xlsx`).set(auth(tokens.staff)).expect(400);
    expect(unnamed.body.message).toContain('unitId is required');
    await t.http.get(`/api/campaigns/${campaignId}/ledger.xlsx?unitId=${district.id.hospital}`).set(auth(tokens.admin)).expect(400);
    await t.http
      .get(`/api/campaigns/${campaignId}/ledger.xlsx?unitId=00000000-0000-4000-8000-000000000000`)
      .set(auth(tokens.admin))
      .expect(404);
    await t.http.get(`/api/campaigns/${campaignId}/ledger.xlsx?fullIds=yes`).set(auth(tokens.admin)).expect(400);
    expect(
      await t.app.get(DataSource).getRepository(AuditEvent).countBy({ action: 'campaign.ledger.full_ids', entityId: campaignId }),
    ).toBe(1);
  });
});
