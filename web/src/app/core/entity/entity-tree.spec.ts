import type { EntityView } from '@parc/contracts';
import { entityTree, subtreeIds } from './entity-tree';

const entity = (id: number, parentId: number | null, name: string): EntityView => ({
  id,
  parentId,
  name,
  level: 0,
  completeName: name,
  comment: '',
  createdAt: '',
  updatedAt: '',
});

const entities = [
  entity(4, 2, 'Lyon'),
  entity(1, null, 'Root'),
  entity(3, 2, 'Paris'),
  entity(2, 1, 'France'),
  entity(5, 1, 'Belgium'),
  entity(6, 3, 'Paris 8e'),
];

describe('entityTree', () => {
  it('orders depth-first with siblings by name, and counts children', () => {
    const rows = entityTree(entities);
    expect(rows.map((row) => `${'  '.repeat(row.depth)}${row.entity.name}`)).toEqual([
      'Root',
      '  Belgium',
      '  France',
      '    Lyon',
      '    Paris',
      '      Paris 8e',
    ]);
    expect(rows.find((row) => row.entity.id === 2)?.childCount).toBe(2);
    expect(rows.find((row) => row.entity.id === 6)?.ancestorIds).toEqual([1, 2, 3]);
  });

  it('treats entities whose parent is not in the list as tops (a sub-tree)', () => {
    const rows = entityTree(entities.filter((e) => [3, 6].includes(e.id)));
    expect(rows.map((row) => [row.entity.name, row.depth])).toEqual([
      ['Paris', 0],
      ['Paris 8e', 1],
    ]);
  });

  it('finds an entity and all its descendants', () => {
    expect([...subtreeIds(entities, 2)].sort()).toEqual([2, 3, 4, 6]);
  });
});
