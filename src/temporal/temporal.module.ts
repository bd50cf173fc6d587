import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { temporalConnectionOptions } from './connection-options';

/**
 * The Temporal client used by services to start and signal workflows. The connection is lazy so
 * the API starts (and reports Temporal as down on /health) while the cluster is unreachable.
 */
@Injectable()
export class TemporalClient implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;
  readonly taskQueue: string;
  private readonly callTimeoutMs: number;
  /** Without the retry interceptor: a health probe answers now, and leaves no retry timer behind. */
  private readonly probeConnection: Connection;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = Connection.lazy(temporalConnectionOptions(config));
    this.probeConnection = Connection.lazy({ ...temporalConnectionOptions(config), interceptors: [] });
    this.client = new Client({ connection: this.connection, namespace: config.temporal.namespace });
    this.taskQueue = config.temporal.taskQueue;
    this.callTimeoutMs = config.temporal.callTimeoutMs;
  }

  /**
   * One call to Temporal under a deadline (TEMPORAL_CALL_TIMEOUT_MS, the SDK's retries included): during an
   * outage a request or an activity hears so within seconds instead of the SDK retrying for minutes.
   */
  call<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + this.callTimeoutMs, () => fn(this.client));
  }

  async ping(timeoutMs: number): Promise<void> {
    const probe = this.probeConnection;
    await probe.withDeadline(Date.now() + timeoutMs, () => probe.workflowService.getSystemInfo({}));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.connection.close(), this.probeConnection.close()]);
  }
}

@Global()
@Module({ providers: [TemporalClient], exports: [TemporalClient] })
export class TemporalModule {}
