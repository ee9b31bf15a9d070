import { RowSelection } from './row-selection';

describe('RowSelection', () => {
  it('picks rows across pages and toggles a page at once', () => {
    const selection = new RowSelection();
    selection.toggle(1);
    selection.togglePage([2, 3]);
    expect(selection.ids()).toEqual([1, 2, 3]);
    expect(selection.pageState([2, 3])).toBe('all');
    expect(selection.pageState([3, 4])).toBe('some');
    selection.togglePage([2, 3]);
    expect(selection.ids()).toEqual([1]);
  });

  it('stands for every matching row once "select all" is chosen', () => {
    const selection = new RowSelection();
    selection.toggle(1);
    selection.selectAllMatching();
    expect(selection.count(120)).toBe(120);
    expect(selection.isSelected(99)).toBe(true);
    selection.clear();
    expect(selection.isEmpty()).toBe(true);
  });
});
