import { HttpException, HttpStatus, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { RedisClient } from '../redis/redis.module';

/** INCR and, for the window's first search, EXPIRE in one step: no key is ever left without its expiry. */
const COUNT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/** 429 with the seconds until the window ends; the controller sends them as Retry-After. */
export class PersonSearchThrottled extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super({ message: `按身份证号查找过于频繁，请在 ${retryAfterSeconds} 秒后再试`, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Searches of the register by full ID number, counted per user in Redis (every API replica sees the
 * same count) in fixed windows: PERSON_SEARCH_LIMIT per PERSON_SEARCH_WINDOW_SECONDS. With the mask
 * the search would confirm a guessed number; the limit keeps that from scaling. Without Redis no
 * search by number is allowed (fails closed).
 */
@Injectable()
export class PersonSearchThrottle {
  private readonly logger = new Logger(PersonSearchThrottle.name);

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly redis: RedisClient,
  ) {}

  /** Counts one search; `firstRefusal` is true once per window, when the limit is first passed. */
  async consume(userId: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number; firstRefusal: boolean }> {
    const { limit, windowSeconds } = this.config.personSearch;
    let count: number;
    let ttl: number;
    try {
      [count, ttl] = (await this.redis.redis.eval(COUNT_SCRIPT, 1, this.key(userId), windowSeconds)) as [number, number];
    } catch (err) {
      this.logger.warn(`person search throttle unavailable: ${err instanceof Error ? err.message : String(err)}`);
      throw new ServiceUnavailableException('按身份证号查找暂不可用，请稍后再试');
    }
    if (count <= limit) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(ttl, 1), firstRefusal: count === limit + 1 };
  }

  private key(userId: string): string {
    return `${this.config.queuePrefix}:person-search:${userId}`;
  }
}
