import { DataSource } from 'typeorm';
import { NotificationQueue } from '../../src/notifications/notification-queue';
import { NotificationDelivery } from '../../src/notifications/notification-settings.entity';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { District, givenDistrict, givenUser } from '../support/factories';
import { HttpReceiver, startHttpReceiver } from '../support/http-receiver';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const SECRET = 'delivery-webhook-secret';

/**
 * In-app delivery is the commit of the row (the inbox reads the table); the BullMQ `notifications` queue
 * carries outside channels only. Jobs of earlier releases and lost jobs still end in one send each.
 */
describe('notification delivery', () => {
  let t: TestApp;
  let district: District;
  let hook: HttpReceiver;
  const received: string[] = [];

  beforeAll(async () => {
    hook = await startHttpReceiver((request, res) => {
      received.push(request.url);
      res.writeHead(200).end();
    });
    t = await startTestApp({ worker: true, env: { NOTIFY_DIGEST_SECONDS: '0', NOTIFY_QUIET_HOURS: 'none' } });
    district = await givenDistrict(t.app);
  });
  afterAll(async () => {
    await t.stop();
    await hook.close();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function webhookUser(path: string) {
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const token = await t.login(user.username, user.password);
    await t.http
      .put('/api/notifications/settings')
      .set(auth(token))
      .send({ channels: ['webhook'], webhookUrl: `${hook.base}${path}`, webhookSecret: SECRET })
      .expect(200);
    return { user, token };
  }

  const draft = (recipientUserId: string, businessKey: string) => ({
    recipientUserId,
    businessKey,
    kind: 'reminder',
    title: '【任务提醒】投递测试',
    body: '请按时完成。',
  });

  const deliveriesOf = (notificationIds: string[]) =>
    t.app
      .get(DataSource)
      .getRepository(NotificationDelivery)
      .createQueryBuilder('d')
      .where('d.notificationId IN (:...ids)', { ids: notificationIds })
      .getMany();

  async function allSent(notificationIds: string[]): Promise<NotificationDelivery[]> {
    return eventually(async () => {
      const rows = await deliveriesOf(notificationIds);
      return rows.length === notificationIds.length && rows.every((d) => d.status === 'sent') ? rows : undefined;
    });
  }

  it('shows a notification in the inbox when its transaction commits, and queues only its outside delivery', async () => {
    const { user, token } = await webhookUser('/commit');
    const notifications = t.app.get(NotificationsService);
    const queue = t.app.get(NotificationQueue).queue;
    const inbox = async () => (await t.http.get('/api/notifications').set(auth(token)).expect(200)).body.items;

    const written = await t.app.get(DataSource).transaction(async (manager) => {
      const recorded = await notifications.record(manager, [draft(user.id, `test:delivery:commit:${user.id}`)]);
      expect(await inbox()).toEqual([]); // not committed yet
      return recorded;
    });
    expect((await inbox()).map((n: { id: string }) => n.id)).toEqual(written.notificationIds);
    expect(written.deliveryIds).toHaveLength(1);
    expect(await queue.getJob(`channel-${written.deliveryIds[0]}`)).toBeUndefined(); // nothing queued before the hand-on

    await notifications.handOn(written.deliveryIds);
    const [sent] = await allSent(written.notificationIds);
    expect(sent).toMatchObject({ channel: 'webhook', attempts: 1 });
    expect(received.filter((url) => url === '/commit')).toHaveLength(1);
  });

  it('hands on the outside deliveries of in-app jobs queued by earlier releases (one row; a batch), each sent once', async () => {
    const { user } = await webhookUser('/legacy');
    const written = await t.app.get(DataSource).transaction((manager) =>
      t.app.get(NotificationsService).record(
        manager,
        [1, 2, 3].map((n) => draft(user.id, `test:delivery:legacy:${n}:${user.id}`)),
      ),
    );
    const [one, ...batch] = written.notificationIds;
    const queue = t.app.get(NotificationQueue).queue;
    await queue.add('deliver', { notificationId: one }, { jobId: one });
    await queue.add('deliver-batch', { notificationIds: batch }, { jobId: `batch-${batch.join(',')}` });
    // The same rows again: their deliveries say sent (or are queued under their own id), nothing goes twice.
    await queue.add('deliver-batch', { notificationIds: written.notificationIds }, { jobId: `batch-again-${one}` });

    await allSent(written.notificationIds);
    await eventually(async () => ((await queue.getJob(`batch-again-${one}`)) ? undefined : true), 20_000, 'the repeated job to finish');
    await new Promise((r) => setTimeout(r, 500));
    expect(received.filter((url) => url === '/legacy')).toHaveLength(3);
  });

  it('sends once an outside delivery whose job Redis lost, through the outbox sweep', async () => {
    const { user } = await webhookUser('/lost');
    const written = await t.app
      .get(DataSource)
      .transaction((manager) => t.app.get(NotificationsService).record(manager, [draft(user.id, `test:delivery:lost:${user.id}`)]));
    // Committed, never handed on; a minute old.
    await t.app
      .get(DataSource)
      .query(`UPDATE notification_deliveries SET created_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [
        written.deliveryIds,
      ]);
    expect(await t.app.get(NotificationsService).requeueStale(30_000)).toBeGreaterThanOrEqual(1);
    const [sent] = await allSent(written.notificationIds);
    expect(sent.attempts).toBe(1);
    expect(received.filter((url) => url === '/lost')).toHaveLength(1);
  });
});
