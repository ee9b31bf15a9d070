import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { Bits } from '@parc/contracts';
import type { RequestContext } from './request-context';

let paramSeq = 0;

export interface ScopeOptions {
  /** SQL expression of the row's entity id, e.g. `u.entity_id` or `u.entityId` in a TypeORM query builder. */
  entityColumn: string;
  /** SQL expression of the row's "recursive" flag, for objects shared down the tree. */
  recursiveColumn?: string;
  right: string;
  bits?: number;
}

/**
 * The visibility rule, implemented once (design.md §5): a row is visible when its entity is in the active scope
 * (and the caller holds the right there), or it is marked recursive and its entity is an ancestor of the active
 * entity (and the caller holds the right on the active entity). Returns a WHERE fragment with bound parameters,
 * for TypeORM query builders (`qb.andWhere(sql, params)`).
 */
export function entityScopeWhere(ctx: RequestContext, options: ScopeOptions): { sql: string; params: Record<string, unknown> } {
  const bits = options.bits ?? Bits.READ;
  const ids = ctx.entityIdsWith(options.right, bits);
  if (ids === undefined) return { sql: '1=1', params: {} };
  const suffix = `${(paramSeq = (paramSeq + 1) % 1_000_000)}`;
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (ids.length) {
    parts.push(`${options.entityColumn} IN (:...scopeIds${suffix})`);
    params[`scopeIds${suffix}`] = ids;
  }
  const ancestors = ctx.ancestorIds();
  if (options.recursiveColumn && ancestors.length && ctx.can(options.right, bits)) {
    parts.push(`(${options.recursiveColumn} = :scopeTrue${suffix} AND ${options.entityColumn} IN (:...scopeAncestors${suffix}))`);
    params[`scopeTrue${suffix}`] = true;
    params[`scopeAncestors${suffix}`] = ancestors;
  }
  if (!parts.length) return { sql: '1=0', params: {} };
  return { sql: parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`, params };
}

/** The same rule for one object already loaded: may the caller see it? */
export function isVisible(
  ctx: RequestContext,
  row: { entityId: number; recursive?: boolean },
  right: string,
  bits: number = Bits.READ,
): boolean {
  if (ctx.canOnEntity(right, bits, row.entityId)) return true;
  return Boolean(row.recursive) && ctx.ancestorIds().includes(row.entityId) && ctx.can(right, bits);
}

/**
 * The rule applied to one object fetched by id: 404 when the caller cannot see it (as if it did not exist), 403
 * when they can but lack these bits on its entity. `what` names the right in the 403 (e.g. 'package').
 */
export function requireVisible<T extends { entityId: number; recursive?: boolean }>(
  ctx: RequestContext,
  row: T | null,
  right: string,
  bits: number,
  notFound: string,
  what: string,
): T {
  if (!row || !isVisible(ctx, row, right)) throw new NotFoundException(notFound);
  if (bits !== Bits.READ && !ctx.canOnEntity(right, bits, row.entityId)) throw new ForbiddenException(`You lack the ${what} right needed on its entity`);
  return row;
}
