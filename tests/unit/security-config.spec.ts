import { loadConfig, secretsKeyFrom } from '../../src/config/config';

describe('security settings', () => {
  it('throttles sign-ins per account and per address, both configurable', () => {
    expect(loadConfig({}).login).toEqual({ maxFailures: 5, maxFailuresPerAddress: 50, lockSeconds: 900 });
    expect(loadConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '20' }).login).toMatchObject({
      maxFailures: 3,
      maxFailuresPerAddress: 20,
    });
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS: '0' })).toThrow(/LOGIN_MAX_FAILURES_PER_ADDRESS/);
  });

  it('trusts no proxy unless TRUST_PROXY says so', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.org' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('allows no cross-origin caller unless CORS_ORIGINS lists exact origins', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://console.example.org, http://localhost:5173/' }).corsOrigins).toEqual([
      'https://console.example.org',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'console.example.org', 'https://console.example.org/app', 'ftp://x.org'])
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
  });

  it('takes webhook hosts allowed to resolve inside the network', () => {
    expect(loadConfig({}).webhook.allowedHosts).toEqual([]);
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, Hooks.Bureau.Internal, [::1]' }).webhook.allowedHosts).toEqual([
      '127.0.0.1',
      'hooks.bureau.internal',
      '::1',
    ]);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'http://x.org/' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
  });

  it('needs SECRETS_KEY (32 bytes) in production, with a development key elsewhere', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32) };
    expect(loadConfig({}).secretsKey).toHaveLength(32);
    expect(() => loadConfig(production)).toThrow(/SECRETS_KEY: required/);
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ ...production, SECRETS_KEY: hex }).secretsKey).toEqual(Buffer.from(hex, 'hex'));
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...production, SECRETS_KEY: b64 }).secretsKey).toEqual(Buffer.alloc(32, 7));
    expect(() => loadConfig({ SECRETS_KEY: 'too-short' })).toThrow(/SECRETS_KEY: expected 32 random bytes/);
    expect(secretsKeyFrom({ NODE_ENV: 'production' })).toMatch(/required/);
    const devKey = loadConfig({}).secretsKey.toString('hex');
    expect(() => loadConfig({ ...production, SECRETS_KEY: devKey })).toThrow(/development key/);
  });

  it('seeds the demo (public passwords) in production only when asked', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), SECRETS_KEY: 'ab'.repeat(32) };
    expect(loadConfig(production).seedDemoOnEmpty).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO_ON_EMPTY: 'true' }).seedDemoOnEmpty).toBe(true);
    expect(loadConfig({}).seedDemoOnEmpty).toBe(true);
  });
});
