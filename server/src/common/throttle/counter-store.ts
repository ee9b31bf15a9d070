import type { Redis } from 'ioredis';

export interface CounterState {
  count: number;
  /** Seconds until the window resets. */
  ttlSeconds: number;
}

/**
 * Fixed-window counters (login failures), kept in Redis when the cluster has one so that every API process sees
 * the same counts, otherwise in this process.
 */
export abstract class CounterStore {
  abstract increment(key: string, windowSeconds: number): Promise<CounterState>;
  abstract get(key: string): Promise<CounterState>;
  abstract reset(key: string): Promise<void>;
}

export class MemoryCounterStore extends CounterStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();

  async increment(key: string, windowSeconds: number): Promise<CounterState> {
    const now = Date.now();
    let c = this.counters.get(key);
    if (!c || c.expiresAt <= now) {
      c = { count: 0, expiresAt: now + windowSeconds * 1000 };
      this.counters.set(key, c);
      if (this.counters.size > 100_000) this.sweep(now);
    }
    c.count++;
    return { count: c.count, ttlSeconds: Math.ceil((c.expiresAt - now) / 1000) };
  }

  async get(key: string): Promise<CounterState> {
    const now = Date.now();
    const c = this.counters.get(key);
    if (!c || c.expiresAt <= now) return { count: 0, ttlSeconds: 0 };
    return { count: c.count, ttlSeconds: Math.ceil((c.expiresAt - now) / 1000) };
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, c] of this.counters) if (c.expiresAt <= now) this.counters.delete(k);
  }
}

export class RedisCounterStore extends CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    super();
  }

  async increment(key: string, windowSeconds: number): Promise<CounterState> {
    const k = this.key(key);
    const result = await this.redis.multi().incr(k).expire(k, windowSeconds, 'NX').ttl(k).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[2]?.[1] ?? windowSeconds);
    return { count, ttlSeconds: ttl > 0 ? ttl : windowSeconds };
  }

  async get(key: string): Promise<CounterState> {
    const k = this.key(key);
    const result = await this.redis.multi().get(k).ttl(k).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[1]?.[1] ?? 0);
    return { count, ttlSeconds: ttl > 0 ? ttl : 0 };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.prefix}:counter:${key}`;
  }
}
