import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { AuditService } from '../../src/audit/audit.service';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { FormalTalk } from '../../src/tasks/escalation.entity';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { binaryBody, startTestApp, TestApp } from '../support/test-app';

/** The audit trail (audit_events): what is recorded, that it commits with the change, and that nobody edits it. */
describe('the audit trail', () => {
  let t: TestApp;
  let storageDir: string;
  let district: District;
  let manager: { id: string; username: string; password: string };
  let managerToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => t.app.get(DataSource);
  const eventsOf = (where: { action: string; actorUserId?: string; entityId?: string }) =>
    db()
      .getRepository(AuditEvent)
      .find({ where, order: { id: 'ASC' } });

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'audit-'));
    t = await startTestApp({ env: { STORAGE_DIR: storageDir } });
    district = await givenDistrict(t.app);
    manager = await givenUser(t.app, 'manager', district.id.county);
    managerToken = await t.login(manager.username, manager.password);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.stop();
    await rm(storageDir, { recursive: true, force: true });
  });
  afterEach(() => jest.restoreAllMocks());

  describe('sign-ins', () => {
    it('records a sign-in with its address', async () => {
      const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
      await t.login(user.username, user.password);
      const [event] = await eventsOf({ action: 'auth.login', actorUserId: user.id });
      expect(event).toMatchObject({ entityType: 'user', entityId: user.id, details: { ip: expect.any(String) } });
    });

    it('records a failed sign-in with the username tried and the address, never the password', async () => {
      const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
      const password = `wrong-${Date.now()}`;
      await t.http.post('/api/auth/login').send({ username: user.username, password }).expect(401);
      const unknown = `nobody-${district.prefix}`;
      await t.http.post('/api/auth/login').send({ username: unknown, password }).expect(401);
      const failed = await db()
        .getRepository(AuditEvent)
        .createQueryBuilder('e')
        .where(`e.action = 'auth.login.failed' AND e.details->>'username' IN (:...names)`, { names: [user.username, unknown] })
        .orderBy('e.id')
        .getMany();
      expect(failed.map((e) => e.details)).toEqual([
        { username: user.username, ip: expect.any(String) },
        { username: unknown, ip: expect.any(String) },
      ]);
      for (const event of failed) {
        expect(event.actorUserId).toBeNull();
        expect(JSON.stringify(event)).not.toContain(password);
      }
    });
  });

  describe('changes audited with the change, in its transaction', () => {
    it('notification settings: which settings changed, never the address or secret', async () => {
      const user = await givenUser(t.app, 'staff', district.id.clinics[1]);
      const token = await t.login(user.username, user.password);
      const secret = 'a-webhook-secret-of-some-length';
      await t.http
        .put('/api/notifications/settings')
        .set(auth(token))
        .send({ channels: [], webhookUrl: 'https://hooks.example.org/notify?token=abc', webhookSecret: secret })
        .expect(200);
      const [event] = await eventsOf({ action: 'notification.settings.update', actorUserId: user.id });
      expect(event).toMatchObject({
        entityType: 'user',
        entityId: user.id,
        details: { channels: { before: [], after: [] }, changed: ['webhookUrl', 'webhookSecret'] },
      });
      expect(JSON.stringify(event)).not.toContain(secret);
      expect(JSON.stringify(event)).not.toContain('hooks.example.org');

      // An audit row that cannot be written takes the change with it.
      jest.spyOn(t.app.get(AuditService), 'record').mockRejectedValue(new Error('audit store down'));
      await t.http
        .put('/api/notifications/settings')
        .set(auth(token))
        .send({ channels: ['webhook'] })
        .expect(500);
      const settings = await t.http.get('/api/notifications/settings').set(auth(token)).expect(200);
      expect(settings.body.channels).toEqual([]);
    });

    it('formal talks (约谈): before and after of each edit; nothing changes when the audit fails', async () => {
      const task = await db()
        .getRepository(Task)
        .save({
          kind: 'standalone',
          title: '约谈任务',
          unitId: district.id.clinics[0],
          dueAt: new Date(Date.now() - 6 * 86400_000),
          policy: DEFAULT_DEADLINE_POLICY,
        });
      const talk = await db()
        .getRepository(FormalTalk)
        .save({ taskId: task.id, deadlineVersion: 1, level: 3, unitId: district.id.clinics[0] });
      await t.http.patch(`/api/formal-talks/${talk.id}`).set(auth(managerToken)).send({ scheduledAt: '2027-04-01T02:00:00Z' }).expect(200);
      const [event] = await eventsOf({ action: 'formal_talk.update', entityId: talk.id });
      expect(event).toMatchObject({
        actorUserId: manager.id,
        entityType: 'formal_talk',
        details: {
          taskId: task.id,
          before: { status: 'pending', scheduledAt: null },
          after: { status: 'scheduled', scheduledAt: '2027-04-01T02:00:00.000Z' },
        },
      });

      jest.spyOn(t.app.get(AuditService), 'record').mockRejectedValue(new Error('audit store down'));
      await t.http
        .patch(`/api/formal-talks/${talk.id}`)
        .set(auth(managerToken))
        .send({ heldAt: '2027-04-01T02:00:00Z', outcome: '已约谈' })
        .expect(500);
      expect(await db().getRepository(FormalTalk).findOneByOrFail({ id: talk.id })).toMatchObject({ status: 'scheduled', outcome: null });
    });
  });

  it('records every evidence download: who fetched which file of which task', async () => {
    const staff = await givenUser(t.app, 'staff', district.id.clinics[2]);
    const staffToken = await t.login(staff.username, staff.password);
    const created = await t.http
      .post('/api/tasks')
      .set(auth(managerToken))
      .send({ title: '佐证', unitId: district.id.clinics[2], dueAt: new Date(Date.now() + 3600_000).toISOString() })
      .expect(201);
    const csv = Buffer.from('姓名,结果\n张三,已核实\n');
    const uploaded = await t.http
      .post(`/api/tasks/${created.body.id}/evidence/files`)
      .set(auth(staffToken))
      .attach('file', csv, { filename: '核实.csv', contentType: 'text/csv' })
      .expect(201);
    await t.http
      .get(`/api/tasks/${created.body.id}/evidence/${uploaded.body.id}/file`)
      .set(auth(managerToken))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const [event] = await eventsOf({ action: 'task.evidence.download', entityId: uploaded.body.id });
    expect(event).toMatchObject({
      actorUserId: manager.id,
      entityType: 'task_evidence',
      details: { taskId: created.body.id, sha256: createHash('sha256').update(csv).digest('hex') },
    });
  });

  describe('rows nobody edits', () => {
    it('offers no route that changes or deletes audit rows', async () => {
      const doc = await t.http.get('/docs-json').expect(200);
      const paths = Object.keys(doc.body.paths as Record<string, unknown>);
      expect(paths.length).toBeGreaterThan(20);
      expect(paths.filter((p) => /audit/i.test(p))).toEqual([]);
      for (const method of ['put', 'patch', 'delete'] as const) {
        await t.http[method]('/api/audit-events/1').set(auth(managerToken)).expect(404);
        await t.http[method]('/api/audit/1').set(auth(managerToken)).expect(404);
      }
    });

    it('refuses UPDATE, DELETE and TRUNCATE in the database, and stamps each row with the time it was written', async () => {
      const [{ id }]: { id: string }[] = await db().query(
        `INSERT INTO audit_events (action, entity_type, details, at) VALUES ('test.immutable', 'test', '{}', now() - interval '10 years') RETURNING id`,
      );
      const [row]: { at: Date }[] = await db().query(`SELECT at FROM audit_events WHERE id = $1`, [id]);
      expect(Date.now() - row.at.getTime()).toBeLessThan(60_000);
      await expect(db().query(`UPDATE audit_events SET action = 'test.changed' WHERE id = $1`, [id])).rejects.toThrow(/audit_events/);
      await expect(db().query(`DELETE FROM audit_events WHERE id = $1`, [id])).rejects.toThrow(/audit_events/);
      await expect(db().query(`TRUNCATE audit_events`)).rejects.toThrow(/audit_events/);
      // Not even the retention job's setting deletes a row younger than three years.
      await expect(
        db().transaction(async (m) => {
          await m.query(`SET LOCAL app.audit_retention = 'purge'`);
          await m.query(`DELETE FROM audit_events WHERE id = $1`, [id]);
        }),
      ).rejects.toThrow(/audit_events/);
      expect(await db().getRepository(AuditEvent).countBy({ id })).toBe(1);
    });

    it('lets only the retention job delete rows older than the retention period', async () => {
      // A row from long ago, written as a restore would (triggers off for this session only).
      const old = await db().transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`);
        const [r]: { id: string }[] = await m.query(
          `INSERT INTO audit_events (action, entity_type, details, at) VALUES ('test.old', 'test', '{}', now() - interval '3 years 2 days') RETURNING id`,
        );
        return r.id;
      });
      const [{ id: recent }]: { id: string }[] = await db().query(
        `INSERT INTO audit_events (action, entity_type, details) VALUES ('test.recent', 'test', '{}') RETURNING id`,
      );
      expect(await t.app.get(AuditService).purgeExpired(3)).toBeGreaterThanOrEqual(1);
      expect(await db().getRepository(AuditEvent).countBy({ id: old })).toBe(0);
      expect(await db().getRepository(AuditEvent).countBy({ id: recent })).toBe(1);
      await expect(t.app.get(AuditService).purgeExpired(2)).rejects.toThrow(/at least 3 years/);
    });
  });
});
