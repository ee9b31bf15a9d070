import type { ProfileView } from '@parc/contracts';
import { listFromParams, listToParams } from '../../shared/list/list-params';
import { savedQuery } from '../../shared/saved-searches/saved-search-query';
import { PROFILE_LIST, ProfilesPage } from './profiles.page';
import { routedPage } from '../../shared/testing/routed-page';

const profile = (id: number, name: string): ProfileView => ({ id, name, comment: '', rights: {}, createdAt: '', updatedAt: '' });

describe('ProfilesPage search in the URL', () => {
  const { backend, open, listRequest, queryParams } = routedPage('profiles', ProfilesPage, '/api/profiles');


  it('round-trips its parameters, and a saved search gives back the same list from page 1', () => {
    const list = { q: 'admin', sort: '-createdAt', offset: 50, limit: 50 };
    const params = listToParams(list, PROFILE_LIST);
    expect(params).toEqual({ q: 'admin', sort: '-createdAt', page: '2', limit: '50' });
    expect(listFromParams(params, PROFILE_LIST)).toEqual(list);
    expect(listFromParams(savedQuery(params), PROFILE_LIST)).toEqual({ ...list, offset: 0 });
    // The updatedAt column is not sortable by the API.
    expect(listFromParams({ sort: 'updatedAt' }, PROFILE_LIST).sort).toBe('name');
  });

  it('lists what a bookmarked URL says, and shows its quick filter', async () => {
    const harness = await open('/profiles?q=adm&sort=-name&page=2&limit=10');
    const request = listRequest();
    expect(request.request.params.get('q')).toBe('adm');
    expect(request.request.params.get('sort')).toBe('-name');
    expect(request.request.params.get('offset')).toBe('10');
    expect(request.request.params.get('limit')).toBe('10');
    request.flush({ items: [profile(1, 'Admin')], total: 11 });
    await harness.fixture.whenStable();

    const element = harness.routeNativeElement!;
    expect(element.querySelector<HTMLInputElement>('[data-testid="profiles-search"]')!.value).toBe('adm');
    expect([...element.querySelectorAll('[data-testid="profile-row"]')].map((row) => row.getAttribute('data-name'))).toEqual(['Admin']);
  });

  it('puts the quick filter and the sort into the URL, back on page 1', async () => {
    const harness = await open('/profiles?page=3');
    listRequest().flush({ items: [], total: 0 });
    const element = harness.routeNativeElement!;

    const search = element.querySelector<HTMLInputElement>('[data-testid="profiles-search"]')!;
    search.value = 'tech';
    search.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(queryParams()).toEqual({ q: 'tech' }));
    await harness.fixture.whenStable();
    expect(listRequest().request.params.get('q')).toBe('tech');

    element.querySelector<HTMLElement>('th.mat-sort-header')!.click();
    await harness.fixture.whenStable();
    expect(queryParams()).toEqual({ q: 'tech', sort: '-name' });
    listRequest().flush({ items: [], total: 0 });
  });

  it('offers the saved searches of profiles', async () => {
    const harness = await open('/profiles');
    listRequest().flush({ items: [], total: 0 });
    harness.routeNativeElement!.querySelector<HTMLButtonElement>('[data-testid="saved-searches-menu"]')!.click();
    await harness.fixture.whenStable();
    const saved = backend().expectOne((r) => r.url === '/api/saved-searches');
    expect(saved.request.params.get('itemType')).toBe('profile');
    saved.flush({ items: [], total: 0 });
  });
});
