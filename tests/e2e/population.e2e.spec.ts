import { parse } from 'csv-parse/sync';
import { randomInt } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { CsvEncoding, openTabular } from '../../src/common/tabular-file';
import { generateRegister } from '../../src/demo/register-generator';
import { checkRegisterRow, REGISTER_HEADERS } from '../../src/domain/register-row';
import { ageOn, makeResidentId } from '../../src/domain/resident-id';
import { localDateOf } from '../../src/domain/time-zone';
import { RegisterImport } from '../../src/population/register-import.entity';
import { RegisterImportQueue } from '../../src/population/register-import-queue';
import { RegisterImportService } from '../../src/population/register-import.service';
import { bufferOf, RegisterFileRow, writeRegisterFile } from '../../src/population/register-file';
import { FILE_STORAGE, FileStorage } from '../../src/storage/file-storage';
import { District, givenDistrict, givenRegister, givenUser } from '../support/factories';
import { binaryBody, eventually, startTestApp, TestApp } from '../support/test-app';

const csvOf = (rows: RegisterFileRow[], encoding: CsvEncoding = 'utf-8') =>
  bufferOf((out) => writeRegisterFile(out, rows, 'csv', encoding));
const xlsxOf = (rows: RegisterFileRow[]) => bufferOf((out) => writeRegisterFile(out, rows, 'xlsx'));
const parseCsv = (body: Buffer): string[][] => parse(body.toString('utf8').replace(/^\ufeff/, ''));
/** A small register of its own: household numbers with a prefix, so registers of one district never share a household. */
const registerOf = (villageCodes: string[], households: number, persons: number, prefix: string): RegisterFileRow[] =>
  [...generateRegister({ villageCodes, households, persons, seed: randomInt(1, 2 ** 31) })].map((r) => ({
    ...r,
    户编号: `${prefix}${r.户编号}`,
  }));

const CHUNK_ROWS = 7;

