import { Bits, type RightDefinition } from '@parc/contracts';
import { appliesTo, groupRights, rowState, withAllColumns, withBit } from './rights-bits';

const auditRight: RightDefinition = { name: 'audit', label: { en: 'Audit log' }, bits: Bits.READ };
const userRight: RightDefinition = { name: 'user', label: { en: 'Users' }, bits: 31 };

describe('rights bits', () => {
  it('sets and clears one bit without touching the others', () => {
    expect(withBit(0, Bits.READ, true)).toBe(1);
    expect(withBit(Bits.READ | Bits.UPDATE, Bits.READ, false)).toBe(Bits.UPDATE);
    expect(withBit(undefined, Bits.CREATE, true)).toBe(4);
    // A right-specific bit (≥ 256) survives matrix edits.
    expect(withBit(256 | Bits.READ, Bits.READ, false)).toBe(256);
  });

  it('knows which columns a right uses', () => {
    expect(appliesTo(auditRight, Bits.READ)).toBe(true);
    expect(appliesTo(auditRight, Bits.UPDATE)).toBe(false);
    expect(appliesTo(userRight, Bits.PURGE)).toBe(true);
  });

  it('toggles a whole row within the right mask only', () => {
    expect(withAllColumns(0, auditRight, true)).toBe(Bits.READ);
    expect(withAllColumns(0, userRight, true)).toBe(31);
    expect(withAllColumns(31 | 512, userRight, false)).toBe(512);
    expect(rowState(Bits.READ, userRight)).toBe('some');
    expect(rowState(Bits.READ, auditRight)).toBe('all');
    expect(rowState(0, userRight)).toBe('none');
  });

  it('groups core rights first, then each plugin', () => {
    const deployRight: RightDefinition = { name: 'deploy.package', label: { en: 'Packages' }, bits: 31, plugin: 'deploy' };
    const groups = groupRights([deployRight, userRight, auditRight]);
    expect(groups.map((group) => group.plugin)).toEqual([null, 'deploy']);
    expect(groups[0].rights.map((right) => right.name)).toEqual(['user', 'audit']);
  });
});
