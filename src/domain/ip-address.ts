/**
 * IP addresses as bytes: parsing (IPv4 dotted quads, IPv6 in every textual form, IPv4-mapped tails),
 * the ranges a server-side request must never reach (loopback, private, link-local, cloud metadata,
 * …), and the bucket a client address is throttled under. Pure: no I/O, no Node built-ins.
 */

/** The four bytes of a dotted-quad IPv4 address (no octal, hex or short forms), or null. */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

/** The sixteen bytes of an IPv6 address (`::` compression, an IPv4 tail, a `%zone` ignored), or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  let tail: number[] | null = null;
  const lastColon = s.lastIndexOf(':');
  if (lastColon < 0) return null;
  if (s.slice(lastColon + 1).includes('.')) {
    tail = parseIPv4(s.slice(lastColon + 1));
    if (!tail) return null;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0]);
  const rest = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (halves.length === 1 ? head.length !== 8 : head.length + rest.length > 7) return null;
  const groups = [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    const n = parseInt(group, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** 4 or 16 bytes, or null for anything that is not an IP address (host names included). */
export function parseIp(text: string): number[] | null {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return parseIPv4(unbracketed) ?? parseIPv6(unbracketed);
}

interface Range {
  prefix: number[];
  bits: number;
  reason: string;
}

function range(cidr: string, reason: string): Range {
  const [address, bits] = cidr.split('/');
  const prefix = parseIp(address);
  if (!prefix) throw new Error(`bad range ${cidr}`);
  return { prefix, bits: Number(bits), reason };
}

function inRange(bytes: number[], r: Range): boolean {
  if (bytes.length !== r.prefix.length) return false;
  for (let bit = 0; bit < r.bits; bit += 8) {
    const take = Math.min(8, r.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8] & mask) !== (r.prefix[bit / 8] & mask)) return false;
  }
  return true;
}

/** IPv4 ranges that are not the public internet (IANA special-purpose registry, RFC 6890 and successors). */
export const BLOCKED_IPV4_RANGES: readonly Range[] = [
  range('0.0.0.0/8', 'a "this network" address'),
  range('10.0.0.0/8', 'a private address'),
  range('100.64.0.0/10', 'a shared (carrier-grade NAT) address, where cloud metadata services also live'),
  range('127.0.0.0/8', 'a loopback address'),
  range('169.254.0.0/16', 'a link-local address (cloud metadata services)'),
  range('172.16.0.0/12', 'a private address'),
  range('192.0.0.0/24', 'an IETF protocol address'),
  range('192.0.2.0/24', 'a documentation address'),
  range('192.88.99.0/24', 'a 6to4 relay address'),
  range('192.168.0.0/16', 'a private address'),
  range('198.18.0.0/15', 'a benchmarking address'),
  range('198.51.100.0/24', 'a documentation address'),
  range('203.0.113.0/24', 'a documentation address'),
  range('224.0.0.0/4', 'a multicast address'),
  range('240.0.0.0/4', 'a reserved or broadcast address'),
];

/** IPv6 ranges that are not the public internet; those that embed an IPv4 address are judged by it. */
export const BLOCKED_IPV6_RANGES: readonly Range[] = [
  range('::/96', 'an unspecified, loopback or IPv4-compatible address'),
  range('64:ff9b:1::/48', 'a local NAT64 address'),
  range('100::/64', 'a discard address'),
  range('2001::/23', 'an IETF protocol address (Teredo and others)'),
  range('2001:db8::/32', 'a documentation address'),
  range('3fff::/20', 'a documentation address'),
  range('fc00::/7', 'a unique local (private) address, where cloud metadata services also live'),
  range('fe80::/10', 'a link-local address'),
  range('fec0::/10', 'a site-local address'),
  range('ff00::/8', 'a multicast address'),
];

const IPV4_MAPPED = range('::ffff:0:0/96', '');
const NAT64 = range('64:ff9b::/96', '');
const SIX_TO_FOUR = range('2002::/16', '');

/**
 * Why a server-side request must not go to this address (`a loopback address`, …), or null when it is
 * a public one. An IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4) is judged by that one.
 * Anything that does not parse as an address is refused.
 */
export function nonPublicReason(address: string): string | null {
  const bytes = parseIp(address);
  if (!bytes) return 'not an IP address';
  return nonPublicReasonOfBytes(bytes);
}

function nonPublicReasonOfBytes(bytes: number[]): string | null {
  if (bytes.length === 4) return BLOCKED_IPV4_RANGES.find((r) => inRange(bytes, r))?.reason ?? null;
  if (inRange(bytes, IPV4_MAPPED) || inRange(bytes, NAT64)) return nonPublicReasonOfBytes(bytes.slice(12));
  if (inRange(bytes, SIX_TO_FOUR)) return nonPublicReasonOfBytes(bytes.slice(2, 6));
  return BLOCKED_IPV6_RANGES.find((r) => inRange(bytes, r))?.reason ?? null;
}

/**
 * The key a client address is throttled under: an IPv4 address (also when IPv4-mapped) as it is, an
 * IPv6 address by its /64, since one subscriber usually holds a whole /64. Anything else as given.
 */
export function throttleBucket(address: string): string {
  const bytes = parseIp(address);
  if (!bytes) return address;
  if (bytes.length === 16 && inRange(bytes, IPV4_MAPPED)) return bytes.slice(12).join('.');
  if (bytes.length === 4) return bytes.join('.');
  const groups = [0, 2, 4, 6].map((i) => ((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return `${groups.join(':')}::/64`;
}
