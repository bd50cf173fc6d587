import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { prepareDatabase } from '../../src/database/bootstrap';
import { Notification } from '../../src/notifications/notification.entity';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES } from '../../src/notifications/templates';
import { Unit } from '../../src/units/unit.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { databaseUrlNamed, requiredEnv, TEST_ENV } from '../support/test-env';

/** One escalation, to the head of the task's unit at the due time, and nothing else. */
const escalateAtDue = {
  remindersBefore: [],
  quietHours: { start: '00:00', end: '00:00' },
  escalation: [{ level: 1, after: { unit: 'seconds', amount: 0 }, target: 'assigned_unit_head', opensFormalTalk: false }],
  digestWindow: 'none',
};

const EDITED = {
  title: '【督办】{{unitName}}“{{taskTitle}}”逾期{{daysOverdue}}天（第{{level}}级）',
  body: '{{recipientName}}同志：{{unitName}}的“{{taskTitle}}”已于{{dueAt}}到期，请督促今日办结。',
};

describe('notification templates API', () => {
  let t: TestApp;
  let district: District;
  let admin: { id: string; username: string; password: string };
  let adminToken: string;
  let managerToken: string;
  let staffToken: string;
  let clinicHead: { id: string };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const listed = async (kind: string) =>
    ((await t.http.get('/api/notification-templates').set(auth(adminToken)).expect(200)).body as { kind: string }[]).find(
      (v) => v.kind === kind,
    );

  beforeAll(async () => {
    // Templates are one set for the whole server: on the shared test database an edited escalation
    // would change the texts that test files running alongside assert, so this file has its own.
    const databaseUrl = databaseUrlNamed(`orchestrator_test_${requiredEnv(TEST_ENV.runId)}_templates`);
    await prepareDatabase(databaseUrl);
    t = await startTestApp({ worker: true, env: { DATABASE_URL: databaseUrl } });
    district = await givenDistrict(t.app);
    admin = await givenUser(t.app, 'admin', district.id.city);
    adminToken = await t.login(admin.username, admin.password);
    const manager = await givenUser(t.app, 'manager', district.id.county);
    managerToken = await t.login(manager.username, manager.password);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    staffToken = await t.login(staff.username, staff.password);
    clinicHead = await givenUser(t.app, 'staff', district.id.clinics[0]);
    await t.app.get(DataSource).getRepository(Unit).update({ id: district.id.clinics[0] }, { headUserId: clinicHead.id });
  });
  afterAll(() => t.stop());

  it('lists every kind with its default text and the variables it may use', async () => {
    const res = await t.http.get('/api/notification-templates').set(auth(adminToken)).expect(200);
    expect(res.body).toEqual(
      Object.keys(DEFAULT_TEMPLATES).map((kind) => ({
        kind,
        ...DEFAULT_TEMPLATES[kind],
        customised: false,
        variables: TEMPLATE_VARIABLES[kind],
        updatedAt: null,
        updatedByUserId: null,
      })),
    );
  });

  it('refuses a template with a typo, naming every problem, and saves nothing', async () => {
    const res = await t.http
      .put('/api/notification-templates/escalation')
      .set(auth(adminToken))
      .send({ title: '【逾期督办】{{titel}}', body: '{{unitName}}逾期{{daysOverdue}}天{{#items}}' })
      .expect(400);
    expect(res.body.errors).toEqual([
      'title: unknown variable "titel"',
      'body: section {{#items}} is not closed',
      'body: unknown list "items"',
    ]);
    expect(await listed('escalation')).toMatchObject({ ...DEFAULT_TEMPLATES.escalation, customised: false });
    expect(await t.app.get(DataSource).getRepository(AuditEvent).countBy({ action: 'template.update' })).toBe(0);

    const unknown = await t.http.put('/api/notification-templates/remind').set(auth(adminToken)).send(EDITED).expect(404);
    expect(unknown.body.message).toContain('"remind"');
    await t.http.put('/api/notification-templates/escalation').set(auth(adminToken)).send({ title: EDITED.title }).expect(400);
  });

  it("uses a saved edit for the next escalation's text", async () => {
    const saved = await t.http.put('/api/notification-templates/escalation').set(auth(adminToken)).send(EDITED).expect(200);
    expect(saved.body).toMatchObject({ kind: 'escalation', ...EDITED, customised: true, updatedByUserId: admin.id });
    expect(await listed('escalation')).toMatchObject({ ...EDITED, customised: true });
    const audit = await t.app
      .get(DataSource)
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'template.update', entityId: 'escalation' });
    expect(audit).toMatchObject({ actorUserId: admin.id, details: { before: null, after: EDITED } });

    const task = await t.http
      .post('/api/tasks')
      .set(auth(managerToken))
      .send({
        title: '疾病再识别',
        unitId: district.id.clinics[0],
        dueAt: new Date(Date.now() + 4000).toISOString(),
        policy: escalateAtDue,
      })
      .expect(201);
    const escalation = await eventually(
      () =>
        t.app
          .get(DataSource)
          .getRepository(Notification)
          .createQueryBuilder('n')
          .where('n.businessKey LIKE :k', { k: `task:${task.body.id}:escalation:%` })
          .getOne()
          .then((n) => n ?? undefined),
      30_000,
      'the escalation notification',
    );
    expect(escalation).toMatchObject({
      recipientUserId: clinicHead.id,
      title: '【督办】第1村卫生室“疾病再识别”逾期0天（第1级）',
      body: expect.stringMatching(
        /^测试staff同志：第1村卫生室的“疾病再识别”已于\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d到期，请督促今日办结。$/,
      ),
    });
    await t.http.post(`/api/tasks/${task.body.id}/cancel`).set(auth(managerToken)).send({ reason: '测试结束' }).expect(201);
  });

  it('replaces an edit with the next one, and goes back to the default on reset', async () => {
    const first = { title: '【提醒】{{taskTitle}}', body: '{{taskTitle}}于{{dueAt}}到期。' };
    const second = { title: '【提醒】{{taskTitle}}', body: '{{taskTitle}}将于{{dueAt}}到期。' };
    const saved = await t.http.put('/api/notification-templates/reminder').set(auth(adminToken)).send(first).expect(200);
    const replaced = await t.http.put('/api/notification-templates/reminder').set(auth(adminToken)).send(second).expect(200);
    expect(replaced.body).toMatchObject({ ...second, customised: true });
    expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThan(Date.parse(saved.body.updatedAt));
    const updates = await t.app
      .get(DataSource)
      .getRepository(AuditEvent)
      .find({ where: { action: 'template.update', entityId: 'reminder' }, order: { id: 'ASC' } });
    expect(updates.map((e) => e.details)).toEqual([
      { before: null, after: first },
      { before: first, after: second },
    ]);

    const reset = await t.http.delete('/api/notification-templates/reminder').set(auth(adminToken)).expect(200);
    expect(reset.body).toMatchObject({ kind: 'reminder', ...DEFAULT_TEMPLATES.reminder, customised: false });
    expect(await listed('reminder')).toMatchObject({ ...DEFAULT_TEMPLATES.reminder, customised: false });
    const audit = await t.app.get(DataSource).getRepository(AuditEvent).findOneByOrFail({ action: 'template.reset', entityId: 'reminder' });
    expect(audit.details).toEqual({ before: second });
    await t.http.delete('/api/notification-templates/reminder').set(auth(adminToken)).expect(200);
    await t.http.delete('/api/notification-templates/remind').set(auth(adminToken)).expect(404);
  });

  it('is for admins only', async () => {
    for (const token of [managerToken, staffToken]) {
      await t.http.get('/api/notification-templates').set(auth(token)).expect(403);
      await t.http.put('/api/notification-templates/reminder').set(auth(token)).send(EDITED).expect(403);
      await t.http.delete('/api/notification-templates/reminder').set(auth(token)).expect(403);
      await t.http.post('/api/notification-templates/reminder/preview').set(auth(token)).send(EDITED).expect(403);
    }
    await t.http.get('/api/notification-templates').expect(401);
  });

  it('previews a template with Chinese samples or given values, saving nothing', async () => {
    for (const kind of Object.keys(DEFAULT_TEMPLATES)) {
      const res = await t.http
        .post(`/api/notification-templates/${kind}/preview`)
        .set(auth(adminToken))
        .send(DEFAULT_TEMPLATES[kind])
        .expect(200);
      expect(`${res.body.title}\n${res.body.body}`).not.toMatch(/\{\{|\}\}/);
    }
    const escalation = await t.http.post('/api/notification-templates/escalation/preview').set(auth(adminToken)).send(EDITED).expect(200);
    expect(escalation.body).toEqual({
      title: '【督办】中子镇白果村卫生室“建档立卡贫困人口疾病再识别”逾期3天（第1级）',
      body: '李建国同志：中子镇白果村卫生室的“建档立卡贫困人口疾病再识别”已于2027年3月25日 18:00到期，请督促今日办结。',
    });
    const digest = await t.http
      .post('/api/notification-templates/digest/preview')
      .set(auth(adminToken))
      .send({ title: '待办{{count}}项', body: '{{#items}}{{title}}；{{/items}}', vars: { count: 1, items: [{ title: '疾病再识别' }] } })
      .expect(200);
    expect(digest.body).toEqual({ title: '待办1项', body: '疾病再识别；' });

    const typo = await t.http
      .post('/api/notification-templates/escalation/preview')
      .set(auth(adminToken))
      .send({ title: '{{titel}}', body: '{{level}}' })
      .expect(400);
    expect(typo.body.errors).toEqual(['title: unknown variable "titel"']);
    const badValue = await t.http
      .post('/api/notification-templates/escalation/preview')
      .set(auth(adminToken))
      .send({ ...EDITED, vars: { level: { n: 1 } } })
      .expect(400);
    expect(badValue.body.errors).toEqual([expect.stringContaining('"level"')]);
    await t.http.post('/api/notification-templates/remind/preview').set(auth(adminToken)).send(EDITED).expect(404);
    expect(await listed('digest')).toMatchObject({ ...DEFAULT_TEMPLATES.digest, customised: false });
  });
});
