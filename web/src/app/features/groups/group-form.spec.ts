import type { GroupView } from '@parc/contracts';
import { draftOf, exportName, groupChanges, groupInput, kindKeys, membersRemovable } from './group-form';

const saved: GroupView = {
  id: 12,
  name: 'Firefox desks',
  comment: 'desks only',
  entityId: 3,
  entityName: 'Root > Paris',
  recursive: false,
  kind: 'dynamic',
  mode: 'query',
  criteria: [
    { field: 'software', operator: 'contains', value: 'firefox' },
    { field: 'name', operator: 'contains', value: 'server' },
  ],
  expression: 'AND(1, NOT(2))',
  ownerId: 1,
  ownerLogin: 'admin',
  visible: false,
  shares: [{ kind: 'user', id: 5, name: 'alice' }],
  memberCount: 4,
  refreshedAt: null,
  refreshMs: null,
  createdAt: '',
  updatedAt: '',
  can: { edit: true, delete: true },
};

describe('group editor → API', () => {
  it('starts a new group dynamic, in the active entity', () => {
    expect(draftOf(null, 7)).toEqual({
      name: '',
      comment: '',
      entityId: 7,
      recursive: false,
      kind: 'dynamic',
      mode: 'query',
      visible: false,
      criteria: [],
      expression: '',
      shares: [],
    });
  });

  it('creates a dynamic group with its criteria, expression, mode and shares', () => {
    const draft = {
      ...draftOf(null, 1),
      name: '  Labs ',
      comment: ' the labs ',
      kind: 'dynamic' as const,
      mode: 'result' as const,
      visible: true,
      criteria: [{ field: 'name', operator: 'contains' as const, value: ' lab ' }],
      expression: ' NOT(1) ',
      shares: [{ kind: 'profile' as const, id: 2, name: 'Technicians' }],
    };
    expect(groupInput(draft)).toEqual({
      name: 'Labs',
      comment: 'the labs',
      entityId: 1,
      recursive: false,
      kind: 'dynamic',
      mode: 'result',
      criteria: [{ field: 'name', operator: 'contains', value: 'lab' }],
      expression: 'NOT(1)',
      visible: true,
      shares: [{ kind: 'profile', id: 2 }],
    });
  });

  it('sends no criteria, expression nor mode for a static group (whatever the editor still holds)', () => {
    const input = groupInput({ ...draftOf(saved, 1), kind: 'static' });
    expect(input.kind).toBe('static');
    expect(input).not.toHaveProperty('criteria');
    expect(input).not.toHaveProperty('expression');
    expect(input).not.toHaveProperty('mode');
  });

  it('patches only what changed, never the kind', () => {
    expect(groupChanges(draftOf(saved, 1), saved)).toEqual({});
    expect(groupChanges({ ...draftOf(saved, 1), name: 'Firefox desks (Paris)', visible: true, kind: 'static' }, saved)).toEqual({
      name: 'Firefox desks (Paris)',
      visible: true,
    });
  });

  it('sends criteria and expression together when either changes, so that the numbers match', () => {
    expect(groupChanges({ ...draftOf(saved, 1), expression: 'OR(1, 2)' }, saved)).toEqual({ criteria: saved.criteria, expression: 'OR(1, 2)' });
  });

  it('compares shares as a set', () => {
    const reordered = { ...draftOf(saved, 1), shares: [{ kind: 'user' as const, id: 5, name: 'alice' }] };
    expect(groupChanges(reordered, saved)).toEqual({});
    const more = { ...reordered, shares: [...reordered.shares, { kind: 'profile' as const, id: 2, name: 'Technicians' }] };
    expect(groupChanges(more, saved)).toEqual({ shares: [{ kind: 'user', id: 5 }, { kind: 'profile', id: 2 }] });
  });
});

describe('group helpers', () => {
  it('says the kind, and the mode of a dynamic group', () => {
    expect(kindKeys({ kind: 'static', mode: null })).toEqual(['groups.kinds.static']);
    expect(kindKeys({ kind: 'dynamic', mode: 'result' })).toEqual(['groups.kinds.dynamic', 'groups.modes.result']);
  });

  it('lets members be removed by hand from static and result-mode groups only', () => {
    expect(membersRemovable({ kind: 'static', mode: null })).toBe(true);
    expect(membersRemovable({ kind: 'dynamic', mode: 'result' })).toBe(true);
    expect(membersRemovable({ kind: 'dynamic', mode: 'query' })).toBe(false);
  });

  it('names export files after the group', () => {
    expect(exportName('Postes de l’Équipe 3')).toBe('group-postes-de-l-equipe-3');
    expect(exportName('***')).toBe('group');
  });
});
