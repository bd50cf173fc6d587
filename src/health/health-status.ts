/** How /health judges its components. Pure: the service probes, these decide. */
import type { OldestDue } from '../metrics/operations-snapshot';
import type { SweepRecord } from './background-sweeps';

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

/** The workers' background sweeps: `degraded` while one's last pass failed. */
export interface SweepsHealth {
  status: 'up' | 'degraded' | 'down';
  latencyMs: number;
  /** Sweeps whose latest pass failed: since when, and why. */
  failing: { name: string; since: string; error: string }[];
  error?: string;
}

export function sweepsHealth(records: Record<string, SweepRecord>, latencyMs: number): SweepsHealth {
  const failing = Object.entries(records)
    .filter(([, r]) => r.lastErrorAt !== null && (r.lastOkAt === null || r.lastErrorAt > r.lastOkAt))
    .map(([name, r]) => ({ name, since: r.lastErrorAt!, error: r.lastError ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const health: SweepsHealth = { status: failing.length ? 'degraded' : 'up', latencyMs, failing };
  if (failing.length) health.error = failing.map((f) => `the ${f.name} sweep fails: ${f.error}`).join('; ');
  return health;
}

/**
 * `error` (503) when PostgreSQL, Redis or Temporal is down: the API cannot work. `degraded` (200) when
 * they answer but background work is not keeping up (deadline clocks late, a sweep failing, or either
 * unreadable): requests work, reminders and escalations may go out late. `ok` otherwise.
 */
export function overallStatus(core: ComponentHealth[], background: Pick<DeadlineClocksHealth | SweepsHealth, 'status'>[]): HealthStatus {
  if (core.some((c) => c.status !== 'up')) return 'error';
  return background.every((b) => b.status === 'up') ? 'ok' : 'degraded';
}
