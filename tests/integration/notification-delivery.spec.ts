import { DataSource } from 'typeorm';
import { NotificationDeliveryService } from '../../src/notifications/notification-delivery.service';
import { Notification } from '../../src/notifications/notification.entity';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { givenDistrict, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

describe('notifications queue', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ worker: true })));
  afterAll(() => t.stop());

  it('delivers an outbox row through BullMQ once, however often it is enqueued', async () => {
    const district = await givenDistrict(t.app);
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const repo = t.app.get(DataSource).getRepository(Notification);
    const row = await repo.save({ recipientUserId: user.id, businessKey: `test:${user.id}`, kind: 'test', title: '测试', body: '内容' });

    await t.app.get(NotificationsService).enqueue([row.id, row.id]);
    await t.app.get(NotificationsService).enqueue([row.id]);
    const sent = await eventually(async () => {
      const current = await repo.findOneByOrFail({ id: row.id });
      return current.status === 'sent' ? current : undefined;
    });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.attempts).toBe(1);
    expect(await t.app.get(NotificationDeliveryService).deliver(row.id)).toBe('already-sent');
    expect((await repo.findOneByOrFail({ id: row.id })).attempts).toBe(1);
  });
});

describe('outbox sweeper', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ worker: true })));
  afterAll(() => t.stop());

  it('enqueues again the rows whose jobs Redis lost', async () => {
    const district = await givenDistrict(t.app);
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const repo = t.app.get(DataSource).getRepository(Notification);
    // Written and committed, but its job never reached (or was lost by) Redis.
    const row = await repo.save({
      recipientUserId: user.id,
      businessKey: `lost:${user.id}`,
      kind: 'test',
      title: '丢失',
      body: '重新投递',
    });
    await repo.update({ id: row.id }, { createdAt: new Date(Date.now() - 60_000) });
    expect(await t.app.get(NotificationsService).requeueStale(30_000)).toBeGreaterThanOrEqual(1);
    const sent = await eventually(async () => {
      const current = await repo.findOneByOrFail({ id: row.id });
      return current.status === 'sent' ? current : undefined;
    });
    expect(sent.attempts).toBe(1);
  });
});
