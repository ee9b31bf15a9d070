import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { MeView } from '@parc/contracts';
import { SessionStore } from '../auth/session.store';
import { ActiveEntityStore } from '../entity/active-entity.store';
import { Notifier } from '../notify/notifier';
import { apiErrorsInterceptor, apiHeadersInterceptor } from './api.interceptors';
import { IS_LOGIN } from './request-context';

function me(overrides: Partial<MeView> = {}): MeView {
  const entity = (id: number, parentId: number | null, name: string) => ({
    id,
    parentId,
    name,
    level: parentId === null ? 1 : 2,
    completeName: name,
    comment: '',
    createdAt: '',
    updatedAt: '',
  });
  return {
    id: 1,
    login: 'admin',
    name: 'Admin',
    email: null,
    authorizations: [],
    entities: [entity(1, null, 'Root'), entity(7, 1, 'Paris')],
    activeEntityId: 1,
    activeRecursive: true,
    rights: {},
    ...overrides,
  };
}

describe('API interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let notifier: { error: ReturnType<typeof vi.fn>; success: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    localStorage.clear();
    notifier = { error: vi.fn(), success: vi.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiHeadersInterceptor, apiErrorsInterceptor])),
        provideHttpClientTesting(),
        { provide: Notifier, useValue: notifier },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function signIn(): void {
    TestBed.inject(SessionStore).start({ accessToken: 'tok-123', expiresAt: '', login: 'admin' });
    TestBed.inject(ActiveEntityStore).reconcile(me());
  }

  it('sends the bearer token and the active entity on API requests', () => {
    signIn();
    TestBed.inject(ActiveEntityStore).select({ entityId: 7, recursive: false });

    http.get('/api/users').subscribe();
    const request = backend.expectOne('/api/users').request;
    expect(request.headers.get('Authorization')).toBe('Bearer tok-123');
    expect(request.headers.get('X-Entity-Id')).toBe('7');
    expect(request.headers.get('X-Entity-Recursive')).toBe('0');
  });

  it('sends the server default entity (recursive as granted) until the user picks one', () => {
    signIn();
    http.get('/api/ui/menu').subscribe();
    const request = backend.expectOne('/api/ui/menu').request;
    expect(request.headers.get('X-Entity-Id')).toBe('1');
    expect(request.headers.get('X-Entity-Recursive')).toBe('1');
  });

  it('sends no entity header before /auth/me told which entities exist, and nothing outside /api', () => {
    TestBed.inject(SessionStore).start({ accessToken: 'tok-123', expiresAt: '', login: 'admin' });
    http.get('/api/auth/me').subscribe();
    const apiRequest = backend.expectOne('/api/auth/me').request;
    expect(apiRequest.headers.get('Authorization')).toBe('Bearer tok-123');
    expect(apiRequest.headers.has('X-Entity-Id')).toBe(false);

    http.get('/favicon.svg').subscribe();
    expect(backend.expectOne('/favicon.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('does not send the previous token with a login request', () => {
    signIn();
    http.post('/api/auth/login', {}, { context: new HttpContext().set(IS_LOGIN, true) }).subscribe();
    expect(backend.expectOne('/api/auth/login').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session and shows the login page on 401', () => {
    signIn();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    http.get('/api/users').subscribe({ error: () => undefined });
    backend.expectOne('/api/users').flush({ statusCode: 401, message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });

    expect(TestBed.inject(SessionStore).token()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.objectContaining({ queryParams: expect.objectContaining({ expired: 1 }) }));
    expect(notifier.error).not.toHaveBeenCalled();
  });

  it("shows the server's message for other errors", () => {
    signIn();
    http.delete('/api/entities/7').subscribe({ error: () => undefined });
    backend
      .expectOne('/api/entities/7')
      .flush({ statusCode: 409, error: 'Conflict', message: 'The entity still has sub-entities', details: null }, { status: 409, statusText: 'Conflict' });
    expect(notifier.error).toHaveBeenCalledWith('The entity still has sub-entities');
  });
});
