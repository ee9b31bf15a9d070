import { NO_RESULT, addResults, inBatches } from './mass-action-batches';

describe('mass action batches', () => {
  it('splits a selection into calls the server accepts', () => {
    const ids = Array.from({ length: 25_001 }, (_, i) => i + 1);
    const batches = inBatches(ids);
    expect(batches.map((batch) => batch.length)).toEqual([10_000, 10_000, 5_001]);
    expect(batches.flat()).toEqual(ids);
    expect(inBatches([])).toEqual([]);
  });

  it('adds up per-batch results', () => {
    const total = [
      { ok: 2, failed: 1, noRight: 0, items: [{ id: 1, status: 'failed' as const, message: 'locked' }] },
      { ok: 1, failed: 0, noRight: 1, items: [{ id: 9, status: 'no-right' as const }] },
    ].reduce(addResults, NO_RESULT);
    expect(total).toEqual({
      ok: 3,
      failed: 1,
      noRight: 1,
      items: [
        { id: 1, status: 'failed', message: 'locked' },
        { id: 9, status: 'no-right' },
      ],
    });
  });
});
