import { createHmac, timingSafeEqual } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { DeliveryError } from './delivery-error';
import { checkedAddress, pinnedLookup, Resolver, systemResolver, WebhookTargetRefused } from './webhook-target';

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

export interface WebhookSenderOptions {
  timeoutMs?: number;
  /** WEBHOOK_ALLOWED_HOSTS: hosts (names or addresses, lower case) a webhook may reach although they are not public. */
  allowedHosts?: readonly string[];
  /** Name resolution; the system resolver by default (tests give their own answers). */
  resolve?: Resolver;
}

export class WebhookSender {
  constructor(private readonly options: WebhookSenderOptions = {}) {}

  /**
   * Posts the signed payload to the target, only to a public address (see webhook-target.ts): the host
   * is resolved once, every address checked, and the connection made to the checked address.
   */
  async send(target: WebhookTarget, payload: WebhookPayload): Promise<void> {
    const url = parseTarget(target.url);
    // Webhook URLs often carry a token in the query: errors (stored in last_error) name the origin only.
    const origin = url.origin;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const signal = AbortSignal.timeout(timeoutMs);
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number;
    let answer: string;
    try {
      const address = await checkedAddress(url, this.options.allowedHosts ?? [], this.options.resolve ?? systemResolver);
      signal.throwIfAborted();
      ({ status, answer } = await post(
        url,
        {
          'Content-Type': 'application/json',
          'X-Orchestrator-Event': payload.kind,
          'X-Orchestrator-Delivery': payload.id,
          'X-Orchestrator-Timestamp': timestamp,
          'X-Orchestrator-Signature': `sha256=${sign(target.secret, timestamp, body).toString('hex')}`,
        },
        body,
        pinnedLookup(address),
        signal,
      ));
    } catch (err) {
      if (err instanceof WebhookTargetRefused) throw new DeliveryError(`webhook ${origin}: ${err.message}`, false);
      const reason = signal.aborted ? `timed out after ${timeoutMs} ms` : `unreachable: ${networkReason(err)}`;
      throw new DeliveryError(`webhook ${origin} ${reason}`, true, { cause: err });
    }
    // No redirect is followed: a redirected POST would arrive unsigned for its new URL, or as a GET.
    if (status < 200 || status >= 300) {
      throw new DeliveryError(`webhook ${origin} answered ${status}: ${answer.slice(0, 200)}`, retryableStatus(status));
    }
  }
}

/**
 * One POST on a connection of its own (no pooled socket another lookup opened), to the pinned address.
 * Of the answer at most WEBHOOK_RESPONSE_MAX_BYTES are read; then the connection is dropped, so an
 * endless answer holds neither time nor memory.
 */
function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  lookup: LookupFunction,
  signal: AbortSignal,
): Promise<{ status: number; answer: string }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, lookup, signal, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          if (settled) return;
          settled = true;
          resolve({
            status: response.statusCode ?? 0,
            answer: Buffer.concat(chunks).subarray(0, WEBHOOK_RESPONSE_MAX_BYTES).toString('utf8'),
          });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= WEBHOOK_RESPONSE_MAX_BYTES) finish();
        });
        response.on('end', finish);
        response.on('error', (err) => {
          if (!settled) {
            settled = true;
            reject(err);
          }
        });
      },
    );
    request.on('error', (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    request.end(body);
  });
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

function parseTarget(text: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new DeliveryError('webhook URL is not a valid URL', false);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new DeliveryError(`webhook URL must be http(s), not ${parsed.protocol}`, false);
  return parsed;
}

/** A socket error names itself (`connect ECONNREFUSED …`); a resolver error its code. */
function networkReason(err: unknown): string {
  const { message, cause } = err as { message?: string; cause?: { message?: string; code?: string } };
  return cause?.message || cause?.code || message || String(err);
}
