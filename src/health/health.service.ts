import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { OperationsStats } from '../metrics/operations-stats.service';
import { RedisClient } from '../redis/redis.module';
import { TemporalClient } from '../temporal/temporal.module';
import { BackgroundSweeps } from './background-sweeps';
import {
  ComponentHealth,
  DeadlineClocksHealth,
  deadlineClocksHealth,
  HealthStatus,
  overallStatus,
  SweepsHealth,
  sweepsHealth,
} from './health-status';

export type { ComponentHealth, DeadlineClocksHealth, SweepsHealth } from './health-status';

export interface HealthReport {
  status: HealthStatus;
  components: {
    postgres: ComponentHealth;
    redis: ComponentHealth;
    temporal: ComponentHealth;
    deadlineClocks: DeadlineClocksHealth;
    sweeps: SweepsHealth;
  };
}

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    private readonly temporal: TemporalClient,
    private readonly stats: OperationsStats,
    private readonly sweeps: BackgroundSweeps,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, redis, temporal, deadlineClocks, sweeps] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.redis.ping()),
      probe(() => this.temporal.ping(TIMEOUT_MS)),
      this.clocks(),
      this.backgroundSweeps(),
    ]);
    return {
      status: overallStatus([postgres, redis, temporal], [deadlineClocks, sweeps]),
      components: { postgres, redis, temporal, deadlineClocks, sweeps },
    };
  }

  private async backgroundSweeps(): Promise<SweepsHealth> {
    const started = Date.now();
    try {
      return sweepsHealth(await withTimeout(this.sweeps.records()), Date.now() - started);
    } catch (err) {
      return { status: 'down', latencyMs: Date.now() - started, failing: [], error: (err as Error).message };
    }
  }

  private async clocks(): Promise<DeadlineClocksHealth> {
    const thresholdSeconds = this.config.deadlineClocks.lagDegradedSeconds;
    const started = Date.now();
    try {
      const oldest = await withTimeout(this.stats.oldestDue());
      return deadlineClocksHealth(oldest, thresholdSeconds, Date.now() - started);
    } catch (err) {
      return {
        status: 'down',
        latencyMs: Date.now() - started,
        lagSeconds: null,
        thresholdSeconds,
        oldestDue: null,
        error: (err as Error).message,
      };
    }
  }
}

async function probe(check: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = Date.now();
  try {
    await withTimeout(check());
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    return { status: 'down', latencyMs: Date.now() - started, error: (err as Error).message };
  }
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
