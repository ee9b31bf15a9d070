import IORedis, { type Redis } from 'ioredis';

/** BullMQ workers block on Redis, so requests must wait for a reconnect instead of failing after N retries. */
export function createRedisConnection(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}
