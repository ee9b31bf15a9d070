import { TestBed } from '@angular/core/testing';
import type { MeView } from '@parc/contracts';
import { StorageKeys } from '../storage/local-storage';
import { ActiveEntityStore } from './active-entity.store';

const me = (login: string, entityIds: number[], active = entityIds[0]): MeView => ({
  id: 1,
  login,
  name: login,
  email: null,
  authorizations: [],
  entities: entityIds.map((id) => ({ id, parentId: null, name: `E${id}`, level: 1, completeName: `E${id}`, comment: '', createdAt: '', updatedAt: '' })),
  activeEntityId: active,
  activeRecursive: true,
  rights: {},
});

describe('ActiveEntityStore', () => {
  beforeEach(() => localStorage.clear());

  it("takes the server's default, then remembers the user's choice", () => {
    const store = TestBed.inject(ActiveEntityStore);
    store.reconcile(me('ada', [1, 2]));
    expect(store.choice()).toEqual({ entityId: 1, recursive: true });

    store.select({ entityId: 2, recursive: false });
    expect(JSON.parse(localStorage.getItem(StorageKeys.activeEntity) ?? '{}')).toEqual({ login: 'ada', entityId: 2, recursive: false });

    store.reconcile(me('ada', [1, 2]));
    expect(store.choice()).toEqual({ entityId: 2, recursive: false });
  });

  it('drops a remembered entity the user may no longer choose, or one of another login', () => {
    localStorage.setItem(StorageKeys.activeEntity, JSON.stringify({ login: 'ada', entityId: 9, recursive: false }));
    const store = TestBed.inject(ActiveEntityStore);
    store.reconcile(me('ada', [1, 2], 2));
    expect(store.choice()).toEqual({ entityId: 2, recursive: true });

    store.forgetUnless('bob');
    expect(store.choice()).toBeNull();
  });
});