describe('population register (建档立卡贫困人口)', () => {
  let t: TestApp;
  let storageDir: string;
  let district: District;
  let admin: string;
  let manager: string;
  let otherManager: string;
  let clinicStaff: string;
  let centreStaff: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'register-'));
    // Small chunks, so that every file here is checked and written in several steps and households span them.
    t = await startTestApp({ worker: true, env: { STORAGE_DIR: storageDir, REGISTER_IMPORT_CHUNK_ROWS: String(CHUNK_ROWS) } });
    district = await givenDistrict(t.app);
    const users = await Promise.all([
      givenUser(t.app, 'admin', district.id.county),
      givenUser(t.app, 'manager', district.id.townships[0]),
      givenUser(t.app, 'manager', district.id.townships[1]),
      givenUser(t.app, 'staff', district.id.clinics[0]),
      givenUser(t.app, 'staff', district.id.centres[0]),
    ]);
    [admin, manager, otherManager, clinicStaff, centreStaff] = await Promise.all(users.map((u) => t.login(u.username, u.password)));
  });
  afterAll(async () => {
    await t.stop();
    await rm(storageDir, { recursive: true, force: true });
  });

  const upload = (token: string, bytes: Buffer, filename: string) =>
    t.http.post('/api/population/imports').set(auth(token)).attach('file', bytes, filename);

  /** Uploads, then waits for the worker to finish the import. */
  async function imported(token: string, bytes: Buffer, filename: string) {
    const res = await upload(token, bytes, filename).expect(202);
    expect(res.body).toMatchObject({
      status: 'queued',
      fileName: filename,
      rowsProcessed: 0,
      errorCount: 0,
      message: null,
      startedAt: null,
    });
    return eventually(
      async () => {
        const current = await t.http.get(`/api/population/imports/${res.body.id}`).set(auth(token)).expect(200);
        return ['succeeded', 'failed'].includes(current.body.status) ? current.body : undefined;
      },
      30_000,
      `import of ${filename}`,
    );
  }

  const download = (path: string, token: string) => t.http.get(path).set(auth(token)).buffer(true).parse(binaryBody);

  const personsOf = async (token: string, query: string) =>
    (await t.http.get(`/api/population/persons?pageSize=500&${query}`).set(auth(token)).expect(200)).body;
  const updatedAtOf = (ids: string[]) =>
    db().query<{ id_number: string; updated_at: Date }[]>(
      `SELECT id_number, updated_at FROM persons WHERE id_number = ANY($1) ORDER BY id_number`,
      [ids],
    );

  describe('a register imported, imported again and changed', () => {
    let register: RegisterFileRow[];
    /** A member the changed file leaves out. */
    let dropped: RegisterFileRow;
    const ids = () => register.map((r) => r.身份证号);

    beforeAll(() => {
      register = registerOf(district.code.villages, 12, 40, '');
    });

    it('imports a CSV in GB18030 and lists its persons with masked ID numbers', async () => {
      const result = await imported(admin, await csvOf(register, 'gb18030'), '建档立卡.csv');
      expect(result).toMatchObject({
        status: 'succeeded',
        encoding: 'gb18030',
        rowsProcessed: 40,
        householdsCreated: 12,
        householdsUpdated: 0,
        personsCreated: 40,
        personsUpdated: 0,
        personsUnchanged: 0,
        errorCount: 0,
      });
      expect(result).not.toHaveProperty('storedKey');

      const list = await personsOf(admin, `unitId=${district.id.county}`);
      expect(list.total).toBe(40);
      const body = JSON.stringify(list);
      for (const id of ids()) expect(body).not.toContain(id);
      expect(list.items[0].idNumberMasked).toMatch(/^\d{4}\*{14}$/);
      expect(list.items[0]).not.toHaveProperty('birthDate');
      expect(list.items[0]).not.toHaveProperty('idNumber');
      const head = register[0];
      const [person] = (await personsOf(admin, `idNumber=${head.身份证号.toLowerCase()}`)).items;
      expect(person).toMatchObject({
        name: head.姓名,
        householdNumber: head.户编号,
        relationToHead: '户主',
        idNumberMasked: `${head.身份证号.slice(0, 4)}${'*'.repeat(14)}`,
        age: ageOn(head.出生日期, localDateOf(new Date())),
      });
      await t.http.get(`/api/population/persons/${person.id}`).set(auth(admin)).expect(200, person);

      const households = await t.http.get(`/api/population/households?villageId=${district.id.villages[0]}`).set(auth(admin)).expect(200);
      expect(households.body.items.map((h: { householdNumber: string }) => h.householdNumber)).toEqual(
        [...new Set(register.filter((r) => r.村代码 === district.code.villages[0]).map((r) => r.户编号))].sort(),
      );
      const byHead = await t.http
        .get(`/api/population/households?unitId=${district.id.county}&q=${encodeURIComponent(head.户主姓名)}`)
        .set(auth(admin))
        .expect(200);
      expect(byHead.body.items.map((h: { householdNumber: string }) => h.householdNumber)).toContain(head.户编号);
      const sizes = households.body.items.map((h: { personCount: number }) => h.personCount);
      expect(sizes.reduce((a: number, b: number) => a + b, 0)).toBe(register.filter((r) => r.村代码 === district.code.villages[0]).length);
    });

    it('changes nothing when the same rows come again in UTF-8 with BOM', async () => {
      const before = await updatedAtOf(ids());
      const result = await imported(admin, await csvOf(register, 'utf-8'), '建档立卡（再次）.csv');
      expect(result).toMatchObject({
        status: 'succeeded',
        encoding: 'utf-8',
        householdsCreated: 0,
        householdsUpdated: 0,
        personsCreated: 0,
        personsUpdated: 0,
        personsUnchanged: 40,
      });
      expect(await updatedAtOf(ids())).toEqual(before);
    });

    it('updates a changed file in place and keeps the persons it no longer lists', async () => {
      const [left, ...kept] = register.filter((r) => r.与户主关系 !== '户主');
      dropped = left;
      const renamed = kept[0];
      const liftedOut =
        register.find((r) => r.脱贫状态 === '未脱贫' && r !== dropped && r !== renamed) ??
        register.find((r) => r !== dropped && r !== renamed)!;
      const newborn = {
        ...register[0],
        姓名: '新生儿',
        与户主关系: '之孙子',
        身份证号: makeResidentId('510812', '2024-05-01', randomInt(0, 500) * 2 + 1),
        性别: '男',
        出生日期: '2024-05-01',
        已患疾病: '',
      };
      const changed = [
        ...register
          .filter((r) => r !== dropped)
          .map((r) =>
            r === renamed
              ? { ...r, 姓名: `${r.姓名}改` }
              : r === liftedOut
                ? { ...r, 脱贫状态: liftedOut.脱贫状态 === '未脱贫' ? '已脱贫' : '未脱贫' }
                : r,
          ),
        newborn,
      ];
      const result = await imported(admin, await csvOf(changed), '建档立卡（更新）.csv');
      expect(result).toMatchObject({
        status: 'succeeded',
        rowsProcessed: 40,
        householdsCreated: 0,
        householdsUpdated: 0,
        personsCreated: 1,
        personsUpdated: 2,
        personsUnchanged: 37,
      });
      expect((await personsOf(admin, `unitId=${district.id.county}`)).total).toBe(41);
      const [renamedNow] = (await personsOf(admin, `idNumber=${renamed.身份证号}`)).items;
      expect(renamedNow.name).toBe(`${renamed.姓名}改`);
      expect((await personsOf(admin, `idNumber=${dropped.身份证号}`)).total).toBe(1);
    });

    it('moves a household to another village with all its persons, also those the file leaves out', async () => {
      const household = register.filter((r) => r.户编号 === dropped.户编号 && r !== dropped);
      const [target] = district.code.villages.filter((v) => v !== dropped.村代码);
      const result = await imported(admin, await csvOf(household.map((r) => ({ ...r, 村代码: target }))), '迁村.csv');
      expect(result).toMatchObject({ status: 'succeeded', householdsUpdated: 1, personsCreated: 0, personsUpdated: household.length });
      const [left] = (await personsOf(admin, `idNumber=${dropped.身份证号}`)).items;
      expect(left.village.code).toBe(target);
      const members = await personsOf(admin, `householdId=${left.householdId}`);
      expect(members.total).toBeGreaterThan(household.length);
      for (const member of members.items) expect(member.village.code).toBe(target);
    });

    it('moves a household whose rows fall in different chunks, counting each listed member once', async () => {
      const rows = registerOf(district.code.villages.slice(0, 1), 3, 2 * CHUNK_ROWS, 'M');
      expect((await imported(admin, await csvOf(rows), '分块.csv')).status).toBe('succeeded');
      const largest = [...new Set(rows.map((r) => r.户编号))]
        .map((number) => rows.filter((r) => r.户编号 === number))
        .sort((a, b) => b.length - a.length)[0];
      const [first, ...rest] = largest;
      const leftOut = rest.pop()!;
      const target = district.code.villages[1];
      const others = rows.filter((r) => r.户编号 !== first.户编号);
      // The household's first row opens the first chunk, its other listed rows close the last one.
      const moved = [first, ...others, ...rest].map((r) => (r.户编号 === first.户编号 ? { ...r, 村代码: target } : r));
      const result = await imported(admin, await csvOf(moved), '分块迁村.csv');
      expect(result).toMatchObject({
        status: 'succeeded',
        householdsUpdated: 1,
        personsCreated: 0,
        personsUpdated: largest.length - 1,
        personsUnchanged: others.length,
      });
      const members = await personsOf(admin, `idNumber=${leftOut.身份证号}`);
      expect(members.items[0].village.code).toBe(target);
    });

    it('imports an XLSX file', async () => {
      const rows = registerOf(district.code.villages.slice(0, 2), 5, 15, 'X');
      const result = await imported(manager, await xlsxOf(rows), '户籍信息.xlsx');
      expect(result).toMatchObject({ status: 'succeeded', format: 'xlsx', encoding: null, householdsCreated: 5, personsCreated: 15 });
      const [person] = (await personsOf(manager, `idNumber=${rows[3].身份证号}`)).items;
      expect(person).toMatchObject({ name: rows[3].姓名, householdNumber: rows[3].户编号, familyDoctor: rows[3].签约家庭医生 });
    });

    it('lets staff read the persons of the area their unit serves, and nothing else', async () => {
      const [village1, village2] = district.id.villages;
      const clinic = await personsOf(clinicStaff, '');
      expect(clinic.total).toBeGreaterThan(0);
      expect(new Set(clinic.items.map((p: { village: { id: string } }) => p.village.id))).toEqual(new Set([village1]));
      const centre = await personsOf(centreStaff, '');
      expect(new Set(centre.items.map((p: { village: { id: string } }) => p.village.id))).toEqual(new Set([village1, village2]));
      await t.http.get(`/api/population/persons?unitId=${village2}`).set(auth(clinicStaff)).expect(403);
      const other = centre.items.find((p: { village: { id: string } }) => p.village.id === village2);
      await t.http.get(`/api/population/persons/${other.id}`).set(auth(clinicStaff)).expect(403);
      await t.http.get(`/api/population/households?unitId=${district.id.townships[1]}`).set(auth(manager)).expect(403);
    });

    it('gives a manager the full ID number, audited without it; staff and other areas get 403', async () => {
      const head = register[0];
      const [person] = (await personsOf(manager, `idNumber=${head.身份证号}`)).items;
      const res = await t.http.get(`/api/population/persons/${person.id}/id-number`).set(auth(manager)).expect(200);
      expect(res.body).toEqual({ id: person.id, idNumber: head.身份证号 });
      expect(res.headers['cache-control']).toBe('no-store');
      const audits = await db().getRepository(AuditEvent).findBy({ action: 'person.id_number.read', entityId: person.id });
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ entityType: 'person', details: { villageUnitId: person.village.id } });
      expect(JSON.stringify(audits[0])).not.toContain(head.身份证号);

      await t.http.get(`/api/population/persons/${person.id}/id-number`).set(auth(clinicStaff)).expect(403);
      await t.http.get(`/api/population/persons/${person.id}/id-number`).set(auth(otherManager)).expect(403);
      await t.http.get(`/api/population/persons/${person.id}`).set(auth(otherManager)).expect(403);
      expect(await db().getRepository(AuditEvent).countBy({ action: 'person.id_number.read', entityId: person.id })).toBe(1);
    });
  });

  describe('searching by ID number (an exact-match oracle)', () => {
    let rows: RegisterFileRow[];
    beforeAll(async () => {
      rows = registerOf([district.code.villages[0]], 2, 4, 'O');
      expect((await imported(admin, await csvOf(rows), '查找.csv')).status).toBe('succeeded');
    });
    const search = (token: string, query: string) => t.http.get(`/api/population/persons?${query}`).set(auth(token));
    const searchAudits = (userId: string) =>
      db()
        .getRepository(AuditEvent)
        .find({ where: { action: 'person.search', actorUserId: userId }, order: { id: 'ASC' } });

    it('refuses staff, who still search by name', async () => {
      const refused = await search(clinicStaff, `idNumber=${rows[0].身份证号}`).expect(403);
      expect(refused.body.message).toContain('身份证号');
      expect(JSON.stringify(refused.body)).not.toContain(rows[0].身份证号);
      const byName = await search(clinicStaff, `q=${encodeURIComponent(rows[0].姓名)}`).expect(200);
      expect(byName.body.total).toBeGreaterThan(0);
      // Searches by name are audited too, the name as a keyed digest only.
      const households = await t.http
        .get(`/api/population/households?q=${encodeURIComponent(rows[0].户主姓名)}`)
        .set(auth(clinicStaff))
        .expect(200);
      const me = (await t.http.get('/api/auth/me').set(auth(clinicStaff)).expect(200)).body as { id: string };
      const audits = await db()
        .getRepository(AuditEvent)
        .find({
          where: [
            { action: 'person.search', actorUserId: me.id },
            { action: 'household.search', actorUserId: me.id },
          ],
          order: { id: 'DESC' },
          take: 2,
        });
      expect(audits.map((e) => [e.action, e.details])).toEqual([
        ['household.search', { nameDigest: expect.stringMatching(/^hmac-sha256:/), matched: households.body.total }],
        ['person.search', { nameDigest: expect.stringMatching(/^hmac-sha256:/), matched: byName.body.total }],
      ]);
      expect(JSON.stringify(audits)).not.toContain(rows[0].姓名);
      expect(JSON.stringify(audits)).not.toContain(rows[0].户主姓名);
    });

    it('lets a manager search within the scope and audits each search without the number', async () => {
      const searcher = await givenUser(t.app, 'manager', district.id.townships[0]);
      const token = await t.login(searcher.username, searcher.password);
      const found = await search(token, `idNumber=${rows[1].身份证号}`).expect(200);
      expect(found.body.total).toBe(1);
      const outsider = await givenUser(t.app, 'manager', district.id.townships[1]);
      const outsiderToken = await t.login(outsider.username, outsider.password);
      expect((await search(outsiderToken, `idNumber=${rows[1].身份证号}`).expect(200)).body.total).toBe(0);

      const [audit] = await searchAudits(searcher.id);
      expect(audit).toMatchObject({
        entityType: 'person',
        details: {
          idNumberMasked: `${rows[1].身份证号.slice(0, 4)}${'*'.repeat(14)}`,
          idNumberDigest: expect.stringMatching(/^hmac-sha256:[0-9a-f]{64}$/),
          matched: 1,
        },
      });
      expect(Date.now() - audit.at.getTime()).toBeLessThan(60_000);
      expect(JSON.stringify(audit)).not.toContain(rows[1].身份证号);
      expect(JSON.stringify(audit)).not.toContain(rows[1].身份证号.slice(4));
      // The same number searched by someone else has the same digest, so an investigation can find every search for it.
      const [other] = await searchAudits(outsider.id);
      expect(other.details).toMatchObject({ idNumberDigest: audit.details.idNumberDigest, matched: 0 });
    });

    it('throttles each user: 30 searches per 10 minutes, then 429 with Retry-After', async () => {
      const searcher = await givenUser(t.app, 'admin', district.id.county);
      const token = await t.login(searcher.username, searcher.password);
      for (let i = 0; i < 30; i++) await search(token, `idNumber=${rows[i % rows.length].身份证号}`).expect(200);
      const refused = await search(token, `idNumber=${rows[0].身份证号}`).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(600);
      expect(refused.body.message).toContain('查找');
      // Other users and other lists are not held back.
      await search(admin, `idNumber=${rows[0].身份证号}`).expect(200);
      await search(token, `unitId=${district.id.county}`).expect(200);
      expect(await searchAudits(searcher.id)).toHaveLength(30);
    });
  });

  it('audits the upload and, with the register change in its transaction, the import', async () => {
    const rows = registerOf([district.code.villages[0]], 1, 2, 'A');
    const result = await imported(manager, await csvOf(rows), '审计.csv');
    const events = await db()
      .getRepository(AuditEvent)
      .find({ where: { entityType: 'register_import', entityId: result.id }, order: { id: 'ASC' } });
    expect(events.map((e) => e.action)).toEqual(['register_import.create', 'register_import.apply']);
    expect(events[0].details).toMatchObject({ fileName: '审计.csv', format: 'csv' });
    expect(events[1].details).toMatchObject({ rows: 2, personsCreated: 2, householdsCreated: 1 });
    expect(events[1].actorUserId).toBe(events[0].actorUserId);
    expect(JSON.stringify(events)).not.toContain(rows[0].身份证号);
  });

  it('refuses a file with every kind of bad row, writes nothing, and reports each row, column and reason', async () => {
    const [v1, v2, v3] = district.code.villages;
    const good = registerOf([v1, v2], 4, 12, 'B');
    // One person registered in the manager's village, one in a village of the other township.
    const { idNumbers } = await givenRegister(t.app, [district.id.villages[0], district.id.villages[2]], [1, 1]);
    const registered = idNumbers[0][0];
    const registeredOutside = idNumbers[1][0];
    const householdOf = async (idNumber: string): Promise<string> =>
      (
        await db().query(`SELECT h.household_number FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id_number = $1`, [
          idNumber,
        ])
      )[0].household_number;
    const householdInside = await householdOf(registered);
    const householdOutside = await householdOf(registeredOutside);
    const base = good[0];
    const another = (sequence: number, cells: RegisterFileRow = {}): RegisterFileRow => ({
      ...base,
      身份证号: makeResidentId('510812', '1980-06-15', sequence),
      出生日期: '1980-06-15',
      性别: sequence % 2 ? '男' : '女',
      与户主关系: '之子',
      ...cells,
    });
    const flip = (id: string) => `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
    const bad: [RegisterFileRow, string, string][] = [
      [another(101, { 身份证号: flip(makeResidentId('510812', '1980-06-15', 101)) }), '身份证号', '校验位错误'],
      [another(103, { 出生日期: '1980-06-16' }), '出生日期', '不符'],
      [another(105, { 性别: '女' }), '性别', '不符'],
      [another(107, { 村代码: `${district.prefix}NOPE`, 户编号: 'B-NEW-1' }), '村代码', '不存在'],
      [another(109, { 村代码: v3, 户编号: 'B-NEW-2' }), '村代码', '不在您的管辖范围内'],
      [another(111, { 身份证号: good[1].身份证号, 性别: good[1].性别, 出生日期: good[1].出生日期 }), '身份证号', `与第3行的身份证号重复`],
      // A household of the importer's own area is named, so the clerk can fix the row; one outside it is not.
      [
        another(0, { 身份证号: registered, 性别: '', 出生日期: '', 户编号: 'B-NEW-3' }),
        '身份证号',
        `该身份证号已登记在户 ${householdInside}`,
      ],
      [another(113, { 姓名: '' }), '姓名', '不能为空'],
      [another(115, { 脱贫状态: '脱贫' }), '脱贫状态', '应为“未脱贫”或“已脱贫”'],
      [another(117, { 村代码: base.村代码 === v1 ? v2 : v1 }), '村代码', '同一户编号在第2行的村代码为'],
      [another(119, { 户编号: householdOutside, 村代码: v1 }), '户编号', '已登记在您管辖范围以外的村'],
      [another(0, { 身份证号: registeredOutside, 性别: '', 出生日期: '', 户编号: 'B-NEW-4' }), '身份证号', '该身份证号已在其他户登记'],
    ];
    const rows = [...good, ...bad.map(([row]) => row)];
    const personsBefore = (await db().query(`SELECT count(*)::int AS n FROM persons`))[0].n;

    const result = await imported(manager, await csvOf(rows), '有错误的名单.csv');
    expect(result).toMatchObject({
      status: 'failed',
      errorCount: bad.length,
      personsCreated: 0,
      householdsCreated: 0,
      rowsProcessed: rows.length,
    });
    expect(result.message).toBe(`${bad.length} error(s) in the file; nothing was written`);
    expect((await db().query(`SELECT count(*)::int AS n FROM households WHERE household_number LIKE 'B%'`))[0].n).toBe(0);
    expect((await db().query(`SELECT count(*)::int AS n FROM persons`))[0].n).toBe(personsBefore);

    const report = await download(`/api/population/imports/${result.id}/errors.csv`, manager).expect(200);
    expect(report.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(report.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...lines] = parseCsv(report.body);
    expect(header).toEqual(['行号', '列', '原因']);
    expect(lines).toHaveLength(bad.length);
    bad.forEach(([, column, reason], i) => {
      expect(lines[i]).toEqual([String(good.length + 2 + i), column, expect.stringContaining(reason)]);
    });
    // The report names no household outside the importer's scope, and no ID number.
    const outsideRow = lines[bad.length - 1];
    expect(outsideRow[2]).toBe('该身份证号已在其他户登记，不能由本次导入改为其他户');
    expect(outsideRow.join(',')).not.toContain(householdOutside);
    expect(report.body.toString('utf8')).not.toContain(registeredOutside);
  });

  it('names a household registered outside the scope once, though its rows fall in different chunks', async () => {
    const { idNumbers } = await givenRegister(t.app, [district.id.villages[2]], [1]);
    const [{ household_number: householdOutside }] = await db().query(
      `SELECT h.household_number FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id_number = $1`,
      [idNumbers[0][0]],
    );
    const good = registerOf([district.code.villages[0]], 4, 2 * CHUNK_ROWS, 'S');
    const intruder = (at: number, sequence: number): RegisterFileRow => ({
      ...good[at],
      户编号: householdOutside,
      身份证号: makeResidentId('510812', '1980-06-15', sequence),
      出生日期: '1980-06-15',
      性别: '男',
      与户主关系: '之子',
    });
    const rows = [intruder(0, 201), ...good, intruder(0, 203)];
    const result = await imported(manager, await csvOf(rows), '跨块的户.csv');
    expect(result).toMatchObject({ status: 'failed', errorCount: 1, rowsProcessed: rows.length });
    const [, ...lines] = parseCsv((await download(`/api/population/imports/${result.id}/errors.csv`, manager).expect(200)).body);
    expect(lines).toEqual([['2', '户编号', expect.stringContaining('已登记在您管辖范围以外的村')]]);
    expect((await db().query(`SELECT count(*)::int AS n FROM households WHERE household_number LIKE 'S%'`))[0].n).toBe(0);
  });

  it('refuses bad uploads with 400 naming the problem, keeping no file', async () => {
    const rows = [...generateRegister({ villageCodes: district.code.villages, households: 4, persons: 4, seed: 7 })];
    const noFile = await t.http.post('/api/population/imports').set(auth(admin)).field('note', 'x').expect(400);
    expect(noFile.body.message).toContain('file is required');
    const wrongType = await upload(admin, await csvOf(rows), '名单.txt').expect(400);
    expect(wrongType.body.message).toBe('file must be .csv or .xlsx, not 名单.txt');
    const lacking = Buffer.from(`户编号,村代码,户主姓名,姓名\r\nH1,${district.code.villages[0]},张三,张三\r\n`);
    const missing = await upload(admin, lacking, '缺列.csv').expect(400);
    expect(missing.body.message).toBe('file lacks the column(s) 身份证号, 脱贫状态 in its header row (read as UTF-8)');
    const notXlsx = await upload(admin, await csvOf(rows), '伪装.xlsx').expect(400);
    expect(notXlsx.body.message).toMatch(/^file cannot be read as XLSX/);
    await upload(clinicStaff, await csvOf(rows), '名单.csv').expect(403);

    const files = await readdir(storageDir, { recursive: true, withFileTypes: true });
    expect(files.filter((f) => f.isFile()).map((f) => f.name)).toEqual([]);
  });

  it('shows an import only within the importer’s scope', async () => {
    const rows = registerOf([district.code.villages[1]], 1, 2, 'S');
    const result = await imported(manager, await csvOf(rows), '范围.csv');
    await t.http.get(`/api/population/imports/${result.id}`).set(auth(admin)).expect(200);
    await t.http.get(`/api/population/imports/${result.id}`).set(auth(otherManager)).expect(403);
    await t.http.get(`/api/population/imports/${result.id}/errors.csv`).set(auth(otherManager)).expect(403);
    await t.http.get(`/api/population/imports/${result.id}`).set(auth(centreStaff)).expect(403);
  });

  it('offers the template as CSV and XLSX: every column and a valid example row', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await download(`/api/population/imports/template.${format}`, clinicStaff).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="register-template.${format}"`);
      const file = await openTabular(Readable.from([res.body]), format);
      expect(file.headers).toEqual(REGISTER_HEADERS);
      const rows = [];
      for await (const { values } of file.rows) rows.push(values);
      expect(rows).toHaveLength(1);
      expect(checkRegisterRow(rows[0], '2026-06-30')).toMatchObject({ ok: true });
    }
  });

  describe('the queue', () => {
    const queue = () => t.app.get(RegisterImportQueue);
    const imports = () => db().getRepository(RegisterImport);

    it('does nothing when a finished import is enqueued again', async () => {
      const rows = registerOf([district.code.villages[0]], 1, 3, 'Q');
      const result = await imported(manager, await csvOf(rows), '重复入队.csv');
      const before = await imports().findOneByOrFail({ id: result.id });
      await queue().enqueue(result.id);
      await queue().enqueue(result.id);
      await eventually(async () => ((await queue().job(result.id)) ? undefined : true), 20_000, 'the duplicate job to finish');
      expect(await imports().findOneByOrFail({ id: result.id })).toEqual(before);
    });

    it('enqueues again an import whose job Redis lost', async () => {
      const rows = registerOf([district.code.villages[0]], 1, 2, 'L');
      const storedKey = `register-imports/lost-${randomInt(1, 2 ** 31)}.csv`;
      await t.app.get<FileStorage>(FILE_STORAGE).put(storedKey, await csvOf(rows));
      const [{ id: managerId }] = await db().query(`SELECT id FROM users WHERE unit_id = $1 AND role = 'manager'`, [
        district.id.townships[0],
      ]);
      // Committed, but its job never reached Redis.
      const lost = await imports().save({
        fileName: '丢失.csv',
        format: 'csv',
        storedKey,
        createdByUserId: managerId,
        createdAt: new Date(Date.now() - 60_000),
      });
      expect(await t.app.get(RegisterImportService).requeueStale(30_000)).toBeGreaterThanOrEqual(1);
      const done = await eventually(async () => {
        const current = await imports().findOneByOrFail({ id: lost.id });
        return current.status === 'succeeded' ? current : undefined;
      });
      expect(done).toMatchObject({ personsCreated: 2, householdsCreated: 1 });
    });
  });
});
