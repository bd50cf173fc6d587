import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('sign-in and users API', () => {
  let t: TestApp;
  let district: District;
  let adminToken: string;
  let admin: { id: string; username: string; password: string };

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '60' } });
    district = await givenDistrict(t.app);
    admin = await givenUser(t.app, 'admin', district.id.county);
    adminToken = await t.login(admin.username, admin.password);
  });
  afterAll(() => t.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('returns a JWT for good credentials and 401 for bad ones', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: admin.username, password: admin.password }).expect(200);
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    await t.http.post('/api/auth/login').send({ username: admin.username, password: 'wrong-password' }).expect(401);
    await t.http.post('/api/auth/login').send({ username: 'nobody-here', password: 'whatever' }).expect(401);
    const me = await t.http.get('/api/auth/me').set(auth(res.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ id: admin.id, role: 'admin', unitId: district.id.county });
  });

  it('rejects a forged or garbage token', async () => {
    await t.http.get('/api/auth/me').set(auth('abc.def.ghi')).expect(401);
    await t.http.get('/api/auth/me').set({ Authorization: 'Basic abc' }).expect(401);
  });

  it('throttles repeated failed sign-ins with 429, even with the right password', async () => {
    const victim = await givenUser(t.app, 'staff', district.id.clinics[0]);
    for (let i = 0; i < 3; i++)
      await t.http.post('/api/auth/login').send({ username: victim.username, password: 'bad-password' }).expect(401);
    const res = await t.http.post('/api/auth/login').send({ username: victim.username, password: victim.password }).expect(429);
    expect(res.body.message).toContain('Too many failed sign-ins');
  });

  it('lets admins create users in scope, refusing duplicates and units outside it', async () => {
    const username = `new-${district.prefix}`;
    const res = await t.http
      .post('/api/users')
      .set(auth(adminToken))
      .send({
        username,
        displayName: '新用户',
        password: 'secret-123',
        role: 'manager',
        unitId: district.id.townships[0],
        responsibleUnitIds: [district.id.townships[1]],
      })
      .expect(201);
    expect(res.body).toMatchObject({ username, role: 'manager', responsibleUnitIds: [district.id.townships[1]] });
    expect(res.body.passwordHash).toBeUndefined();
    await t.http
      .post('/api/users')
      .set(auth(adminToken))
      .send({ username, displayName: '重复', password: 'secret-123', role: 'staff', unitId: district.id.clinics[0] })
      .expect(409);
    const other = await givenDistrict(t.app);
    await t.http
      .post('/api/users')
      .set(auth(adminToken))
      .send({ username: `out-${district.prefix}`, displayName: '越界', password: 'secret-123', role: 'staff', unitId: other.id.clinics[0] })
      .expect(403);
    const short = await t.http
      .post('/api/users')
      .set(auth(adminToken))
      .send({ username: `short-${district.prefix}`, displayName: '短', password: 'x', role: 'staff', unitId: district.id.clinics[0] })
      .expect(400);
    expect(short.body.message.join(' ')).toContain('password');
    const audit = await t.app.get(DataSource).getRepository(AuditEvent).findOneByOrFail({ action: 'user.create', entityId: res.body.id });
    expect(audit.actorUserId).toBe(admin.id);
  });

  it('extends a responsible leader scope to the townships they answer for', async () => {
    const leader = await givenUser(t.app, 'manager', district.id.hospital, { responsibleUnitIds: [district.id.townships[1]] });
    const token = await t.login(leader.username, leader.password);
    await t.http.get(`/api/units/${district.id.clinics[3]}`).set(auth(token)).expect(200);
    await t.http.get(`/api/units/${district.id.clinics[0]}`).set(auth(token)).expect(403);
  });

  it('keeps staff from administering users', async () => {
    const staff = await givenUser(t.app, 'staff', district.id.clinics[1]);
    const token = await t.login(staff.username, staff.password);
    await t.http.get('/api/users').set(auth(token)).expect(403);
    await t.http.post('/api/users').set(auth(token)).send({}).expect(403);
  });

  it('changes the own password: the old password and token stop working', async () => {
    const user = await givenUser(t.app, 'staff', district.id.clinics[2]);
    const oldToken = await t.login(user.username, user.password);
    await t.http
      .put('/api/auth/password')
      .set(auth(oldToken))
      .send({ currentPassword: 'not-it', newPassword: 'brand-new-pass' })
      .expect(401);
    const res = await t.http
      .put('/api/auth/password')
      .set(auth(oldToken))
      .send({ currentPassword: user.password, newPassword: 'brand-new-pass' })
      .expect(200);
    await t.http.get('/api/auth/me').set(auth(res.body.accessToken)).expect(200);
    await t.http.get('/api/auth/me').set(auth(oldToken)).expect(401);
    await t.http.post('/api/auth/login').send({ username: user.username, password: user.password }).expect(401);
    await t.login(user.username, 'brand-new-pass');
  });

  it('lets an admin reset a password and deactivate a user, both audited', async () => {
    const user = await givenUser(t.app, 'staff', district.id.clinics[3]);
    await t.http.put(`/api/users/${user.id}/password`).set(auth(adminToken)).send({ newPassword: 'reset-by-admin' }).expect(204);
    // Not one's own: that needs the current password (PUT /api/auth/password), so a stolen token cannot take the account.
    const me = (await t.http.get('/api/auth/me').set(auth(adminToken)).expect(200)).body;
    const own = await t.http.put(`/api/users/${me.id}/password`).set(auth(adminToken)).send({ newPassword: 'taken-over-1' }).expect(403);
    expect(own.body.message).toContain('PUT /api/auth/password');
    const token = await t.login(user.username, 'reset-by-admin');
    await t.http.patch(`/api/users/${user.id}`).set(auth(adminToken)).send({ active: false }).expect(200);
    await t.http.get('/api/auth/me').set(auth(token)).expect(401);
    await t.http.post('/api/auth/login').send({ username: user.username, password: 'reset-by-admin' }).expect(401);
    const actions = (await t.app.get(DataSource).getRepository(AuditEvent).findBy({ entityId: user.id })).map((e) => e.action).sort();
    // The sign-in with the new password is audited too (the refused one after deactivation names no user id).
    expect(actions).toEqual(['auth.login', 'user.password.reset', 'user.update']);
  });

  it('lists users of a manager subtree only', async () => {
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const token = await t.login(manager.username, manager.password);
    const res = await t.http.get('/api/users?pageSize=200').set(auth(token)).expect(200);
    const units = new Set(res.body.items.map((u: { unitId: string }) => u.unitId));
    const allowed = new Set([
      district.id.townships[0],
      district.id.centres[0],
      ...district.id.villages.slice(0, 2),
      ...district.id.clinics.slice(0, 2),
    ]);
    expect([...units].every((u) => allowed.has(u as string))).toBe(true);
    expect(res.body.items.some((u: { id: string }) => u.id === manager.id)).toBe(true);
  });
});
