import { AuditPage } from './audit.page';
import { routedPage } from '../../shared/testing/routed-page';

describe('AuditPage filters in the URL', () => {
  const { backend, open, listRequest, queryParams, router } = routedPage('audit', AuditPage, '/api/audit');

  const input = (element: HTMLElement, testId: string) => element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;

  it('filters as a link or bookmark says, and shows the filters in the form', async () => {
    const harness = await open('/audit?itemType=entity&itemId=12&action=update&page=2');
    const request = listRequest();
    expect(request.request.params.get('itemType')).toBe('entity');
    expect(request.request.params.get('itemId')).toBe('12');
    expect(request.request.params.get('action')).toBe('update');
    expect(request.request.params.get('offset')).toBe('25');
    expect(request.request.params.has('sort')).toBe(false);
    request.flush({ items: [], total: 30 });
    await harness.fixture.whenStable();

    const element = harness.routeNativeElement!;
    expect(input(element, 'audit-item-type').value).toBe('entity');
    expect(input(element, 'audit-item-id').value).toBe('12');
    expect(element.querySelector('[data-testid="audit-action"]')!.textContent).toContain('Change');
  });

  it('puts what is typed in the form into the URL, back on page 1, and clears it', async () => {
    const harness = await open('/audit?page=3');
    listRequest().flush({ items: [], total: 0 });
    const element = harness.routeNativeElement!;

    const itemType = input(element, 'audit-item-type');
    itemType.value = ' user ';
    itemType.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(queryParams()).toEqual({ itemType: 'user' }));
    await harness.fixture.whenStable();
    expect(listRequest().request.params.get('offset')).toBe('0');
    // What the user typed stays as typed.
    expect(itemType.value).toBe(' user ');

    // An id that is not one filters nothing, and the URL does not get it.
    const itemId = input(element, 'audit-item-id');
    itemId.value = 'x';
    itemId.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await harness.fixture.whenStable();
    expect(queryParams()).toEqual({ itemType: 'user' });
    expect(backend().match((r) => r.url === '/api/audit')).toHaveLength(0);
    expect(itemId.value).toBe('x');

    element.querySelector<HTMLButtonElement>('[data-testid="audit-filters"] button')!.click();
    await vi.waitFor(() => expect(queryParams()).toEqual({}));
    await harness.fixture.whenStable();
    expect(listRequest().request.params.has('itemType')).toBe(false);
    expect(itemType.value).toBe('');
  });

  it('follows the URL when it changes (a saved search applied, back and forward)', async () => {
    const harness = await open('/audit?itemType=user');
    listRequest().flush({ items: [], total: 0 });
    await router().navigate(['/audit'], { queryParams: { itemType: 'profile', action: 'delete' } });
    await harness.fixture.whenStable();
    const request = listRequest();
    expect(request.request.params.get('itemType')).toBe('profile');
    expect(request.request.params.get('action')).toBe('delete');
    expect(input(harness.routeNativeElement!, 'audit-item-type').value).toBe('profile');
    // Setting the form from the URL is not a change of the user's: no second request.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(backend().match((r) => r.url === '/api/audit')).toHaveLength(0);
  });

  it('offers the saved searches of the audit trail', async () => {
    const harness = await open('/audit');
    listRequest().flush({ items: [], total: 0 });
    harness.routeNativeElement!.querySelector<HTMLButtonElement>('[data-testid="saved-searches-menu"]')!.click();
    await harness.fixture.whenStable();
    const saved = backend().expectOne((r) => r.url === '/api/saved-searches');
    expect(saved.request.params.get('itemType')).toBe('audit');
    saved.flush({ items: [], total: 0 });
  });
});
