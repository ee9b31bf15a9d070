import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EntitiesRepository } from '../entities/entities.repository';
import { type EntityRef, type Grant, isSameOrDescendant, RequestContext } from '../../sdk/request-context';

interface GrantRow {
  authorization_id: number;
  entity_id: number;
  path: string;
  is_recursive: number | boolean;
  name: string | null;
  bits: number | null;
}

/** Builds the RequestContext of a caller: their grants, the active entity they chose, and its scope. */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entities: EntitiesRepository,
  ) {}

  /** Every authorization of the user with its entity path and profile rights, in one query. */
  async grantsOf(userId: number): Promise<Grant[]> {
    const rows: GrantRow[] = await this.dataSource.query(
      `SELECT a.id AS authorization_id, a.entity_id, e.path, a.is_recursive, pr.name, pr.bits
         FROM authorizations a
         JOIN entities e ON e.id = a.entity_id
         LEFT JOIN profile_rights pr ON pr.profile_id = a.profile_id
        WHERE a.user_id = ?`,
      [userId],
    );
    const byAuthorization = new Map<number, { entity: EntityRef; recursive: boolean; rights: Record<string, number> }>();
    for (const r of rows) {
      let g = byAuthorization.get(r.authorization_id);
      if (!g) {
        g = { entity: { id: r.entity_id, path: r.path }, recursive: Boolean(r.is_recursive), rights: {} };
        byAuthorization.set(r.authorization_id, g);
      }
      if (r.name) g.rights[r.name] = (g.rights[r.name] ?? 0) | Number(r.bits);
    }
    return [...byAuthorization.values()].sort((a, b) => a.entity.path.length - b.entity.path.length);
  }

  /**
   * The context for this request. The active entity comes from the headers when given (it must lie within one
   * of the user's authorizations), otherwise from the user's highest authorization.
   */
  async contextFor(
    user: { id: number; login: string; entityId: number },
    entityHeader: string | undefined,
    recursiveHeader: string | undefined,
  ): Promise<RequestContext> {
    const grants = await this.grantsOf(user.id);
    let active: EntityRef;
    let recursive: boolean;
    if (entityHeader !== undefined) {
      const id = Number(entityHeader);
      if (!/^\d{1,10}$/.test(entityHeader) || id < 1) throw new BadRequestException(`X-Entity-Id must be a positive integer (got '${entityHeader}')`);
      const entity = await this.entities.findRef(id);
      const reachable = entity && grants.some((g) => g.entity.id === id || (g.recursive && isSameOrDescendant(entity, g.entity)));
      if (!entity || !reachable) throw new ForbiddenException(`Entity ${id} is outside your authorizations`);
      active = entity;
      recursive = parseRecursive(recursiveHeader) ?? true;
    } else if (grants.length) {
      active = grants[0].entity;
      recursive = parseRecursive(recursiveHeader) ?? grants[0].recursive;
    } else {
      // No authorization at all: the user can reach their own data (profile, tokens) and nothing else.
      active = (await this.entities.findRef(user.entityId)) ?? { id: user.entityId, path: `/${user.entityId}/` };
      recursive = false;
    }
    const scope = recursive ? await this.entities.subtreeRefs(active.path) : [active];
    return RequestContext.forUser(user, active, recursive, scope, grants);
  }
}

function parseRecursive(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  if (['1', 'true'].includes(raw)) return true;
  if (['0', 'false'].includes(raw)) return false;
  throw new BadRequestException(`X-Entity-Recursive must be 1 or 0 (got '${raw}')`);
}
