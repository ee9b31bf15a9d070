import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { EntityView, GroupView, MeView, SearchFieldView } from '@parc/contracts';
import { SessionStore } from '../../core/auth/session.store';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { Notifier } from '../../core/notify/notifier';
import { GroupEditPage } from './group-edit.page';

const fields: SearchFieldView[] = [
  { key: 'name', label: { en: 'Name' }, type: 'string', operators: ['contains', 'equals', 'notequals'], column: true },
  { key: 'software', label: { en: 'Software' }, type: 'string', operators: ['contains', 'equals'], column: false },
  { key: 'group', label: { en: 'Member of group' }, type: 'group', operators: ['equals', 'notequals'], column: false },
];

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

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class GroupStub {}

describe('GroupEditPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'groups/new', component: GroupEditPage },
            { path: 'groups/:id', component: GroupStub },
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
    TestBed.inject(SessionStore).start({ accessToken: 't', expiresAt: '', login: 'admin' });
    const me: MeView = {
      id: 1,
      login: 'admin',
      name: 'Admin',
      email: null,
      authorizations: [],
      entities: [entity(1, null, 'Root')],
      activeEntityId: 1,
      activeRecursive: true,
      rights: { group: 15 },
    };
    TestBed.inject(ActiveEntityStore).reconcile(me);
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = '')));

  /** The last preview request once typing paused; earlier ones (intermediate states) are answered and ignored. */
  async function nextPreview(): Promise<TestRequest> {
    const requests = await vi.waitFor(
      () => {
        const found = backend.match('/api/groups/preview');
        expect(found.length).toBeGreaterThan(0);
        return found;
      },
      { timeout: 2000 },
    );
    requests.slice(0, -1).forEach((request) => request.flush({ total: 0, ms: 0 }));
    return requests[requests.length - 1];
  }

  it('counts what the numbered criteria match as they are typed, shows expression errors, and creates the group', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/groups/new', GroupEditPage);
    await harness.fixture.whenStable();
    backend.expectOne('/api/computers/search-fields').flush({ items: fields });
    backend.match((r) => r.url === '/api/users').forEach((r) => r.flush({ items: [], total: 0 }));
    backend.match((r) => r.url === '/api/profiles').forEach((r) => r.flush({ items: [], total: 0 }));
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement!;
    const stable = () => harness.fixture.whenStable();

    const name = element.querySelector<HTMLInputElement>('[data-testid="group-name"]')!;
    name.value = 'Firefox desks';
    name.dispatchEvent(new Event('input'));

    const criteria: [string, string][] = [
      ['software', 'firefox'],
      ['software', 'chromium'],
      ['name', 'server'],
    ];
    for (const [index, [key, value]] of criteria.entries()) {
      element.querySelector<HTMLButtonElement>('[data-testid="criteria-add"]')!.click();
      await stable();
      element.querySelectorAll<HTMLElement>('[data-testid="criterion-field"] .mat-mdc-select-trigger')[index].click();
      await stable();
      // Panels of the rows before may still be closing: the option is in the last one opened.
      [...document.querySelectorAll<HTMLElement>(`[data-testid="criterion-field-option"][data-key="${key}"]`)].pop()!.click();
      await stable();
      const input = element.querySelectorAll<HTMLInputElement>('[data-testid="criterion-value"]')[index];
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await stable();
    }
    expect([...element.querySelectorAll('[data-testid="criterion-number"]')].map((n) => n.textContent!.trim())).toEqual(['1', '2', '3']);

    const expression = element.querySelector<HTMLInputElement>('[data-testid="criteria-expression"]')!;
    expression.value = 'AND(OR(1, 2), NOT(3)';
    expression.dispatchEvent(new Event('input'));
    await stable();

    const invalid = await nextPreview();
    expect(invalid.request.body).toEqual({
      entityId: 1,
      criteria: [
        { field: 'software', operator: 'contains', value: 'firefox' },
        { field: 'software', operator: 'contains', value: 'chromium' },
        { field: 'name', operator: 'contains', value: 'server' },
      ],
      expression: 'AND(OR(1, 2), NOT(3)',
    });
    invalid.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: "Invalid expression at position 21: expected ',' or ')', found the end",
        details: [{ field: 'expression', position: 21, problems: ["expected ',' or ')', found the end"] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(element.querySelector('[data-testid="criteria-expression-error"]')!.textContent).toContain('Position 21');

    expression.value = 'AND(OR(1, 2), NOT(3))';
    expression.dispatchEvent(new Event('input'));
    await stable();
    const valid = await nextPreview();
    expect(valid.request.body.expression).toBe('AND(OR(1, 2), NOT(3))');
    valid.flush({ total: 3, ms: 12 });
    await stable();
    expect(element.querySelector('[data-testid="criteria-expression-error"]')).toBeNull();
    expect(element.querySelector('[data-testid="group-preview-total"]')!.textContent).toBe('3');

    element.querySelector<HTMLInputElement>('[data-testid="group-visible"] input')!.click();
    await stable();
    element.querySelector<HTMLButtonElement>('[data-testid="group-save"]')!.click();
    await stable();
    const create = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/groups');
    expect(create.request.body).toEqual({
      name: 'Firefox desks',
      comment: '',
      entityId: 1,
      recursive: false,
      kind: 'dynamic',
      mode: 'query',
      criteria: valid.request.body.criteria,
      expression: 'AND(OR(1, 2), NOT(3))',
      visible: true,
      shares: [],
    });
    create.flush({ id: 42, name: 'Firefox desks' } as GroupView);
    await stable();
    expect(TestBed.inject(Router).url).toBe('/groups/42');
  });

  it('renumbers the expression when a criterion is removed', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/groups/new', GroupEditPage);
    await harness.fixture.whenStable();
    backend.expectOne('/api/computers/search-fields').flush({ items: fields });
    backend.match(() => true).forEach((r) => r.flush({ items: [], total: 0 }));
    const element = harness.routeNativeElement!;
    for (let i = 0; i < 3; i++) {
      element.querySelector<HTMLButtonElement>('[data-testid="criteria-add"]')!.click();
      await harness.fixture.whenStable();
    }
    const expression = () => element.querySelector<HTMLInputElement>('[data-testid="criteria-expression"]')!;
    expression().value = 'AND(1, OR(2, NOT(3)))';
    expression().dispatchEvent(new Event('input'));
    element.querySelectorAll<HTMLElement>('[data-testid="criterion-remove"] button')[1].click();
    await harness.fixture.whenStable();
    expect(expression().value).toBe('AND(1, NOT(2))');
    element.querySelector<HTMLButtonElement>('[data-testid="criteria-add"]')!.click();
    await harness.fixture.whenStable();
    expect(expression().value).toBe('AND(1, NOT(2), 3)');
  });
});
