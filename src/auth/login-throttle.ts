import { HttpException, HttpStatus, Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { throttleBucket } from '../domain/ip-address';
import { RedisClient } from '../redis/redis.module';

/**
 * One guess of a password, admitted or not, in one atomic step: while the account's and the
 * address's counts are below their limits both are incremented (each key expiring with its window),
 * otherwise nothing changes and the seconds left of the blocking window are returned. Parallel
 * guesses are counted before any of them is checked, so together they never pass a limit.
 * KEYS: account, address. ARGV: window seconds, account limit, address limit. Returns {admitted, ttl}.
 */
const ADMIT_SCRIPT = `
local window = tonumber(ARGV[1])
local limits = {tonumber(ARGV[2]), tonumber(ARGV[3])}
local wait = 0
for i = 1, 2 do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= limits[i] then
    local ttl = redis.call('TTL', KEYS[i])
    if ttl < 0 then redis.call('EXPIRE', KEYS[i], window); ttl = window end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return {0, wait} end
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 or redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], window) end
end
return {1, 0}`;

/**
 * A guess that turned out right: the account's count starts afresh and the address gets its attempt
 * back (a right password is no guess against it). A key already expired stays gone.
 */
const SUCCEED_SCRIPT = `
redis.call('DEL', KEYS[1])
if redis.call('EXISTS', KEYS[2]) == 1 and redis.call('DECR', KEYS[2]) <= 0 then redis.call('DEL', KEYS[2]) end
return 1`;

/** 429 with the seconds until the blocking window ends; the controller sends them as Retry-After. */
export class LoginThrottled extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      { message: `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Guesses of passwords, counted in Redis (every API replica sees the same counts) per account, from
 * any address (LOGIN_MAX_FAILURES), and per client address, across accounts
 * (LOGIN_MAX_FAILURES_PER_ADDRESS; IPv6 per /64), in windows of LOGIN_LOCK_SECONDS. Each attempt is counted before
 * the password is checked; a right one gives it back. Sign-ins and password changes share the counts:
 * both guess the same password. Without Redis nothing is admitted (503).
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisClient,
  ) {}

  /** Counts one attempt, or throws 429 when the account or the address is at its limit. */
  async admit(username: string, ip: string): Promise<void> {
    const { maxFailures, maxFailuresPerAddress, lockSeconds } = this.config.login;
    let admitted: number;
    let ttl: number;
    try {
      [admitted, ttl] = (await this.redis.redis.eval(
        ADMIT_SCRIPT,
        2,
        this.accountKey(username),
        this.addressKey(ip),
        lockSeconds,
        maxFailures,
        maxFailuresPerAddress,
      )) as [number, number];
    } catch (err) {
      this.logger.warn(`sign-in throttle unavailable: ${err instanceof Error ? err.message : String(err)}`);
      throw new ServiceUnavailableException('Sign-in is unavailable for a moment; try again shortly');
    }
    if (admitted !== 1) throw new LoginThrottled(Math.max(ttl, 1));
  }

  /** The attempt was right: the account's count starts afresh and the address gets its attempt back. */
  async succeeded(username: string, ip: string): Promise<void> {
    try {
      await this.redis.redis.eval(SUCCEED_SCRIPT, 2, this.accountKey(username), this.addressKey(ip));
    } catch (err) {
      // The attempt stays counted; it expires with its window.
      this.logger.warn(`sign-in throttle unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private accountKey(username: string): string {
    return `${this.config.queuePrefix}:login-failures:account:${username.toLowerCase()}`;
  }

  /** An IPv6 client is counted by its /64: one subscriber holds them all. */
  private addressKey(ip: string): string {
    return `${this.config.queuePrefix}:login-failures:address:${throttleBucket(ip)}`;
  }
}
