import { Injectable, computed, signal } from '@angular/core';
import type { EntityView, MeView } from '@parc/contracts';
import { entityTree, type EntityTreeRow } from './entity-tree';
import { StorageKeys, readStored, writeStored } from '../storage/local-storage';

/** The entity the user works in, and whether its sub-entities are included. */
export interface EntityChoice {
  entityId: number;
  recursive: boolean;
}

interface StoredChoice extends EntityChoice {
  login: string;
}

/**
 * The active entity, sent as `X-Entity-Id` / `X-Entity-Recursive` on every API request and remembered per
 * login. Pages and the menu read `choice` in their data queries, so changing it reloads them.
 */
@Injectable({ providedIn: 'root' })
export class ActiveEntityStore {
  private readonly stored = signal<StoredChoice | null>(readStored<StoredChoice>(StorageKeys.activeEntity));
  private readonly available = signal<readonly EntityView[]>([]);

  /** null until the first /auth/me answer: requests then go without headers (the server's default). */
  readonly choice = computed<EntityChoice | null>(() => {
    const stored = this.stored();
    return stored ? { entityId: stored.entityId, recursive: stored.recursive } : null;
  });

  /** Entities the user may choose (from /auth/me). */
  readonly entities = this.available.asReadonly();
  /** The same, in tree order with depths, for pickers. */
  readonly tree = computed<EntityTreeRow[]>(() => entityTree(this.available()));

  readonly activeEntity = computed(() => {
    const choice = this.choice();
    return choice ? (this.available().find((entity) => entity.id === choice.entityId) ?? null) : null;
  });

  /** Forget the choice of another login (the store survives sign-out, so that a user finds their place back). */
  forgetUnless(login: string): void {
    if (this.stored()?.login !== login) this.reset();
  }

  /**
   * Align with what the server says after /auth/me: keep a remembered choice that is still allowed, else take
   * the server's default active entity.
   */
  reconcile(me: MeView): void {
    this.available.set(me.entities);
    const stored = this.stored();
    const stillAllowed = stored?.login === me.login && me.entities.some((entity) => entity.id === stored.entityId);
    if (!stillAllowed) this.save({ login: me.login, entityId: me.activeEntityId, recursive: me.activeRecursive });
  }

  select(choice: EntityChoice): void {
    const login = this.stored()?.login;
    if (login === undefined) return;
    const current = this.choice();
    if (current?.entityId === choice.entityId && current.recursive === choice.recursive) return;
    this.save({ login, ...choice });
  }

  reset(): void {
    this.stored.set(null);
    this.available.set([]);
    writeStored(StorageKeys.activeEntity, null);
  }

  private save(choice: StoredChoice): void {
    this.stored.set(choice);
    writeStored(StorageKeys.activeEntity, choice);
  }
}
