import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { GroupView } from '@parc/contracts';
import { type MassActionInputComponent, MassActionInputs } from '../../shared/mass-actions/mass-action-inputs';
import { GroupAddInput, GroupRemoveInput } from './group-mass-input';
import { provideGroupMassActionInputs } from './group-mass-inputs';

const group = (id: number, name: string, kind: GroupView['kind'], mode: GroupView['mode'], edit = true): GroupView =>
  ({ id, name, kind, mode, can: { edit, delete: edit } }) as GroupView;

const groups = [
  group(1, 'Static', 'static', null),
  group(2, 'Query', 'dynamic', 'query'),
  group(3, 'Result', 'dynamic', 'result'),
  group(4, 'Not mine', 'static', null, false),
];

describe('group.add / group.remove inputs', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideGroupMassActionInputs()] });
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = '')));

  it('are registered by the groups feature, lazily', async () => {
    const inputs = TestBed.inject(MassActionInputs);
    expect(await inputs.load('group.add')).toBe(GroupAddInput);
    expect(await inputs.load('group.remove')).toBe(GroupRemoveInput);
  });

  async function options(component: Type<MassActionInputComponent>) {
    const fixture = TestBed.createComponent(component);
    await fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .expectOne((r) => r.url === '/api/groups')
      .flush({ items: groups, total: groups.length });
    await fixture.whenStable();
    expect(fixture.componentInstance.value()).toBeNull();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('[data-testid="mass-input-group"] .mat-mdc-select-trigger')!.click();
    await fixture.whenStable();
    const found = [...document.querySelectorAll<HTMLElement>('[data-testid="mass-input-group-option"]')];
    return { fixture, found, names: found.map((option) => option.getAttribute('data-name')) };
  }

  it('adds to the static groups the user may change, and yields {groupId}', async () => {
    const { fixture, found, names } = await options(GroupAddInput);
    expect(names).toEqual(['Static']);
    found[0].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.value()).toEqual({ groupId: 1 });
  });

  it('removes from static and result-mode groups only', async () => {
    const { names } = await options(GroupRemoveInput);
    expect(names).toEqual(['Static', 'Result']);
  });
});
