import { reorderPositions } from './inventory.page';

describe('entity rule reordering', () => {
  const rules = [
    { id: 4, position: 1 },
    { id: 9, position: 2 },
    { id: 2, position: 3 },
  ];

  it('swaps a rule with its neighbour', () => {
    expect(reorderPositions(rules, 2, -1)).toEqual([
      { id: 2, position: 2 },
      { id: 9, position: 3 },
    ]);
    expect(reorderPositions(rules, 4, 1)).toEqual([
      { id: 9, position: 1 },
      { id: 4, position: 2 },
    ]);
  });

  it('does nothing past the ends', () => {
    expect(reorderPositions(rules, 4, -1)).toEqual([]);
    expect(reorderPositions(rules, 2, 1)).toEqual([]);
    expect(reorderPositions(rules, 99, 1)).toEqual([]);
  });

  it('renumbers positions that are not 1…n (gaps, ties)', () => {
    const odd = [
      { id: 1, position: 10 },
      { id: 2, position: 10 },
      { id: 3, position: 30 },
    ];
    expect(reorderPositions(odd, 2, -1)).toEqual([
      { id: 2, position: 1 },
      { id: 1, position: 2 },
      { id: 3, position: 3 },
    ]);
  });
});
