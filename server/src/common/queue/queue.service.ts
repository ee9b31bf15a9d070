/** Options when adding a job to a queue. */
export interface AddJobOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Jobs with the same id are added once (idempotent producers). */
  jobId?: string;
}

export type JobHandler = (data: unknown, job: { id: string; attempt: number }) => Promise<void>;

export interface ConsumeOptions {
  concurrency: number;
  attempts: number;
}

/**
 * Background work behind one interface: BullMQ on Redis when REDIS_URL is set (shared by every process of a
 * cluster), otherwise an in-process queue. Plugins inject this class to enqueue; the core wires consumers and
 * periodic jobs in processes whose ROLE runs workers.
 */
export abstract class QueueService {
  abstract readonly driver: 'memory' | 'redis';

  /** Enqueues a job on a queue declared in a manifest. */
  abstract add(queue: string, data: unknown, options?: AddJobOptions): Promise<void>;

  /** Starts consuming a queue in this process. */
  abstract consume(queue: string, handler: JobHandler, options: ConsumeOptions): void;

  /** Runs `run` every `everyMs`, once per tick across the cluster. `tick` identifies the occurrence. */
  abstract schedule(name: string, everyMs: number, run: (tick: string) => Promise<void>): Promise<void>;

  /** Forgets schedules of periodic jobs that no enabled code declares any more (a plugin was disabled). */
  abstract pruneSchedules(known: string[]): Promise<void>;

  abstract ping(): Promise<boolean>;

  abstract close(): Promise<void>;
}
