import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../src/common/secret-box';
import { loadConfig } from '../../src/config/config';
import { prepareDatabase } from '../../src/database/bootstrap';
import { dataSourceOptions } from '../../src/database/data-source';
import { EncryptWebhookSecrets1766000500000 } from '../../src/database/migrations/1766000500000-EncryptWebhookSecrets';
import { DeliveryError } from '../../src/notifications/channels/delivery-error';
import { WebhookPayload, WebhookSender } from '../../src/notifications/channels/webhook.sender';
import { webhookSecretContext } from '../../src/notifications/notification-settings.entity';
import { givenDistrict, givenUser } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { databaseUrlNamed, requiredEnv, TEST_ENV } from '../support/test-env';

const SECRET = 'webhook-secret-of-the-bureau';
const payload: WebhookPayload = {
  id: '6f1c2d3e-0000-4000-8000-0000000000aa',
  kind: 'reminder',
  title: '提醒',
  body: '任务即将到期',
  recipient: { userId: 'u', displayName: '张三', unitId: 'x' },
};

async function deliveryError(attempt: Promise<unknown>): Promise<DeliveryError> {
  try {
    await attempt;
  } catch (err) {
    expect(err).toBeInstanceOf(DeliveryError);
    return err as DeliveryError;
  }
  throw new Error('expected a DeliveryError');
}

/**
 * A webhook goes to public addresses only: every address its host resolves to is checked at send time
 * and the connection goes to the address checked (a second lookup could answer otherwise: DNS
 * rebinding). WEBHOOK_ALLOWED_HOSTS names the exceptions; the settings refuse literal internal
 * addresses and internal names at once. Secrets are stored encrypted.
 */
describe('webhook targets (SSRF)', () => {
  const received: { headers: IncomingHttpHeaders }[] = [];
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push({ headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['a loopback address', (p: number) => `http://127.0.0.1:${p}/hook`, /loopback/],
    ['IPv6 loopback', (p: number) => `http://[::1]:${p}/hook`, /loopback/],
    ['a decimal loopback', (p: number) => `http://2130706433:${p}/hook`, /loopback/],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', /link-local/],
    ['Alibaba Cloud metadata', () => 'http://100.100.100.200/latest/meta-data/', /metadata/],
    ['a private address', () => 'http://10.0.0.5/hook', /private/],
  ])('refuses %s for good, without connecting', async (_, url, reason) => {
    const before = received.length;
    const error = await deliveryError(new WebhookSender().send({ url: url(port), secret: SECRET }, payload));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('WEBHOOK_ALLOWED_HOSTS');
    expect(received.length).toBe(before);
  });

  it('refuses a name that resolves to an internal address, or to any among its addresses', async () => {
    const before = received.length;
    const loopback = new WebhookSender({ resolve: () => Promise.resolve([{ address: '127.0.0.1', family: 4 as const }]) });
    const one = await deliveryError(loopback.send({ url: `http://hooks.example.org:${port}/hook`, secret: SECRET }, payload));
    expect(one.retryable).toBe(false);
    expect(one.message).toMatch(/hooks\.example\.org resolves to a loopback address/);
    const mixed = new WebhookSender({
      resolve: () =>
        Promise.resolve([
          { address: '93.184.216.34', family: 4 as const },
          { address: 'fd00:ec2::254', family: 6 as const },
        ]),
    });
    const many = await deliveryError(mixed.send({ url: `http://hooks.example.org:${port}/hook`, secret: SECRET }, payload));
    expect(many.message).toMatch(/unique local/);
    expect(received.length).toBe(before);
  });

  it('connects to the address it checked: one lookup, however the name answers later (DNS rebinding)', async () => {
    const answers = ['127.0.0.1', '10.255.255.1'];
    const resolve = jest.fn((host: string) => {
      expect(host).toBe('hooks.bureau.test');
      return Promise.resolve([{ address: answers.shift() ?? '10.255.255.1', family: 4 as const }]);
    });
    const sender = new WebhookSender({ allowedHosts: ['hooks.bureau.test'], resolve, timeoutMs: 3000 });
    await sender.send({ url: `http://hooks.bureau.test:${port}/hook`, secret: SECRET }, payload);
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(received[received.length - 1].headers.host).toBe(`hooks.bureau.test:${port}`);
  });

  it('sends to hosts in WEBHOOK_ALLOWED_HOSTS', async () => {
    const before = received.length;
    await new WebhookSender({ allowedHosts: ['127.0.0.1'] }).send({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET }, payload);
    expect(received.length).toBe(before + 1);
  });

  it('reports a name that does not resolve as retryable', async () => {
    const sender = new WebhookSender({
      resolve: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
    });
    const error = await deliveryError(sender.send({ url: 'http://hooks.example.org/hook', secret: SECRET }, payload));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ENOTFOUND');
  });
});

