import type { Params } from '@angular/router';
import type { AuditAction } from '@parc/contracts';
import { type PageSnapshot, pageFromParams, pageToParams, positiveInt } from '../../shared/list/list-params';

export const AUDIT_ACTIONS: readonly AuditAction[] = ['create', 'update', 'delete'];
export const DEFAULT_AUDIT_LIMIT = 25;

/** What the audit trail shows: its filters and where it is in the results (newest first, always). */
export interface AuditSearch extends AuditFilters, PageSnapshot {}

/** The filters of GET /api/audit; empty means any. */
export interface AuditFilters {
  itemType: string;
  itemId: number | null;
  action: AuditAction | '';
}

function isAction(value: unknown): value is AuditAction {
  return AUDIT_ACTIONS.includes(value as AuditAction);
}

/** The filters the form's text stands for: an item id that is not a positive whole number filters nothing. */
export function auditFiltersOf(form: { itemType: string; itemId: string; action: AuditAction | '' }): AuditFilters {
  return { itemType: form.itemType.trim(), itemId: positiveInt(form.itemId.trim()), action: form.action };
}

export function sameAuditFilters(a: AuditFilters, b: AuditFilters): boolean {
  return a.itemType === b.itemType && a.itemId === b.itemId && a.action === b.action;
}

/**
 * `?itemType=user&itemId=12&action=update&page=2`: the audit trail as the URL says it (other pages link to an
 * item's history this way). Bad values are dropped: the URL may have been edited.
 */
export function auditSearchFromParams(params: Params): AuditSearch {
  const itemType: unknown = params['itemType'];
  return {
    itemType: typeof itemType === 'string' ? itemType.trim() : '',
    itemId: positiveInt(params['itemId']),
    action: isAction(params['action']) ? params['action'] : '',
    ...pageFromParams(params, DEFAULT_AUDIT_LIMIT),
  };
}

/** The query parameters of an audit search; empty filters and defaults are left out. */
export function auditSearchToParams(search: AuditSearch): Params {
  const params: Record<string, string> = {};
  if (search.itemType) params['itemType'] = search.itemType;
  if (search.itemId !== null) params['itemId'] = String(search.itemId);
  if (search.action) params['action'] = search.action;
  return { ...params, ...pageToParams(search, DEFAULT_AUDIT_LIMIT) };
}
