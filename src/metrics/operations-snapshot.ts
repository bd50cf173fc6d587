/**
 * What /metrics exports, as plain samples computed from one reading of PostgreSQL and Redis. Pure:
 * the service reads, these shape (zero-filled label sets, rates), the unit tests check the shape.
 */
import { OUTSIDE_CHANNELS } from '../notifications/notification-settings.entity';

/** Moments acted in this many seconds before the scrape give the rate. */
export const ACTED_WINDOW_SECONDS = 60;
/** The BullMQ states exported per queue. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** The oldest pending moment whose due time has passed: what the clocks are late on. */
export interface OldestDue {
  clockKey: string;
  dueAt: Date;
  /** now − dueAt, by the database's clock. */
  lagSeconds: number;
}

export interface DeadlineReading {
  momentsPending: number;
  actedInWindow: number;
  clocksWithWork: number;
  oldestDue: OldestDue | null;
}

/**
 * Outside deliveries (webhook, email) by channel; channels without rows may be missing. In-app rows have
 * no delivery state: they reach the inbox when written.
 */
export interface NotificationReading {
  pending: Record<string, number>;
  failed: Record<string, number>;
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function deadlineSamples(r: DeadlineReading): Sample[] {
  return [
    { name: 'deadline_moments_pending', labels: {}, value: r.momentsPending },
    { name: 'deadline_clock_lag_seconds', labels: {}, value: r.oldestDue ? Math.max(0, r.oldestDue.lagSeconds) : 0 },
    { name: 'deadline_moments_acted_per_second', labels: {}, value: r.actedInWindow / ACTED_WINDOW_SECONDS },
    { name: 'deadline_clocks', labels: {}, value: r.clocksWithWork },
  ];
}

/** Every known channel gets a sample, 0 when it has no rows, so a series never vanishes when a backlog drains. */
export function notificationSamples(r: NotificationReading): Sample[] {
  const channels = [...new Set<string>([...OUTSIDE_CHANNELS, ...Object.keys(r.pending), ...Object.keys(r.failed)])];
  return [
    ...channels.map((channel) => ({ name: 'notifications_pending', labels: { channel }, value: r.pending[channel] ?? 0 })),
    ...channels.map((channel) => ({ name: 'notifications_failed', labels: { channel }, value: r.failed[channel] ?? 0 })),
  ];
}

export function queueSamples(queue: string, counts: Partial<Record<string, number>>): Sample[] {
  return QUEUE_STATES.map((state) => ({ name: 'bullmq_queue_jobs', labels: { queue, state }, value: counts[state] ?? 0 }));
}
