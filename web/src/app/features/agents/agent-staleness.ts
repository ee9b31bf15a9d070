/** Without the inventory settings, an agent silent for two days is late. */
export const DEFAULT_STALE_HOURS = 48;

/** An agent is stale when it has not called for twice the inventory frequency (or never called). */
export function staleAfterHours(frequencyHours: number | null | undefined): number {
  return frequencyHours && frequencyHours > 0 ? frequencyHours * 2 : DEFAULT_STALE_HOURS;
}

export function isStale(lastContactAt: string | null, staleHours: number, now = Date.now()): boolean {
  if (!lastContactAt) return true;
  const at = Date.parse(lastContactAt);
  return Number.isNaN(at) || now - at > staleHours * 3_600_000;
}
