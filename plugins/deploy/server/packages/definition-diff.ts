/** One difference between two revisions' definitions, at a path like `actions[1].exec`. */
export interface DefinitionChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The changes from one definition to another. Lists compare position by position (order is meaning: checks and
 * actions run in order), so moving an item shows as changes at both places.
 */
export function diffDefinitions(before: unknown, after: unknown, path = ''): DefinitionChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: DefinitionChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const at = `${path}[${i}]`;
      if (i >= before.length) changes.push({ path: at, kind: 'added', after: after[i] });
      else if (i >= after.length) changes.push({ path: at, kind: 'removed', before: before[i] });
      else changes.push(...diffDefinitions(before[i], after[i], at));
    }
    return changes;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const at = path ? `${path}.${key}` : key;
      if (!(key in before)) return [{ path: at, kind: 'added' as const, after: after[key] }];
      if (!(key in after)) return [{ path: at, kind: 'removed' as const, before: before[key] }];
      return diffDefinitions(before[key], after[key], at);
    });
  }
  return Object.is(before, after) ? [] : [{ path, kind: 'changed', before, after }];
}
