import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { RedisClient } from '../redis/redis.module';

/** The last pass of one background sweep, as every worker records it. */
export interface SweepRecord {
  lastOkAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
}

/**
 * The workers' periodic sweeps (the outbox, the deadline clocks, register imports, workflow starts,
 * audit retention) run through here: a failing pass is logged as an error with its stack, and the
 * outcome of every pass is kept in Redis, where /health reads it. A sweep that keeps failing is then
 * seen (`degraded`, naming it and its error) instead of being a warning in one worker's log.
 */
@Injectable()
export class BackgroundSweeps {
  private readonly logger = new Logger(BackgroundSweeps.name);
  private readonly key: string;

  constructor(
    private readonly redis: RedisClient,
    @InjectConfig() config: AppConfig,
  ) {
    this.key = `${config.queuePrefix}:sweeps`;
  }

  /** Runs one pass; never rejects (a timer calls it). */
  async run(name: string, pass: () => Promise<unknown>): Promise<void> {
    try {
      await pass();
      await this.record(name, { lastOkAt: new Date().toISOString() });
    } catch (err) {
      const error = err as Error;
      this.logger.error(`${name} sweep failed: ${error.message}`, error.stack);
      await this.record(name, { lastErrorAt: new Date().toISOString(), lastError: error.message.slice(0, 500) });
    }
  }

  /** Runs `pass` as the sweep `name` every `everyMs` (the timer keeps no process alive); clearInterval the result to stop. */
  every(name: string, everyMs: number, pass: () => Promise<unknown>): NodeJS.Timeout {
    const timer = setInterval(() => void this.run(name, pass), everyMs);
    timer.unref();
    return timer;
  }

  /** Every sweep's last pass, by name. */
  async records(): Promise<Record<string, SweepRecord>> {
    const raw = await this.redis.redis.hgetall(this.key);
    return Object.fromEntries(Object.entries(raw).map(([name, json]) => [name, JSON.parse(json) as SweepRecord]));
  }

  private async record(name: string, change: Partial<SweepRecord>): Promise<void> {
    try {
      const current = await this.redis.redis.hget(this.key, name);
      const previous: SweepRecord = current ? (JSON.parse(current) as SweepRecord) : { lastOkAt: null, lastErrorAt: null, lastError: null };
      await this.redis.redis.hset(this.key, name, JSON.stringify({ ...previous, ...change }));
    } catch (err) {
      // Redis away: the log line above (or the next pass) is what is left.
      this.logger.error(`could not record the ${name} sweep: ${(err as Error).message}`);
    }
  }
}
