/**
 * The most recently served parts, kept in memory up to a byte budget. A deployment sends the same few parts to
 * thousands of agents: serving them from memory saves a disk read and a copy per request. Parts never change,
 * so an entry is never stale.
 */
export class PartCache {
  /** Insertion order is recency order: a hit moves the entry to the end. */
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  get(sha512: string): Buffer | undefined {
    const hit = this.entries.get(sha512);
    if (hit) {
      this.entries.delete(sha512);
      this.entries.set(sha512, hit);
    }
    return hit;
  }

  set(sha512: string, bytes: Buffer): void {
    if (bytes.length > this.budget / 4 || this.entries.has(sha512)) return;
    this.entries.set(sha512, bytes);
    this.bytes += bytes.length;
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(key);
      this.bytes -= value.length;
    }
  }

  /** Forgets parts deleted from disk. */
  delete(sha512: string): void {
    const hit = this.entries.get(sha512);
    if (!hit) return;
    this.entries.delete(sha512);
    this.bytes -= hit.length;
  }
}
