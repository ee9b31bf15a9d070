/**
 * Tiny wrapper over localStorage: every key the UI persists is listed here, and storage failures (private
 * browsing, quota, disabled storage) never break the app; they only lose the remembered value.
 */
export const StorageKeys = {
  session: 'parc.session',
  activeEntity: 'parc.activeEntity',
  language: 'parc.language',
  computerColumns: 'parc.computers.columns',
} as const;

export type StorageKey = (typeof StorageKeys)[keyof typeof StorageKeys];

export function readStored<T>(key: StorageKey): T | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw === null || raw === undefined ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function writeStored(key: StorageKey, value: unknown): void {
  try {
    if (value === null || value === undefined) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Not persisted; the in-memory state still works for this tab.
  }
}
