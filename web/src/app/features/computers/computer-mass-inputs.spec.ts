import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { EntityView, MassActionView, MeView } from '@parc/contracts';
import { of } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { RowSelection } from '../../shared/list/row-selection';
import { MassActionBar } from '../../shared/mass-actions/mass-action-bar';
import { MassActionInputs } from '../../shared/mass-actions/mass-action-inputs';
import { provideComputerMassActionInputs } from './computer-mass-inputs';
import { ComputerMoveInput } from './computer-move-input';

const entity = (id: number, parentId: number | null, name: string, completeName = name): EntityView => ({
  id,
  parentId,
  name,
  level: parentId === null ? 1 : 2,
  completeName,
  comment: '',
  createdAt: '',
  updatedAt: '',
});

@Component({
  imports: [MassActionBar],
  template: `<parc-mass-action-bar itemType="computer" [selection]="selection" [total]="3" [resolveAllIds]="allIds" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly selection = new RowSelection();
  readonly allIds = () => of([1, 2, 3]);
}

describe('computer.move input', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideComputerMassActionInputs()],
    });
    TestBed.inject(SessionStore).start({ accessToken: 't', expiresAt: '', login: 'admin' });
    const me: MeView = {
      id: 1,
      login: 'admin',
      name: 'Admin',
      email: null,
      authorizations: [],
      entities: [entity(1, null, 'Root'), entity(7, 1, 'Paris', 'Root > Paris')],
      activeEntityId: 1,
      activeRecursive: true,
      rights: {},
    };
    TestBed.inject(ActiveEntityStore).reconcile(me);
  });

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = ''));
  });

  it('is registered by the computers feature, lazily', async () => {
    const inputs = TestBed.inject(MassActionInputs);
    expect(inputs.has('computer.move')).toBe(true);
    expect(inputs.has('computer.delete')).toBe(false);
    expect(await inputs.load('computer.move')).toBe(ComputerMoveInput);
  });

  it('yields {entityId} once an entity is chosen', async () => {
    const fixture = TestBed.createComponent(ComputerMoveInput);
    await fixture.whenStable();
    expect(fixture.componentInstance.value()).toBeNull();
    const options = await openSelect(fixture, 'mass-input-entity');
    expect(options.map((option) => option.getAttribute('data-entity-name'))).toEqual(['Root', 'Root > Paris']);
    options[1].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.value()).toEqual({ entityId: 7 });
  });

  it('makes the mass-action bar ask for the entity and post it as the input', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const backend = TestBed.inject(HttpTestingController);
    const move: MassActionView = { key: 'computer.move', itemType: 'computer', label: { en: 'Move to an entity' } };
    backend.expectOne('/api/mass-actions?itemType=computer').flush({ items: [move] });
    fixture.componentInstance.selection.toggle(1);
    fixture.componentInstance.selection.toggle(3);
    await fixture.whenStable();

    const host = fixture.nativeElement as HTMLElement;
    host.querySelector<HTMLButtonElement>('[data-testid="mass-action-computer.move"]')!.click();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="mass-input-entity"]')).not.toBeNull());
    await fixture.whenStable();

    const confirm = () => document.querySelector<HTMLButtonElement>('[data-testid="mass-input-confirm"]')!;
    expect(confirm().disabled).toBe(true);
    const options = await openSelect(fixture, 'mass-input-entity');
    options.find((option) => option.getAttribute('data-entity-name') === 'Root > Paris')!.click();
    await fixture.whenStable();
    expect(confirm().disabled).toBe(false);
    confirm().click();
    await fixture.whenStable();

    const post = await vi.waitFor(() => backend.expectOne('/api/mass-actions/computer.move'));
    expect(post.request.body).toEqual({ itemType: 'computer', ids: [1, 3], input: { entityId: 7 } });
    post.flush({ ok: 2, failed: 0, noRight: 0, items: [] });
    await fixture.whenStable();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="mass-action-results"]')).not.toBeNull());
  });
});

/** Opens a Material select and returns its options (rendered in the overlay). */
async function openSelect(fixture: { whenStable(): Promise<unknown> }, testId: string): Promise<HTMLElement[]> {
  document.querySelector<HTMLElement>(`[data-testid="${testId}"] .mat-mdc-select-trigger`)!.click();
  await fixture.whenStable();
  return vi.waitFor(() => {
    const options = [...document.querySelectorAll<HTMLElement>('[data-testid="mass-input-entity-option"]')];
    expect(options.length).toBeGreaterThan(0);
    return options;
  });
}
