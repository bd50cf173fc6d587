import { IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { verifyWebhookSignature } from '../../src/notifications/channels/webhook.sender';
import { NotificationDelivery } from '../../src/notifications/notification-settings.entity';
import { NotificationItemData } from '../../src/notifications/notification.entity';
import { NotificationQueue } from '../../src/notifications/notification-queue';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { givenDistrict, givenUser } from '../support/factories';
import { HttpReceiver, startHttpReceiver } from '../support/http-receiver';
import { decodeWords, parseMail } from '../support/mail';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const SECRET = 'webhook-secret-for-tests';

/**
 * A webhook receiver and an SMTP server on real sockets receive exactly what the recipient's inbox
 * shows, once each, through the worker's queue processors.
 */
describe('outside notification channels', () => {
  let t: TestApp;
  let http: HttpReceiver;
  let smtp: SMTPServer;
  let answer = 200;
  const posts: { headers: IncomingHttpHeaders; body: string }[] = [];
  const mails: string[] = [];

  beforeAll(async () => {
    http = await startHttpReceiver((request, res) => {
      posts.push({ headers: request.headers, body: request.body.toString() });
      res.writeHead(answer).end();
    });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, done) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
        stream.on('end', () => {
          mails.push(raw);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    // Digests gather for 2 s here (60 s by default); no quiet hours, whatever the hour of the run.
    t = await startTestApp({
      worker: true,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SMTP_FROM: 'noreply@orchestrator.test',
        NOTIFY_DIGEST_SECONDS: '2',
        NOTIFY_QUIET_HOURS: 'none',
      },
    });
  });
  afterAll(async () => {
    await t.stop();
    await http.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function notify(recipientUserId: string, businessKey: string, data?: NotificationItemData) {
    const notifications = t.app.get(NotificationsService);
    await t.app.get(DataSource).transaction((manager) =>
      notifications.record(manager, [
        {
          recipientUserId,
          businessKey,
          kind: 'reminder',
          title: '【任务提醒】疾病再识别',
          body: '请于3月25日前完成辖区贫困人口疾病再识别。',
          data,
        },
      ]),
    );
    await notifications.handOnPending([businessKey]);
  }

  async function givenWebhookUser(path: string) {
    const district = await givenDistrict(t.app);
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const token = await t.login(user.username, user.password);
    const url = `${http.base}${path}`;
    await t.http
      .put('/api/notifications/settings')
      .set(auth(token))
      .send({ channels: ['webhook'], webhookUrl: url, webhookSecret: SECRET })
      .expect(200);
    return user;
  }

  it('delivers the inbox message to the webhook (signed) and by e-mail, once each', async () => {
    const district = await givenDistrict(t.app);
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const token = await t.login(user.username, user.password);
    const url = `${http.base}/hook`;
    const settings = await t.http
      .put('/api/notifications/settings')
      .set(auth(token))
      .send({ channels: ['webhook', 'email'], email: 'doctor@village.test', webhookUrl: url, webhookSecret: SECRET })
      .expect(200);
    expect(settings.body).toEqual({ channels: ['webhook', 'email'], email: 'doctor@village.test', webhookUrl: url });

    await notify(user.id, `test:channels:${user.id}`);
    await eventually(() => Promise.resolve(posts.length >= 1 && mails.length >= 1 ? true : undefined), 20_000, 'both channels');
    const inbox = (await t.http.get('/api/notifications').set(auth(token)).expect(200)).body.items;
    expect(inbox).toHaveLength(1);
    const shown = inbox[0];

    const [post] = posts;
    expect(
      verifyWebhookSignature(
        SECRET,
        post.headers['x-orchestrator-timestamp'] as string,
        post.body,
        post.headers['x-orchestrator-signature'] as string,
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    expect(JSON.parse(post.body)).toMatchObject({
      id: shown.id,
      kind: 'reminder',
      title: shown.title,
      body: shown.body,
      recipient: { userId: user.id },
    });

    const mail = parseMail(mails[0]);
    expect(decodeWords(mail.headers.subject)).toBe(shown.title);
    expect(mail.text).toBe(shown.body);
    expect(mail.headers['x-orchestrator-delivery']).toBe(shown.id);

    // Handed on again (as a lost job's sweep would): the delivery rows say sent, nothing goes out twice.
    const deliveries = await t.app.get(DataSource).getRepository(NotificationDelivery).findBy({ notificationId: shown.id });
    await t.app.get(NotificationsService).handOn(deliveries.map((d) => d.id));
    const queue = t.app.get(NotificationQueue).queue;
    // Completed jobs are removed: both ran once their digest window passed.
    await eventually(
      async () => ((await Promise.all(deliveries.map((d) => queue.getJob(`channel-${d.id}`)))).every((job) => !job) ? true : undefined),
      20_000,
      'the second jobs to run',
    );
    expect([posts.length, mails.length]).toEqual([1, 1]);
    expect(deliveries.map((d) => [d.channel, d.status]).sort()).toEqual([
      ['email', 'sent'],
      ['webhook', 'sent'],
    ]);
  });

  it('sends the task items that reach one person together as one digest', async () => {
    const user = await givenWebhookUser('/digest');
    const before = posts.length;
    for (const i of [1, 2, 3]) {
      await notify(user.id, `test:digest:${user.id}:${i}`, {
        taskId: `t${i}`,
        taskTitle: `任务${i}`,
        unitName: '青龙村卫生室',
        dueAt: '2027年3月25日 23:59',
      });
    }
    await eventually(
      async () => {
        const rows = await t.app
          .get(DataSource)
          .getRepository(NotificationDelivery)
          .createQueryBuilder('d')
          .innerJoin('notifications', 'n', 'n.id = d.notification_id')
          .where('n.recipient_user_id = :id', { id: user.id })
          .getMany();
        return rows.length === 3 && rows.every((d) => d.status === 'sent') ? rows : undefined;
      },
      20_000,
      'the digest',
    );
    const digests = posts.slice(before).filter((p) => p.headers['x-orchestrator-event'] === 'digest');
    expect(posts.length - before).toBe(1);
    const payload = JSON.parse(digests[0].body);
    expect(payload.title).toBe('【待办汇总】您有3项任务待处理');
    expect(payload.body).toContain('- 任务2（青龙村卫生室，2027年3月25日 23:59到期）');
    expect(payload.data.items).toHaveLength(3);
  });

  it('marks a delivery failed at once when the receiver refuses it for good', async () => {
    answer = 410;
    const user = await givenWebhookUser('/gone');
    await notify(user.id, `test:refused:${user.id}`);
    const delivery = await eventually(async () => {
      const [row] = await t.app
        .get(DataSource)
        .getRepository(NotificationDelivery)
        .createQueryBuilder('d')
        .innerJoin('notifications', 'n', 'n.id = d.notification_id')
        .where('n.recipient_user_id = :id', { id: user.id })
        .getMany();
      return row?.status === 'failed' ? row : undefined;
    });
    expect(delivery.attempts).toBe(1);
    expect(delivery.lastError).toContain('410');
  });

  it('refuses settings that cannot be delivered, naming the field', async () => {
    const district = await givenDistrict(t.app);
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const token = await t.login(user.username, user.password);
    const res = await t.http
      .put('/api/notifications/settings')
      .set(auth(token))
      .send({ channels: ['webhook'] })
      .expect(400);
    expect(res.body.message).toContain('webhookUrl');
    await t.http
      .put('/api/notifications/settings')
      .set(auth(token))
      .send({ channels: ['sms'] })
      .expect(400);
  });
});
