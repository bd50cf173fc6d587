import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DeliveryError } from '../../src/notifications/channels/delivery-error';
import { EmailSender } from '../../src/notifications/channels/email.sender';
import { verifyWebhookSignature, WebhookPayload, WebhookSender } from '../../src/notifications/channels/webhook.sender';
import { HttpReceiver, ReceivedRequest, startHttpReceiver } from '../support/http-receiver';
import { decodeWords, parseMail } from '../support/mail';

/** Real sockets on 127.0.0.1: an HTTP receiver and an SMTP server, no mocks. */

async function deliveryError(attempt: Promise<unknown>): Promise<DeliveryError> {
  try {
    await attempt;
  } catch (err) {
    expect(err).toBeInstanceOf(DeliveryError);
    return err as DeliveryError;
  }
  throw new Error('expected a DeliveryError');
}

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The receivers listen on 127.0.0.1, which a webhook may reach only when the operator allows it. */
const LOCAL = { allowedHosts: ['127.0.0.1'] };

describe('WebhookSender', () => {
  const SECRET = 'webhook-secret-of-the-bureau';
  const received: ReceivedRequest[] = [];
  let receiver: HttpReceiver;
  let base: string;

  // `/<status>` answers that status, `/hang` never answers.
  beforeAll(async () => {
    receiver = await startHttpReceiver((request, res) => {
      received.push(request);
      const path = new URL(request.url, 'http://x').pathname;
      if (path !== '/hang') res.writeHead(Number(path.slice(1))).end('{"error":"by request"}');
    });
    base = receiver.base;
  });

  afterAll(() => receiver.close());

  const payload: WebhookPayload = {
    id: '6f1c2d3e-0000-4000-8000-000000000001',
    kind: 'escalation',
    title: '【逾期督办】贫困人口家庭医生签约核查（第2级）',
    body: '水磨沟村卫生室承担的任务“贫困人口家庭医生签约核查”已逾期5天。',
    recipient: { userId: 'u-1', displayName: '王芳', unitId: 'unit-1' },
    data: { taskId: 't-1', level: 2 },
  };

  it('posts the payload as signed JSON that the receiver can verify', async () => {
    await new WebhookSender(LOCAL).send({ url: `${base}/204?key=abc`, secret: SECRET }, payload);

    const request = received[received.length - 1];
    const now = Math.floor(Date.now() / 1000);
    const timestamp = request.headers['x-orchestrator-timestamp'] as string;
    const signature = request.headers['x-orchestrator-signature'] as string;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/204?key=abc');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-orchestrator-event']).toBe('escalation');
    expect(request.headers['x-orchestrator-delivery']).toBe(payload.id);
    expect(Math.abs(now - Number(timestamp))).toBeLessThanOrEqual(5);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(request.body.toString('utf8'))).toEqual(payload);

    expect(verifyWebhookSignature(SECRET, timestamp, request.body, signature, now)).toBe(true);
    expect(verifyWebhookSignature(SECRET, timestamp, request.body.toString('utf8'), signature, now)).toBe(true);
    expect(verifyWebhookSignature('another-secret', timestamp, request.body, signature, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, timestamp, request.body.toString('utf8').replace('5天', '1天'), signature, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(Number(timestamp) + 1), request.body, signature, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, timestamp, request.body, signature, Number(timestamp) + 301)).toBe(false);
    expect(verifyWebhookSignature(SECRET, timestamp, request.body, signature, Number(timestamp) + 60, 30)).toBe(false);
    expect(verifyWebhookSignature(SECRET, timestamp, request.body, undefined, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, undefined, request.body, signature, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, timestamp, request.body, signature.slice(0, -2), now)).toBe(false);
  });

  it.each([
    [500, true],
    [503, true],
    [408, true],
    [429, true],
    [400, false],
    [404, false],
    [302, false],
  ])('an answer %i is a DeliveryError, retryable: %s', async (status, retryable) => {
    const error = await deliveryError(
      new WebhookSender(LOCAL).send({ url: `${base}/${status}?key=secret-token`, secret: SECRET }, payload),
    );
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain(`answered ${status}`);
    expect(error.message).not.toContain('secret-token');
  });

  it('gives up on a receiver that never answers, retryably', async () => {
    const started = Date.now();
    const error = await deliveryError(
      new WebhookSender({ ...LOCAL, timeoutMs: 300 }).send({ url: `${base}/hang`, secret: SECRET }, payload),
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('timed out after 300 ms');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a refused connection as retryable and a malformed URL as final', async () => {
    const refused = await deliveryError(
      new WebhookSender(LOCAL).send({ url: `http://127.0.0.1:${await closedPort()}/hook`, secret: SECRET }, payload),
    );
    expect(refused.retryable).toBe(true);
    expect(refused.message).toContain('ECONNREFUSED');

    const malformed = await deliveryError(new WebhookSender(LOCAL).send({ url: 'ftp://127.0.0.1/hook', secret: SECRET }, payload));
    expect(malformed.retryable).toBe(false);
  });
});

