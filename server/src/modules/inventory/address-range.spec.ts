import { inRange, ipv4ToInt, parseAddressRange, wildcardMatch } from './address-range';

describe('address ranges and tag patterns', () => {
  it('reads CIDR blocks, spans and single addresses', () => {
    const block = parseAddressRange('10.1.0.0/16')!;
    expect(inRange('10.1.255.255', block)).toBe(true);
    expect(inRange('10.2.0.0', block)).toBe(false);
    expect(inRange('::ffff:10.1.2.3', block)).toBe(true);
    const span = parseAddressRange('192.168.1.10 - 192.168.1.20')!;
    expect([inRange('192.168.1.9', span), inRange('192.168.1.15', span), inRange('192.168.1.21', span)]).toEqual([false, true, false]);
    expect(parseAddressRange('0.0.0.0/0')).toEqual({ first: 0, last: 2 ** 32 - 1 });
    expect(ipv4ToInt('255.255.255.255')).toBe(2 ** 32 - 1);
  });

  it('refuses what is not a range', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.300', 'paris', '10.0.0.9-10.0.0.1', '']) expect(parseAddressRange(bad)).toBeNull();
  });

  it('matches tags with * wildcards, case-insensitively, on the whole value', () => {
    expect(wildcardMatch('PARIS-01', 'paris-*')).toBe(true);
    expect(wildcardMatch('lyon', 'paris*')).toBe(false);
    expect(wildcardMatch('a.b', 'a*b')).toBe(true);
    expect(wildcardMatch('aXb', 'a.b')).toBe(false);
  });
});
