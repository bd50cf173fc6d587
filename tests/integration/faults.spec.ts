import { ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { AnnouncementWorkflowClient } from '../../src/announcements/announcement-workflow-client';
import { Announcement } from '../../src/announcements/announcement.entity';
import { AnnouncementsService } from '../../src/announcements/announcements.service';
import { dataSourceOptions } from '../../src/database/data-source';
import { BackgroundSweeps } from '../../src/health/background-sweeps';
import { NotificationQueue } from '../../src/notifications/notification-queue';
import { NotificationDelivery } from '../../src/notifications/notification-settings.entity';
import { Notification } from '../../src/notifications/notification.entity';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { District, givenDistrict, givenUser } from '../support/factories';
import { HttpReceiver, startHttpReceiver } from '../support/http-receiver';
import { requiredEnv, TEST_ENV } from '../support/test-env';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const SECRET = 'faults-webhook-secret';

/**
 * Issue 14, reliability under faults (defects 19, 21, 22): sends and Temporal calls hold no transaction,
 * sessions carry timeouts, rows are committed before their workflow starts, a lost start or claim is
 * picked up by a sweep, failed jobs do not block their rows, and a failing sweep shows on /health.
 */
describe('reliability under faults', () => {
  let t: TestApp;
  let offline: TestApp;
  let observer: DataSource;
  let district: District;
  let hook: HttpReceiver;
  const received: { path: string; body: string }[] = [];
  /** Requests to /held wait here until the test answers them. */
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    hook = await startHttpReceiver((request, res) => {
      received.push({ path: request.url, body: request.body.toString() });
      if (request.url === '/held') held.push(res);
      else res.writeHead(200).end();
    });
    t = await startTestApp({ worker: true, env: { NOTIFY_DIGEST_SECONDS: '0', NOTIFY_QUIET_HOURS: 'none' } });
    // Temporal unreachable (nothing listens on port 1), short deadlines and session timeouts.
    offline = await startTestApp({
      env: {
        TEMPORAL_ADDRESS: '127.0.0.1:1',
        TEMPORAL_CALL_TIMEOUT_MS: '1000',
        DB_STATEMENT_TIMEOUT_MS: '800',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '800',
      },
    });
    observer = await new DataSource(dataSourceOptions(requiredEnv(TEST_ENV.databaseUrl))).initialize();
    district = await givenDistrict(t.app);
  });
  afterAll(async () => {
    for (const res of held) res.writeHead(200).end();
    await observer.destroy();
    await offline.stop();
    await t.stop();
    await hook.close();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function webhookUser(path: string) {
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const token = await t.login(user.username, user.password);
    const url = `${hook.base}${path}`;
    await t.http
      .put('/api/notifications/settings')
      .set(auth(token))
      .send({ channels: ['webhook'], webhookUrl: url, webhookSecret: SECRET })
      .expect(200);
    return user;
  }

  /** An inbox row and its webhook delivery, committed but not handed to the queue. */
  async function record(recipientUserId: string, businessKey: string): Promise<{ id: string; deliveryIds: string[] }> {
    const written = await t.app
      .get(DataSource)
      .transaction((manager) =>
        t.app
          .get(NotificationsService)
          .record(manager, [{ recipientUserId, businessKey, kind: 'reminder', title: '【任务提醒】故障测试', body: '请按时完成。' }]),
      );
    return { id: written.notificationIds[0], deliveryIds: written.deliveryIds };
  }

  /**
   * Rows as a sweep finds them: recorded 10 minutes ago. The sweeps below then look only at rows older
   * than 5 minutes, which other test files sharing the database never leave behind on purpose.
   */
  async function backdate(table: 'notifications' | 'notification_deliveries' | 'announcements', column: string, id: string) {
    await observer.query(`UPDATE ${table} SET created_at = now() - interval '10 minutes' WHERE ${column} = $1`, [id]);
  }
  const SWEEP_AGE_MS = 5 * 60_000;

  const deliveryOf = (notificationId: string) => observer.getRepository(NotificationDelivery).findOneByOrFail({ notificationId });

  describe('database sessions', () => {
    it('carry a statement timeout and an idle-in-transaction timeout (60 s by default)', async () => {
      expect(await t.app.get(DataSource).query('SHOW statement_timeout')).toEqual([{ statement_timeout: '1min' }]);
      expect(await t.app.get(DataSource).query('SHOW idle_in_transaction_session_timeout')).toEqual([
        { idle_in_transaction_session_timeout: '1min' },
      ]);
      const db = offline.app.get(DataSource);
      await expect(db.query('SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
      const runner = db.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query('SELECT 1');
        await new Promise((r) => setTimeout(r, 2000));
        // The server ended the session, and with it the transaction and its locks.
        await expect(runner.query('SELECT 1')).rejects.toThrow();
      } finally {
        await runner.release();
      }
      expect(await db.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    });
  });

  describe('outside deliveries', () => {
    it('are sent with no transaction open: the row is claimed (sending) and unlocked while the webhook answers slowly', async () => {
      const user = await webhookUser('/held');
      const { id, deliveryIds } = await record(user.id, `test:faults:held:${user.id}`);
      await t.app.get(NotificationsService).handOn(deliveryIds);
      await eventually(() => Promise.resolve(held.length > 0 ? true : undefined), 20_000, 'the webhook to be called');

      // Before the fix this row was locked by the sending transaction: NOWAIT failed with 55P03.
      const locked = await observer.transaction((manager) =>
        manager.query(`SELECT status, claimed_at FROM notification_deliveries WHERE notification_id = $1 FOR UPDATE NOWAIT`, [id]),
      );
      expect(locked).toEqual([{ status: 'sending', claimed_at: expect.any(Date) }]);

      held.shift()!.writeHead(200).end();
      const sent = await eventually(async () => {
        const d = await deliveryOf(id);
        return d.status === 'sent' ? d : undefined;
      });
      expect(sent).toMatchObject({ attempts: 1, claimedAt: null, lastError: null });
    });

    it('claimed by a sender that died go back to pending after the lease, and are sent once', async () => {
      const user = await webhookUser('/after-lease');
      const { id } = await record(user.id, `test:faults:lease:${user.id}`);
      // As a worker killed between claim and mark leaves it: the webhook claimed 10 minutes ago.
      await observer.query(
        `UPDATE notification_deliveries SET status = 'sending', claimed_at = now() - interval '10 minutes' WHERE notification_id = $1`,
        [id],
      );
      // A fresh claim (under the lease) is left alone.
      const fresh = await webhookUser('/fresh-claim');
      const { id: freshId } = await record(fresh.id, `test:faults:fresh:${fresh.id}`);
      await observer.query(`UPDATE notification_deliveries SET status = 'sending', claimed_at = now() WHERE notification_id = $1`, [
        freshId,
      ]);
      for (const n of [id, freshId]) {
        await backdate('notifications', 'id', n);
        await backdate('notification_deliveries', 'notification_id', n);
      }

      await t.app.get(NotificationsService).requeueStale(SWEEP_AGE_MS);
      await eventually(async () => ((await deliveryOf(id)).status === 'sent' ? true : undefined), 20_000, 'the released delivery');
      expect(received.filter((r) => r.path === '/after-lease')).toHaveLength(1);
      expect((await deliveryOf(freshId)).status).toBe('sending');
      expect(received.filter((r) => r.path === '/fresh-claim')).toHaveLength(0);
    });
  });

  describe('the outbox sweeper', () => {
    it('re-enqueues a delivery whose job failed without the row saying so (a failed job no longer blocks its id)', async () => {
      const user = await webhookUser('/blocked');
      const {
        id,
        deliveryIds: [deliveryId],
      } = await record(user.id, `test:faults:blocked:${user.id}`);
      // A job under the delivery's job id that fails for good before anything is recorded on the row.
      const queue = t.app.get(NotificationQueue).queue;
      const jobId = `channel-${deliveryId}`;
      await queue.add('no-such-job', { deliveryId }, { jobId, attempts: 1 });
      await eventually(async () => ((await (await queue.getJob(jobId))?.isFailed()) ? true : undefined), 20_000, 'the job to fail');
      expect((await deliveryOf(id)).status).toBe('pending');

      await backdate('notification_deliveries', 'notification_id', id);
      await t.app.get(NotificationsService).requeueStale(SWEEP_AGE_MS);
      const delivered = await eventually(async () => {
        const d = await deliveryOf(id);
        return d.status === 'sent' ? d : undefined;
      });
      expect(delivered.attempts).toBe(1);
      expect(received.filter((r) => r.path === '/blocked')).toHaveLength(1);
    });

    it('reports a failing pass on /health, naming the sweep, until a later pass succeeds', async () => {
      const sweeps = t.app.get(BackgroundSweeps);
      await sweeps.run('outbox', () => Promise.reject(new Error('connection to server was lost')));
      const failing = (await t.http.get('/health')).body;
      expect(failing.status).not.toBe('ok');
      expect(failing.components.sweeps).toMatchObject({
        status: 'degraded',
        failing: [{ name: 'outbox', since: expect.any(String), error: 'connection to server was lost' }],
      });
      expect(failing.components.sweeps.error).toContain('the outbox sweep fails');

      await sweeps.run('outbox', () => Promise.resolve());
      expect((await t.http.get('/health')).body.components.sweeps).toEqual({ status: 'up', latencyMs: expect.any(Number), failing: [] });
    });
  });

  describe('workflow starts', () => {
    it('commit the announcement before its workflow starts', async () => {
      const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
      const token = await t.login(manager.username, manager.password);
      const client = t.app.get(AnnouncementWorkflowClient);
      const start = client.start.bind(client);
      const seenAtStart: unknown[] = [];
      // What another connection sees when the start goes out: before the fix, nothing (not committed).
      client.start = async (id: string) => {
        seenAtStart.push((await observer.query(`SELECT status FROM announcements WHERE id = $1`, [id]))[0]?.status);
        return start(id);
      };
      try {
        const created = await t.http
          .post('/api/announcements')
          .set(auth(token))
          .send({ title: '提交后再启动', body: '先提交，后启动。', scopeUnitId: district.id.townships[0] })
          .expect(202);
        expect(seenAtStart).toEqual(['sending']);
        await eventually(async () => {
          const a = await observer.getRepository(Announcement).findOneByOrFail({ id: created.body.id });
          return a.status === 'sent' ? a : undefined;
        });
      } finally {
        client.start = start;
      }
    });

    it('answer within the call deadline while Temporal is down, and the start sweep sends the announcement later', async () => {
      const manager = await givenUser(offline.app, 'manager', district.id.townships[1]);
      const recipient = await givenUser(offline.app, 'staff', district.id.clinics[2]);
      const token = await offline.login(manager.username, manager.password);
      // Before the fix: 503 after the SDK's retries, with the transaction (and its connection) held meanwhile.
      const created = await offline.http
        .post('/api/announcements')
        .set(auth(token))
        .send({ title: '停机期间的通知', body: '恢复后送达。', scopeUnitId: district.id.townships[1] })
        .expect(202);
      expect(created.body.status).toBe('sending');
      expect((await observer.getRepository(Announcement).findOneByOrFail({ id: created.body.id })).status).toBe('sending');

      // Temporal is back (the live app): the sweep starts what is still sending.
      await backdate('announcements', 'id', created.body.id);
      expect(await t.app.get(AnnouncementsService).startStuck(SWEEP_AGE_MS)).toBeGreaterThanOrEqual(1);
      await eventually(async () => {
        const a = await observer.getRepository(Announcement).findOneByOrFail({ id: created.body.id });
        return a.status === 'sent' ? a : undefined;
      });
      expect(await observer.getRepository(Notification).countBy({ recipientUserId: recipient.id, kind: 'announcement' })).toBe(1);
    });

    it('change nothing when Temporal does not answer for a recurring task’s schedule', async () => {
      const manager = await givenUser(offline.app, 'manager', district.id.county);
      const token = await offline.login(manager.username, manager.password);
      const before = await observer.query(`SELECT count(*)::int AS n FROM recurring_task_definitions`);
      const res = await offline.http
        .post('/api/recurring-tasks')
        .set(auth(token))
        .send({
          title: '录入全国健康扶贫动态管理系统（{{period}}）',
          kind: 'monthly_system_update',
          scopeUnitId: district.id.county,
          unitKind: 'health_centre',
          cron: '0 9 1 * *',
          dueAfterDays: 5,
        })
        .expect(503);
      expect(res.body.message).toContain('the recurring task was not created');
      expect(await observer.query(`SELECT count(*)::int AS n FROM recurring_task_definitions`)).toEqual(before);
    });
  });
});
