import { constants, mkdtempSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockPool, type BlockSlot, DIRECT_ALIGNMENT, SLOT_BYTES } from './block-pool';

describe('BlockPool', () => {
  it('hands out distinct slots, grows up to 64 of them, then makes the next caller wait for one given back', async () => {
    const pool = new BlockPool();
    const slots: BlockSlot[] = [];
    for (let i = 0; i < 64; i++) slots.push(await pool.acquire());
    expect(new Set(slots.map((s) => s.index)).size).toBe(64);
    // Slots do not overlap: each keeps what was written into it.
    slots.forEach((s) => s.member.fill(s.index % 256));
    expect(slots.every((s) => s.member.length === SLOT_BYTES && s.member[0] === s.index % 256 && s.member[SLOT_BYTES - 1] === s.index % 256)).toBe(true);

    let next: BlockSlot | null = null;
    const waiting = Promise.resolve(pool.acquire()).then((s) => (next = s));
    await new Promise((r) => setTimeout(r, 20));
    expect(next).toBeNull();
    pool.release(slots[7]);
    await waiting;
    expect(next!.index).toBe(slots[7].index);
  });

  it('gives memory aligned for O_DIRECT writes', async () => {
    const pool = new BlockPool();
    const slot = await pool.acquire();
    slot.member.fill(0x5a, 0, DIRECT_ALIGNMENT * 2);
    const path = join(mkdtempSync(join(tmpdir(), 'parc-pool-')), 'direct');
    // The temporary directory's file system (ext4 here) takes direct I/O, as file-store.spec also expects.
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_DIRECT);
    try {
      // The kernel refuses (EINVAL) a direct write from memory that is not aligned.
      await handle.write(slot.member, 0, DIRECT_ALIGNMENT * 2, 0);
    } finally {
      await handle.close();
    }
    expect((await readFile(path)).equals(Buffer.alloc(DIRECT_ALIGNMENT * 2, 0x5a))).toBe(true);
  });
});
