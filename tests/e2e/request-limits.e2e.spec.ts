import { DataSource } from 'typeorm';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/** A JSON text nested `depth` levels deep: {"a":{"a":…}} */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/**
 * Bodies and fields that once exhausted or broke the server (issue 14, defects 9, 10 and the unit CSV
 * of 11): each is refused with the status and the field it deserves, and nothing is written.
 */
describe('request limits and malformed input', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const count = async (table: string) =>
    (await t.app.get(DataSource).query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const admin = await givenUser(t.app, 'admin', district.id.city);
    adminToken = await t.login(admin.username, admin.password);
  });
  afterAll(() => t.stop());

  describe('body size and depth', () => {
    it('answers 413 naming the limit for a JSON body over 100 KB, sign-in included', async () => {
      const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(200_000) });
      const login = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(big).expect(413);
      expect(login.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(login.body.message).toMatch(/100 ?KB|102400/i);
      const huge = `{"username":"admin","password":"${'x'.repeat(30 * 1024 * 1024)}"}`;
      await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(huge).expect(413);
      const campaign = await t.http
        .post('/api/campaigns')
        .set(auth(adminToken))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(150_000) }))
        .expect(413);
      expect(campaign.body.statusCode).toBe(413);
    });

    it('still takes a unit import larger than 100 KB, the one route that needs it', async () => {
      const units = Array.from({ length: 1500 }, (_, i) => ({
        code: `${district.prefix}-BIG-${i}`,
        name: `大导入测试村${'名'.repeat(20)}${i}`,
        kind: 'village',
        parentCode: district.code.townships[0],
      }));
      const body = JSON.stringify({ units });
      expect(body.length).toBeGreaterThan(100 * 1024);
      await t.http.post('/api/units/import').set(auth(adminToken)).set('Content-Type', 'application/json').send(body).expect(201);
    });

    it('refuses a body nested deeper than 32 levels with 400 before validation, on sign-in and elsewhere', async () => {
      const login = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(nested(5000)).expect(400);
      expect(login.body.message).toMatch(/nest.*32/i);
      const deepField = `{"username":"admin","password":"x","extra":${nested(5000)}}`;
      await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(deepField).expect(400);
      const before = await count('campaigns');
      const campaign = await t.http
        .post('/api/campaigns')
        .set(auth(adminToken))
        .set('Content-Type', 'application/json')
        .send(`{"name":"x","steps":[${nested(5000)}]}`)
        .expect(400);
      expect(campaign.body.message).toMatch(/nest.*32/i);
      await t.http
        .put(`/api/policies/${district.id.city}`)
        .set(auth(adminToken))
        .set('Content-Type', 'application/json')
        .send(nested(33))
        .expect(400);
      expect(await count('campaigns')).toBe(before);
      // 32 levels are fine as far as the parser goes (validation then names the unknown field).
      const ok = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(nested(32)).expect(400);
      expect(ok.body.message).toContain('property a should not exist');
    });
  });

  describe('dates', () => {
    const campaign = (startsOn: string, endsOn = '2027-03-31', dueAt = '2027-03-25') => ({
      name: '日期校验',
      template: 're_identification',
      scopeUnitId: district.id.county,
      startsOn,
      endsOn,
      steps: [{ dueAt, responsibleUnitKind: 'village_clinic' }],
    });

    it('refuses a day that does not exist with 400 naming the field, writing nothing', async () => {
      const before = await count('campaigns');
      const res = await t.http.post('/api/campaigns').set(auth(adminToken)).send(campaign('2027-02-30')).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('startsOn');
      const end = await t.http.post('/api/campaigns').set(auth(adminToken)).send(campaign('2027-03-01', '2027-13-01')).expect(400);
      expect(JSON.stringify(end.body.message)).toContain('endsOn');
      const step = await t.http
        .post('/api/campaigns')
        .set(auth(adminToken))
        .send(campaign('2027-03-01', '2027-03-31', '2027-02-29T10:00:00+08:00'))
        .expect(400);
      expect(JSON.stringify(step.body.message)).toContain('dueAt');
      expect(await count('campaigns')).toBe(before);
    });

    it('refuses impossible days in list filters and other date fields', async () => {
      const dueTo = await t.http.get('/api/tasks/mine?dueTo=2027-02-30').set(auth(adminToken)).expect(400);
      expect(JSON.stringify(dueTo.body.message)).toContain('dueTo');
      const dueFrom = await t.http
        .get(`/api/units/${district.id.county}/tasks?dueFrom=2027-04-31T00:00:00Z`)
        .set(auth(adminToken))
        .expect(400);
      expect(JSON.stringify(dueFrom.body.message)).toContain('dueFrom');
      await t.http.get('/api/tasks/mine?dueTo=2027-02-28').set(auth(adminToken)).expect(200);
      await t.http.get('/api/tasks/mine?dueTo=2027-02-28T23:59:59%2B08:00').set(auth(adminToken)).expect(200);
      const task = await t.http
        .post('/api/tasks')
        .set(auth(adminToken))
        .send({ title: '日期', unitId: district.id.clinics[0], dueAt: '2027-02-30' })
        .expect(400);
      expect(JSON.stringify(task.body.message)).toContain('dueAt');
    });
  });

  describe('fields that must be given, and be strings', () => {
    it('refuses a national calendar without holidays, and a source longer than 500 characters', async () => {
      const missing = await t.http.put('/api/calendars/2091').set(auth(adminToken)).send({ year: 2091, makeUpWorkdays: [] }).expect(400);
      expect(JSON.stringify(missing.body)).toContain('holidays');
      const long = await t.http
        .put('/api/calendars/2091')
        .set(auth(adminToken))
        .send({ year: 2091, holidays: ['2091-01-01'], makeUpWorkdays: [], source: '国'.repeat(501) })
        .expect(400);
      expect(JSON.stringify(long.body)).toContain('source');
      const years = (await t.http.get('/api/calendars').set(auth(adminToken)).expect(200)).body.map((y: { year: number }) => y.year);
      expect(years).not.toContain(2091);
      await t.http
        .put('/api/calendars/2091')
        .set(auth(adminToken))
        .send({ year: 2091, holidays: ['2091-01-01'], makeUpWorkdays: [], source: '国办发明电〔2090〕1号' })
        .expect(200);
    });

    it('refuses numbers as unit codes and names in a JSON import, naming each, writing nothing', async () => {
      const before = await count('units');
      const res = await t.http
        .post('/api/units/import')
        .set(auth(adminToken))
        .send({ units: [{ code: 510812100299, name: 42, kind: 'village', parentCode: district.code.townships[0] }] })
        .expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 1, column: 'code', message: expect.stringContaining('string') }),
          expect.objectContaining({ row: 1, column: 'name', message: expect.stringContaining('string') }),
        ]),
      );
      const parent = await t.http
        .post('/api/units/import')
        .set(auth(adminToken))
        .send({ units: [{ code: `${district.prefix}-N1`, name: '村', kind: 'village', parentCode: 12345 }] })
        .expect(400);
      expect(parent.body.errors).toEqual([expect.objectContaining({ row: 1, column: 'parentCode' })]);
      expect(await count('units')).toBe(before);
    });

    it('refuses a cron that never fires, naming the field, and creates no definition', async () => {
      const before = await count('recurring_task_definitions');
      const res = await t.http
        .post('/api/recurring-tasks')
        .set(auth(adminToken))
        .send({
          title: '永不触发',
          kind: 'monthly_system_update',
          scopeUnitId: district.id.county,
          unitKind: 'health_centre',
          cron: '0 9 31 2 *',
          dueAfterDays: 5,
        })
        .expect(400);
      expect(res.body.message).toContain('cron');
      expect(res.body.message).toMatch(/never|5 years/);
      expect(await count('recurring_task_definitions')).toBe(before);
    });

    it('refuses null for fields that must have a value, naming the field', async () => {
      const policy = { remindersBefore: [], quietHours: { start: '00:00', end: '00:00' }, escalation: [], digestWindow: 'none' };
      const created = await t.http
        .post('/api/policies')
        .set(auth(adminToken))
        .send({ name: `空名测试-${district.prefix}`, policy })
        .expect(201);
      const named = await t.http.put(`/api/policies/${created.body.id}`).set(auth(adminToken)).send({ name: null }).expect(400);
      expect(JSON.stringify(named.body.message)).toContain('name');
      const nulled = await t.http.put(`/api/policies/${created.body.id}`).set(auth(adminToken)).send({ policy: null }).expect(400);
      expect(JSON.stringify(nulled.body.message)).toContain('policy');
      const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
      const res = await t.http.patch(`/api/users/${user.id}`).set(auth(adminToken)).send({ displayName: null }).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('displayName');
      await t.http.patch(`/api/users/${user.id}`).set(auth(adminToken)).send({ active: null }).expect(400);
      await t.http.patch(`/api/users/${user.id}`).set(auth(adminToken)).send({ role: null }).expect(400);
      const task = await t.http
        .post('/api/tasks')
        .set(auth(adminToken))
        .send({ title: '空值', unitId: district.id.clinics[0], dueAt: '2099-01-01', description: null })
        .expect(400);
      expect(JSON.stringify(task.body.message)).toContain('description');
    });
  });

  describe('unit CSV import', () => {
    it('refuses a CSV with a byte that is not UTF-8, naming its line, and stores nothing', async () => {
      const before = await count('units');
      const head = Buffer.from(`code,name,kind,parentCode\n${district.prefix}-U1,好村,village,${district.code.townships[0]}\n`);
      const broken = Buffer.concat([
        head,
        Buffer.from(`${district.prefix}-U2,坏`),
        Buffer.from([0xff]),
        Buffer.from(`村,village,${district.code.townships[0]}\n`),
      ]);
      const res = await t.http.post('/api/units/import/csv').set(auth(adminToken)).set('Content-Type', 'text/csv').send(broken).expect(400);
      expect(res.body.message).toMatch(/UTF-8/);
      expect(res.body.message).toMatch(/line 3/);
      expect(await count('units')).toBe(before);
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code,name,kind\n', 'utf16le')]);
      const wide = await t.http.post('/api/units/import/csv').set(auth(adminToken)).set('Content-Type', 'text/csv').send(utf16).expect(400);
      expect(wide.body.message).toMatch(/UTF-16|UTF-8/);
    });
  });
});
