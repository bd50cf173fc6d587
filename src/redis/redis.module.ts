import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/** Options BullMQ requires of its connections (blocking commands must not give up). */
export function bullConnection(redisUrl: string, extra: RedisOptions = {}): IORedis {
  return new IORedis(redisUrl, { maxRetriesPerRequest: null, ...extra });
}

/**
 * A connection for short commands (sign-in throttling, health): it fails fast while Redis is
 * down instead of queueing commands, and reconnects on its own.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly redis: IORedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new IORedis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    // Connection errors surface on each command; without a listener ioredis would log them unhandled.
    this.redis.on('error', () => undefined);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
