import type { JobRunView } from '@parc/contracts';
import { listFromParams, listToParams } from '../../shared/list/list-params';
import { savedQuery } from '../../shared/saved-searches/saved-search-query';
import { JOB_RUN_LIST, JobRunsPage } from './job-runs.page';
import { routedPage } from '../../shared/testing/routed-page';

const run = (id: number, name: string, status: JobRunView['status']): JobRunView => ({
  id,
  name,
  tick: '2026-01-01T00:00:00.000Z',
  startedAt: '2026-01-01T00:00:01.000Z',
  finishedAt: null,
  status,
  message: null,
  worker: 'w1',
});

describe('JobRunsPage sort and page in the URL', () => {
  const { backend, open, listRequest, queryParams } = routedPage('system', JobRunsPage, '/api/system/job-runs');


  it('round-trips its parameters, the server order (most recent first) being the plain URL', () => {
    expect(listToParams({ q: '', sort: '-startedAt', offset: 0, limit: 25 }, JOB_RUN_LIST)).toEqual({});
    const list = { q: '', sort: 'status', offset: 100, limit: 50 };
    const params = listToParams(list, JOB_RUN_LIST);
    expect(params).toEqual({ sort: 'status', page: '3', limit: '50' });
    expect(listFromParams(params, JOB_RUN_LIST)).toEqual(list);
    expect(listFromParams(savedQuery(params), JOB_RUN_LIST)).toEqual({ ...list, offset: 0 });
    // Only the API's sort fields are taken.
    expect(listFromParams({ sort: 'worker' }, JOB_RUN_LIST).sort).toBe('-startedAt');
  });

  it('lists the page and order a bookmarked URL says', async () => {
    const harness = await open('/system?sort=status&page=2');
    const request = listRequest();
    expect(request.request.params.get('sort')).toBe('status');
    expect(request.request.params.get('offset')).toBe('25');
    expect(request.request.params.get('limit')).toBe('25');
    request.flush({ items: [run(1, 'core.housekeeping', 'failed')], total: 26 });
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement!.querySelectorAll('[data-testid="job-run-row"]')).toHaveLength(1);
  });

  it('sorts by a column header into the URL, back on page 1', async () => {
    const harness = await open('/system?page=2');
    expect(listRequest().request.params.get('sort')).toBe('-startedAt');
    const headers = [...harness.routeNativeElement!.querySelectorAll<HTMLElement>('th.mat-sort-header')];
    expect(headers.map((header) => header.textContent!.trim())).toEqual(['Job', 'Started', 'Status']);

    headers[0].click();
    await harness.fixture.whenStable();
    expect(queryParams()).toEqual({ sort: 'name' });
    const request = listRequest();
    expect(request.request.params.get('sort')).toBe('name');
    expect(request.request.params.get('offset')).toBe('0');
    request.flush({ items: [], total: 0 });
  });

  it('offers the saved searches of job runs', async () => {
    const harness = await open('/system');
    listRequest().flush({ items: [], total: 0 });
    harness.routeNativeElement!.querySelector<HTMLButtonElement>('[data-testid="saved-searches-menu"]')!.click();
    await harness.fixture.whenStable();
    const saved = backend().expectOne((r) => r.url === '/api/saved-searches');
    expect(saved.request.params.get('itemType')).toBe('job-run');
    saved.flush({ items: [], total: 0 });
  });
});
