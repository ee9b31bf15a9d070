import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Bits, type RightDefinition } from '@parc/contracts';
import { RightsMatrix } from './rights-matrix';

@Component({
  imports: [RightsMatrix],
  template: `<parc-rights-matrix [rights]="rights" [(value)]="value" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly rights: RightDefinition[] = [
    { name: 'user', label: { en: 'Users' }, bits: 31 },
    { name: 'audit', label: { en: 'Audit log' }, bits: Bits.READ },
  ];
  readonly value = signal<Readonly<Record<string, number>>>({ user: Bits.READ, audit: 0 });
}

describe('RightsMatrix', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const checkbox = (testId: string) => element.querySelector<HTMLInputElement>(`[data-testid="${testId}"] input`);
    return { fixture, checkbox };
  }

  it('shows a checkbox only for the bits a right uses', async () => {
    const { checkbox } = await render();
    expect(checkbox('right-user-PURGE')).not.toBeNull();
    expect(checkbox('right-audit-READ')).not.toBeNull();
    expect(checkbox('right-audit-UPDATE')).toBeNull();
    expect(checkbox('right-user-READ')?.checked).toBe(true);
    expect(checkbox('right-user-UPDATE')?.checked).toBe(false);
  });

  it('toggles bits in the bound value', async () => {
    const { fixture, checkbox } = await render();
    checkbox('right-user-UPDATE')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.value()).toEqual({ user: Bits.READ | Bits.UPDATE, audit: 0 });

    checkbox('right-user-READ')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.value()['user']).toBe(Bits.UPDATE);
    expect(checkbox('right-user-READ')?.checked).toBe(false);
  });

  it('sets every applicable bit of a row with its "all" box', async () => {
    const { fixture, checkbox } = await render();
    checkbox('right-user-ALL')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.value()['user']).toBe(31);

    checkbox('right-audit-ALL')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.value()['audit']).toBe(Bits.READ);
  });
});
