import type { EntityView } from '@parc/contracts';

export interface EntityTreeRow {
  entity: EntityView;
  /** 0 for the top of what the list holds (which is not always the root entity: users see a sub-tree). */
  depth: number;
  childCount: number;
  /** Ids from the top of the list down to the parent, for collapsing. */
  ancestorIds: readonly number[];
}

/**
 * Orders a flat entity list as a tree (depth-first, siblings by name) using `parentId`. An entity whose parent
 * is not in the list is a top of the tree, so a sub-tree renders as well as the whole tree.
 */
export function entityTree(entities: readonly EntityView[]): EntityTreeRow[] {
  const ids = new Set(entities.map((entity) => entity.id));
  const children = new Map<number | null, EntityView[]>();
  for (const entity of entities) {
    const parent = entity.parentId !== null && ids.has(entity.parentId) ? entity.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), entity]);
  }
  const byName = (a: EntityView, b: EntityView) => a.name.localeCompare(b.name) || a.id - b.id;

  const rows: EntityTreeRow[] = [];
  const visit = (parent: number | null, depth: number, ancestorIds: readonly number[]) => {
    for (const entity of [...(children.get(parent) ?? [])].sort(byName)) {
      rows.push({ entity, depth, childCount: children.get(entity.id)?.length ?? 0, ancestorIds });
      visit(entity.id, depth + 1, [...ancestorIds, entity.id]);
    }
  };
  visit(null, 0, []);
  return rows;
}

/** The entity and everything under it: where it cannot be moved to. */
export function subtreeIds(entities: readonly EntityView[], rootId: number): Set<number> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const entity of entities) {
      if (entity.parentId !== null && result.has(entity.parentId) && !result.has(entity.id)) {
        result.add(entity.id);
        grew = true;
      }
    }
  }
  return result;
}
