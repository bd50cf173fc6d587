import { DataSource } from 'typeorm';
import { AnnouncementsService } from '../../src/announcements/announcements.service';
import { NotificationDelivery, NotificationSettings } from '../../src/notifications/notification-settings.entity';
import { Notification } from '../../src/notifications/notification.entity';
import { TemporalClient } from '../../src/temporal/temporal.module';
import { announcementWorkflowId } from '../../workflows/announcement.contract';
import { District, givenDistrict, givenUser } from '../support/factories';
import { recordHistory } from '../support/histories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The whole path through real components: the API starts a workflow on the real dev server, the
 * worker's activity writes inbox rows to PostgreSQL, BullMQ on Redis delivers them, and the
 * recipients read them back through HTTP.
 */
describe('announcement workflow', () => {
  let t: TestApp;
  let district: District;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    district = await givenDistrict(t.app);
  });
  afterAll(() => t.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const workflowHandle = (announcementId: string) =>
    t.app.get(TemporalClient).client.workflow.getHandle(announcementWorkflowId(announcementId));
  const workflowResult = (announcementId: string) => workflowHandle(announcementId).result();

  it('reaches every user of the township, and nobody outside it, exactly once', async () => {
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const inside = await givenUser(t.app, 'staff', district.id.clinics[1]);
    const outside = await givenUser(t.app, 'staff', district.id.clinics[2]);
    const managerToken = await t.login(manager.username, manager.password);
    // An outside channel chosen by a recipient gets the announcement too (its sending is tested with the channels).
    await t.app
      .get(DataSource)
      .getRepository(NotificationSettings)
      .save({ userId: inside.id, channels: ['webhook'], webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'announcement-test-secret' });

    const created = await t.http
      .post('/api/announcements')
      .set(auth(managerToken))
      .send({ title: '疾病再识别工作安排', body: '请于3月25日前完成。', scopeUnitId: district.id.townships[0] })
      .expect(202);
    expect(created.body.status).toBe('sending');
    expect(await workflowResult(created.body.id)).toBe(2);
    await recordHistory(workflowHandle(created.body.id), 'announcement');

    const insideToken = await t.login(inside.username, inside.password);
    // In the inbox once the fan-out committed: no delivery job in between.
    const inbox = (await t.http.get('/api/notifications').set(auth(insideToken)).expect(200)).body;
    expect(inbox.total).toBe(1);
    // Rendered from the editable announcement template, signed by its author.
    expect(inbox.items[0]).toMatchObject({ kind: 'announcement', title: '【通知】疾病再识别工作安排', readAt: null });
    expect(inbox.items[0].body).toMatch(/^请于3月25日前完成。\n\n测试manager\n\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const deliveries = await t.app.get(DataSource).getRepository(NotificationDelivery).findBy({ notificationId: inbox.items[0].id });
    expect(deliveries.map((d) => d.channel)).toEqual(['webhook']);

    const announcement = await t.http.get(`/api/announcements/${created.body.id}`).set(auth(managerToken)).expect(200);
    expect(announcement.body).toMatchObject({ status: 'sent', recipientCount: 2 });

    const outsideToken = await t.login(outside.username, outside.password);
    const none = await t.http.get('/api/notifications').set(auth(outsideToken)).expect(200);
    expect(none.body.total).toBe(0);
    await t.http.get(`/api/announcements/${created.body.id}`).set(auth(outsideToken)).expect(403);

    await t.http.get('/api/notifications/unread-count').set(auth(insideToken)).expect(200, { unread: 1 });
    await t.http.post(`/api/notifications/${inbox.items[0].id}/read`).set(auth(insideToken)).expect(204);
    await t.http.get('/api/notifications/unread-count').set(auth(insideToken)).expect(200, { unread: 0 });
    await t.http.post(`/api/notifications/${inbox.items[0].id}/read`).set(auth(outsideToken)).expect(404);
  });

  it('writes nothing new when the fan-out activity runs again', async () => {
    const admin = await givenUser(t.app, 'admin', district.id.county);
    const token = await t.login(admin.username, admin.password);
    const created = await t.http
      .post('/api/announcements')
      .set(auth(token))
      .send({ title: '重复执行', body: '幂等', scopeUnitId: district.id.townships[1] })
      .expect(202);
    const recipients = await workflowResult(created.body.id);
    // As a retry after the activity's commit would: the same call again adds no rows.
    expect(await t.app.get(AnnouncementsService).fanOut(created.body.id)).toBe(recipients);
    const rows = await t.app
      .get(DataSource)
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.businessKey LIKE :p', { p: `announcement:${created.body.id}:%` })
      .getCount();
    expect(rows).toBe(recipients);
  });

  it('refuses a scope outside the author, and staff altogether', async () => {
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const token = await t.login(manager.username, manager.password);
    await t.http
      .post('/api/announcements')
      .set(auth(token))
      .send({ title: 'x', body: 'y', scopeUnitId: district.id.townships[1] })
      .expect(403);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const staffToken = await t.login(staff.username, staff.password);
    await t.http
      .post('/api/announcements')
      .set(auth(staffToken))
      .send({ title: 'x', body: 'y', scopeUnitId: district.id.clinics[0] })
      .expect(403);
  });
});
