import { ConfigError, loadConfig, withDevServerDefault } from '../../src/config/config';

describe(loadConfig.name, () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/campaign_orchestrator',
      redisUrl: 'redis://127.0.0.1:6379',
      temporal: { address: undefined, namespace: 'default', devServer: { port: 7233, uiPort: 8233 } },
      seedDemoOnEmpty: true,
    });
    expect(withDevServerDefault(config).temporal.address).toBe('127.0.0.1:7233');
  });

  it('names every wrong variable at once', () => {
    const attempt = () => loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x/y', LOG_LEVEL: 'loud', SEED_DEMO_ON_EMPTY: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT: expected a whole number from 1 to 65535, got "70000"');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('LOG_LEVEL');
      expect(problems).toContain('SEED_DEMO_ON_EMPTY');
    }
  });

  it('takes an optional METRICS_TOKEN of at least 16 characters', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(16) }).metricsToken).toBe('m'.repeat(16));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });

  it('refuses production without a strong JWT_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), SECRETS_KEY: 'ab'.repeat(32) }).jwt.secret).toBe(
      'x'.repeat(32),
    );
  });

  it('takes a Temporal cluster with TLS and an API key', () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'ns.acct',
      TEMPORAL_API_KEY: 'key',
      TEMPORAL_TLS: 'true',
    });
    expect(config.temporal).toMatchObject({ address: 'ns.acct.tmprl.cloud:7233', namespace: 'ns.acct', apiKey: 'key', tls: {} });
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: '/c.pem' })).toThrow(/set both or neither/);
  });
});
