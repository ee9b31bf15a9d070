import { MAX_MASS_ACTION_ITEMS, type MassActionResult } from '@parc/contracts';

/**
 * The server takes at most MAX_MASS_ACTION_ITEMS ids per call; a bigger selection ("all 25 000 matching") is
 * sent in consecutive batches whose results are added up.
 */
export function inBatches<T>(items: readonly T[], size = MAX_MASS_ACTION_ITEMS): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

export const NO_RESULT: MassActionResult = { ok: 0, failed: 0, noRight: 0, items: [] };

export function addResults(total: MassActionResult, batch: MassActionResult): MassActionResult {
  return {
    ok: total.ok + batch.ok,
    failed: total.failed + batch.failed,
    noRight: total.noRight + batch.noRight,
    items: total.items.concat(batch.items),
  };
}
