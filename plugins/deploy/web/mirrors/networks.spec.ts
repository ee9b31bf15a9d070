import { badNetworks, isCidr } from './networks';

describe('mirror networks', () => {
  it('takes IPv4 and IPv6 CIDRs', () => {
    expect(isCidr('10.1.0.0/16')).toBe(true);
    expect(isCidr('192.168.1.7/32')).toBe(true);
    expect(isCidr('2001:db8::/32')).toBe(true);
    expect(isCidr('::ffff:10.0.0.0/104')).toBe(true);
    expect(isCidr('fe80:0:0:0:0:0:0:1/128')).toBe(true);
  });

  it('refuses what is not one', () => {
    expect(isCidr('10.1.0.0')).toBe(false);
    expect(isCidr('10.1.0.0/33')).toBe(false);
    expect(isCidr('256.1.0.0/8')).toBe(false);
    expect(isCidr('2001:db8::1::/64')).toBe(false);
    expect(isCidr('paris/24')).toBe(false);
  });

  it('names the bad lines, blank ones ignored', () => {
    expect(badNetworks('10.0.0.0/8\n\n 172.16.0.0/12 \nlan')).toEqual(['lan']);
  });
});
