import type { GroupInput, GroupKind, GroupMode, GroupShareView, GroupView, SearchCriterion } from '@parc/contracts';

/** The editor's fields (the reactive form's raw value). */
export interface GroupFormValue {
  name: string;
  comment: string;
  entityId: number | null;
  recursive: boolean;
  kind: GroupKind;
  mode: GroupMode;
  visible: boolean;
}

/** Everything the editor holds: the form, and what is edited beside it (criteria builder, sharing chips). */
export interface GroupDraft extends GroupFormValue {
  criteria: readonly SearchCriterion[];
  expression: string;
  shares: readonly GroupShareView[];
}

/** A new group (in the active entity), or the group being edited. */
export function draftOf(group: GroupView | null, defaultEntityId: number | null): GroupDraft {
  return {
    name: group?.name ?? '',
    comment: group?.comment ?? '',
    entityId: group?.entityId ?? defaultEntityId,
    recursive: group?.recursive ?? false,
    kind: group?.kind ?? 'dynamic',
    mode: group?.mode ?? 'query',
    visible: group?.visible ?? false,
    criteria: group?.criteria ?? [],
    expression: group?.expression ?? '',
    shares: group?.shares ?? [],
  };
}

function cleanCriteria(criteria: readonly SearchCriterion[]): SearchCriterion[] {
  return criteria.map(({ field, operator, value }) => ({ field, operator, value: value.trim() }));
}

function cleanShares(shares: readonly GroupShareView[]): { kind: 'user' | 'profile'; id: number }[] {
  return shares.map(({ kind, id }) => ({ kind, id }));
}

/** POST /api/groups: a static group has no mode, criteria nor expression. */
export function groupInput(draft: GroupDraft): GroupInput {
  const input: GroupInput = {
    name: draft.name.trim(),
    comment: draft.comment.trim(),
    recursive: draft.recursive,
    kind: draft.kind,
    visible: draft.visible,
    shares: cleanShares(draft.shares),
  };
  if (draft.entityId !== null) input.entityId = draft.entityId;
  if (draft.kind === 'dynamic') {
    input.mode = draft.mode;
    input.criteria = cleanCriteria(draft.criteria);
    input.expression = draft.expression.trim();
  }
  return input;
}

/**
 * PATCH /api/groups/:id: only what differs from the saved group. Criteria sent again would be evaluated again
 * (and would replace a result-mode group's edited list), so unchanged ones stay out; the kind never changes.
 */
export function groupChanges(draft: GroupDraft, saved: GroupView): Partial<Omit<GroupInput, 'kind'>> {
  const next = groupInput({ ...draft, kind: saved.kind });
  const before = groupInput({ ...draftOf(saved, saved.entityId), kind: saved.kind });
  const changes: Partial<Omit<GroupInput, 'kind'>> = {};
  const differs = (key: keyof GroupInput) => JSON.stringify(next[key]) !== JSON.stringify(before[key]);
  if (differs('name')) changes.name = next.name;
  if (differs('comment')) changes.comment = next.comment;
  if (differs('entityId')) changes.entityId = next.entityId;
  if (differs('recursive')) changes.recursive = next.recursive;
  if (differs('visible')) changes.visible = next.visible;
  if (shareKeys(next.shares) !== shareKeys(before.shares)) changes.shares = next.shares;
  if (saved.kind === 'dynamic') {
    if (differs('mode')) changes.mode = next.mode;
    // Criteria and expression go together: the numbers of the one refer to the order of the other.
    if (differs('criteria') || differs('expression')) {
      changes.criteria = next.criteria;
      changes.expression = next.expression;
    }
  }
  return changes;
}

function shareKeys(shares: GroupInput['shares']): string {
  return (shares ?? [])
    .map((share) => `${share.kind}:${share.id}`)
    .sort()
    .join(',');
}

/** `Dynamic · query`, as translation keys: the kind, and the mode of a dynamic group. */
export function kindKeys(group: Pick<GroupView, 'kind' | 'mode'>): string[] {
  return group.kind === 'dynamic' ? ['groups.kinds.dynamic', `groups.modes.${group.mode ?? 'query'}`] : ['groups.kinds.static'];
}

/** Whether members can be taken out by hand: static groups, and dynamic ones frozen as a result. */
export function membersRemovable(group: Pick<GroupView, 'kind' | 'mode'>): boolean {
  return group.kind === 'static' || group.mode === 'result';
}

/** A file name from a group name (`Paris desks` → `group-paris-desks`). */
export function exportName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `group-${slug}` : 'group';
}
