import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RedisClient } from '../redis/redis.module';
import { TemporalClient } from '../temporal/temporal.module';

export interface ComponentHealth {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'error';
  components: { postgres: ComponentHealth; redis: ComponentHealth; temporal: ComponentHealth };
}

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    private readonly temporal: TemporalClient,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, redis, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.redis.ping()),
      probe(() => this.temporal.ping(TIMEOUT_MS)),
    ]);
    const components = { postgres, redis, temporal };
    return { status: Object.values(components).every((c) => c.status === 'up') ? 'ok' : 'error', components };
  }
}

async function probe(check: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS))),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    return { status: 'down', latencyMs: Date.now() - started, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
