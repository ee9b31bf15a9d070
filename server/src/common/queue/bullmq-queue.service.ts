import { Logger } from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type AddJobOptions, type ConsumeOptions, type JobHandler, QueueService } from './queue.service';

const PERIODIC_QUEUE = 'periodic';

/**
 * BullMQ on Redis. Periodic work uses BullMQ job schedulers: every process upserts the same scheduler, Redis
 * holds one, and each tick is one job taken by exactly one worker of the cluster.
 */
export class BullmqQueueService extends QueueService {
  readonly driver = 'redis' as const;
  private readonly logger = new Logger('Queue');
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly periodicRunners = new Map<string, (tick: string) => Promise<void>>();
  private periodicWorker?: Worker;

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    private readonly attemptsOf: (queue: string) => number,
  ) {
    super();
  }

  async add(queue: string, data: unknown, options: AddJobOptions = {}): Promise<void> {
    await this.queue(queue).add(queue, data, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: this.attemptsOf(queue),
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  consume(queue: string, handler: JobHandler, options: ConsumeOptions): void {
    const worker = new Worker(queue, (job: Job) => handler(job.data, { id: String(job.id), attempt: job.attemptsMade + 1 }), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: options.concurrency,
    });
    worker.on('failed', (job, error) => this.logger.warn(`Job ${job?.id} on ${queue} failed: ${error.message}`));
    this.workers.push(worker);
  }

  async schedule(name: string, everyMs: number, run: (tick: string) => Promise<void>): Promise<void> {
    this.periodicRunners.set(name, run);
    await this.queue(PERIODIC_QUEUE).upsertJobScheduler(
      name,
      { every: everyMs },
      { name, opts: { attempts: 1, removeOnComplete: { count: 200 }, removeOnFail: { count: 200 } } },
    );
    if (!this.periodicWorker) {
      this.periodicWorker = new Worker(
        PERIODIC_QUEUE,
        async (job: Job) => {
          const runner = this.periodicRunners.get(job.name);
          if (!runner) throw new Error(`No handler for periodic job ${job.name} in this process`);
          await runner(String(job.id));
        },
        { connection: this.connection, prefix: this.prefix, concurrency: 4 },
      );
      this.workers.push(this.periodicWorker);
    }
  }

  async pruneSchedules(known: string[]): Promise<void> {
    const schedulers = await this.queue(PERIODIC_QUEUE).getJobSchedulers();
    for (const s of schedulers) {
      if (!known.includes(s.key)) await this.queue(PERIODIC_QUEUE).removeJobScheduler(s.key);
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, q);
    }
    return q;
  }
}
