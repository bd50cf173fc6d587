/**
 * What the request log (pino-http) may show of a request. Query parameters that may carry personal
 * data (an ID number searched for, a name) are logged as `[REDACTED]`, in the URL and in the parsed
 * query alike; everything else stays, so a request can still be followed. The names are compared
 * without case, after percent-decoding and without array brackets (`idNumber[]`, `id%4Eumber`).
 */
export const PERSONAL_QUERY_PARAMS = ['idNumber', 'name', 'q', 'search', 'keyword', 'headName', 'username', 'email', 'phone'] as const;

const REDACTED = '[REDACTED]';
const PERSONAL = new Set(PERSONAL_QUERY_PARAMS.map((p) => p.toLowerCase()));

function isPersonal(rawName: string): boolean {
  let name = rawName.replace(/\+/g, ' ');
  try {
    name = decodeURIComponent(name);
  } catch {
    // A malformed escape: judge the name as written.
  }
  return PERSONAL.has(name.replace(/\[.*$/, '').trim().toLowerCase());
}

export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const [query, fragment] = splitOnce(url.slice(at + 1), '#');
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      return isPersonal(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, at + 1)}${redacted}${fragment === undefined ? '' : `#${fragment}`}`;
}

/** The parsed query as logged: a copy, the request's own object untouched. */
export function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(Object.entries(query as Record<string, unknown>).map(([k, v]) => [k, isPersonal(k) ? REDACTED : v]));
}

/** pino-http's `req` serializer after the standard one: the same object with its URL and query redacted. */
export function redactRequest<T extends { url?: string; query?: unknown }>(req: T): T {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  if (req.query !== undefined) req.query = redactQuery(req.query);
  return req;
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
