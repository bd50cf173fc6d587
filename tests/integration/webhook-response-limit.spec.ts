import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DeliveryError } from '../../src/notifications/channels/delivery-error';
import { WEBHOOK_RESPONSE_MAX_BYTES, WebhookPayload, WebhookSender } from '../../src/notifications/channels/webhook.sender';

/** A receiver that answers with a body that never ends must not hold a delivery, or the worker's memory. */
describe('WebhookSender reads at most 64 KiB of an answer', () => {
  let server: Server;
  let base: string;
  /** Bytes the receiver managed to write before the sender hung up, per request. */
  const written: number[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const status = Number(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
        res.writeHead(status, { 'Content-Type': 'text/plain' });
        const chunk = Buffer.alloc(16 * 1024, 'x');
        let sent = 0;
        const at = written.push(0) - 1;
        // Endless: stops only when the sender closes the connection.
        const pump = () => {
          while (!res.destroyed && sent < 1024 * 1024 * 1024) {
            sent += chunk.length;
            written[at] = sent;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        res.on('close', () => undefined);
        pump();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const payload: WebhookPayload = {
    id: '6f1c2d3e-0000-4000-8000-000000000009',
    kind: 'reminder',
    title: '提醒',
    body: '任务即将到期',
    recipient: { userId: 'u', displayName: '张三', unitId: 'x' },
  };

  it('takes a 2xx at once and hangs up on the endless body', async () => {
    const started = Date.now();
    await new WebhookSender({ timeoutMs: 5000, allowedHosts: ['127.0.0.1'] }).send(
      { url: `${base}/200`, secret: 'webhook-secret-of-the-bureau' },
      payload,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(WEBHOOK_RESPONSE_MAX_BYTES).toBe(64 * 1024);
  });

  it('refuses a 500 with the start of its body only, without reading the rest', async () => {
    const started = Date.now();
    let error: unknown;
    try {
      await new WebhookSender({ timeoutMs: 5000, allowedHosts: ['127.0.0.1'] }).send(
        { url: `${base}/500`, secret: 'webhook-secret-of-the-bureau' },
        payload,
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).message).toMatch(/^webhook http:\/\/127\.0\.0\.1:\d+ answered 500: x{200}$/);
    expect((error as DeliveryError).retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
    // The receiver could write no more than socket buffers hold beyond what was read.
    await new Promise((r) => setTimeout(r, 200));
    expect(written[written.length - 1]).toBeLessThan(16 * 1024 * 1024);
  });
});
