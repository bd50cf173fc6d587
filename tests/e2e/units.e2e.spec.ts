import { DataSource, EntityManager, In } from 'typeorm';
import { ESCALATION_TARGETS } from '../../src/domain/deadline-policy';
import { EscalationTargets } from '../../src/tasks/escalation-targets';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { User } from '../../src/users/user.entity';
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

  const db = () => t.app.get(DataSource);
  const unitRow = (id: string) => db().getRepository(Unit).findOneByOrFail({ id });
  const unitAudits = (id: string): Promise<{ action: string; details: Record<string, unknown> }[]> =>
    db().query(`SELECT action, details FROM audit_events WHERE entity_type = 'unit' AND entity_id = $1 ORDER BY id`, [id]);
  /**
   * Whom the deadline engine's resolver names for a unit and target. The resolver is being reworked
   * from `resolve` (one unit) to `resolveMany` (set-based) by the tasks area; this takes whichever
   * the build has, so the ladder check is compared with the engine itself.
   */
  const engineResolves = async (unitId: string, target: (typeof ESCALATION_TARGETS)[number]): Promise<{ id: string }[]> => {
    const resolver = t.app.get<
      EscalationTargets,
      {
        resolve?: (db: EntityManager, unitId: string, target: string) => Promise<{ id: string }[]>;
        resolveMany?: (db: EntityManager, unitIds: string[], target: string) => Promise<Map<string, { id: string }[]>>;
      }
    >(EscalationTargets);
    if (resolver.resolveMany) return (await resolver.resolveMany(db().manager, [unitId], target)).get(unitId) ?? [];
    return resolver.resolve!(db().manager, unitId, target);
  };
  /** A district of its own with an admin at its county, so edits never disturb the tests above. */
  const givenOwnDistrict = async () => {
    const d = await givenDistrict(t.app);
    const a = await givenUser(t.app, 'admin', d.id.county);
    return { d, token: await t.login(a.username, a.password) };
  };
  const givenTask = async (unitId: string, title: string, status: string, dueAt: string): Promise<string> => {
    const [row] = await db().query(
      `INSERT INTO tasks (kind, title, unit_id, due_at, status, policy) VALUES ('custom', $1, $2, $3, $4, '{}'::jsonb) RETURNING id`,
      [title, unitId, dueAt, status],
    );
    return row.id;
  };

  describe('PATCH /api/units/:id', () => {
    it('renames a unit, sets and clears its head, and audits each change with before and after', async () => {
      const { d, token } = await givenOwnDistrict();
      const head = await givenUser(t.app, 'staff', d.id.centres[0]); // the health centre's director heads the township
      const township = d.id.townships[0];
      const res = await t.http.patch(`/api/units/${township}`).set(auth(token)).send({ name: '新名镇', headUserId: head.id }).expect(200);
      expect(res.body).toMatchObject({ id: township, name: '新名镇', headUserId: head.id, active: true, kind: 'township' });
      expect(await unitRow(township)).toMatchObject({ name: '新名镇', headUserId: head.id });
      // The deadline engine now escalates the township's villages to this head.
      const reached = await engineResolves(d.id.villages[0], 'assigned_unit_head');
      expect(reached.map((r) => r.id)).toEqual([head.id]);

      await t.http.patch(`/api/units/${township}`).set(auth(token)).send({ headUserId: null }).expect(200);
      expect((await unitRow(township)).headUserId).toBeNull();
      // Sending what is already there changes nothing and records nothing.
      await t.http.patch(`/api/units/${township}`).set(auth(token)).send({ name: '新名镇', headUserId: null }).expect(200);
      expect(await unitAudits(township)).toEqual([
        {
          action: 'unit.update',
          details: {
            code: d.code.townships[0],
            before: { name: '第1镇', headUserId: null },
            after: { name: '新名镇', headUserId: head.id },
          },
        },
        { action: 'unit.update', details: { code: d.code.townships[0], before: { headUserId: head.id }, after: { headUserId: null } } },
      ]);
    });

    it('sets the poor-village flag of a village and refuses it, naming the field, on any other kind', async () => {
      const { d, token } = await givenOwnDistrict();
      const res = await t.http.patch(`/api/units/${d.id.villages[1]}`).set(auth(token)).send({ isPoorVillage: true }).expect(200);
      expect(res.body.isPoorVillage).toBe(true);
      expect((await unitRow(d.id.villages[1])).isPoorVillage).toBe(true);
      for (const flag of [true, false]) {
        const bad = await t.http.patch(`/api/units/${d.id.townships[0]}`).set(auth(token)).send({ isPoorVillage: flag }).expect(400);
        expect(bad.body.message).toMatch(/^isPoorVillage: only a village/);
      }
      expect((await unitRow(d.id.townships[0])).isPoorVillage).toBe(false);
    });

    it('refuses a head who is unknown, deactivated or works outside the unit and the units below it, changing nothing', async () => {
      const { d, token } = await givenOwnDistrict();
      const township = d.id.townships[0];
      const otherTownship = await givenUser(t.app, 'staff', d.id.centres[1]);
      const atCounty = await givenUser(t.app, 'manager', d.id.county);
      const inactive = await givenUser(t.app, 'staff', d.id.centres[0], { active: false });
      const before = await unitRow(township);
      const refusals: [unknown, RegExp][] = [
        [otherTownship.id, /^headUserId: user .* works neither in unit/],
        [atCounty.id, /^headUserId: user .* works neither in unit/],
        [inactive.id, /^headUserId: user .* is deactivated/],
        ['00000000-0000-4000-8000-000000000000', /^headUserId: no user with id/],
      ];
      for (const [headUserId, message] of refusals) {
        const res = await t.http.patch(`/api/units/${township}`).set(auth(token)).send({ name: '不该改', headUserId }).expect(400);
        expect(res.body.message).toMatch(message);
      }
      const malformed = await t.http.patch(`/api/units/${township}`).set(auth(token)).send({ headUserId: 'abc' }).expect(400);
      expect(malformed.body.message).toEqual(['headUserId must be a UUID or null']);
      expect(await unitRow(township)).toEqual(before);
      expect(await unitAudits(township)).toEqual([]);
    });

    it('names bad and unknown fields with 400', async () => {
      const { d, token } = await givenOwnDistrict();
      const cases: [Record<string, unknown>, string][] = [
        [{ name: '' }, 'name'],
        [{ name: null }, 'name'],
        [{ name: 'x'.repeat(101) }, 'name'],
        [{ isPoorVillage: 'yes' }, 'isPoorVillage'],
        [{ active: null }, 'active'],
        [{ active: 'false' }, 'active'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http.patch(`/api/units/${d.id.villages[0]}`).set(auth(token)).send(body).expect(400);
        expect(res.body.message.length).toBeGreaterThan(0);
        for (const message of res.body.message) expect(message).toMatch(new RegExp(`^${field} must`));
      }
      const unknown = await t.http.patch(`/api/units/${d.id.villages[0]}`).set(auth(token)).send({ code: 'X1' }).expect(400);
      expect(unknown.body.message).toEqual(['property code should not exist']);
      expect(await unitAudits(d.id.villages[0])).toEqual([]);
    });

    it('answers 404 for an unknown unit and 403 outside the scope or for anyone but an admin', async () => {
      const { d, token } = await givenOwnDistrict();
      await t.http.patch('/api/units/00000000-0000-4000-8000-000000000000').set(auth(token)).send({ name: 'x' }).expect(404);
      await t.http.patch(`/api/units/${district.id.villages[0]}`).set(auth(token)).send({ name: 'x' }).expect(403);
      await t.http.patch(`/api/units/${d.id.city}`).set(auth(token)).send({ name: 'x' }).expect(403);
      await t.http.patch(`/api/units/${district.id.villages[0]}`).set(auth(manager)).send({ name: 'x' }).expect(403);
      await t.http.patch(`/api/units/${district.id.clinics[0]}`).set(auth(staff)).send({ name: 'x' }).expect(403);
      expect((await unitRow(district.id.villages[0])).name).toBe('第1村');
      expect((await unitRow(d.id.city)).name).toBe('测试市');
    });

    it('refuses to deactivate a unit with open tasks, active users or active child units: 409 with the report, nothing changed', async () => {
      const { d, token } = await givenOwnDistrict();
      const village = d.id.villages[0];
      const villager = await givenUser(t.app, 'staff', village);
      await givenUser(t.app, 'staff', village, { active: false }); // not in the way
      const later = await givenTask(village, '入户核查', 'in_progress', '2031-05-01T10:00:00.000Z');
      const sooner = await givenTask(village, '报送台账', 'submitted', '2031-03-01T10:00:00.000Z');
      await givenTask(village, '已办结', 'approved', '2031-01-01T10:00:00.000Z');
      await givenTask(village, '已取消', 'cancelled', '2031-01-01T10:00:00.000Z');
      const before = await unitRow(village);
      const tasksBefore = await db().query(`SELECT id, status FROM tasks WHERE unit_id = $1 ORDER BY id`, [village]);

      const res = await t.http.patch(`/api/units/${village}`).set(auth(token)).send({ active: false, name: '改名' }).expect(409);
      expect(res.body.message).toMatch(
        /^active: unit .* cannot be deactivated while it has 2 open task\(s\), 1 active user\(s\) and 1 active child/,
      );
      expect(res.body.blockers).toEqual({
        openTaskCount: 2,
        openTasks: [
          { id: sooner, title: '报送台账', dueAt: '2031-03-01T10:00:00.000Z' },
          { id: later, title: '入户核查', dueAt: '2031-05-01T10:00:00.000Z' },
        ],
        activeUserCount: 1,
        activeUsers: [{ id: villager.id, username: villager.username, displayName: '测试staff' }],
        activeChildUnitCount: 1,
        activeChildUnits: [{ id: d.id.clinics[0], code: d.code.clinics[0], name: '第1村卫生室', kind: 'village_clinic' }],
      });
      expect(await unitRow(village)).toEqual(before);
      expect(await db().query(`SELECT id, status FROM tasks WHERE unit_id = $1 ORDER BY id`, [village])).toEqual(tasksBefore);
      expect(await unitAudits(village)).toEqual([]);

      // Each blocker alone is enough: a clinic whose only tie is one active user.
      const clinicUser = await givenUser(t.app, 'staff', d.id.clinics[1]);
      const alone = await t.http.patch(`/api/units/${d.id.clinics[1]}`).set(auth(token)).send({ active: false }).expect(409);
      expect(alone.body.blockers).toMatchObject({ openTaskCount: 0, activeUserCount: 1, activeChildUnitCount: 0 });
      expect(alone.body.blockers.activeUsers.map((u: { id: string }) => u.id)).toEqual([clinicUser.id]);
      expect((await unitRow(d.id.clinics[1])).active).toBe(true);
    });

    it('deactivates a unit with nothing left on it: hidden from lists unless asked for, no new children or tasks; reactivates', async () => {
      const { d, token } = await givenOwnDistrict();
      const [village, clinic] = [d.id.villages[3], d.id.clinics[3]];
      const res = await t.http.patch(`/api/units/${clinic}`).set(auth(token)).send({ active: false }).expect(200);
      expect(res.body).toMatchObject({ id: clinic, active: false });
      expect(await unitAudits(clinic)).toEqual([
        { action: 'unit.update', details: { code: d.code.clinics[3], before: { active: true }, after: { active: false } } },
      ]);

      const ids = (body: { id: string }[]) => body.map((u) => u.id);
      expect(ids((await t.http.get(`/api/units?parentId=${village}`).set(auth(token)).expect(200)).body.items)).toEqual([]);
      expect(
        ids((await t.http.get(`/api/units?parentId=${village}&includeInactive=true`).set(auth(token)).expect(200)).body.items),
      ).toEqual([clinic]);
      expect(ids((await t.http.get(`/api/units/${village}/subtree`).set(auth(token)).expect(200)).body)).toEqual([village]);
      expect(ids((await t.http.get(`/api/units/${village}/subtree?includeInactive=true`).set(auth(token)).expect(200)).body)).toEqual([
        village,
        clinic,
      ]);
      expect((await t.http.get(`/api/units/${clinic}`).set(auth(token)).expect(200)).body.active).toBe(false);
      const badFlag = await t.http.get('/api/units?includeInactive=maybe').set(auth(token)).expect(400);
      expect(badFlag.body.message).toEqual(['includeInactive must be a boolean value']);

      // What gives a unit new work asks assertActive first.
      const units = t.app.get(UnitsService);
      expect(() => units.assertActive({ code: 'X', name: '某室', active: false })).toThrow('unitId: unit X (某室) is deactivated');
      expect(() => units.assertActive({ code: 'X', name: '某室', active: true })).not.toThrow();
      const task = await t.http
        .post('/api/tasks')
        .set(auth(token))
        .send({ title: '停用单位的任务', unitId: clinic, dueAt: new Date(Date.now() + 86_400_000).toISOString() })
        .expect(400);
      expect(task.body.message).toMatch(/^unitId: unit .* is deactivated/);

      // The village, now without active children, goes too; nothing new may hang below it.
      await t.http.patch(`/api/units/${village}`).set(auth(token)).send({ active: false }).expect(200);
      const create = await t.http
        .post('/api/units')
        .set(auth(token))
        .send({ code: `${d.prefix}NEW-C`, name: '新卫生室', kind: 'village_clinic', parentId: village })
        .expect(400);
      expect(create.body.message).toMatch(/^parentId: unit .* is deactivated/);
      const imported = await t.http
        .post('/api/units/import')
        .set(auth(token))
        .send({ units: [{ code: `${d.prefix}NEW-C`, name: '新卫生室', kind: 'village_clinic', parentCode: d.code.villages[3] }] })
        .expect(400);
      expect(imported.body.errors).toEqual([{ row: 1, column: 'parentCode', message: `unit ${d.code.villages[3]} is deactivated` }]);

      // A unit comes back only below an active parent.
      const early = await t.http.patch(`/api/units/${clinic}`).set(auth(token)).send({ active: true }).expect(409);
      expect(early.body.message).toMatch(/^active: the parent unit .* is deactivated/);
      await t.http.patch(`/api/units/${village}`).set(auth(token)).send({ active: true }).expect(200);
      await t.http.patch(`/api/units/${clinic}`).set(auth(token)).send({ active: true }).expect(200);
      expect((await unitRow(clinic)).active).toBe(true);
    });
  });

  describe('the head column of the unit import', () => {
    it('sets heads from JSON headUsername and the CSV column 负责人账号 (any active user in scope, any case)', async () => {
      const { d, token } = await givenOwnDistrict();
      const head = await givenUser(t.app, 'manager', d.id.county);
      const doctor = await givenUser(t.app, 'staff', d.id.clinics[0]);
      await t.http
        .post('/api/units/import')
        .set(auth(token))
        .send({
          units: [
            {
              code: `${d.prefix}T5`,
              name: '第五镇',
              kind: 'township',
              parentCode: d.code.county,
              headUsername: head.username.toUpperCase(),
            },
            { code: `${d.prefix}T5V1`, name: '五村', kind: 'village', parentCode: `${d.prefix}T5` },
          ],
        })
        .expect(201);
      const csv = `编码,名称,类型,上级编码,负责人账号\n${d.prefix}T6,第六镇,township,${d.code.county},${doctor.username}\n${d.prefix}T6V1,六村,village,${d.prefix}T6,\n`;
      await t.http.post('/api/units/import/csv').set(auth(token)).set('Content-Type', 'text/csv').send(csv).expect(201);
      const rows = await db()
        .getRepository(Unit)
        .findBy({ code: In([`${d.prefix}T5`, `${d.prefix}T5V1`, `${d.prefix}T6`, `${d.prefix}T6V1`]) });
      expect(Object.fromEntries(rows.map((u) => [u.code, u.headUserId]))).toEqual({
        [`${d.prefix}T5`]: head.id,
        [`${d.prefix}T5V1`]: null,
        [`${d.prefix}T6`]: doctor.id,
        [`${d.prefix}T6V1`]: null,
      });
    });

    it('refuses the whole file when a head is unknown, deactivated or outside the scope, naming each row', async () => {
      const { d, token } = await givenOwnDistrict();
      const elsewhere = await givenUser(t.app, 'staff', district.id.clinics[0]);
      const inactive = await givenUser(t.app, 'staff', d.id.county, { active: false });
      const fine = await givenUser(t.app, 'staff', d.id.county);
      const before = await unitCount();
      const res = await t.http
        .post('/api/units/import')
        .set(auth(token))
        .send({
          units: [
            { code: `${d.prefix}T7`, name: '第七镇', kind: 'township', parentCode: d.code.county, headUsername: fine.username },
            { code: `${d.prefix}T8`, name: '第八镇', kind: 'township', parentCode: d.code.county, headUsername: 'ghost-0000' },
            { code: `${d.prefix}T9`, name: '第九镇', kind: 'township', parentCode: d.code.county, headUsername: inactive.username },
            { code: `${d.prefix}TA`, name: '第十镇', kind: 'township', parentCode: d.code.county, headUsername: elsewhere.username },
          ],
        })
        .expect(400);
      expect(res.body.errors).toEqual([
        { row: 2, column: 'headUsername', message: 'no user with username ghost-0000' },
        { row: 3, column: 'headUsername', message: `user ${inactive.username} is deactivated` },
        { row: 4, column: 'headUsername', message: `user ${elsewhere.username} is outside your scope` },
      ]);
      const csv = `code,name,kind,parentCode,headUsername\n${d.prefix}TB,好镇,township,${d.code.county},${fine.username}\n${d.prefix}TC,坏镇,township,${d.code.county},nobody-here\n`;
      const fromCsv = await t.http.post('/api/units/import/csv').set(auth(token)).set('Content-Type', 'text/csv').send(csv).expect(400);
      expect(fromCsv.body.errors).toEqual([{ row: 2, column: 'headUsername', message: 'no user with username nobody-here' }]);
      expect(await unitCount()).toBe(before);
    });
  });

  describe('GET /api/units/ladder-check', () => {
    /**
     * A district of its own: the township T1 is headed by its health centre's director and has an
     * active responsible leader; the clinic T1V1-C has its own head; T2's only leader is deactivated;
     * T2V1's head was deactivated after being set; T2V2 is headed from its clinic; the clinic T1V2-C
     * is deactivated (not checked). Nobody heads the city, the county or the hospital.
     */
    let d: District;
    let adminToken: string;
    let managerT2: string;
    const all = ['assigned_unit_head', 'supervising_unit_head', 'responsible_leader'];
    const expectedByCode = () => ({
      [d.code.county]: all,
      [d.code.hospital]: all,
      [d.code.townships[0]]: ['supervising_unit_head'],
      [d.code.townships[1]]: all,
      [d.code.centres[1]]: all,
      [d.code.villages[2]]: all,
      [d.code.clinics[2]]: all,
      [d.code.villages[3]]: ['supervising_unit_head', 'responsible_leader'],
      [d.code.clinics[3]]: ['responsible_leader'],
    });

    beforeAll(async () => {
      ({ d, token: adminToken } = await givenOwnDistrict());
      const headOf = async (unitId: string, userUnitId: string) => {
        const head = await givenUser(t.app, 'staff', userUnitId);
        await t.http.patch(`/api/units/${unitId}`).set(auth(adminToken)).send({ headUserId: head.id }).expect(200);
        return head;
      };
      await headOf(d.id.townships[0], d.id.centres[0]);
      await headOf(d.id.clinics[0], d.id.clinics[0]);
      const gone = await headOf(d.id.villages[2], d.id.villages[2]);
      await db().getRepository(User).update(gone.id, { active: false });
      await headOf(d.id.villages[3], d.id.clinics[3]);
      await givenUser(t.app, 'manager', d.id.county, { responsibleUnitIds: [d.id.townships[0]] });
      await givenUser(t.app, 'manager', d.id.county, { responsibleUnitIds: [d.id.townships[1]], active: false });
      await t.http.patch(`/api/units/${d.id.clinics[1]}`).set(auth(adminToken)).send({ active: false }).expect(200);
      const m = await givenUser(t.app, 'manager', d.id.townships[1]);
      managerT2 = await t.login(m.username, m.password);
    });

    const byPath = async (codes: string[]) => {
      const rows = await db()
        .getRepository(Unit)
        .findBy({ code: In(codes) });
      return rows.sort((a, b) => (a.path < b.path ? -1 : 1)).map((u) => u.code);
    };

    it('lists, by path, every unit of the subtree whose ladder reaches nobody, per target', async () => {
      const res = await t.http.get(`/api/units/ladder-check?rootId=${d.id.county}`).set(auth(adminToken)).expect(200);
      expect(res.body.checked).toBe(13); // the county's 14 units but the deactivated clinic
      const expected = expectedByCode();
      expect(res.body.units.map((g: { unit: { code: string } }) => g.unit.code)).toEqual(await byPath(Object.keys(expected)));
      for (const gap of res.body.units) expect(gap.missing).toEqual(expected[gap.unit.code]);
      expect(res.body.units[0]).toEqual({ unit: { id: d.id.county, code: d.code.county, name: '测试区', kind: 'county' }, missing: all });
    });

    it('agrees with the deadline engine’s own resolution of each target', async () => {
      const res = await t.http.get(`/api/units/ladder-check?rootId=${d.id.county}`).set(auth(adminToken)).expect(200);
      const missing = new Map<string, string[]>(
        res.body.units.map((g: { unit: { id: string }; missing: string[] }) => [g.unit.id, g.missing]),
      );
      const checked = (
        await db()
          .getRepository(Unit)
          .findBy({ code: In(Object.values(d.code).flat()) })
      ).filter((u) => u.active && u.id !== d.id.city);
      expect(checked).toHaveLength(13);
      for (const unit of checked) {
        for (const target of ESCALATION_TARGETS) {
          const reached = await engineResolves(unit.id, target);
          expect([unit.code, target, reached.length === 0]).toEqual([unit.code, target, (missing.get(unit.id) ?? []).includes(target)]);
        }
      }
    });

    it('checks a manager’s own subtree by default and refuses other roots', async () => {
      const res = await t.http.get('/api/units/ladder-check').set(auth(managerT2)).expect(200);
      expect(res.body.checked).toBe(6);
      const expected = expectedByCode();
      const t2 = [d.code.townships[1], d.code.centres[1], d.code.villages[2], d.code.clinics[2], d.code.villages[3], d.code.clinics[3]];
      expect(res.body.units).toEqual(
        (await byPath(t2)).map((code) => ({ unit: expect.objectContaining({ code }), missing: expected[code] })),
      );
      await t.http.get(`/api/units/ladder-check?rootId=${d.id.townships[0]}`).set(auth(managerT2)).expect(403);
      await t.http.get('/api/units/ladder-check?rootId=00000000-0000-4000-8000-000000000000').set(auth(adminToken)).expect(404);
      const bad = await t.http.get('/api/units/ladder-check?rootId=nope').set(auth(adminToken)).expect(400);
      expect(bad.body.message).toEqual(['rootId must be a UUID']);
      await t.http.get('/api/units/ladder-check').set(auth(staff)).expect(403);
    });

    it('clears a unit once its ladder is staffed', async () => {
      const head = await givenUser(t.app, 'staff', d.id.clinics[2]);
      await t.http.patch(`/api/units/${d.id.clinics[2]}`).set(auth(adminToken)).send({ headUserId: head.id }).expect(200);
      const res = await t.http.get(`/api/units/ladder-check?rootId=${d.id.villages[2]}`).set(auth(adminToken)).expect(200);
      expect(res.body.checked).toBe(2);
      expect(res.body.units.map((g: { unit: { code: string }; missing: string[] }) => [g.unit.code, g.missing])).toEqual([
        [d.code.villages[2], all],
        [d.code.clinics[2], ['supervising_unit_head', 'responsible_leader']],
      ]);
    });
  });
});
