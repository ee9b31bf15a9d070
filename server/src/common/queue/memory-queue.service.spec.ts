import { MemoryQueueService } from './memory-queue.service';

describe('MemoryQueueService', () => {
  let queue: MemoryQueueService;
  beforeEach(() => (queue = new MemoryQueueService()));
  afterEach(() => queue.close());

  it('runs jobs added before and after the consumer starts, respecting concurrency', async () => {
    const seen: number[] = [];
    let running = 0;
    let maxRunning = 0;
    await queue.add('q', 1);
    const done = new Promise<void>((resolve) => {
      queue.consume(
        'q',
        async (data) => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((r) => setTimeout(r, 5));
          seen.push(data as number);
          running--;
          if (seen.length === 4) resolve();
        },
        { concurrency: 2, attempts: 1 },
      );
    });
    await Promise.all([queue.add('q', 2), queue.add('q', 3), queue.add('q', 4)]);
    await done;
    expect(seen.sort()).toEqual([1, 2, 3, 4]);
    expect(maxRunning).toBe(2);
  });

  it('adds a job with a given id once', async () => {
    const seen: string[] = [];
    await queue.add('q', 'a', { jobId: 'same' });
    await queue.add('q', 'b', { jobId: 'same' });
    await new Promise<void>((resolve) =>
      queue.consume('q', async (d) => {
        seen.push(d as string);
        resolve();
      }, { concurrency: 1, attempts: 1 }),
    );
    expect(seen).toEqual(['a']);
  });

  it('retries a failing job up to its attempts', async () => {
    jest.useFakeTimers();
    const attempts: number[] = [];
    queue.consume('q', async (_d, job) => {
      attempts.push(job.attempt);
      throw new Error('boom');
    }, { concurrency: 1, attempts: 3 });
    await queue.add('q', 'x');
    for (let i = 0; i < 5; i++) await jest.advanceTimersByTimeAsync(10_000);
    expect(attempts).toEqual([1, 2, 3]);
    jest.useRealTimers();
  });

  it('runs a periodic job on its interval and skips a tick while the previous one runs', async () => {
    jest.useFakeTimers();
    const ticks: string[] = [];
    let release!: () => void;
    await queue.schedule('p', 1000, async (tick) => {
      ticks.push(tick);
      if (ticks.length === 1) await new Promise<void>((r) => (release = r));
    });
    await jest.advanceTimersByTimeAsync(3500);
    expect(ticks).toHaveLength(1);
    release();
    await jest.advanceTimersByTimeAsync(1000);
    expect(ticks).toHaveLength(2);
    expect(ticks[0]).toMatch(/^p@\d{4}-/);
    jest.useRealTimers();
  });
});
