/**
 * A seeded pseudo-random generator (sfc32: 128 bits of state, fast, the same sequence on every platform).
 * Each computer draws from its own stream, keyed by (seed, stream, number): its data does not depend on the
 * batch size nor on what was generated before it, and two keys never share a stream.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0, index = 0) {
    // Distinct keys give distinct states; the warm-up rounds spread them before the first draw.
    this.a = seed >>> 0;
    this.b = index >>> 0;
    this.c = (stream ^ Math.floor(index / 2 ** 32)) >>> 0;
    this.d = 1;
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let x = this.next() * total;
    for (const [item, weight] of items) {
      x -= weight;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
}

/** Independent streams of one seed. */
export const Stream = { catalogue: 1, computer: 2, software: 3 } as const;

/**
 * A fixed bijection of 32-bit integers (multiply by an odd constant, xor-shift), so that serial numbers and MAC
 * addresses derived from sequence numbers are unique yet do not look sequential. Independent of the seed on
 * purpose: runs with different seeds number their computers apart, and must not collide.
 */
export function scramble32(n: number): number {
  let x = n >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return x;
}

/** The same idea on 24 bits (the device part of a MAC address). */
export function scramble24(n: number): number {
  const mask = 0xffffff;
  let x = n & mask;
  x = Math.imul(x, 0x9e3779) & mask; // odd multiplier: invertible modulo 2^24
  x = (x ^ (x >>> 12)) & mask;
  x = Math.imul(x, 0x7feb35) & mask;
  return (x ^ (x >>> 12)) & mask;
}
