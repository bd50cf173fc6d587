import { DataSource } from 'typeorm';
import { freePort } from '../../scripts/temporal-dev-server';
import { prepareDatabase } from '../../src/database/bootstrap';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadline-policy';
import { DeadlineClockClient } from '../../src/tasks/deadline-clock-client';
import { Task } from '../../src/tasks/task.entity';
import { givenDistrict } from '../support/factories';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { databaseUrlNamed, requiredEnv, TEST_ENV } from '../support/test-env';

const LAG_DEGRADED_SECONDS = 60;

describe('operations endpoints', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    // The clock lag is read over the whole database: a database of its own, so that moments other test
    // files leave due (their clocks have no worker) cannot make this one degraded.
    const databaseUrl = databaseUrlNamed(`orchestrator_test_${requiredEnv(TEST_ENV.runId)}_health`);
    await prepareDatabase(databaseUrl);
    t = await startTestApp({
      worker: true,
      env: { DATABASE_URL: databaseUrl, CLOCK_LAG_DEGRADED_SECONDS: String(LAG_DEGRADED_SECONDS) },
    });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.stop());

  /** /health once the first probe has opened the connections (on a loaded machine it may answer 503 until then). */
  const health = () =>
    eventually(
      async () => {
        const r = await t.http.get('/health');
        return r.status === 200 ? r : undefined;
      },
      15_000,
      '/health to answer 200',
    );

  it('reports PostgreSQL, Redis, Temporal and the deadline clocks up without a token', async () => {
    const res = await health();
    expect(res.body.status).toBe('ok');
    for (const component of ['postgres', 'redis', 'temporal']) expect(res.body.components[component].status).toBe('up');
    expect(res.body.components.deadlineClocks).toMatchObject({
      status: 'up',
      lagSeconds: 0,
      thresholdSeconds: LAG_DEGRADED_SECONDS,
      oldestDue: null,
    });
  });

  it('says degraded (200) while a due moment waits longer than CLOCK_LAG_DEGRADED_SECONDS, and ok once its clock acts', async () => {
    const district = await givenDistrict(t.app);
    const task = await db.getRepository(Task).save({
      kind: 'standalone',
      title: '逾期任务',
      unitId: district.id.clinics[0],
      dueAt: new Date(Date.now() - 2 * 3600_000),
      policy: DEFAULT_DEADLINE_POLICY,
    });
    const clock = { late: `test:late-${district.prefix}`, recent: `test:recent-${district.prefix}` };
    // Moments on clocks nobody runs (the test app has no clock sweep): they stay pending.
    const moment = (clockKey: string, kind: string, seq: number, secondsAgo: number) =>
      db.query(
        `INSERT INTO deadline_moments (task_id, clock_key, kind, seq, deadline_version, due_at)
         VALUES ($1, $2, $3, $4, 1, now() - make_interval(secs => $5)) RETURNING id`,
        [task.id, clockKey, kind, seq, secondsAgo],
      );

    await moment(clock.recent, 'reminder', 0, 20);
    const within = (await health()).body;
    expect(within.status).toBe('ok');
    expect(within.components.deadlineClocks).toMatchObject({ status: 'up', oldestDue: { clockKey: clock.recent } });
    expect(within.components.deadlineClocks.lagSeconds).toBeGreaterThanOrEqual(20);
    expect(within.components.deadlineClocks.lagSeconds).toBeLessThan(LAG_DEGRADED_SECONDS);

    const [{ id: lateId }] = await moment(clock.late, 'escalation', 1, 3600);
    const late = await t.http.get('/health').expect(200);
    expect(late.body.status).toBe('degraded');
    for (const component of ['postgres', 'redis', 'temporal']) expect(late.body.components[component].status).toBe('up');
    const clocks = late.body.components.deadlineClocks;
    expect(clocks).toMatchObject({ status: 'degraded', thresholdSeconds: LAG_DEGRADED_SECONDS, oldestDue: { clockKey: clock.late } });
    expect(clocks.lagSeconds).toBeGreaterThanOrEqual(3600);
    expect(clocks.lagSeconds).toBeLessThan(3700);
    expect(clocks.error).toContain(clock.late);
    const metrics = await t.http.get('/metrics').expect(200);
    expect(Number(/^deadline_clock_lag_seconds (\S+)$/m.exec(metrics.text)?.[1])).toBeGreaterThanOrEqual(3600);

    // What the clock sweep does for a clock that lost its run: start it. It acts; the lag is gone.
    for (const clockKey of Object.values(clock)) await t.app.get(DeadlineClockClient).signalWithStart(clockKey);
    const recovered = await eventually(
      async () => {
        const r = await t.http.get('/health').expect(200);
        return r.body.components.deadlineClocks.oldestDue === null ? r.body : undefined;
      },
      30_000,
      '/health to find no due moment once both clocks acted',
    );
    expect(recovered.status).toBe('ok');
    expect(recovered.components.deadlineClocks).toMatchObject({ status: 'up', lagSeconds: 0 });
    const [acted] = await db.query(`SELECT status, acted_at FROM deadline_moments WHERE id = $1`, [lateId]);
    expect(acted.status).toBe('acted');
    expect((await db.getRepository(Task).findOneByOrFail({ id: task.id })).escalationLevel).toBe(1);
  });

  it('serves Prometheus metrics at the root without a token when METRICS_TOKEN is unset', async () => {
    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(res.text).toMatch(/^# TYPE deadline_moments_pending gauge$/m);
    expect(res.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(res.text).toMatch(/^metrics_source_up\{source="postgres"\} 1$/m);
    expect(res.text).toMatch(/^metrics_source_up\{source="redis"\} 1$/m);
    await t.http.get('/api/metrics').expect(404);
  });

  it('echoes or assigns a request id', async () => {
    const given = await t.http.get('/health').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const assigned = await t.http.get('/health');
    expect(assigned.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/units', '/api/units/{id}/subtree', '/api/users', '/health', '/metrics']),
    );
    await t.http.get('/docs').redirects(1).expect(200);
  });

  it('answers 503 naming the component that is down; /metrics still answers, with the source down', async () => {
    const [redisPort, temporalPort] = [await freePort(), await freePort()];
    const broken = await startTestApp({
      env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}` },
    });
    try {
      const res = await broken.http.get('/health').expect(503);
      expect(res.body.status).toBe('error');
      expect(res.body.components.postgres.status).toBe('up');
      expect(res.body.components.redis.status).toBe('down');
      expect(res.body.components.temporal.status).toBe('down');
      const metrics = await broken.http.get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^metrics_source_up\{source="redis"\} 0$/m);
      expect(metrics.text).toMatch(/^metrics_source_up\{source="postgres"\} 1$/m);
      expect(metrics.text).not.toMatch(/^bullmq_queue_jobs\{/m);
      expect(metrics.text).toMatch(/^deadline_moments_pending \d+$/m);
    } finally {
      await broken.stop();
    }
  });
});
