import { Bits } from '@parc/contracts';
import { type EntityRef, RequestContext } from './request-context';

const root: EntityRef = { id: 1, path: '/1/' };
const a: EntityRef = { id: 2, path: '/1/2/' };
const b: EntityRef = { id: 3, path: '/1/2/3/' };
const c: EntityRef = { id: 4, path: '/1/2/4/' };
const user = { id: 10, login: 'u' };

describe('RequestContext', () => {
  it('a recursive grant covers the sub-tree; a non-recursive one only its entity', () => {
    const ctx = RequestContext.forUser(user, a, true, [a, b, c], [
      { entity: a, recursive: false, rights: { entity: Bits.READ } },
      { entity: b, recursive: true, rights: { user: Bits.READ | Bits.UPDATE } },
    ]);
    expect(ctx.can('entity', Bits.READ, a)).toBe(true);
    expect(ctx.can('entity', Bits.READ, b)).toBe(false);
    expect(ctx.can('user', Bits.UPDATE, b)).toBe(true);
    expect(ctx.can('user', Bits.READ, c)).toBe(false);
    expect(ctx.entityIdsWith('entity', Bits.READ)).toEqual([2]);
    expect(ctx.entityIdsWith('user', Bits.READ | Bits.UPDATE)).toEqual([3]);
  });

  it('unions the rights of several authorizations on one entity', () => {
    const ctx = RequestContext.forUser(user, b, false, [b], [
      { entity: a, recursive: true, rights: { user: Bits.READ } },
      { entity: b, recursive: false, rights: { user: Bits.DELETE } },
    ]);
    expect(ctx.rightsOn(b)).toEqual({ user: Bits.READ | Bits.DELETE });
    expect(ctx.can('user', Bits.READ | Bits.DELETE)).toBe(true);
  });

  it('canOnEntity requires the entity to be in the active scope', () => {
    const ctx = RequestContext.forUser(user, b, false, [b], [{ entity: root, recursive: true, rights: { user: 31 } }]);
    expect(ctx.canOnEntity('user', Bits.READ, 3)).toBe(true);
    expect(ctx.canOnEntity('user', Bits.READ, 4)).toBe(false);
    expect(ctx.ancestorIds()).toEqual([1, 2]);
  });

  it('the system principal may do anything, without entity limits', () => {
    const ctx = RequestContext.system(root);
    expect(ctx.isSystem).toBe(true);
    expect(ctx.can('anything', 31, c)).toBe(true);
    expect(ctx.entityIdsWith('user', Bits.READ)).toBeUndefined();
    expect(ctx.userId).toBeNull();
  });
});
