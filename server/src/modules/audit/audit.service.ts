import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@parc/contracts';
import type { EntityManager } from 'typeorm';
import { Bulk } from '../../common/database/bulk';
import type { RequestContext } from '../../sdk/request-context';
import { AuditEvent } from './audit-event.entity';

export interface AuditRecord {
  action: AuditAction;
  itemType: string;
  itemId: number;
  /** Entity the object belongs to; null for global objects. */
  entityId: number | null;
  before?: object | null;
  after?: object | null;
}

/** Fields never written to the trail. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash', 'token']);
const MAX_VALUE_LENGTH = 2000;

/**
 * Writes the audit trail. Callers pass the transaction's manager, so the trail and the change commit or roll
 * back together. For updates only the fields that changed are kept, before and after.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, ctx: RequestContext, record: AuditRecord): Promise<void> {
    let before = clean(record.before);
    let after = clean(record.after);
    if (record.action === 'update' && before && after) {
      [before, after] = changedOnly(before, after);
      if (!Object.keys(after).length && !Object.keys(before).length) return;
    }
    const event: Partial<AuditEvent> = {
      at: new Date(),
      userId: ctx.userId,
      userLogin: ctx.login,
      action: record.action,
      itemType: record.itemType,
      itemId: record.itemId,
      entityId: record.entityId,
      before,
      after,
    };
    const repo = manager.getRepository(AuditEvent);
    await repo.save(repo.create(event));
  }

  /** The same for many objects at once (mass actions), in set-based inserts. */
  async recordMany(manager: EntityManager, ctx: RequestContext, records: AuditRecord[]): Promise<void> {
    const at = new Date();
    const rows = records.map((r) => [at, ctx.userId, ctx.login, r.action, r.itemType, r.itemId, r.entityId, json(clean(r.before)), json(clean(r.after))]);
    await new Bulk(manager.connection).insert(manager, 'audit_events', ['at', 'user_id', 'user_login', 'action', 'item_type', 'item_id', 'entity_id', 'before', 'after'], rows);
  }
}

const json = (value: Record<string, unknown> | null) => (value ? JSON.stringify(value) : null);

function clean(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_FIELDS.has(k) || v === undefined || k === 'createdAt' || k === 'updatedAt') continue;
    out[k] = normalize(v);
  }
  return out;
}

function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && v.length > MAX_VALUE_LENGTH) return `${v.slice(0, MAX_VALUE_LENGTH)}…`;
  return v;
}

function changedOnly(before: Record<string, unknown>, after: Record<string, unknown>): [Record<string, unknown>, Record<string, unknown>] {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      if (key in before) b[key] = before[key];
      if (key in after) a[key] = after[key];
    }
  }
  return [b, a];
}
