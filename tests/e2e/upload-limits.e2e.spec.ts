import { randomInt } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { generateRegister } from '../../src/demo/register-generator';
import { bufferOf, RegisterFileRow, writeRegisterFile } from '../../src/population/register-file';
import { Task } from '../../src/tasks/task.entity';
import { craftedXlsx, sharedStringsBomb } from '../support/crafted-xlsx';
import { District, givenDistrict, givenReIdentificationCampaign, givenRegister, givenUser, Register } from '../support/factories';
import { binaryBody, eventually, startTestApp, TestApp } from '../support/test-app';

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');
const EVIDENCE_MAX_BYTES = 256 * 1024;

/**
 * Uploads built to exhaust or corrupt (issue 14, defects 6, 7, 8, 11 and 23): access is checked before
 * the body is read, zip bombs and oversized error lists are cut off, damaged text is refused naming
 * its row, and nothing is written.
 */
describe('hostile uploads', () => {
  let t: TestApp;
  let storageDir: string;
  let district: District;
  let register: Register;
  let adminToken: string;
  let staffToken: string;
  let otherStaffToken: string;
  let campaignId: string;
  let bomb: Buffer;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const count = async (sql: string, params: unknown[] = []) =>
    (await db().query<{ n: number }[]>(`SELECT count(*)::int AS n ${sql}`, params))[0].n;
  const taskOf = (unitId: string) => db().getRepository(Task).findOneByOrFail({ campaignId, unitId, kind: 're_identification' });
  const recorded = (taskId: string) => count(`FROM re_identification_items WHERE task_id = $1 AND outcome IS NOT NULL`, [taskId]);

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'uploads-'));
    t = await startTestApp({ worker: true, env: { STORAGE_DIR: storageDir, EVIDENCE_MAX_BYTES: String(EVIDENCE_MAX_BYTES) } });
    district = await givenDistrict(t.app);
    register = await givenRegister(t.app, district.id.villages, [4, 3, 2, 2]);
    const admin = await givenUser(t.app, 'admin', district.id.county);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const otherStaff = await givenUser(t.app, 'staff', district.id.clinics[1]);
    [adminToken, staffToken, otherStaffToken] = await Promise.all([admin, staff, otherStaff].map((u) => t.login(u.username, u.password)));
    campaignId = (await givenReIdentificationCampaign(t, adminToken, district.id.county, { name: '上传限制', launch: true })).id;
    bomb = await sharedStringsBomb(['身份证号', '识别结果', '户编号'], 1_000_000, 300);
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await rm(storageDir, { recursive: true, force: true });
  });

  describe('results upload', () => {
    const upload = (taskId: string, token: string, bytes: Buffer, name: string) =>
      t.http.post(`/api/tasks/${taskId}/items/results`).set(auth(token)).attach('file', bytes, name);

    it('checks the task before it reads the file', async () => {
      const task = await taskOf(district.id.clinics[0]);
      // Another village's staff: refused for who they are, whatever the file holds.
      const res = await upload(task.id, otherStaffToken, Buffer.from('not,the,columns\n1,2,3\n'), 'results.csv').expect(403);
      expect(res.body.message).toMatch(/outside|staff|scope/i);
      await upload(task.id, otherStaffToken, bomb, 'results.xlsx').expect(403);
    });

    it('refuses a zip bomb with 413 naming the limit, recording nothing', async () => {
      const task = await taskOf(district.id.clinics[0]);
      const res = await upload(task.id, staffToken, bomb, 'results.xlsx').expect(413);
      expect(res.body.message).toMatch(/XLSX_MAX_SHARED_STRING_BYTES/);
      expect(await recorded(task.id)).toBe(0);
    }, 60_000);

    it('lists the first 1,000 row errors with the true count', async () => {
      const task = await taskOf(district.id.clinics[0]);
      const rows = Array.from({ length: 1500 }, () => [register.idNumbers[0][0], '不知道', '', '']);
      const res = await upload(
        task.id,
        staffToken,
        Buffer.from(csv([['身份证号', '识别结果', '疾病', '说明'], ...rows])),
        'results.csv',
      ).expect(400);
      expect(res.body.errors).toHaveLength(1000);
      expect(res.body.errorCount).toBeGreaterThanOrEqual(1500);
      expect(res.body.message).toMatch(/only the first 1,000 are listed/);
      expect(await recorded(task.id)).toBe(0);
    });

    it('says a number with a wrong check digit is invalid, not that it is not on the list', async () => {
      const task = await taskOf(district.id.clinics[0]);
      const good = register.idNumbers[0][0];
      const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      const res = await upload(
        task.id,
        staffToken,
        Buffer.from(
          csv([
            ['身份证号', '识别结果', '疾病', '说明'],
            [wrongCheck, '未患目录内疾病', '', ''],
          ]),
        ),
        'r.csv',
      ).expect(400);
      expect(res.body.errors).toEqual([{ row: 2, column: '身份证号', message: '身份证号校验位错误' }]);
    });

    it('refuses damaged text naming the row: a broken byte past 64 KiB, a formula without its value', async () => {
      const task = await taskOf(district.id.clinics[0]);
      const [p0, p1] = register.idNumbers[0];
      const filler = Array.from({ length: 3000 }, () => `${p0},未患目录内疾病,,${'说明'.repeat(5)}`).join('\r\n');
      const broken = Buffer.concat([
        Buffer.from(`身份证号,识别结果,疾病,说明\r\n${filler}\r\n${p1},未患目录内疾病,,坏`),
        Buffer.from([0xff]),
        Buffer.from('字\r\n'),
      ]);
      expect(broken.length).toBeGreaterThan(64 * 1024);
      const res = await upload(task.id, staffToken, broken, 'results.csv').expect(400);
      expect(JSON.stringify(res.body)).toMatch(/row 3002: a byte that is not valid UTF-8/);
      const formula = await craftedXlsx([
        ['身份证号', '识别结果'],
        [p0, { formula: 'B1' }],
      ]);
      const refused = await upload(task.id, staffToken, formula, 'results.xlsx').expect(400);
      expect(JSON.stringify(refused.body)).toContain('cell B2 (row 2): is a formula without a saved value');
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      const image = await upload(task.id, staffToken, png, 'results.csv').expect(400);
      expect(image.body.message).toMatch(/PNG image/);
      expect(await recorded(task.id)).toBe(0);
    });

    it('searches items by name with % and _ taken literally', async () => {
      const task = await taskOf(district.id.clinics[0]);
      const all = await t.http
        .get(`/api/tasks/${task.id}/items?q=${encodeURIComponent('村民')}`)
        .set(auth(staffToken))
        .expect(200);
      expect(all.body.total).toBe(4);
      for (const q of ['%', '_', '村民%', '%0-_'])
        expect(
          (
            await t.http
              .get(`/api/tasks/${task.id}/items?q=${encodeURIComponent(q)}`)
              .set(auth(staffToken))
              .expect(200)
          ).body.total,
        ).toBe(0);
    });
  });

  describe('data comparison', () => {
    const compare = (bytes: Buffer, name: string) =>
      t.http
        .post(`/api/campaigns/${campaignId}/comparisons`)
        .set(auth(adminToken))
        .field('dueAt', '2099-04-10')
        .attach('file', bytes, name);
    const runs = () => count(`FROM comparison_runs WHERE campaign_id = $1`, [campaignId]);

    it('lists the first 1,000 row errors with the true count, comparing nothing', async () => {
      const rows = Array.from({ length: 1200 }, (_, i) => [`5108${String(i).padStart(14, '0')}`, '', '因病', '']);
      const res = await compare(Buffer.from(csv([['身份证号', '户编号', '主要致贫原因', '次要致贫原因'], ...rows])), 'list.csv').expect(
        400,
      );
      expect(res.body.errors).toHaveLength(1000);
      expect(res.body.errorCount).toBe(1200);
      expect(res.body.message).toMatch(/only the first 1,000 are listed/);
      expect(await runs()).toBe(0);
    });

    it('refuses a file name over 255 characters at once, naming it', async () => {
      const list = csv([
        ['身份证号', '户编号', '主要致贫原因', '次要致贫原因'],
        [register.idNumbers[0][0], '', '因病', ''],
      ]);
      const res = await compare(Buffer.from(list), `${'扶贫名单'.repeat(70)}.csv`).expect(400);
      expect(res.body.message).toMatch(/file name .*255/);
      expect(await runs()).toBe(0);
    });

    it('refuses a zip bomb with 413 naming the limit', async () => {
      const res = await compare(bomb, 'list.xlsx').expect(413);
      expect(res.body.message).toMatch(/XLSX_MAX_SHARED_STRING_BYTES/);
      expect(await runs()).toBe(0);
    }, 60_000);
  });

  describe('register import', () => {
    const registerOf = (households: number, persons: number): RegisterFileRow[] =>
      [...generateRegister({ villageCodes: district.code.villages, households, persons, seed: randomInt(1, 2 ** 31) })].map((r) => ({
        ...r,
        户编号: `${district.prefix}${r.户编号}`,
      }));
    const upload = (bytes: Buffer, name: string) =>
      t.http.post('/api/population/imports').set(auth(adminToken)).attach('file', bytes, name);
    const persons = () => count(`FROM persons`);
    async function finished(id: string) {
      return eventually(
        async () => {
          const res = await t.http.get(`/api/population/imports/${id}`).set(auth(adminToken)).expect(200);
          return ['succeeded', 'failed'].includes(res.body.status) ? res.body : undefined;
        },
        30_000,
        'import',
      );
    }
    const reportOf = async (id: string) =>
      (
        await t.http.get(`/api/population/imports/${id}/errors.csv`).set(auth(adminToken)).buffer(true).parse(binaryBody).expect(200)
      ).body.toString();

    it('fails whole, naming the row, on a broken byte after the first 64 KiB', async () => {
      const file = await bufferOf((out) => writeRegisterFile(out, registerOf(200, 700), 'csv'));
      expect(file.length).toBeGreaterThan(80 * 1024);
      // The start of file row 600 (599 line breaks in) gets a byte that is not UTF-8.
      let at = -1;
      for (let line = 0; line < 599; line++) at = file.indexOf(0x0a, at + 1);
      const broken = Buffer.concat([file.subarray(0, at + 1), Buffer.from([0xff]), file.subarray(at + 1)]);
      const before = await persons();
      const queued = await upload(broken, 'register.csv').expect(202);
      const result = await finished(queued.body.id);
      expect(result.status).toBe('failed');
      const report = await reportOf(queued.body.id);
      expect(report).toMatch(/600,.*UTF-8/);
      expect(await persons()).toBe(before);
    });

    it('fails whole, naming the cell, on a formula without its value', async () => {
      const [first, second] = registerOf(4, 4);
      const headers = Object.keys(first);
      const file = await craftedXlsx([
        headers,
        headers.map((h) => first[h]),
        headers.map((h) => (h === '姓名' ? { formula: 'A2' } : second[h])),
      ]);
      const before = await persons();
      const queued = await upload(file, 'register.xlsx').expect(202);
      expect((await finished(queued.body.id)).status).toBe('failed');
      expect(await reportOf(queued.body.id)).toMatch(/3,.*formula without a saved value/);
      expect(await persons()).toBe(before);
    });

    it('names the encoding of a file it cannot read, not missing columns', async () => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      expect((await upload(png, 'register.csv').expect(400)).body.message).toMatch(/PNG image/);
      const text = (await bufferOf((out) => writeRegisterFile(out, registerOf(4, 4), 'csv'))).toString('utf8').replace(/^\ufeff/, '');
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      expect((await upload(utf16, 'register.csv').expect(400)).body.message).toMatch(/UTF-16/);
      const utf8 = Buffer.from(text);
      const damaged = Buffer.concat([utf8.subarray(0, 4), Buffer.from([0xff]), utf8.subarray(5)]);
      const res = await upload(damaged, 'register.csv').expect(400);
      expect(res.body.message).toMatch(/UTF-8/);
      expect(res.body.message).not.toMatch(/lacks/);
    });

    it('refuses a zip bomb with 413 at upload, naming the limit', async () => {
      const res = await upload(bomb, 'register.xlsx').expect(413);
      expect(res.body.message).toMatch(/XLSX_MAX_SHARED_STRING_BYTES/);
    }, 60_000);
  });

  describe('evidence', () => {
    it('checks the task before it reads the body: an outsider gets 403, not 413', async () => {
      const task = await taskOf(district.id.clinics[0]);
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(EVIDENCE_MAX_BYTES * 2, 0x20)]);
      await t.http
        .post(`/api/tasks/${task.id}/evidence/files`)
        .set(auth(otherStaffToken))
        .attach('file', big, { filename: 'a.pdf', contentType: 'application/pdf' })
        .expect(403);
      await t.http
        .post(`/api/tasks/${task.id}/evidence/files`)
        .set(auth(staffToken))
        .attach('file', big, { filename: 'a.pdf', contentType: 'application/pdf' })
        .expect(413);
    });

    it('streams a file to storage and back, leaving nothing in the upload folder', async () => {
      const task = await taskOf(district.id.clinics[0]);
      const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(EVIDENCE_MAX_BYTES - 100, 0x41)]);
      const res = await t.http
        .post(`/api/tasks/${task.id}/evidence/files`)
        .set(auth(staffToken))
        .attach('file', data, { filename: '签字表.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(res.body.sizeBytes).toBe(data.length);
      const file = await t.http
        .get(`/api/tasks/${task.id}/evidence/${res.body.id}/file`)
        .set(auth(staffToken))
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(file.headers['content-length']).toBe(String(data.length));
      expect(Buffer.compare(file.body as Buffer, data)).toBe(0);
      const left = await readdir(join(storageDir, '.uploads')).catch(() => []);
      expect(left).toEqual([]);
    });
  });
});
