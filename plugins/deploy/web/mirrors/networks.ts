import type { ValidatorFn } from '@angular/forms';
import { splitLines } from '../packages/definition-form';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || (text.match(/::/g) ?? []).length > 1) return false;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const groups = (part: string) => (part ? part.split(':') : []);
  const all = [...groups(head), ...(tail === null ? [] : groups(tail))];
  // An IPv4 tail (::ffff:10.0.0.1) counts as two groups.
  const last = all.at(-1) ?? '';
  const width = all.length + (IPV4.test(last) ? 1 : 0);
  const hexGroups = IPV4.test(last) ? all.slice(0, -1) : all;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return tail === null ? width === 8 : width < 8;
}

/** `10.1.0.0/16`, `2001:db8::/32`: an address and a prefix length that fits it. */
export function isCidr(text: string): boolean {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match) return false;
  const prefix = Number(match[2]);
  if (IPV4.test(match[1])) return prefix <= 32;
  return isIpv6(match[1]) && prefix <= 128;
}

/** The networks a mirror serves, one CIDR a line; the lines that are not CIDRs. */
export function badNetworks(text: string): string[] {
  return splitLines(text).filter((line) => !isCidr(line));
}

export const networksValidator: ValidatorFn = (control) => {
  const bad = badNetworks(String(control.value ?? ''));
  return bad.length ? { deploy: { key: 'deploy.invalid.cidr', params: { value: bad[0] } } } : null;
};
