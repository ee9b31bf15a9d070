import { Random, scramble24, scramble32, Stream } from './random';

const draws = (random: Random, count: number) => Array.from({ length: count }, () => random.nextUint32());

describe('Random', () => {
  it('gives the same sequence for the same key, and another for any other key', () => {
    expect(draws(new Random(1, Stream.computer, 42), 5)).toEqual(draws(new Random(1, Stream.computer, 42), 5));
    const reference = draws(new Random(1, Stream.computer, 42), 5);
    expect(draws(new Random(2, Stream.computer, 42), 5)).not.toEqual(reference);
    expect(draws(new Random(1, Stream.software, 42), 5)).not.toEqual(reference);
    expect(draws(new Random(1, Stream.computer, 43), 5)).not.toEqual(reference);
  });

  it('draws floats in [0, 1) and integers within their bounds', () => {
    const random = new Random(7);
    const floats = Array.from({ length: 10_000 }, () => random.next());
    const integers = new Set(Array.from({ length: 10_000 }, () => random.int(3, 5)));
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
    expect([...integers].sort()).toEqual([3, 4, 5]);
  });

  it('picks weighted items in proportion to their weights', () => {
    const random = new Random(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 100_000; i++) {
      counts[
        random.weighted<'a' | 'b' | 'c'>([
          ['a', 0.5],
          ['b', 0.3],
          ['c', 0.2],
        ])
      ]++;
    }
    expect(counts.a / 100_000).toBeCloseTo(0.5, 1);
    expect(counts.b / 100_000).toBeCloseTo(0.3, 1);
    expect(counts.c / 100_000).toBeCloseTo(0.2, 1);
  });
});

describe('scramble', () => {
  it('scramble24 stays within 24 bits and never repeats (checked over the first million numbers)', () => {
    // Bijective by construction (odd multipliers, xor-shifts); the full 2^24 check takes seconds under Jest.
    const seen = new Uint8Array(2 ** 24);
    let distinct = 0;
    for (let n = 0; n < 2 ** 20; n++) {
      const x = scramble24(n);
      if (x >= 0 && x < 2 ** 24 && !seen[x]) distinct++;
      seen[x] = 1;
    }
    expect(distinct).toBe(2 ** 20);
  });

  it('scramble32 never repeats over the first million numbers and does not look sequential', () => {
    const values = new Set<number>();
    for (let n = 0; n < 1_000_000; n++) values.add(scramble32(n));
    expect(values.size).toBe(1_000_000);
    expect(Math.abs(scramble32(2) - scramble32(1))).toBeGreaterThan(1000);
  });
});
