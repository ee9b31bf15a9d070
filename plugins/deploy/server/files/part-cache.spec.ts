import { PartCache } from './part-cache';

describe('PartCache', () => {
  it('keeps the most recently used parts within its budget', () => {
    const cache = new PartCache(400);
    cache.set('a', Buffer.alloc(100));
    cache.set('b', Buffer.alloc(100));
    cache.set('c', Buffer.alloc(100));
    expect(cache.get('a')).toBeDefined();
    cache.set('d', Buffer.alloc(100));
    cache.set('e', Buffer.alloc(100));
    expect(['a', 'b', 'c', 'd', 'e'].filter((k) => cache.get(k))).toEqual(['a', 'c', 'd', 'e']);
  });

  it('does not keep parts larger than a quarter of the budget, and forgets deleted ones', () => {
    const cache = new PartCache(400);
    cache.set('big', Buffer.alloc(101));
    expect(cache.get('big')).toBeUndefined();
    cache.set('a', Buffer.alloc(100));
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', Buffer.alloc(100));
    cache.set('c', Buffer.alloc(100));
    cache.set('d', Buffer.alloc(100));
    cache.set('e', Buffer.alloc(100));
    expect(['b', 'c', 'd', 'e'].every((k) => cache.get(k))).toBe(true);
  });
});
