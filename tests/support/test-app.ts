import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApiApp } from '../../src/app';
import { AppConfig, loadConfig } from '../../src/config/config';
import { startWorkerRuntime, WorkerRuntime } from '../../workers/worker-runtime';
import { requiredEnv, TEST_ENV } from './test-env';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  http: TestAgent;
  /** Signs in and returns the access token. */
  login(username: string, password: string): Promise<string>;
  /** Stops the worker as a SIGTERM would (in-flight activities finish) and starts a fresh one. */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Run the Temporal worker and queue processors in the same process. */
  worker?: boolean;
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  /** Where the logs go (set LOG_LEVEL in `env`): a test reads what was logged. */
  logStream?: DestinationStream;
}

/**
 * The real API (and optionally the worker) against the run's PostgreSQL, Redis and Temporal, with a
 * task queue and queue prefix of its own so test files never pick up each other's work.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const own = randomBytes(4).toString('hex');
  const config = loadConfig({
    ...process.env,
    TEMPORAL_TASK_QUEUE: `test-${own}`,
    QUEUE_PREFIX: `test-${requiredEnv(TEST_ENV.runId)}-${own}`,
    // Test files share a database: one file's sweep would start another's clocks on its own queue.
    DEADLINE_CLOCK_SWEEP: 'false',
    WORKFLOW_START_SWEEP: 'false',
    // One Schedule per server, not per test file: the follow-up tests create it and delete it again.
    FOLLOW_UP_SCHEDULE: 'false',
    // Webhook receivers of the tests listen on 127.0.0.1, which a webhook may not reach otherwise.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    ...options.env,
  });
  const app = await createApiApp(config, { shutdownHooks: false, logStream: options.logStream });
  await app.init();
  const bundle = { code: readFileSync(requiredEnv(TEST_ENV.workflowBundle), 'utf8') };
  let worker: WorkerRuntime | undefined;
  if (options.worker) worker = await startWorkerRuntime(app, config, { workflowBundle: bundle });
  const http = request(app.getHttpServer());
  return {
    app,
    config,
    http,
    async login(username, password) {
      const res = await http.post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async restartWorker() {
      await worker?.stop();
      worker = await startWorkerRuntime(app, config, { workflowBundle: bundle });
    },
    async stop() {
      await worker?.stop();
      await app.close();
    },
  };
}

/** Polls until `probe` returns a value that is not undefined, failing after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A supertest body parser that keeps a download's bytes: `.buffer(true).parse(binaryBody)`. */
export function binaryBody(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
