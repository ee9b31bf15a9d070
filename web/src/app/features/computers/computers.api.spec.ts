import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { EntityView, MeView } from '@parc/contracts';
import { apiErrorsInterceptor, apiHeadersInterceptor } from '../../core/api/api.interceptors';
import { SessionStore } from '../../core/auth/session.store';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { Notifier } from '../../core/notify/notifier';
import { dateStamp } from '../../shared/files/save-file';
import { csvColumns } from './computer-columns';
import { ComputersApi } from './computers.api';
import { selectionExport } from './computer-list';

const entity = (id: number, parentId: number | null, name: string): EntityView => ({
  id,
  parentId,
  name,
  level: parentId === null ? 1 : 2,
  completeName: name,
  comment: '',
  createdAt: '',
  updatedAt: '',
});

describe('CSV export of computers', () => {
  let backend: HttpTestingController;
  let api: ComputersApi;
  let notifier: { error: ReturnType<typeof vi.fn>; success: ReturnType<typeof vi.fn>; info: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    localStorage.clear();
    notifier = { error: vi.fn(), success: vi.fn(), info: vi.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiHeadersInterceptor, apiErrorsInterceptor])),
        provideHttpClientTesting(),
        { provide: Notifier, useValue: notifier },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(ComputersApi);
    TestBed.inject(SessionStore).start({ accessToken: 'tok-42', expiresAt: '', login: 'admin' });
    const me: MeView = {
      id: 1,
      login: 'admin',
      name: 'Admin',
      email: null,
      authorizations: [],
      entities: [entity(1, null, 'Root'), entity(7, 1, 'Paris')],
      activeEntityId: 1,
      activeRecursive: true,
      rights: {},
    };
    TestBed.inject(ActiveEntityStore).reconcile(me);
    TestBed.inject(ActiveEntityStore).select({ entityId: 7, recursive: true });
  });

  afterEach(() => backend.verify());

  it('asks for the current search with the token, the entity headers and the visible columns', () => {
    let file: Blob | undefined;
    const criteria = [{ field: 'software', operator: 'contains' as const, value: 'Firefox*' }];
    api
      .exportCsv({ filter: { q: 'pc-', criteria, expression: 'NOT(1)' }, sort: '-lastContactAt', columns: csvColumns(['name', 'os', 'ip']) })
      .subscribe((blob) => (file = blob));

    const request = backend.expectOne((r) => r.url === '/api/computers/export.csv');
    expect(request.request.method).toBe('GET');
    expect(request.request.responseType).toBe('blob');
    expect(request.request.headers.get('Authorization')).toBe('Bearer tok-42');
    expect(request.request.headers.get('X-Entity-Id')).toBe('7');
    expect(request.request.headers.get('X-Entity-Recursive')).toBe('1');
    const params = request.request.params;
    expect(params.get('q')).toBe('pc-');
    expect(JSON.parse(params.get('criteria')!)).toEqual(criteria);
    expect(params.get('expression')).toBe('NOT(1)');
    expect(params.get('sort')).toBe('-lastContactAt');
    expect(params.get('columns')).toBe('name,os,osVersion,ip');
    expect(params.has('ids')).toBe(false);

    const csv = new Blob(['name\npc-1\n'], { type: 'text/csv' });
    request.flush(csv);
    expect(file).toBe(csv);
  });

  it('exports a selection by ids, without the search', () => {
    api.exportCsv({ ids: [3, 5, 8], sort: 'name', columns: ['name'] }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/computers/export.csv');
    expect(request.request.params.get('ids')).toBe('3,5,8');
    expect(request.request.params.has('q')).toBe(false);
    expect(request.request.params.has('criteria')).toBe(false);
    // Commas stay readable (the URL of 2000 ids must stay short).
    expect(request.request.urlWithParams).toContain('ids=3,5,8');
    request.flush(new Blob(['']));
  });

  it("shows the server's message when an export fails (the error body arrives as a Blob)", async () => {
    let failed = false;
    api.exportCsv({ columns: ['name'] }).subscribe({ error: () => (failed = true) });
    const body = JSON.stringify({ statusCode: 400, error: 'Bad Request', message: 'Unknown column "foo"', details: [] });
    backend
      .expectOne((r) => r.url === '/api/computers/export.csv')
      .flush(new Blob([body], { type: 'application/json' }), { status: 400, statusText: 'Bad Request' });
    await vi.waitFor(() => expect(failed).toBe(true));
    expect(notifier.error).toHaveBeenCalledWith('Unknown column "foo"');
  });

  it('exports the search instead of a selection too big for one request', () => {
    const many = Array.from({ length: 2001 }, (_, i) => i + 1);
    expect(selectionExport([1, 2], false)).toEqual({ kind: 'ids', ids: [1, 2] });
    expect(selectionExport(many, false)).toEqual({ kind: 'search', tooMany: true });
    expect(selectionExport([], true)).toEqual({ kind: 'search', tooMany: false });
  });

  it('names the file after the day', () => {
    expect(dateStamp(new Date(2026, 0, 5, 23, 59))).toBe('20260105');
  });
});
