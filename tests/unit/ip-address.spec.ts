import fc from 'fast-check';
import { BlockList, isIP } from 'node:net';
import { nonPublicReason, parseIp, throttleBucket } from '../../src/domain/ip-address';

/** An oracle written apart from the code under test: Node's BlockList over the IPv4 ranges a webhook may not reach. */
const IPV4_ORACLE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  IPV4_ORACLE.addSubnet(net, prefix, 'ipv4');

const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
const dotted = (o: number[]) => o.join('.');
const hex16 = (a: number, b: number) => ((a << 8) | b).toString(16);

describe('IP address classification (webhook SSRF)', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['10.1.2.3', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/],
    ['100.100.100.200', /metadata|shared/],
    ['0.0.0.0', /this network/],
    ['255.255.255.255', /broadcast/],
    ['224.0.0.1', /multicast/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fe80::1%eth0', /link-local/],
    ['fd00:ec2::254', /unique local/],
    ['fc00::1', /unique local/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['::ffff:a9fe:a9fe', /link-local/],
    ['64:ff9b::a9fe:a9fe', /link-local/],
    ['2002:c0a8:0101::1', /private/],
    ['2001:db8::1', /documentation/],
    ['2001::1', /IETF|Teredo/],
    ['ff02::1', /multicast/],
    ['[::1]', /loopback/],
  ])('refuses %s', (address, reason) => {
    expect(nonPublicReason(address)).toMatch(reason);
  });

  it.each([
    '8.8.8.8',
    '114.114.114.114',
    '223.5.5.5',
    '172.32.0.1',
    '100.128.0.1',
    '2400:3200::1',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('lets %s through', (address) => {
    expect(nonPublicReason(address)).toBeNull();
  });

  it('refuses what is not an address', () => {
    for (const text of [
      'localhost',
      '0x7f.1',
      '127.1',
      '017700000001',
      '1.2.3.4.5',
      '1.2.3.256',
      '01.2.3.4',
      ':::1',
      '1::2::3',
      'fe80::1::',
      '',
    ])
      expect(nonPublicReason(text)).toBe('not an IP address');
  });

  it('agrees with an independent oracle on every IPv4 address', () => {
    fc.assert(
      fc.property(octets, (o) => {
        expect(nonPublicReason(dotted(o)) !== null).toBe(IPV4_ORACLE.check(dotted(o), 'ipv4'));
      }),
      { numRuns: 5000 },
    );
  });

  it('judges an IPv4 address the same however IPv6 carries it (mapped, NAT64, 6to4)', () => {
    fc.assert(
      fc.property(octets, ([a, b, c, d]) => {
        const v4 = nonPublicReason(dotted([a, b, c, d]));
        expect(nonPublicReason(`::ffff:${a}.${b}.${c}.${d}`)).toBe(v4);
        expect(nonPublicReason(`::ffff:${hex16(a, b)}:${hex16(c, d)}`)).toBe(v4);
        expect(nonPublicReason(`64:ff9b::${a}.${b}.${c}.${d}`)).toBe(v4);
        expect(nonPublicReason(`2002:${hex16(a, b)}:${hex16(c, d)}::1`)).toBe(v4);
      }),
    );
  });

  it('parses every IPv6 text Node accepts, to the same bytes as its canonical form', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        expect(isIP(text)).toBe(6);
        const bytes = parseIp(text);
        expect(bytes).toHaveLength(16);
        const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
        expect(parseIp(canonical)).toEqual(bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and accepts as an address only what Node does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.ipV4Extended(), fc.ipV6(), fc.ipV4()), (text) => {
        const bytes = parseIp(text);
        if (bytes) expect(isIP(text.replace(/%.*$/, ''))).not.toBe(0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('throttleBucket', () => {
  it('counts IPv4 as is, IPv4-mapped as IPv4 and IPv6 by its /64', () => {
    expect(throttleBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttleBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleBucket('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleBucket('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });
});
