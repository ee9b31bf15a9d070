export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
  kind: ChangeKind;
}

/** Values as an admin reads them: strings bare, the rest as compact JSON, absent as an empty string. */
export function displayValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Field-by-field comparison of an audit event's `before` and `after` snapshots (null for a creation or a
 * deletion), sorted with real changes first, then by field name.
 */
export function auditDiff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes = [...fields].map((field): FieldChange => {
    const hadField = !!before && field in before;
    const hasField = !!after && field in after;
    const beforeText = hadField ? displayValue(before[field]) : '';
    const afterText = hasField ? displayValue(after[field]) : '';
    const kind: ChangeKind = !hadField ? 'added' : !hasField ? 'removed' : beforeText === afterText ? 'unchanged' : 'changed';
    return { field, before: beforeText, after: afterText, kind };
  });
  return changes.sort((a, b) => Number(a.kind === 'unchanged') - Number(b.kind === 'unchanged') || a.field.localeCompare(b.field));
}