describe('EmailSender', () => {
  const USER = 'notifier';
  const PASSWORD = 'p@ss:w/rd';
  const received: { user?: unknown; rcptTo: string[]; raw: string }[] = [];
  let smtp: SMTPServer;
  let port: number;
  let sender: EmailSender;

  // Recipients `nobody@…` are refused with 550, `busy@…` with 451.
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('invalid credentials'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        const [mailbox] = address.address.split('@');
        if (mailbox === 'nobody') callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        else if (mailbox === 'busy') callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            user: session.user,
            rcptTo: session.envelope.rcptTo.map((a) => a.address),
            raw: Buffer.concat(chunks).toString('latin1'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    sender = new EmailSender({
      smtpUrl: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
      from: '"朝天区卫生健康局" <noreply@ctq.example.cn>',
    });
  });

  afterAll(async () => {
    sender.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const message = {
    id: '6f1c2d3e-0000-4000-8000-000000000002',
    title: '【待办汇总】您有2项任务待处理',
    body: '张伟，您好！截至2025年3月24日 09:00，您有以下2项任务待处理：\n- 慢病患者随访（中子镇卫生院，3月25日到期）\n- 健康扶贫政策宣传（朝天区人民医院，3月28日到期）\n请及时登录系统查看办理。',
  };

  it('sends a UTF-8 plain-text mail with the Chinese subject and the delivery id', async () => {
    await sender.send('zhang.wei@ctq.example.cn', message);

    const mail = received[received.length - 1];
    expect(mail.user).toBe(USER);
    expect(mail.rcptTo).toEqual(['zhang.wei@ctq.example.cn']);
    const { headers, text } = parseMail(mail.raw);
    expect(decodeWords(headers.subject)).toBe(message.title);
    expect(decodeWords(headers.from)).toContain('朝天区卫生健康局');
    expect(headers['x-orchestrator-delivery']).toBe(message.id);
    expect(headers['content-type']).toMatch(/^text\/plain; charset=utf-8/i);
    expect(text.replace(/\r\n/g, '\n')).toBe(message.body);
  });

  it('maps SMTP refusals: 5xx final, 4xx retryable; the pool keeps delivering afterwards', async () => {
    const refused = await deliveryError(sender.send('nobody@ctq.example.cn', message));
    expect(refused.retryable).toBe(false);
    expect(refused.message).toContain('550');

    const busy = await deliveryError(sender.send('busy@ctq.example.cn', message));
    expect(busy.retryable).toBe(true);
    expect(busy.message).toContain('451');

    await sender.send('li.ming@ctq.example.cn', message);
    expect(received[received.length - 1].rcptTo).toEqual(['li.ming@ctq.example.cn']);
  });

  it('refuses anything but one bare address before connecting', async () => {
    const before = received.length;
    for (const to of [
      '张伟 <zhang.wei@ctq.example.cn>',
      'a@ctq.example.cn, b@ctq.example.cn',
      'zhang.wei',
      'zhang wei@ctq.example.cn',
      'a@localhost',
    ]) {
      const error = await deliveryError(sender.send(to, message));
      expect(error.retryable).toBe(false);
    }
    expect(received).toHaveLength(before);
  });

  it('reports refused credentials as final and an unreachable server as retryable', async () => {
    const wrongPassword = new EmailSender({ smtpUrl: `smtp://${USER}:wrong@127.0.0.1:${port}`, from: 'noreply@ctq.example.cn' });
    const unreachable = new EmailSender({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: 'noreply@ctq.example.cn' });
    try {
      expect((await deliveryError(wrongPassword.send('zhang.wei@ctq.example.cn', message))).retryable).toBe(false);
      expect((await deliveryError(unreachable.send('zhang.wei@ctq.example.cn', message))).retryable).toBe(true);
    } finally {
      wrongPassword.close();
      unreachable.close();
    }
  });
});
