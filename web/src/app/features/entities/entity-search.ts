import type { Params } from '@angular/router';
import type { EntityTreeRow } from '../../core/entity/entity-tree';

/**
 * What the entity tree shows: every entity of the scope is loaded (a tree needs all of them), so its only
 * search is the quick filter, done here rather than by the server.
 */
export interface EntitySearch {
  q: string;
}

/** `?q=paris`. */
export function entitySearchFromParams(params: Params): EntitySearch {
  return { q: typeof params['q'] === 'string' ? params['q'].trim() : '' };
}

export function entitySearchToParams(search: EntitySearch): Params {
  return search.q ? { q: search.q } : {};
}

/**
 * The rows whose full name contains `q` (case-insensitively, like the API's quick filter on entities), with
 * their ancestors so that each match stays in its place in the tree; child counts are those of what is left.
 */
export function filterEntityTree(rows: readonly EntityTreeRow[], q: string): readonly EntityTreeRow[] {
  const needle = q.trim().toLocaleLowerCase();
  if (!needle) return rows;
  const kept = new Set<number>();
  for (const row of rows) {
    if (!row.entity.completeName.toLocaleLowerCase().includes(needle)) continue;
    kept.add(row.entity.id);
    row.ancestorIds.forEach((id) => kept.add(id));
  }
  const childCounts = new Map<number, number>();
  for (const row of rows) {
    const parentId = row.ancestorIds.at(-1);
    if (kept.has(row.entity.id) && parentId !== undefined) childCounts.set(parentId, (childCounts.get(parentId) ?? 0) + 1);
  }
  return rows.filter((row) => kept.has(row.entity.id)).map((row) => ({ ...row, childCount: childCounts.get(row.entity.id) ?? 0 }));
}
