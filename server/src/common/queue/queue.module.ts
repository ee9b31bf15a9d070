import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Contributions } from '../../plugin-host/contributions';
import type { AppConfig } from '../config/config';
import { CounterStore, MemoryCounterStore, RedisCounterStore } from '../throttle/counter-store';
import { BullmqQueueService } from './bullmq-queue.service';
import { MemoryQueueService } from './memory-queue.service';
import { QueueService } from './queue.service';
import { createRedisConnection } from './redis-connection';

const REDIS = Symbol('REDIS');

/** Queue and shared counters: on Redis when REDIS_URL is set, in this process otherwise. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, contributions: Contributions): DynamicModule {
    const attempts = new Map(contributions.queues.map((q) => [q.name, q.attempts ?? 3]));
    return {
      module: QueueModule,
      providers: [
        { provide: REDIS, useFactory: () => (config.redisUrl ? createRedisConnection(config.redisUrl) : null) },
        {
          provide: QueueService,
          inject: [REDIS],
          useFactory: (redis: Redis | null) =>
            redis ? new BullmqQueueService(redis, config.queuePrefix, (q) => attempts.get(q) ?? 3) : new MemoryQueueService(),
        },
        {
          provide: CounterStore,
          inject: [REDIS],
          useFactory: (redis: Redis | null) => (redis ? new RedisCounterStore(redis, config.queuePrefix) : new MemoryCounterStore()),
        },
      ],
      exports: [QueueService, CounterStore],
    };
  }
}
