import { DataSource } from 'typeorm';
import { prepareDatabase } from '../../src/database/bootstrap';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { NotificationQueue } from '../../src/notifications/notification-queue';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { databaseUrlNamed, requiredEnv, TEST_ENV } from '../support/test-env';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
const DAY = 86_400_000;

/** One reminder the day before and two escalation levels: three moments per task. */
const threeMoments = {
  remindersBefore: [{ unit: 'calendar_days', amount: 1 }],
  quietHours: { start: '00:00', end: '00:00' },
  escalation: [
    { level: 1, after: { unit: 'seconds', amount: 0 }, target: 'assigned_unit_head', opensFormalTalk: false },
    { level: 2, after: { unit: 'calendar_days', amount: 2 }, target: 'supervising_unit_head', opensFormalTalk: false },
  ],
  digestWindow: 'none',
};

/** Prometheus text as `name{label="value",…}` (labels sorted) → value; comments left out. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = (match[2] ?? '').match(/\w+="[^"]*"/g) ?? [];
    samples.set(labels.length ? `${match[1]}{${labels.sort().join(',')}}` : match[1], Number(match[3]));
  }
  return samples;
}

describe('GET /metrics', () => {
  let t: TestApp;
  let db: DataSource;
  let district: District;
  let managerToken: string;
  const scrape = async () => parseMetrics((await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text);

  beforeAll(async () => {
    // The gauges count over the whole database: one of its own, so the fixture alone decides them.
    const databaseUrl = databaseUrlNamed(`orchestrator_test_${requiredEnv(TEST_ENV.runId)}_metrics`);
    await prepareDatabase(databaseUrl);
    t = await startTestApp({ env: { DATABASE_URL: databaseUrl, METRICS_TOKEN } });
    db = t.app.get(DataSource);
    district = await givenDistrict(t.app);
    const manager = await givenUser(t.app, 'manager', district.id.county);
    managerToken = await t.login(manager.username, manager.password);
  });
  afterAll(() => t.stop());

  it('refuses a scrape without the METRICS_TOKEN Bearer token', async () => {
    const none = await t.http.get('/metrics').expect(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}x`).expect(401);
    await t.http.get('/metrics').set('Authorization', METRICS_TOKEN).expect(401);
    // A user's access token is not the scrape token.
    await t.http.get('/metrics').set('Authorization', `Bearer ${managerToken}`).expect(401);
    await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
  });

  it('exports the clocks, the outbox and the queues as the fixture left them', async () => {
    // Two tasks through the API: the real planner writes three pending moments each and records their clock.
    for (const unitId of district.id.clinics.slice(0, 2)) {
      await t.http
        .post('/api/tasks')
        .set('Authorization', `Bearer ${managerToken}`)
        .send({ title: '季度随访', unitId, dueAt: new Date(Date.now() + 10 * DAY).toISOString(), policy: threeMoments })
        .expect(201);
    }
    // One task as the past left it, with moments written straight to the table on a clock nobody runs.
    const past = await db.getRepository(Task).save({
      kind: 'standalone',
      title: '逾期任务',
      unitId: district.id.clinics[2],
      dueAt: new Date(Date.now() - 2 * DAY),
      policy: DEFAULT_DEADLINE_POLICY,
    });
    const moments = (rows: [kind: string, seq: number, status: string, dueSecondsAgo: number, actedSecondsAgo: number | null][]) =>
      db.query(
        `INSERT INTO deadline_moments (task_id, clock_key, kind, seq, deadline_version, due_at, status, acted_at)
         SELECT $1, 'test:nobody', k, s, 1, now() - make_interval(secs => d), st,
                CASE WHEN a IS NULL THEN NULL ELSE now() - make_interval(secs => a) END
         FROM unnest($2::varchar[], $3::int[], $4::varchar[], $5::float8[], $6::float8[]) AS r(k, s, st, d, a)`,
        [past.id, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
      );
    await moments([
      ['escalation', 1, 'pending', 3600, null], // due an hour ago, not acted: the lag
      ['reminder', 0, 'acted', 600, 5], // acted in the last minute: 6 of them
      ['reminder', 1, 'acted', 600, 6],
      ['reminder', 2, 'acted', 600, 7],
      ['reminder', 3, 'acted', 600, 8],
      ['reminder', 4, 'acted', 600, 9],
      ['reminder', 5, 'acted', 600, 10],
      ['reminder', 6, 'acted', 900, 300], // acted five minutes ago: outside the window
      ['reminder', 7, 'void', 900, null],
    ]);
    await db.query(
      `INSERT INTO deadline_clocks (clock_key, next_wake_at) VALUES ('test:busy', now() + interval '1 hour'), ('test:idle', NULL)`,
    );

    // The outbox: outside deliveries in each state (in-app rows have none: they are in the inbox once written).
    const recipient = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const notifications: { id: string }[] = await db.query(
      `INSERT INTO notifications (recipient_user_id, business_key, kind, title, body)
       SELECT $1, 'metrics-test:' || n, 'reminder', '任务提醒', '正文' FROM generate_series(1, 3) AS n RETURNING id`,
      [recipient.id],
    );
    const deliveries: [channel: string, status: string][] = [
      ['webhook', 'pending'],
      ['email', 'pending'],
      ['webhook', 'failed'],
      ['email', 'sent'],
      ['webhook', 'pending'],
    ];
    await db.query(
      `INSERT INTO notification_deliveries (notification_id, channel, status) SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[])`,
      [deliveries.map((_, i) => notifications[Math.floor(i / 2)].id), deliveries.map((d) => d[0]), deliveries.map((d) => d[1])],
    );

    // The notifications queue: no worker runs here, so a job waits (one) or is delayed (one).
    const queue = t.app.get(NotificationQueue);
    await queue.enqueueChannels(['00000000-0000-4000-8000-000000000001']);
    await queue.enqueueChannels(['00000000-0000-4000-8000-000000000002'], 3_600_000);

    const m = await scrape();
    expect(m.get('deadline_moments_pending')).toBe(2 * 3 + 1);
    expect(m.get('deadline_clock_lag_seconds')).toBeGreaterThanOrEqual(3600);
    expect(m.get('deadline_clock_lag_seconds')).toBeLessThan(3660);
    expect(m.get('deadline_moments_acted_per_second')).toBeCloseTo(6 / 60, 10);
    // The tasks' county clock (woken by the API) and test:busy have a next wake; test:idle has none.
    expect(m.get('deadline_clocks')).toBe(2);
    expect(m.get('notifications_pending{channel="in_app"}')).toBeUndefined();
    expect(m.get('notifications_pending{channel="webhook"}')).toBe(2);
    expect(m.get('notifications_pending{channel="email"}')).toBe(1);
    expect(m.get('notifications_failed{channel="webhook"}')).toBe(1);
    expect(m.get('notifications_failed{channel="email"}')).toBe(0);
    expect(m.get('bullmq_queue_jobs{queue="notifications",state="waiting"}')).toBe(1);
    expect(m.get('bullmq_queue_jobs{queue="notifications",state="delayed"}')).toBe(1);
    expect(m.get('bullmq_queue_jobs{queue="notifications",state="active"}')).toBe(0);
    expect(m.get('bullmq_queue_jobs{queue="notifications",state="failed"}')).toBe(0);
    for (const state of ['waiting', 'active', 'delayed', 'failed'])
      expect(m.get(`bullmq_queue_jobs{queue="register-imports",state="${state}"}`)).toBe(0);
    expect(m.get('metrics_source_up{source="postgres"}')).toBe(1);
    expect(m.get('metrics_source_up{source="redis"}')).toBe(1);
    expect(m.get('process_resident_memory_bytes')).toBeGreaterThan(0);

    // The clock catches up: the lag goes back to 0 and the moment counts as acted.
    await db.query(`UPDATE deadline_moments SET status = 'acted', acted_at = now() WHERE task_id = $1 AND status = 'pending'`, [past.id]);
    const after = await scrape();
    expect(after.get('deadline_clock_lag_seconds')).toBe(0);
    expect(after.get('deadline_moments_pending')).toBe(2 * 3);
    expect(after.get('deadline_moments_acted_per_second')).toBeCloseTo(7 / 60, 10);
  });

  it('keeps a registry per application: a second app in the same process scrapes on its own', async () => {
    const other = await startTestApp();
    try {
      const res = await other.http.get('/metrics').expect(200);
      expect(res.text.match(/^# TYPE deadline_moments_pending gauge$/gm)).toHaveLength(1);
      await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    } finally {
      await other.stop();
    }
  });
});
