import { startTestApp, TestApp } from '../support/test-app';

/** Parses a Content-Security-Policy header into its directives. */
function csp(header: string | undefined): Record<string, string[]> {
  expect(header).toBeTruthy();
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

function expectCommonHeaders(headers: Record<string, string>) {
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(csp(headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
}

describe('security headers and CORS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('gives API answers the headers and a CSP that loads nothing', async () => {
    for (const res of [
      await t.http.get('/health'),
      await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'whatever-1' }).expect(401),
      await t.http.get('/api/auth/me').expect(401),
      await t.http.get('/api/no-such-route').expect(404),
    ]) {
      expectCommonHeaders(res.headers);
      const policy = csp(res.headers['content-security-policy']);
      expect(policy['default-src']).toEqual(["'none'"]);
      expect(policy['script-src']).toBeUndefined();
    }
  });

  it('lets no browser or proxy keep an API answer (personal data): Cache-Control no-store under /api', async () => {
    for (const res of [
      await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'whatever-1' }).expect(401),
      await t.http.get('/api/auth/me').expect(401),
      await t.http.get('/api/no-such-route').expect(404),
    ])
      expect(res.headers['cache-control']).toBe('no-store');
  });

  it('gives the Swagger UI at /docs a CSP of its own that lets it work', async () => {
    const page = await t.http.get('/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
    expectCommonHeaders(page.headers);
    const policy = csp(page.headers['content-security-policy']);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['img-src']).toEqual(expect.arrayContaining(["'self'", 'data:']));
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    // Its scripts are files the policy allows, no inline script.
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    const init = await t.http.get('/docs/swagger-ui-init.js').expect(200);
    expectCommonHeaders(init.headers);
    const json = await t.http.get('/docs-json').expect(200);
    expect(csp(json.headers['content-security-policy'])['default-src']).toEqual(["'none'"]);
  });

  it('gives the web console at / a CSP for a Vite/React build with Ant Design', async () => {
    const res = await t.http.get('/');
    expectCommonHeaders(res.headers);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
  });

  it('answers no cross-origin request by default (same-origin only)', async () => {
    const preflight = await t.http
      .options('/api/auth/login')
      .set('Origin', 'https://console.example.org')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const res = await t.http.get('/health').set('Origin', 'https://console.example.org');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS_ORIGINS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://console.example.org, http://localhost:5173' } });
  });
  afterAll(() => t.stop());

  it('lets the listed origins call the API, and no other', async () => {
    const preflight = await t.http
      .options('/api/auth/login')
      .set('Origin', 'https://console.example.org')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://console.example.org');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/i);
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const res = await t.http.post('/api/auth/login').set('Origin', 'http://localhost:5173').send({ username: 'x', password: 'y' });
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toMatch(/Retry-After/);

    const other = await t.http
      .options('/api/auth/login')
      .set('Origin', 'https://evil.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
