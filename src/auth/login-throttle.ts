import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RedisClient } from '../redis/redis.module';

/**
 * Counts failed sign-ins per (username, client address) in Redis, so every API replica sees the
 * same count; past the limit the pair is refused with 429 until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisClient,
  ) {}

  async assertAllowed(username: string, ip: string): Promise<void> {
    const key = this.key(username, ip);
    const failures = Number(await this.redis.redis.get(key)) || 0;
    if (failures >= this.config.login.maxFailures) {
      const ttl = await this.redis.redis.ttl(key);
      throw new HttpException(
        { message: `Too many failed sign-ins; try again in ${Math.max(ttl, 1)} seconds`, retryAfterSeconds: Math.max(ttl, 1) },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const key = this.key(username, ip);
    await this.redis.redis.multi().incr(key).expire(key, this.config.login.lockSeconds).exec();
  }

  async reset(username: string, ip: string): Promise<void> {
    await this.redis.redis.del(this.key(username, ip));
  }

  private key(username: string, ip: string): string {
    return `${this.config.queuePrefix}:login-failures:${username.toLowerCase()}:${ip}`;
  }
}
