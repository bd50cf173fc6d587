import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prepareDatabase } from '../../src/database/bootstrap';
import { DemoSeeder } from '../../src/demo/demo-seeder';
import { startTestApp, TestApp } from './test-app';
import { databaseUrlNamed, requiredEnv, TEST_ENV } from './test-env';

/**
 * The real server and worker on the demo district in a database of their own
 * (`orchestrator_test_<run>_<name>`), listening on a free port, as a newcomer's `npm start` would serve it.
 */
export async function startDemoServer(name: string): Promise<{ t: TestApp; base: string }> {
  const databaseUrl = databaseUrlNamed(`orchestrator_test_${requiredEnv(TEST_ENV.runId)}_${name}`);
  await prepareDatabase(databaseUrl);
  const t = await startTestApp({ worker: true, env: { DATABASE_URL: databaseUrl } });
  await t.app.get(DemoSeeder).seedIfEmpty();
  const server = t.app.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { t, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
