import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTED_WINDOW_SECONDS, DeadlineReading, NotificationReading, OldestDue } from './operations-snapshot';

/**
 * The oldest pending moment already due: the first entry of deadline_moments_pending_due_idx
 * (a partial index on due_at of pending rows), whatever the table's size.
 */
const OLDEST_DUE = `SELECT clock_key, due_at, extract(epoch FROM now() - due_at)::float8 AS lag_seconds
  FROM deadline_moments WHERE status = 'pending' AND due_at <= now() ORDER BY due_at LIMIT 1`;

/**
 * One statement, one round trip, every count on a partial index (migrations DeadlineClocks, Platform,
 * NotificationChannels, OperationsIndexes): see README "Operations: /metrics and /health" for the
 * plans and their cost.
 */
const READING = `
  SELECT
    (SELECT count(*) FROM deadline_moments WHERE status = 'pending')::int AS moments_pending,
    (SELECT count(*) FROM deadline_moments
      WHERE status = 'acted' AND acted_at > now() - make_interval(secs => ${ACTED_WINDOW_SECONDS}))::int AS acted_in_window,
    (SELECT count(*) FROM deadline_clocks WHERE next_wake_at IS NOT NULL)::int AS clocks_with_work,
    (SELECT coalesce(json_object_agg(channel, n), '{}') FROM
      (SELECT channel, count(*)::int AS n FROM notification_deliveries WHERE status = 'pending' GROUP BY channel) d) AS pending,
    (SELECT coalesce(json_object_agg(channel, n), '{}') FROM
      (SELECT channel, count(*)::int AS n FROM notification_deliveries WHERE status = 'failed' GROUP BY channel) d) AS failed,
    oldest.clock_key, oldest.due_at, oldest.lag_seconds
  FROM (SELECT 1) AS one LEFT JOIN LATERAL (${OLDEST_DUE}) AS oldest ON true`;

interface OldestDueRow {
  clock_key: string | null;
  due_at: Date | null;
  lag_seconds: number | null;
}

/** Cheap readings of the deadline clocks and the notification outbox, for /metrics and /health. */
@Injectable()
export class OperationsStats {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What the clocks are late on, or null when no pending moment is due. */
  async oldestDue(): Promise<OldestDue | null> {
    const rows: OldestDueRow[] = await this.dataSource.query(OLDEST_DUE);
    return oldestDueOf(rows[0]);
  }

  async read(): Promise<{ deadlines: DeadlineReading; notifications: NotificationReading }> {
    const [row]: (OldestDueRow & {
      moments_pending: number;
      acted_in_window: number;
      clocks_with_work: number;
      pending: Record<string, number>;
      failed: Record<string, number>;
    })[] = await this.dataSource.query(READING);
    return {
      deadlines: {
        momentsPending: row.moments_pending,
        actedInWindow: row.acted_in_window,
        clocksWithWork: row.clocks_with_work,
        oldestDue: oldestDueOf(row),
      },
      notifications: { pending: row.pending, failed: row.failed },
    };
  }
}

function oldestDueOf(row: OldestDueRow | undefined): OldestDue | null {
  if (!row?.clock_key || !row.due_at) return null;
  return { clockKey: row.clock_key, dueAt: row.due_at, lagSeconds: Math.max(0, row.lag_seconds ?? 0) };
}
