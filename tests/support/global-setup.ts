import { bundleWorkflowCode } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { prepareDatabase } from '../../src/database/bootstrap';
import { freePort, startTemporalDevServer } from '../../scripts/temporal-dev-server';
import { TEST_ENV } from './test-env';

/**
 * Once per `jest` run: a Temporal dev server on a free port (in memory, headless), a fresh
 * database migrated once, and the workflow bundle built once. Test files inherit the env.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const databaseUrl = new URL(base.databaseUrl);
  databaseUrl.pathname = `/orchestrator_test_${runId}`;

  const [temporal] = await Promise.all([
    freePort().then((port) => startTemporalDevServer({ port, uiPort: null, dbFile: null })),
    prepareDatabase(databaseUrl.toString()),
  ]);
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  const bundlePath = join(mkdtempSync(join(tmpdir(), 'orchestrator-test-')), 'workflow-bundle.js');
  writeFileSync(bundlePath, code);

  Object.assign(process.env, {
    NODE_ENV: 'test',
    [TEST_ENV.runId]: runId,
    [TEST_ENV.databaseUrl]: databaseUrl.toString(),
    [TEST_ENV.temporalAddress]: temporal.address,
    [TEST_ENV.workflowBundle]: bundlePath,
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  (globalThis as { __ORCHESTRATOR_TEST__?: unknown }).__ORCHESTRATOR_TEST__ = { temporal, databaseUrl: databaseUrl.toString(), runId };
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
