import { Logger } from '@nestjs/common';
import { type AddJobOptions, type ConsumeOptions, type JobHandler, QueueService } from './queue.service';

interface PendingJob {
  id: string;
  data: unknown;
  attempt: number;
}

interface LocalQueue {
  pending: PendingJob[];
  handler?: JobHandler;
  options?: ConsumeOptions;
  running: number;
  ids: Set<string>;
}

/** The embedded default: jobs run in this process, retried with exponential backoff, lost on restart. */
export class MemoryQueueService extends QueueService {
  readonly driver = 'memory' as const;
  private readonly logger = new Logger('Queue');
  private readonly queues = new Map<string, LocalQueue>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private sequence = 0;
  private closed = false;

  async add(queue: string, data: unknown, options: AddJobOptions = {}): Promise<void> {
    const q = this.queue(queue);
    const id = options.jobId ?? `${queue}:${++this.sequence}`;
    if (q.ids.has(id)) return;
    q.ids.add(id);
    const job = { id, data, attempt: 1 };
    if (options.delayMs) this.later(options.delayMs, () => this.enqueue(queue, job));
    else this.enqueue(queue, job);
  }

  consume(queue: string, handler: JobHandler, options: ConsumeOptions): void {
    const q = this.queue(queue);
    q.handler = handler;
    q.options = options;
    this.drain(queue);
  }

  async schedule(name: string, everyMs: number, run: (tick: string) => Promise<void>): Promise<void> {
    let busy = false;
    const timer = setInterval(() => {
      // A tick that finds the previous one still running is skipped rather than stacked.
      if (busy || this.closed) return;
      busy = true;
      run(`${name}@${new Date().toISOString()}`)
        .catch((e: unknown) => this.logger.error(`Periodic job ${name} failed: ${String(e)}`))
        .finally(() => (busy = false));
    }, everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  async pruneSchedules(): Promise<void> {
    // Nothing persists between runs of this process.
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private queue(name: string): LocalQueue {
    let q = this.queues.get(name);
    if (!q) {
      q = { pending: [], running: 0, ids: new Set() };
      this.queues.set(name, q);
    }
    return q;
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private enqueue(queue: string, job: PendingJob): void {
    this.queue(queue).pending.push(job);
    this.drain(queue);
  }

  private drain(queue: string): void {
    const q = this.queue(queue);
    if (!q.handler || !q.options || this.closed) return;
    while (q.running < q.options.concurrency && q.pending.length) {
      const job = q.pending.shift()!;
      q.running++;
      q.handler(job.data, { id: job.id, attempt: job.attempt })
        .then(() => q.ids.delete(job.id))
        .catch((e: unknown) => {
          if (job.attempt < q.options!.attempts) {
            this.later(1000 * 2 ** job.attempt, () => this.enqueue(queue, { ...job, attempt: job.attempt + 1 }));
          } else {
            q.ids.delete(job.id);
            this.logger.error(`Job ${job.id} failed after ${job.attempt} attempts: ${String(e)}`);
          }
        })
        .finally(() => {
          q.running--;
          this.drain(queue);
        });
    }
  }
}
