import { DataSource } from 'typeorm';
import { NotificationDeliveryService } from '../../src/notifications/notification-delivery.service';
import { Notification } from '../../src/notifications/notification.entity';
import { DELIVER_JOB, DELIVERY_BATCH_SIZE, NotificationQueue } from '../../src/notifications/notification-queue';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { givenDistrict, givenUser } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';

describe('notifications queue', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ worker: true })));
  afterAll(() => t.stop());

  async function rows(count: number, prefix: string): Promise<Notification[]> {
    const district = await givenDistrict(t.app);
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    return t.app.get(DataSource).query(
      `INSERT INTO notifications (recipient_user_id, business_key, kind, title, body)
       SELECT $1, $2 || n, 'test', '测试', '内容' FROM generate_series(1, $3::int) AS n RETURNING id`,
      [user.id, `${prefix}:${user.id}:`, count],
    );
  }

  async function allSent(ids: string[]): Promise<{ status: string; attempts: number; sent_at: Date | null }[]> {
    return eventually(async () => {
      const current: { status: string; attempts: number; sent_at: Date | null }[] = await t.app
        .get(DataSource)
        .query(`SELECT status, attempts, sent_at FROM notifications WHERE id = ANY($1::uuid[])`, [ids]);
      return current.every((n) => n.status === 'sent') ? current : undefined;
    });
  }

  it('delivers an outbox row through BullMQ once, however often it is enqueued', async () => {
    const [row] = await rows(1, 'test');
    await t.app.get(NotificationsService).enqueue([row.id, row.id]);
    await t.app.get(NotificationsService).enqueue([row.id]);
    const [sent] = await allSent([row.id]);
    expect(sent.sent_at).not.toBeNull();
    expect(sent.attempts).toBe(1);
    expect(await t.app.get(NotificationDeliveryService).deliver([row.id])).toEqual({ sent: 0, skipped: 1 });
    expect((await t.app.get(DataSource).getRepository(Notification).findOneByOrFail({ id: row.id })).attempts).toBe(1);
  });

  it("delivers a clock page's rows in a few jobs, each row once, also when the same rows are enqueued again", async () => {
    const page = await rows(DELIVERY_BATCH_SIZE + 20, 'page');
    const ids = page.map((r) => r.id);
    await t.app.get(NotificationsService).enqueue(ids);
    await t.app.get(NotificationsService).enqueue(ids.slice(0, 30));
    const sent = await allSent(ids);
    expect(sent).toHaveLength(ids.length);
    expect(sent.every((n) => n.attempts === 1 && n.sent_at !== null)).toBe(true);
  });

  it('still delivers a one-row job queued by a release before batches', async () => {
    const [row] = await rows(1, 'legacy');
    await t.app.get(NotificationQueue).queue.add(DELIVER_JOB, { notificationId: row.id }, { jobId: row.id });
    const [sent] = await allSent([row.id]);
    expect(sent.attempts).toBe(1);
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
