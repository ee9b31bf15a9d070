import type { SearchCriterion } from './computers';

/**
 * Static: members are added and removed by hand (or by mass action, or imported from a file).
 * Dynamic: members are the computers matching the criteria combined by the expression, materialized in a table.
 */
export type GroupKind = 'static' | 'dynamic';

/**
 * For dynamic groups, as in Pulse 2: `query` re-evaluates the criteria (on demand, on a schedule and when an
 * inventory arrives); `result` keeps the list evaluated once, which can then be edited by removing computers.
 */
export type GroupMode = 'query' | 'result';

export interface GroupShareView {
  kind: 'user' | 'profile';
  id: number;
  /** Login or profile name. */
  name: string;
}

export interface GroupView {
  id: number;
  name: string;
  comment: string;
  entityId: number;
  entityName: string;
  recursive: boolean;
  kind: GroupKind;
  /** Dynamic groups only; `null` for static ones. */
  mode: GroupMode | null;
  criteria: SearchCriterion[];
  /** Prefix notation over the 1-based criteria numbers, e.g. `AND(1, OR(2, NOT(3)))`; empty = AND of all. */
  expression: string;
  ownerId: number | null;
  ownerLogin: string | null;
  /** Shown in the navigation menu. */
  visible: boolean;
  shares: GroupShareView[];
  memberCount: number;
  refreshedAt: string | null;
  /** Duration of the last full evaluation. */
  refreshMs: number | null;
  createdAt: string;
  updatedAt: string;
  /** What the caller may do with it. */
  can: { edit: boolean; delete: boolean };
}

export interface GroupInput {
  name: string;
  comment?: string;
  entityId?: number;
  recursive?: boolean;
  kind: GroupKind;
  mode?: GroupMode;
  criteria?: SearchCriterion[];
  expression?: string;
  visible?: boolean;
  shares?: { kind: 'user' | 'profile'; id: number }[];
}

/** Live count of the editor: what the criteria would match now, in the group's entity. */
export interface GroupPreview {
  total: number;
  ms: number;
}

export interface GroupRefreshResult {
  memberCount: number;
  added: number;
  removed: number;
  ms: number;
}

export type GroupImportMatch = 'name' | 'serial' | 'uuid';

export interface GroupImportResult {
  /** Lines read (blank ones skipped). */
  lines: number;
  added: number;
  alreadyMembers: number;
  /** Lines that matched no computer visible to the caller, as written (first 1000). */
  unmatched: string[];
  unmatchedCount: number;
}

export interface GroupMembershipChange {
  added: number;
  removed: number;
  memberCount: number;
}

/** Lists that can save their searches, keyed by their route. */
export interface SavedSearchView {
  id: number;
  /** `computer`, `agent`, `user`, … */
  itemType: string;
  name: string;
  /** The list's query parameters (q, criteria, expression, sort, …) as the list sends them. */
  query: Record<string, string>;
  shared: boolean;
  ownerId: number;
  ownerLogin: string;
  entityId: number;
  createdAt: string;
  can: { edit: boolean };
}

export interface SavedSearchInput {
  itemType: string;
  name: string;
  query: Record<string, string>;
  shared?: boolean;
}