describe('webhook settings', () => {
  let t: TestApp;
  let token: string;
  let userId: string;

  beforeAll(async () => {
    // No allowed hosts here: the test configuration's 127.0.0.1 is taken away.
    t = await startTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: '' } });
    const district = await givenDistrict(t.app);
    const user = await givenUser(t.app, 'staff', district.id.clinics[0]);
    userId = user.id;
    token = await t.login(user.username, user.password);
  });
  afterAll(() => t.stop());

  const put = (webhookUrl: string, webhookSecret = SECRET) =>
    t.http
      .put('/api/notifications/settings')
      .set('Authorization', `Bearer ${token}`)
      .send({ channels: ['webhook'], webhookUrl, webhookSecret });

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://[::1]/hook',
    'http://0x7f000001/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.100.100.200/',
    'http://10.0.0.5/hook',
    'http://192.168.1.10/hook',
    'http://localhost:3000/api',
    'http://app.localhost/',
    'http://redis:6379/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://printer.local/',
  ])('refuses %s with 400 naming webhookUrl', async (url) => {
    const res = await put(url).expect(400);
    expect(res.body.message).toContain('webhookUrl');
  });

  it('stores the secret encrypted and never shows it', async () => {
    const res = await put('https://hooks.example.org/orchestrator?token=abc').expect(200);
    expect(res.body).toEqual({ channels: ['webhook'], email: null, webhookUrl: 'https://hooks.example.org/orchestrator?token=abc' });
    const [{ webhook_secret: stored }] = await t.app
      .get(DataSource)
      .query('SELECT webhook_secret FROM user_notification_settings WHERE user_id = $1', [userId]);
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(SECRET);
    const box = new SecretBox(t.config.secretsKey);
    expect(box.open(stored, webhookSecretContext(userId))).toBe(SECRET);
    // Bound to its row: the same sealed value read for another user does not open.
    expect(() => box.open(stored, webhookSecretContext('someone-else'))).toThrow();
    // Settings saved again without a secret keep the stored one.
    await t.http
      .put('/api/notifications/settings')
      .set('Authorization', `Bearer ${token}`)
      .send({ channels: ['webhook'], webhookUrl: 'https://hooks.example.org/v2' })
      .expect(200);
    const [{ webhook_secret: kept }] = await t.app
      .get(DataSource)
      .query('SELECT webhook_secret FROM user_notification_settings WHERE user_id = $1', [userId]);
    expect(box.open(kept, webhookSecretContext(userId))).toBe(SECRET);
  });
});

describe('migration EncryptWebhookSecrets', () => {
  it('encrypts secrets stored in clear by earlier releases, once, and decrypts them back on revert', async () => {
    // A database of its own: the revert changes the column for everyone.
    const url = databaseUrlNamed(`orchestrator_test_${requiredEnv(TEST_ENV.runId)}_secrets`);
    await prepareDatabase(url);
    const db = await new DataSource(dataSourceOptions(url)).initialize();
    const runner = db.createQueryRunner();
    const migration = new EncryptWebhookSecrets1766000500000();
    const secretOf = async (userId: string) =>
      (
        await db.query<{ webhook_secret: string }[]>('SELECT webhook_secret FROM user_notification_settings WHERE user_id = $1', [userId])
      )[0].webhook_secret;
    try {
      // As an earlier release left it: the column before this migration, a secret in clear.
      await migration.down(runner);
      const [{ id: unitId }] = await db.query(
        `INSERT INTO units (code, name, kind, path, depth) VALUES ('S1', '市', 'city', '/x/', 0) RETURNING id`,
      );
      const [{ id: userId }] = await db.query(
        `INSERT INTO users (username, display_name, password_hash, role, unit_id) VALUES ('legacy', '旧', 'x', 'staff', $1) RETURNING id`,
        [unitId],
      );
      await db.query(
        `INSERT INTO user_notification_settings (user_id, channels, webhook_url, webhook_secret) VALUES ($1, '{webhook}', 'https://hooks.example.org/x', $2)`,
        [userId, 'a-legacy-secret-in-clear'],
      );

      await migration.up(runner);
      const sealed = await secretOf(userId);
      expect(sealed).toMatch(/^enc:v1:/);
      const box = new SecretBox(loadConfig({ ...process.env }).secretsKey);
      expect(box.open(sealed, webhookSecretContext(userId))).toBe('a-legacy-secret-in-clear');
      await migration.up(runner);
      expect(await secretOf(userId)).toBe(sealed);

      await migration.down(runner);
      expect(await secretOf(userId)).toBe('a-legacy-secret-in-clear');
    } finally {
      await runner.release();
      await db.destroy();
    }
  });
});
