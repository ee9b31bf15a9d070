import type { EntityView } from '@parc/contracts';
import { entityTree } from '../../core/entity/entity-tree';
import { entitySearchFromParams, entitySearchToParams, filterEntityTree } from './entity-search';

const entity = (id: number, parentId: number | null, completeName: string): EntityView => ({
  id,
  parentId,
  name: completeName.split(' > ').at(-1)!,
  level: completeName.split(' > ').length - 1,
  completeName,
  comment: '',
  createdAt: '',
  updatedAt: '',
});

const tree = entityTree([
  entity(1, null, 'Root'),
  entity(2, 1, 'Root > Europe'),
  entity(3, 2, 'Root > Europe > Paris'),
  entity(4, 3, 'Root > Europe > Paris > Bercy'),
  entity(5, 2, 'Root > Europe > Lyon'),
  entity(6, 1, 'Root > Asia'),
]);

const shown = (q: string) => filterEntityTree(tree, q).map((row) => `${row.entity.name}:${row.childCount}`);

describe('entity search', () => {
  it('round-trips the quick filter through the URL', () => {
    expect(entitySearchToParams({ q: 'paris' })).toEqual({ q: 'paris' });
    expect(entitySearchFromParams({ q: ' paris ' })).toEqual({ q: 'paris' });
    expect(entitySearchToParams(entitySearchFromParams({}))).toEqual({});
  });

  it('keeps the matches with their ancestors, counting only the children left', () => {
    expect(shown('PARIS')).toEqual(['Root:1', 'Europe:1', 'Paris:1', 'Bercy:0']);
    expect(shown('lyon')).toEqual(['Root:1', 'Europe:1', 'Lyon:0']);
    // The full name matches, as the API's quick filter does: a branch's name brings everything under it.
    expect(shown('europe')).toEqual(['Root:1', 'Europe:2', 'Lyon:0', 'Paris:1', 'Bercy:0']);
    expect(shown('nowhere')).toEqual([]);
  });

  it('shows the whole tree without a filter', () => {
    expect(filterEntityTree(tree, '  ')).toBe(tree);
  });
});
