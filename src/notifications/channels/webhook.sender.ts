import { createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryError } from './delivery-error';

/*
 * Signing scheme. Each delivery is a POST of the JSON payload with:
 *   X-Orchestrator-Event:     the notification kind
 *   X-Orchestrator-Delivery:  the notification id; the same on every retry, so receivers dedupe on it
 *   X-Orchestrator-Timestamp: unix seconds when this attempt was signed
 *   X-Orchestrator-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the secret>
 * A receiver recomputes the HMAC over the body bytes exactly as received (before any JSON parsing)
 * and refuses timestamps outside a tolerance, so a captured request cannot be replayed later.
 */

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface WebhookPayload {
  id: string;
  kind: string;
  title: string;
  body: string;
  recipient: { userId: string; displayName: string; unitId: string };
  data?: unknown;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Of a receiver's answer only the start matters (the status, and a line of the body for the error): the rest is never read. */
export const WEBHOOK_RESPONSE_MAX_BYTES = 64 * 1024;

/** 408 and 429 say "not now"; any other 4xx (and a redirect) will not change by retrying. */
const retryableStatus = (status: number) => status >= 500 || status === 408 || status === 429;

export class WebhookSender {
  constructor(private readonly options: { timeoutMs?: number; fetchImpl?: typeof fetch } = {}) {}

  async send(target: WebhookTarget, payload: WebhookPayload): Promise<void> {
    // Webhook URLs often carry a token in the query: errors (stored in last_error) name the origin only.
    const origin = originOf(target.url);
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number;
    let answer: string;
    try {
      const response = await (this.options.fetchImpl ?? fetch)(target.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Orchestrator-Event': payload.kind,
          'X-Orchestrator-Delivery': payload.id,
          'X-Orchestrator-Timestamp': timestamp,
          'X-Orchestrator-Signature': `sha256=${sign(target.secret, timestamp, body).toString('hex')}`,
        },
        body,
        // A redirected POST would arrive unsigned for its new URL, or as a GET: treat it as a refusal.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      answer = await readCapped(response, WEBHOOK_RESPONSE_MAX_BYTES);
    } catch (err) {
      const reason = (err as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `unreachable: ${networkReason(err)}`;
      throw new DeliveryError(`webhook ${origin} ${reason}`, true, { cause: err });
    }
    if (status < 200 || status >= 300) {
      throw new DeliveryError(`webhook ${origin} answered ${status}: ${answer.slice(0, 200)}`, retryableStatus(status));
    }
  }
}

/** At most `max` bytes of the body as text; then the connection is dropped, so an endless answer holds neither time nor memory. */
async function readCapped(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

/** For receivers: true when the signature matches and the timestamp is within the tolerance. */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | undefined,
  rawBody: string | Buffer,
  signatureHeader: string | undefined,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!timestamp || !/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const hex = /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader ?? '')?.[1];
  return hex !== undefined && timingSafeEqual(Buffer.from(hex, 'hex'), sign(secret, timestamp, rawBody));
}

function sign(secret: string, timestamp: string, rawBody: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

function originOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DeliveryError('webhook URL is not a valid URL', false);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new DeliveryError(`webhook URL must be http(s), not ${parsed.protocol}`, false);
  return parsed.origin;
}

/** fetch reports network failures as "fetch failed" with the socket error as its cause. */
function networkReason(err: unknown): string {
  const { message, cause } = err as { message?: string; cause?: { message?: string; code?: string } };
  return cause?.message || cause?.code || message || String(err);
}
