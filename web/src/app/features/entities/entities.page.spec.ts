import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { EntityView } from '@parc/contracts';
import { routedPage } from '../../shared/testing/routed-page';
import { EntitiesPage } from './entities.page';

const entity = (id: number, parentId: number | null, completeName: string): EntityView => ({
  id,
  parentId,
  name: completeName.split(' > ').at(-1)!,
  level: completeName.split(' > ').length - 1,
  completeName,
  comment: '',
  createdAt: '',
  updatedAt: '',
});

const entities = [
  entity(1, null, 'Root'),
  entity(2, 1, 'Root > Europe'),
  entity(3, 2, 'Root > Europe > Paris'),
  entity(4, 2, 'Root > Europe > Lyon'),
  entity(5, 1, 'Root > Asia'),
];

describe('EntitiesPage quick filter in the URL', () => {
  const { backend } = routedPage('entities', EntitiesPage, '/api/entities');

  async function open(url: string) {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, EntitiesPage);
    await harness.fixture.whenStable();
    // The tree needs every entity: the filter is not the server's.
    const request = backend().expectOne((r) => r.url === '/api/entities');
    expect(request.request.params.has('q')).toBe(false);
    request.flush({ items: entities, total: entities.length });
    await harness.fixture.whenStable();
    return harness;
  }

  const names = (element: HTMLElement) => [...element.querySelectorAll('[data-testid="entity-node"]')].map((node) => node.getAttribute('data-entity-name'));
  const queryParams = () => TestBed.inject(Router).parseUrl(TestBed.inject(Router).url).queryParams;

  it('shows the matches of a bookmarked filter in their place in the tree', async () => {
    const harness = await open('/entities?q=paris');
    const element = harness.routeNativeElement!;
    expect(names(element)).toEqual(['Root', 'Root > Europe', 'Root > Europe > Paris']);
    expect(element.querySelector<HTMLInputElement>('[data-testid="entities-search"]')!.value).toBe('paris');
  });

  it('puts the typed filter into the URL, and says when nothing matches', async () => {
    const harness = await open('/entities');
    const element = harness.routeNativeElement!;
    expect(names(element)).toHaveLength(5);

    const search = element.querySelector<HTMLInputElement>('[data-testid="entities-search"]')!;
    search.value = 'asia';
    search.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(queryParams()).toEqual({ q: 'asia' }));
    await harness.fixture.whenStable();
    expect(names(element)).toEqual(['Root', 'Root > Asia']);

    search.value = 'nowhere';
    search.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(queryParams()).toEqual({ q: 'nowhere' }));
    await harness.fixture.whenStable();
    expect(names(element)).toEqual([]);
    expect(element.querySelector('[data-testid="entities-empty"]')!.textContent).toContain('No entity matches');
  });

  it('offers the saved searches of entities', async () => {
    const harness = await open('/entities');
    harness.routeNativeElement!.querySelector<HTMLButtonElement>('[data-testid="saved-searches-menu"]')!.click();
    await harness.fixture.whenStable();
    const saved = backend().expectOne((r) => r.url === '/api/saved-searches');
    expect(saved.request.params.get('itemType')).toBe('entity');
    saved.flush({ items: [], total: 0 });
  });
});
