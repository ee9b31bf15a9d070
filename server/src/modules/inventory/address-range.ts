/** IPv4 ranges of the entity rules: `10.1.0.0/16` or `10.1.0.1-10.1.0.99`. */
export interface AddressRange {
  first: number;
  last: number;
}

export function ipv4ToInt(address: string): number | null {
  const a = address.replace(/^::ffff:/i, '');
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function parseAddressRange(pattern: string): AddressRange | null {
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(pattern.trim());
  if (cidr) {
    const base = ipv4ToInt(cidr[1]);
    const bits = Number(cidr[2]);
    if (base === null || bits > 32) return null;
    const size = 2 ** (32 - bits);
    const first = Math.floor(base / size) * size;
    return { first, last: first + size - 1 };
  }
  const span = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(pattern.trim());
  if (span) {
    const first = ipv4ToInt(span[1]);
    const last = ipv4ToInt(span[2]);
    return first !== null && last !== null && first <= last ? { first, last } : null;
  }
  const single = ipv4ToInt(pattern.trim());
  return single === null ? null : { first: single, last: single };
}

export function inRange(address: string, range: AddressRange): boolean {
  const n = ipv4ToInt(address);
  return n !== null && n >= range.first && n <= range.last;
}

/** `*` wildcards, case-insensitive, whole value. */
export function wildcardMatch(value: string, pattern: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(value);
}
