import { freePort } from '../../scripts/temporal-dev-server';
import { eventually, startTestApp, TestApp } from '../support/test-app';

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.stop());

  it('reports PostgreSQL, Redis and Temporal up without a token', async () => {
    // The first probe opens the connections; on a loaded machine it may answer 503 until they are up.
    const res = await eventually(
      async () => {
        const r = await t.http.get('/health');
        return r.status === 200 ? r : undefined;
      },
      15_000,
      '/health to answer 200',
    );
    expect(res.body.status).toBe('ok');
    for (const component of ['postgres', 'redis', 'temporal']) expect(res.body.components[component].status).toBe('up');
  });

  it('echoes or assigns a request id', async () => {
    const given = await t.http.get('/health').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const assigned = await t.http.get('/health');
    expect(assigned.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/units', '/api/units/{id}/subtree', '/api/users', '/health']),
    );
    await t.http.get('/docs').redirects(1).expect(200);
  });

  it('answers 503 naming the component that is down', async () => {
    const [redisPort, temporalPort] = [await freePort(), await freePort()];
    const broken = await startTestApp({
      env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}` },
    });
    try {
      const res = await broken.http.get('/health').expect(503);
      expect(res.body.status).toBe('error');
      expect(res.body.components.postgres.status).toBe('up');
      expect(res.body.components.redis.status).toBe('down');
      expect(res.body.components.temporal.status).toBe('down');
    } finally {
      await broken.stop();
    }
  });
});
