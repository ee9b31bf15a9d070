import { MemoryCounterStore } from './counter-store';

describe('MemoryCounterStore', () => {
  it('counts within a window, then starts again', async () => {
    jest.useFakeTimers({ now: 0 });
    const store = new MemoryCounterStore();
    expect(await store.increment('k', 10)).toEqual({ count: 1, ttlSeconds: 10 });
    jest.setSystemTime(4000);
    expect(await store.increment('k', 10)).toEqual({ count: 2, ttlSeconds: 6 });
    expect(await store.get('k')).toEqual({ count: 2, ttlSeconds: 6 });
    jest.setSystemTime(10_001);
    expect(await store.get('k')).toEqual({ count: 0, ttlSeconds: 0 });
    expect(await store.increment('k', 10)).toEqual({ count: 1, ttlSeconds: 10 });
    await store.reset('k');
    expect((await store.get('k')).count).toBe(0);
    jest.useRealTimers();
  });
});
