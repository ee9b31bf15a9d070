/**
 * Rights are bit masks per right name, as in GLPI, so that profiles exported by admins read the same here:
 * READ 1, UPDATE 2, CREATE 4, DELETE 8, PURGE 16. Right-specific extra bits start at 256.
 */
export const Bits = {
  READ: 1,
  UPDATE: 2,
  CREATE: 4,
  DELETE: 8,
  PURGE: 16,
} as const;

export type BitName = keyof typeof Bits;

/** READ | UPDATE | CREATE | DELETE | PURGE */
export const ALL_STANDARD_BITS = 31;

/** Rights owned by the core. Plugins declare theirs in their manifest, named `<plugin>.<thing>`. */
export const CoreRight = {
  ENTITY: 'entity',
  USER: 'user',
  PROFILE: 'profile',
  AUDIT: 'audit',
  PLUGIN: 'plugin',
  SYSTEM: 'system',
  COMPUTER: 'computer',
  /** Inventory configuration: entity rules, frequency. */
  INVENTORY: 'inventory',
  /** Static and dynamic computer groups. */
  GROUP: 'group',
  /** Saved searches shared with others (private ones need no right). */
  SAVED_SEARCH: 'savedsearch',
} as const;

/** Right-specific bits of `group`: manage every group of the scope, not only one's own and those shared. */
export const GroupBits = {
  ALL_GROUPS: 256,
} as const;

export type CoreRightName = (typeof CoreRight)[keyof typeof CoreRight];

/** Text shown to admins, in English and optionally French (the UI falls back to English). */
export interface LocalizedText {
  en: string;
  fr?: string;
}

export interface RightDefinition {
  /** e.g. `user`, `deploy.package` */
  name: string;
  label: LocalizedText;
  /** Which bits are meaningful for this right (a mask), e.g. READ only for the audit log. */
  bits: number;
  /** Owning plugin, absent for core rights. */
  plugin?: string;
}

export function hasBits(held: number | undefined, wanted: number): boolean {
  return held !== undefined && (held & wanted) === wanted;
}
