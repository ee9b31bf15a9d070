import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthService, I18n, Notifier } from '@parc/web-sdk';
import type { PackageView, RevisionView } from '../deploy.model';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { RevisionPage } from './revision.page';

const draft: RevisionView = {
  packageId: 3,
  number: 2,
  status: 'draft',
  publishedAt: null,
  retiredAt: null,
  updatedAt: '2026-11-20T10:00:00.000Z',
  definition: {
    checks: [{ name: '', type: 'fileSizeGreater', path: '/opt/acme/acme.bin', value: '1024', outcome: 'error' }],
    actions: [
      { type: 'cmd', name: 'Install', exec: './install.sh', logLineLimit: 10, retChecks: [{ type: 'okCode', values: ['0'] }] },
      { type: 'delete', name: 'Clean', list: ['/tmp/acme'] },
    ],
    files: [],
    userInteractions: [],
    rebootAfter: false,
    ocs: { priority: 5, action: 'EXECUTE', command: '', path: '', notify: { enabled: false, text: '', countdown: 0, canAbort: false, canDelay: false, doneText: '' } },
  },
};

const pkg: PackageView = { id: 3, name: 'Acme', description: '', entityId: 1, recursive: false, revisions: [draft], createdAt: '', updatedAt: '' };

describe('RevisionPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'deploy/packages/:id/draft', component: RevisionPage },
            { path: 'deploy/packages/:id/revisions/:number', component: RevisionPage },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        // The snack bar loads lazily and would outlive the test.
        { provide: Notifier, useValue: { success: vi.fn(), error: vi.fn(), info: vi.fn() } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    // The app registers the plugin's strings from its WebPlugin; here, by hand.
    TestBed.inject(I18n).register({ en, fr });
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = '')));

  async function open(url: string, rights: number) {
    TestBed.inject(AuthService).loadMe().subscribe();
    backend.expectOne('/api/auth/me').flush({
      id: 1,
      login: 'admin',
      name: 'Admin',
      email: null,
      authorizations: [],
      entities: [{ id: 1, parentId: null, name: 'Root', level: 1, completeName: 'Root', comment: '', createdAt: '', updatedAt: '' }],
      activeEntityId: 1,
      activeRecursive: true,
      rights: { 'deploy.package': rights },
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, RevisionPage);
    await harness.fixture.whenStable();
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/deploy/packages/3').flush(pkg);
    backend.match((r) => r.url === '/api/deploy/interaction-templates').forEach((r) => r.flush({ items: [], total: 0 }));
    return harness;
  }

  const flushPreview = () => backend.match((r) => r.url.endsWith('/fusion-job')).forEach((r) => r.flush({ job: { checks: [] }, associatedFiles: {} }));

  it('saves the whole definition, and shows the server’s objections under the fields and above the form', async () => {
    const harness = await open('/deploy/packages/3/draft', 15);
    backend.expectOne((r) => r.method === 'POST' && r.url === '/api/deploy/packages/3/draft').flush(draft);
    await harness.fixture.whenStable();
    flushPreview();
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement!;
    const stable = () => harness.fixture.whenStable();

    // The keyboard way to reorder: Clean before Install.
    element.querySelectorAll<HTMLElement>('[data-testid="action-up"] button')[1].click();
    await stable();
    expect([...element.querySelectorAll('[data-testid="action-item"]')].map((item) => item.getAttribute('data-name'))).toEqual(['Clean', 'Install']);
    expect(element.querySelector('[data-testid="editor-unsaved"]')).not.toBeNull();

    element.querySelector<HTMLButtonElement>('[data-testid="editor-save"]')!.click();
    await stable();
    const save = backend.expectOne((r) => r.method === 'PUT' && r.url === '/api/deploy/packages/3/draft');
    expect(save.request.body).toEqual({ ...draft.definition, actions: [draft.definition.actions[1], draft.definition.actions[0]] });
    save.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid package definition: definition.checks[0].path the agent cannot read this path',
        details: [{ field: 'definition.checks[0].path', problems: ['the agent cannot read this path'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();

    const listed = element.querySelector('[data-testid="editor-error"]')!;
    expect(listed.getAttribute('data-path')).toBe('checks.0.path');
    expect(listed.textContent).toContain('the agent cannot read this path');
    expect(element.querySelector('[data-testid="check-item"] mat-error')!.textContent).toContain('the agent cannot read this path');
    // Nothing was saved: still unsaved, and publishing waits for a save.
    expect(element.querySelector<HTMLButtonElement>('[data-testid="editor-publish"]')!.disabled).toBe(true);
  });

  it('refuses to send what the server would refuse, and says where', async () => {
    const harness = await open('/deploy/packages/3/draft', 15);
    backend.expectOne((r) => r.method === 'POST' && r.url === '/api/deploy/packages/3/draft').flush(draft);
    await harness.fixture.whenStable();
    flushPreview();
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement!;

    const codes = element.querySelector<HTMLTextAreaElement>('[data-testid="retcheck-values"]')!;
    codes.value = '0\nsuccess';
    codes.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="editor-save"]')!.click();
    await harness.fixture.whenStable();
    backend.expectNone((r) => r.method === 'PUT');
    expect(element.querySelector('[data-testid="retcheck-item"] mat-error')!.textContent).toContain('Exit codes are whole numbers');
    expect(element.querySelector('[data-testid="editor-actions"] h2 parc-icon')).not.toBeNull();
  });

  it('shows a published revision read-only', async () => {
    const published: RevisionView = { ...draft, number: 1, status: 'published', publishedAt: '2026-11-21T10:00:00.000Z' };
    const harness = await open('/deploy/packages/3/revisions/1', 15);
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/deploy/packages/3/revisions/1').flush(published);
    await harness.fixture.whenStable();
    flushPreview();
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement!;
    expect(element.querySelector('[data-testid="revision-editor"]')!.getAttribute('data-read-only')).toBe('true');
    expect(element.querySelector('[data-testid="editor-read-only"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="editor-save"]')).toBeNull();
    expect(element.querySelector('[data-testid="action-drag"]')).toBeNull();
    expect(element.querySelector<HTMLInputElement>('[data-testid="check-path"]')!.disabled).toBe(true);
    expect(element.querySelector('[data-testid="editor-edit-draft"]')).not.toBeNull();
  });

  it('shows the draft read-only to whoever may only read it', async () => {
    const harness = await open('/deploy/packages/3/revisions/2', 1);
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/deploy/packages/3/revisions/2').flush(draft);
    await harness.fixture.whenStable();
    flushPreview();
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement!;
    expect(element.querySelector('[data-testid="editor-read-only"]')!.textContent).toContain('not change it');
    expect(element.querySelector('[data-testid="checks-add"]')).toBeNull();
  });
});
