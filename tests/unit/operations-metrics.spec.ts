import { bearerTokenMatches } from '../../src/metrics/bearer-token';
import { deadlineClocksHealth, overallStatus, sweepsHealth } from '../../src/health/health-status';
import { deadlineSamples, notificationSamples, queueSamples } from '../../src/metrics/operations-snapshot';

describe('/metrics samples', () => {
  it('turns moments acted in the last minute into a rate, and the oldest due moment into the lag', () => {
    const samples = deadlineSamples({
      momentsPending: 12,
      actedInWindow: 30,
      clocksWithWork: 4,
      oldestDue: { clockKey: 'step:s1', dueAt: new Date('2027-03-25T10:00:00Z'), lagSeconds: 90.5 },
    });
    expect(Object.fromEntries(samples.map((s) => [s.name, s.value]))).toEqual({
      deadline_moments_pending: 12,
      deadline_clock_lag_seconds: 90.5,
      deadline_moments_acted_per_second: 0.5,
      deadline_clocks: 4,
    });
  });

  it('reports a lag of 0 when nothing is due', () => {
    const lag = deadlineSamples({ momentsPending: 3, actedInWindow: 0, clocksWithWork: 1, oldestDue: null }).find(
      (s) => s.name === 'deadline_clock_lag_seconds',
    );
    expect(lag?.value).toBe(0);
  });

  it('gives every outside channel a pending and a failed sample, 0 where it has no rows', () => {
    const samples = notificationSamples({ pending: { webhook: 2 }, failed: { email: 1 } });
    const key = (s: { name: string; labels: Record<string, string> }) => `${s.name}{${s.labels.channel}}`;
    expect(Object.fromEntries(samples.map((s) => [key(s), s.value]))).toEqual({
      'notifications_pending{webhook}': 2,
      'notifications_pending{email}': 0,
      'notifications_failed{webhook}': 0,
      'notifications_failed{email}': 1,
    });
  });

  it('exports the four queue states of each queue, 0 for those BullMQ left out', () => {
    expect(queueSamples('notifications', { waiting: 3, failed: 1, completed: 9 })).toEqual([
      { name: 'bullmq_queue_jobs', labels: { queue: 'notifications', state: 'waiting' }, value: 3 },
      { name: 'bullmq_queue_jobs', labels: { queue: 'notifications', state: 'active' }, value: 0 },
      { name: 'bullmq_queue_jobs', labels: { queue: 'notifications', state: 'delayed' }, value: 0 },
      { name: 'bullmq_queue_jobs', labels: { queue: 'notifications', state: 'failed' }, value: 1 },
    ]);
  });
});

describe(bearerTokenMatches.name, () => {
  const token = 'a-metrics-token-of-some-length';
  it('accepts exactly the configured Bearer token', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
  });
  it.each([undefined, '', token, `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, 'Bearer ', `Bearer ${token} extra`])(
    'refuses %p',
    (header) => expect(bearerTokenMatches(header, token)).toBe(false),
  );
});

describe('/health judgement', () => {
  const up = { status: 'up' as const, latencyMs: 1 };
  const oldest = (lagSeconds: number) => ({ clockKey: 'county:c1', dueAt: new Date('2027-03-25T10:00:00Z'), lagSeconds });

  it('is degraded only while the oldest due moment has waited longer than the threshold, naming lag and clock', () => {
    expect(deadlineClocksHealth(null, 120, 2)).toEqual({
      status: 'up',
      latencyMs: 2,
      lagSeconds: 0,
      thresholdSeconds: 120,
      oldestDue: null,
    });
    expect(deadlineClocksHealth(oldest(120), 120, 2).status).toBe('up');
    const late = deadlineClocksHealth(oldest(3600.7), 120, 2);
    expect(late).toMatchObject({
      status: 'degraded',
      lagSeconds: 3600,
      oldestDue: { clockKey: 'county:c1', dueAt: '2027-03-25T10:00:00.000Z' },
    });
    expect(late.error).toContain('county:c1');
    expect(late.error).toContain('3600 s');
  });

  it('answers error when a core component is down, degraded when only the clocks are late or unknown', () => {
    expect(overallStatus([up, up, up], [{ status: 'up' }])).toBe('ok');
    expect(overallStatus([up, up, up], [{ status: 'degraded' }])).toBe('degraded');
    expect(overallStatus([up, up, up], [{ status: 'down' }])).toBe('degraded');
    expect(overallStatus([up, { status: 'down', latencyMs: 1 }, up], [{ status: 'up' }])).toBe('error');
    expect(overallStatus([{ status: 'down', latencyMs: 1 }, up, up], [{ status: 'degraded' }])).toBe('error');
  });

  it('names each sweep whose latest pass failed, and forgets a failure once a later pass succeeds', () => {
    const health = sweepsHealth(
      {
        outbox: { lastOkAt: '2027-03-25T10:00:00.000Z', lastErrorAt: '2027-03-25T10:00:30.000Z', lastError: 'connection refused' },
        clocks: { lastOkAt: '2027-03-25T10:01:00.000Z', lastErrorAt: '2027-03-25T10:00:30.000Z', lastError: 'old' },
        starts: { lastOkAt: null, lastErrorAt: '2027-03-25T09:00:00.000Z', lastError: 'never worked' },
        imports: { lastOkAt: '2027-03-25T10:00:00.000Z', lastErrorAt: null, lastError: null },
      },
      3,
    );
    expect(health.status).toBe('degraded');
    expect(health.failing).toEqual([
      { name: 'outbox', since: '2027-03-25T10:00:30.000Z', error: 'connection refused' },
      { name: 'starts', since: '2027-03-25T09:00:00.000Z', error: 'never worked' },
    ]);
    expect(health.error).toContain('the outbox sweep fails: connection refused');
    expect(sweepsHealth({}, 1)).toEqual({ status: 'up', latencyMs: 1, failing: [] });
    expect(overallStatus([up, up, up], [{ status: 'up' }, health])).toBe('degraded');
  });
});
