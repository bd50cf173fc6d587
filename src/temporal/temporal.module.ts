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

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = Connection.lazy(temporalConnectionOptions(config));
    this.client = new Client({ connection: this.connection, namespace: config.temporal.namespace });
    this.taskQueue = config.temporal.taskQueue;
  }

  async ping(timeoutMs: number): Promise<void> {
    await this.connection.withDeadline(Date.now() + timeoutMs, () => this.connection.workflowService.getSystemInfo({}));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({ providers: [TemporalClient], exports: [TemporalClient] })
export class TemporalModule {}
