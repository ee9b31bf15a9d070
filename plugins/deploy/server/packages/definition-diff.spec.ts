import { diffDefinitions } from './definition-diff';

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    const d = { checks: [{ name: 'a', value: '1' }], rebootAfter: false, ocs: { notify: { enabled: false } } };
    expect(diffDefinitions(d, structuredClone(d))).toEqual([]);
  });

  it('names changed fields, added and removed items by their path', () => {
    const before = { actions: [{ type: 'cmd', exec: 'setup.exe /S' }, { type: 'mkdir', list: ['C:\\app'] }], rebootAfter: false, ocs: { priority: 5 } };
    const after = { actions: [{ type: 'cmd', exec: 'setup.exe /quiet' }], rebootAfter: true, ocs: { priority: 5, extra: 1 } };
    expect(diffDefinitions(before, after)).toEqual([
      { path: 'actions[0].exec', kind: 'changed', before: 'setup.exe /S', after: 'setup.exe /quiet' },
      { path: 'actions[1]', kind: 'removed', before: { type: 'mkdir', list: ['C:\\app'] } },
      { path: 'ocs.extra', kind: 'added', after: 1 },
      { path: 'rebootAfter', kind: 'changed', before: false, after: true },
    ]);
  });

  it('shows a reorder as changes at both positions', () => {
    expect(diffDefinitions({ checks: ['a', 'b'] }, { checks: ['b', 'a'] }).map((c) => c.path)).toEqual(['checks[0]', 'checks[1]']);
  });
});
