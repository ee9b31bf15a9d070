import { hasBits } from '@parc/contracts';

/** An entity as the access rules need it: its id and materialized path (`/1/4/9/`). */
export interface EntityRef {
  id: number;
  path: string;
}

/** One authorization of the caller, with the rights of its profile. */
export interface Grant {
  entity: EntityRef;
  recursive: boolean;
  rights: Readonly<Record<string, number>>;
}

export type Principal = { kind: 'user'; userId: number; login: string } | { kind: 'system'; login: 'system' };

export function ancestorIdsOf(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number).slice(0, -1);
}

export function isSameOrDescendant(entity: EntityRef, of: EntityRef): boolean {
  return entity.path.startsWith(of.path);
}

/**
 * Who is calling and where: the principal, the active entity and scope chosen for this request, and the
 * rights held on each entity of that scope. Every entity-scoped query and every rights check goes through
 * this object, so the visibility rule lives in one place (see entity-scope.ts).
 */
export class RequestContext {
  private readonly rightsCache = new Map<number, Record<string, number>>();
  private readonly idsCache = new Map<string, number[]>();

  private constructor(
    readonly principal: Principal,
    /** The entity chosen for this request. */
    readonly activeEntity: EntityRef,
    /** Whether the active scope includes the sub-tree of the active entity. */
    readonly activeRecursive: boolean,
    /** The active entity and, when recursive, all its descendants. Empty for the system principal (no limit). */
    readonly scope: readonly EntityRef[],
    private readonly grants: readonly Grant[] | 'all',
  ) {}

  static forUser(
    user: { id: number; login: string },
    active: EntityRef,
    recursive: boolean,
    scope: EntityRef[],
    grants: Grant[],
  ): RequestContext {
    return new RequestContext({ kind: 'user', userId: user.id, login: user.login }, active, recursive, scope, grants);
  }

  /** Background jobs and agent endpoints act as the system: every entity, every right. */
  static system(root: EntityRef): RequestContext {
    return new RequestContext({ kind: 'system', login: 'system' }, root, true, [], 'all');
  }

  get isSystem(): boolean {
    return this.grants === 'all';
  }

  get userId(): number | null {
    return this.principal.kind === 'user' ? this.principal.userId : null;
  }

  get login(): string {
    return this.principal.login;
  }

  /** Union of the rights of every authorization covering the entity. */
  rightsOn(entity: EntityRef): Readonly<Record<string, number>> {
    if (this.grants === 'all') return new Proxy({}, { get: () => ~0 });
    const cached = this.rightsCache.get(entity.id);
    if (cached) return cached;
    const rights: Record<string, number> = {};
    for (const grant of this.grants) {
      const covers = grant.entity.id === entity.id || (grant.recursive && isSameOrDescendant(entity, grant.entity));
      if (!covers) continue;
      for (const [name, bits] of Object.entries(grant.rights)) rights[name] = (rights[name] ?? 0) | bits;
    }
    this.rightsCache.set(entity.id, rights);
    return rights;
  }

  /** Does the caller hold these bits of the right on the entity (default: the active entity)? */
  can(right: string, bits: number, entity: EntityRef = this.activeEntity): boolean {
    if (this.grants === 'all') return true;
    return hasBits(this.rightsOn(entity)[right], bits);
  }

  /** Ids of the entities of the active scope on which the caller holds the bits. `undefined` = no limit (system). */
  entityIdsWith(right: string, bits: number): number[] | undefined {
    if (this.grants === 'all') return undefined;
    const key = `${right}:${bits}`;
    let ids = this.idsCache.get(key);
    if (!ids) {
      ids = this.scope.filter((e) => this.can(right, bits, e)).map((e) => e.id);
      this.idsCache.set(key, ids);
    }
    return ids;
  }

  /** The scope entity with this id, if the entity is in the active scope. */
  inScope(entityId: number): EntityRef | undefined {
    return this.scope.find((e) => e.id === entityId);
  }

  /** Can the caller act with these bits on an object of this entity? Always true for the system. */
  canOnEntity(right: string, bits: number, entityId: number): boolean {
    if (this.grants === 'all') return true;
    const entity = this.inScope(entityId);
    return entity !== undefined && this.can(right, bits, entity);
  }

  /** Ancestors of the active entity, root first: where recursive objects visible here may live. */
  ancestorIds(): number[] {
    return ancestorIdsOf(this.activeEntity.path);
  }
}
