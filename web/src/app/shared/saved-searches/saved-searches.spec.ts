import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MeView, SavedSearchView } from '@parc/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { SessionStore } from '../../core/auth/session.store';
import { Notifier } from '../../core/notify/notifier';
import { SavedSearches } from './saved-searches';

@Component({
  imports: [SavedSearches],
  template: `<parc-saved-searches itemType="computer" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ListPage {}

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class GroupStub {}

const criteria = JSON.stringify([{ field: 'software', operator: 'contains', value: 'firefox' }]);
const search = (id: number, name: string, ownerId: number, query: Record<string, string>): SavedSearchView => ({
  id,
  itemType: 'computer',
  name,
  query,
  shared: ownerId !== 1,
  ownerId,
  ownerLogin: ownerId === 1 ? 'admin' : 'alice',
  entityId: 1,
  createdAt: '',
  can: { edit: ownerId === 1 },
});

describe('SavedSearches menu', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'computers', component: ListPage },
          { path: 'groups/:id', component: GroupStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Notifier, useValue: { success: vi.fn(), error: vi.fn(), info: vi.fn() } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).start({ accessToken: 't', expiresAt: '', login: 'admin' });
    const me: MeView = {
      id: 1,
      login: 'admin',
      name: 'Admin',
      email: null,
      authorizations: [],
      entities: [],
      activeEntityId: 1,
      activeRecursive: true,
      rights: { group: 15, savedsearch: 15 },
    };
    const loaded = TestBed.inject(AuthService).loadMe().subscribe();
    backend.expectOne('/api/auth/me').flush(me);
    loaded.unsubscribe();
  });

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = ''));
  });

  async function openMenu(url: string, saved: SavedSearchView[]) {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, ListPage);
    harness.routeNativeElement!.querySelector<HTMLButtonElement>('[data-testid="saved-searches-menu"]')!.click();
    await harness.fixture.whenStable();
    const list = backend.expectOne((r) => r.url === '/api/saved-searches');
    expect(list.request.params.get('itemType')).toBe('computer');
    list.flush({ items: saved, total: saved.length });
    await harness.fixture.whenStable();
    return harness;
  }

  const items = () => [...document.querySelectorAll<HTMLElement>('[data-testid="saved-search"]')];

  it('lists own searches, then shared ones, and applies one by replacing the query parameters', async () => {
    const harness = await openMenu('/computers?q=old&page=3', [
      search(5, 'Servers', 7, { q: 'srv' }),
      search(4, 'Firefox desks', 1, { criteria, expression: 'NOT(1)' }),
    ]);
    expect(items().map((item) => item.getAttribute('data-name'))).toEqual(['Firefox desks', 'Servers']);
    // Only one's own searches can be changed.
    expect(items()[0].querySelector('[data-testid="saved-search-delete"]')).not.toBeNull();
    expect(items()[1].querySelector('[data-testid="saved-search-delete"]')).toBeNull();

    items()[0].querySelector<HTMLButtonElement>('[data-testid="saved-search-apply"]')!.click();
    await harness.fixture.whenStable();
    const url = TestBed.inject(Router).parseUrl(TestBed.inject(Router).url);
    expect(url.queryParams).toEqual({ criteria, expression: 'NOT(1)' });
  });

  it('saves the current search without its page, shared when asked', async () => {
    const harness = await openMenu(`/computers?q=pc&page=2&criteria=${encodeURIComponent(criteria)}`, []);
    document.querySelector<HTMLButtonElement>('[data-testid="saved-search-save"]')!.click();
    await harness.fixture.whenStable();
    const name = await vi.waitFor(() => document.querySelector<HTMLInputElement>('[data-testid="saved-search-name"]')!);
    name.value = 'PCs with Firefox';
    name.dispatchEvent(new Event('input'));
    document.querySelector<HTMLInputElement>('[data-testid="saved-search-shared"] input')!.click();
    await harness.fixture.whenStable();
    document.querySelector<HTMLButtonElement>('[data-testid="saved-search-submit"]')!.click();
    await harness.fixture.whenStable();

    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/saved-searches');
    expect(post.request.body).toEqual({ itemType: 'computer', name: 'PCs with Firefox', query: { criteria, q: 'pc' }, shared: true });
    post.flush(search(9, 'PCs with Firefox', 1, { criteria, q: 'pc' }));
    await harness.fixture.whenStable();
    // The menu's list is fetched again once the dialog has closed.
    const reload = await vi.waitFor(() => backend.expectOne((r) => r.url === '/api/saved-searches'));
    reload.flush({ items: [], total: 0 });
  });

  it('makes a dynamic group of a computer search and opens it', async () => {
    const harness = await openMenu('/computers', [search(4, 'Firefox desks', 1, { criteria })]);
    items()[0].querySelector<HTMLElement>('[data-testid="saved-search-group"] button')!.click();
    await harness.fixture.whenStable();
    const post = backend.expectOne('/api/saved-searches/4/group');
    expect(post.request.method).toBe('POST');
    post.flush({ id: 31, name: 'Firefox desks' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/groups/31');
  });
});
