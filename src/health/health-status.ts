/** How /health judges its components. Pure: the service probes, these decide. */
import type { OldestDue } from '../metrics/operations-snapshot';

export interface ComponentHealth {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

/** The deadline clocks: `degraded` while a due moment has waited longer than the threshold. */
export interface DeadlineClocksHealth {
  status: 'up' | 'degraded' | 'down';
  latencyMs: number;
  /** How long the oldest due moment has waited, whole seconds; 0 when none is due; null when unknown. */
  lagSeconds: number | null;
  thresholdSeconds: number;
  /** The oldest pending moment already due, and the clock that owns it. */
  oldestDue: { clockKey: string; dueAt: string } | null;
  /** Why the component is not up. */
  error?: string;
}

export type HealthStatus = 'ok' | 'degraded' | 'error';

/** The clocks' component from a reading of the oldest due moment. */
export function deadlineClocksHealth(oldest: OldestDue | null, thresholdSeconds: number, latencyMs: number): DeadlineClocksHealth {
  const lagSeconds = oldest ? Math.floor(oldest.lagSeconds) : 0;
  const health: DeadlineClocksHealth = {
    status: oldest && oldest.lagSeconds > thresholdSeconds ? 'degraded' : 'up',
    latencyMs,
    lagSeconds,
    thresholdSeconds,
    oldestDue: oldest ? { clockKey: oldest.clockKey, dueAt: oldest.dueAt.toISOString() } : null,
  };
  if (health.status === 'degraded') {
    health.error = `clock ${oldest!.clockKey} is ${lagSeconds} s late on its oldest due moment (more than ${thresholdSeconds} s)`;
  }
  return health;
}

/**
 * `error` (503) when PostgreSQL, Redis or Temporal is down: the API cannot work. `degraded` (200) when
 * they answer but the deadline clocks are late (or could not be read): requests work, reminders and
 * escalations go out late. `ok` otherwise.
 */
export function overallStatus(core: ComponentHealth[], clocks: Pick<DeadlineClocksHealth, 'status'>): HealthStatus {
  if (core.some((c) => c.status !== 'up')) return 'error';
  return clocks.status === 'up' ? 'ok' : 'degraded';
}
