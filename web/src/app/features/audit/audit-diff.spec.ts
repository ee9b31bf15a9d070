import { auditDiff } from './audit-diff';

describe('auditDiff', () => {
  it('lists changed, added and removed fields first, unchanged last', () => {
    const diff = auditDiff(
      { name: 'Paris', comment: '', parentId: 1, legacy: 'x' },
      { name: 'Paris HQ', comment: '', parentId: 1, tags: ['a'] },
    );
    expect(diff).toEqual([
      { field: 'legacy', before: 'x', after: '', kind: 'removed' },
      { field: 'name', before: 'Paris', after: 'Paris HQ', kind: 'changed' },
      { field: 'tags', before: '', after: '["a"]', kind: 'added' },
      { field: 'comment', before: '', after: '', kind: 'unchanged' },
      { field: 'parentId', before: '1', after: '1', kind: 'unchanged' },
    ]);
  });

  it('shows a creation as added fields and a deletion as removed ones', () => {
    expect(auditDiff(null, { login: 'ada' })).toEqual([{ field: 'login', before: '', after: 'ada', kind: 'added' }]);
    expect(auditDiff({ login: 'ada' }, null)).toEqual([{ field: 'login', before: 'ada', after: '', kind: 'removed' }]);
  });
});
