import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { nonPublicReason, parseIp } from '../../domain/ip-address';

/**
 * Where a webhook may go. The server posts to URLs its users chose, from inside the bureau's network:
 * without a check a URL could reach the database, Redis, Temporal, the cloud's metadata service
 * (169.254.169.254, Alibaba Cloud's 100.100.100.200) or any intranet host (SSRF). A webhook goes to
 * public addresses only, unless the operator lists its host in WEBHOOK_ALLOWED_HOSTS.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Every address of the name (IPv4 and IPv6), as the system resolver answers. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Names that only ever mean something inside a network: refused when the settings are saved. */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'lan', 'intranet', 'home.arpa', 'arpa'];

/** The host of a URL as compared with WEBHOOK_ALLOWED_HOSTS: lower case, IPv6 without brackets, no final dot. */
export function hostOf(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/**
 * Why a webhook URL is refused when it is saved, or null. Without DNS (its answers may change before
 * any send): a literal address that is not public, or a name that can only be internal (`localhost`,
 * `*.local`, `*.internal`, a single label like `redis` that the search domain completes). Whatever
 * passes is checked again, resolved, at every send.
 */
export function webhookUrlProblem(text: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  const host = hostOf(url);
  if (allowedHosts.includes(host)) return null;
  if (parseIp(host)) {
    const reason = nonPublicReason(host);
    return reason ? `points at ${reason}; webhooks go to public addresses only (or hosts the operator allows)` : null;
  }
  if (!host.includes('.') || INTERNAL_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`)))
    return `names an internal host (${host}); webhooks go to public addresses only (or hosts the operator allows)`;
  return null;
}

/** The refusal of a target at send time: final, since sending again will not make it public. */
export class WebhookTargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookTargetRefused';
  }
}

/**
 * The one address a send connects to: every address the host resolves to must be public (unless the
 * host is allowed), and the first is then used for the connection itself, so a second lookup (a DNS
 * answer that changed in between: rebinding) cannot send the request elsewhere. A literal address is
 * checked as it is. Resolution errors are thrown as they come (the caller retries them).
 */
export async function checkedAddress(url: URL, allowedHosts: readonly string[], resolve: Resolver): Promise<ResolvedAddress> {
  const host = hostOf(url);
  const literal = parseIp(host);
  const addresses: ResolvedAddress[] = literal ? [{ address: host, family: literal.length === 4 ? 4 : 6 }] : await resolve(host);
  if (addresses.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
  if (!allowedHosts.includes(host)) {
    for (const { address } of addresses) {
      const reason = nonPublicReason(address);
      if (reason)
        throw new WebhookTargetRefused(
          `${literal ? `${host} is` : `${host} resolves to`} ${reason}: refused, webhooks go to public addresses only (or hosts in WEBHOOK_ALLOWED_HOSTS)`,
        );
    }
  }
  return addresses[0];
}

/** A `lookup` for http.request that answers with the checked address only, whatever is asked. */
export function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean } | ((...args: unknown[]) => void), callback?: (...args: unknown[]) => void) => {
    if (typeof options === 'function') [options, callback] = [{}, options];
    if (!callback) return;
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as LookupFunction;
}
