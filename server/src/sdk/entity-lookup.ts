import type { EntityManager } from 'typeorm';

export interface EntityNodeRef {
  id: number;
  name: string;
  /** Materialized path, `/1/4/9/`: the ancestors, root first, then the entity itself. */
  path: string;
}

/** Names and paths of some entities, in one query (for plugins that match objects against the tree). */
export async function entityNodes(runner: Pick<EntityManager, 'query'>, ids: number[]): Promise<Map<number, EntityNodeRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows: { id: number; name: string; path: string }[] = await runner.query(`SELECT id, name, path FROM entities WHERE id IN (${unique.map(() => '?').join(', ')})`, unique);
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), name: r.name, path: r.path }]));
}

/** The ids on an entity path, root first: `/1/4/9/` gives [1, 4, 9]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
