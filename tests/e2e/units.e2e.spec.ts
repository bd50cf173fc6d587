import { DataSource } from 'typeorm';
import { Unit } from '../../src/units/unit.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('units API', () => {
  let t: TestApp;
  let district: District;
  let admin: string;
  let manager: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    district = await givenDistrict(t.app);
    const a = await givenUser(t.app, 'admin', district.id.county);
    const m = await givenUser(t.app, 'manager', district.id.townships[0]);
    const s = await givenUser(t.app, 'staff', district.id.clinics[0]);
    [admin, manager, staff] = await Promise.all([
      t.login(a.username, a.password),
      t.login(m.username, m.password),
      t.login(s.username, s.password),
    ]);
  });
  afterAll(() => t.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const unitCount = () => t.app.get(DataSource).getRepository(Unit).count();

  it('requires a Bearer token', async () => {
    const res = await t.http.get('/api/units');
    expect(res.status).toBe(401);
  });

  it('lists for staff only their own unit', async () => {
    const res = await t.http.get('/api/units').set(auth(staff)).expect(200);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([district.id.clinics[0]]);
    expect(res.body.total).toBe(1);
  });

  it('refuses staff another village unit with 403', async () => {
    await t.http.get(`/api/units/${district.id.clinics[1]}`).set(auth(staff)).expect(403);
    await t.http.get(`/api/units/${district.id.villages[1]}`).set(auth(staff)).expect(403);
    await t.http.get(`/api/units/${district.id.clinics[0]}`).set(auth(staff)).expect(200);
  });

  it('lists for a manager the subtree of their township, never the other township', async () => {
    const res = await t.http.get('/api/units?pageSize=100').set(auth(manager)).expect(200);
    const codes: string[] = res.body.items.map((u: { code: string }) => u.code);
    expect(codes.sort()).toEqual(
      [
        district.code.townships[0],
        district.code.centres[0],
        ...district.code.villages.slice(0, 2),
        ...district.code.clinics.slice(0, 2),
      ].sort(),
    );
    await t.http.get(`/api/units/${district.id.townships[1]}`).set(auth(manager)).expect(403);
  });

  it('filters by kind and text', async () => {
    const res = await t.http.get(`/api/units?kind=village&q=${district.prefix}T2`).set(auth(admin)).expect(200);
    expect(res.body.items.map((u: { code: string }) => u.code).sort()).toEqual(district.code.villages.slice(2));
  });

  it('returns a subtree parents first, limited by depth', async () => {
    const res = await t.http.get(`/api/units/${district.id.townships[0]}/subtree`).set(auth(admin)).expect(200);
    expect(res.body).toHaveLength(6);
    expect(res.body[0].id).toBe(district.id.townships[0]);
    const shallow = await t.http.get(`/api/units/${district.id.townships[0]}/subtree?maxDepth=1`).set(auth(admin)).expect(200);
    expect(shallow.body.map((u: { code: string }) => u.code).sort()).toEqual(
      [district.code.townships[0], district.code.centres[0], ...district.code.villages.slice(0, 2)].sort(),
    );
  });

  it('answers 404 for an unknown unit and 400 naming a malformed id', async () => {
    await t.http.get('/api/units/00000000-0000-4000-8000-000000000000').set(auth(admin)).expect(404);
    const res = await t.http.get('/api/units/not-a-uuid').set(auth(admin)).expect(400);
    expect(res.body.message).toContain('id must be a UUID');
  });

  it('imports a JSON tree below an existing unit all at once', async () => {
    const rows = [
      { code: `${district.prefix}T3`, name: '第三镇', kind: 'township', parentCode: district.code.county },
      { code: `${district.prefix}T3V1-C`, name: '卫生室', kind: 'village_clinic', parentCode: `${district.prefix}T3V1` },
      { code: `${district.prefix}T3V1`, name: '新村', kind: 'village', parentCode: `${district.prefix}T3`, isPoorVillage: true },
    ];
    const res = await t.http.post('/api/units/import').set(auth(admin)).send({ units: rows }).expect(201);
    expect(res.body).toEqual({ created: 3 });
    const clinic = await t.app
      .get(DataSource)
      .getRepository(Unit)
      .findOneByOrFail({ code: `${district.prefix}T3V1-C` });
    expect(clinic.depth).toBe(4);
    const village = await t.app
      .get(DataSource)
      .getRepository(Unit)
      .findOneByOrFail({ code: `${district.prefix}T3V1` });
    expect(village.isPoorVillage).toBe(true);
    expect(clinic.path.startsWith(village.path)).toBe(true);
  });

  it('imports CSV with Chinese headers and a BOM', async () => {
    const csv = `\uFEFF编码,名称,类型,上级编码,贫困村\n${district.prefix}T4,第四镇,township,${district.code.county},\n${district.prefix}T4V1,四村,village,${district.prefix}T4,是\n`;
    const res = await t.http.post('/api/units/import/csv').set(auth(admin)).set('Content-Type', 'text/csv').send(csv).expect(201);
    expect(res.body).toEqual({ created: 2 });
  });

  it('refuses an import with bad rows, reports each row and writes nothing', async () => {
    const before = await unitCount();
    const res = await t.http
      .post('/api/units/import')
      .set(auth(admin))
      .send({
        units: [
          { code: `${district.prefix}X1`, name: '好镇', kind: 'township', parentCode: district.code.county },
          { code: `${district.prefix}X2`, name: '', kind: 'village', parentCode: `${district.prefix}X1` },
          { code: `${district.prefix}X3`, name: '错类', kind: 'planet', parentCode: `${district.prefix}X1` },
          { code: `${district.prefix}X4`, name: '孤村', kind: 'village', parentCode: 'NOPE' },
          { code: `${district.prefix}X5`, name: '镇下镇', kind: 'township', parentCode: `${district.prefix}X1` },
        ],
      })
      .expect(400);
    expect(res.body.errors).toEqual([
      { row: 2, column: 'name', message: 'is required' },
      { row: 3, column: 'kind', message: expect.stringContaining('must be one of') },
      { row: 4, column: 'parentCode', message: 'no unit with code NOPE in the file or the database' },
      { row: 5, column: 'parentCode', message: expect.stringContaining('cannot stand under a township') },
    ]);
    expect(await unitCount()).toBe(before);
  });

  it('answers 409 for codes that already exist, writing nothing', async () => {
    const before = await unitCount();
    const res = await t.http
      .post('/api/units/import')
      .set(auth(admin))
      .send({ units: [{ code: district.code.townships[0], name: '重复', kind: 'township', parentCode: district.code.county }] })
      .expect(409);
    expect(res.body.errors[0]).toMatchObject({ row: 1, column: 'code' });
    expect(await unitCount()).toBe(before);
    await t.http
      .post('/api/units')
      .set(auth(admin))
      .send({ code: district.code.villages[0], name: '重复', kind: 'village', parentId: district.id.townships[0] })
      .expect(409);
  });

  it('refuses imports below units outside the admin scope', async () => {
    const other = await givenDistrict(t.app);
    const res = await t.http
      .post('/api/units/import')
      .set(auth(admin))
      .send({ units: [{ code: `${district.prefix}Y1`, name: '越界', kind: 'village', parentCode: other.code.townships[0] }] })
      .expect(400);
    expect(res.body.errors[0].message).toContain('outside your scope');
  });

  it('creates a single unit and checks the kind rules', async () => {
    const res = await t.http
      .post('/api/units')
      .set(auth(admin))
      .send({ code: `${district.prefix}T1V9`, name: '九村', kind: 'village', parentId: district.id.townships[0], isPoorVillage: true })
      .expect(201);
    expect(res.body).toMatchObject({ kind: 'village', parentId: district.id.townships[0], depth: 3, isPoorVillage: true });
    const bad = await t.http
      .post('/api/units')
      .set(auth(admin))
      .send({ code: `${district.prefix}T1V8`, name: '八村', kind: 'village', parentId: district.id.county })
      .expect(400);
    expect(bad.body.message).toContain('parentId');
  });

  it('names unknown, missing and mistyped fields with 400', async () => {
    const res = await t.http
      .post('/api/units')
      .set(auth(admin))
      .send({ code: 'ok1', name: 5, kind: 'village', parentId: district.id.townships[0], colour: 'red' })
      .expect(400);
    expect(res.body.message).toEqual(expect.arrayContaining(['property colour should not exist', expect.stringMatching(/^name must/)]));
    const malformed = await t.http.post('/api/units').set(auth(admin)).set('Content-Type', 'application/json').send('{"code":').expect(400);
    expect(malformed.body.statusCode).toBe(400);
  });

  it('lets only admins create or import units', async () => {
    await t.http
      .post('/api/units')
      .set(auth(manager))
      .send({ code: 'm1', name: 'x', kind: 'village', parentId: district.id.townships[0] })
      .expect(403);
    await t.http
      .post('/api/units/import')
      .set(auth(staff))
      .send({ units: [{ code: 'z', name: 'z', kind: 'village' }] })
      .expect(403);
  });
});
