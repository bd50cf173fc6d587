import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import { firstInvalidUtf8, lineAt, nonTextKind } from './text-encoding';

/** JSON bodies are small: a sign-in, a campaign, a policy. Larger only where a route needs it. */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;
/** A unit import of 50,000 rows (its row limit) as JSON. */
export const UNIT_IMPORT_JSON_LIMIT_BYTES = 20 * 1024 * 1024;
/** CSV sent as the body (unit import, a year's holiday schedule). */
export const TEXT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
/** No request needs more; validation and transformation recurse, so deeper bodies could overflow the stack. */
export const MAX_JSON_DEPTH = 32;

/** A body refused before parsing; the exception filter answers with its status and message. */
class BodyRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type: string,
  ) {
    super(message);
  }
}

/**
 * The nesting depth of JSON text, counted without parsing it (brackets inside strings do not count);
 * stops as soon as `max` is passed.
 */
export function jsonDepthExceeds(text: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function verifyJson(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH))
    throw new BodyRefused(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, 400, 'entity.too.deep');
}

/** Keys that reach an object's prototype when a body is merged or copied carelessly; no request of this API has them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** With the u flag a surrogate pair is one code point: what this matches is half of one, alone. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * JSON.parse's reviver for every JSON body, refusing (400 naming the key) what validation would not
 * see: `__proto__`, `constructor` and `prototype` as keys (class-transformer drops them without a word,
 * where unknown fields are otherwise refused; a merge elsewhere would pollute prototypes), and text
 * holding a lone surrogate (`"\ud800"`), which is no character: PostgreSQL would be sent U+FFFD; and
 * text holding NUL (`"\u0000"`), which PostgreSQL refuses (a 500 otherwise).
 */
export function reviveJsonBody(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new Error(`the JSON body holds the key "${key}", which no request has`);
  if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value)))
    throw new Error(
      `${key === '' ? 'the JSON body' : key} holds a lone UTF-16 surrogate (an escape such as \\ud800 without its pair), which is not text`,
    );
  if (key.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000')))
    throw new Error(`${key === '' ? 'the JSON body' : key} holds a NUL character (\\u0000), which no text field can store`);
  return value;
}

/** CSV and text bodies must be what their charset says; UTF-8 (the default) is checked byte by byte. */
function verifyText(_req: IncomingMessage, _res: unknown, body: Buffer, encoding: string | null): void {
  if (encoding && !/^utf-?8$/i.test(encoding)) return;
  const kind = nonTextKind(body.subarray(0, 8192));
  if (kind) throw new BodyRefused(`the body is ${kind}, not UTF-8 text: save the file as CSV UTF-8`, 400, 'entity.encoding.invalid');
  const bad = firstInvalidUtf8(body);
  if (bad >= 0)
    throw new BodyRefused(
      `the body is not valid UTF-8: line ${lineAt(body, bad)} (byte ${bad}) holds a byte that is not UTF-8; save the file as CSV UTF-8`,
      400,
      'entity.encoding.invalid',
    );
}

/**
 * Body parsers with limits: 413 past the size, 400 past the depth, for prototype keys and lone
 * surrogates in JSON, or for text that is not UTF-8, all before a controller or validation sees the body.
 */
export function configureBodyParsers(app: NestExpressApplication): void {
  // Registered first: the unit import's larger limit; every other JSON body gets the small one.
  app.useBodyParser('json', {
    limit: UNIT_IMPORT_JSON_LIMIT_BYTES,
    verify: verifyJson,
    reviver: reviveJsonBody,
    type: (req) => isUnitImport(req) && isJson(req),
  });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES, verify: verifyJson, reviver: reviveJsonBody });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: TEXT_BODY_LIMIT_BYTES, verify: verifyText });
}

function isUnitImport(req: IncomingMessage): boolean {
  return req.method === 'POST' && (req.url ?? '').split('?')[0] === '/api/units/import';
}

function isJson(req: IncomingMessage): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '');
}
