import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ComputerRow, SearchCriterion, SearchFieldView } from '@parc/contracts';
import { ComputersPage } from './computers.page';

const fields: SearchFieldView[] = [
  { key: 'name', label: { en: 'Name' }, type: 'string', operators: ['contains', 'equals', 'notequals'], column: true },
  { key: 'software', label: { en: 'Software' }, type: 'string', operators: ['contains', 'equals'], column: false },
  { key: 'lastContact', label: { en: 'Last contact' }, type: 'date', operators: ['less', 'more'], column: true },
];

const row = (id: number, name: string): ComputerRow => ({
  id,
  name,
  entityId: 1,
  entityName: 'Root',
  serial: `SN${id}`,
  uuid: '',
  manufacturer: 'Dell',
  model: 'Latitude',
  osName: 'Debian',
  osVersion: '12',
  lastInventoryAt: null,
  lastContactAt: null,
  agentKind: 'glpi-agent',
  agentVersion: '1.7',
  ip: '10.0.0.1',
});

describe('ComputersPage search in the URL', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'computers', component: ComputersPage }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = '')));

  async function open(url: string) {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, ComputersPage);
    await harness.fixture.whenStable();
    backend.expectOne('/api/computers/search-fields').flush({ items: fields });
    backend.match((r) => r.url === '/api/mass-actions').forEach((r) => r.flush({ items: [] }));
    await harness.fixture.whenStable();
    return harness;
  }

  function listRequest() {
    const requests = backend.match((r) => r.url === '/api/computers');
    expect(requests).toHaveLength(1);
    return requests[0];
  }

  it('searches what a bookmarked URL says, and shows it in the builder', async () => {
    const criteria: SearchCriterion[] = [{ field: 'software', operator: 'contains', value: 'Firefox*' }];
    const harness = await open(`/computers?q=pc&criteria=${encodeURIComponent(JSON.stringify(criteria))}&sort=-serial&page=2&limit=10`);

    const request = listRequest();
    expect(request.request.params.get('q')).toBe('pc');
    expect(JSON.parse(request.request.params.get('criteria')!)).toEqual(criteria);
    expect(request.request.params.get('sort')).toBe('-serial');
    expect(request.request.params.get('offset')).toBe('10');
    expect(request.request.params.get('limit')).toBe('10');
    request.flush({ items: [row(1, 'pc-1'), row(2, 'pc-2')], total: 12 });
    await harness.fixture.whenStable();

    const element = harness.routeNativeElement!;
    expect(element.querySelector('[data-testid="computers-total"]')!.textContent).toBe('12');
    expect([...element.querySelectorAll('[data-testid="computer-row"]')].map((r) => r.getAttribute('data-name'))).toEqual(['pc-1', 'pc-2']);
    expect(element.querySelectorAll('[data-testid="criterion-row"]')).toHaveLength(1);
    expect(element.querySelector<HTMLInputElement>('[data-testid="criterion-value"]')!.value).toBe('Firefox*');
    expect(element.querySelector<HTMLInputElement>('[data-testid="computers-q"]')!.value).toBe('pc');
  });

  it('puts criteria applied in the builder into the URL, back on page 1', async () => {
    const harness = await open('/computers?page=3');
    listRequest().flush({ items: [], total: 0 });
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement!;

    element.querySelector<HTMLButtonElement>('[data-testid="criteria-add"]')!.click();
    await harness.fixture.whenStable();
    element.querySelector<HTMLElement>('[data-testid="criterion-field"] .mat-mdc-select-trigger')!.click();
    await harness.fixture.whenStable();
    document.querySelector<HTMLElement>('[data-testid="criterion-field-option"][data-key="lastContact"]')!.click();
    await harness.fixture.whenStable();
    // The date field offers its own operators.
    element.querySelector<HTMLElement>('[data-testid="criterion-operator"] .mat-mdc-select-trigger')!.click();
    await harness.fixture.whenStable();
    const operators = [...document.querySelectorAll<HTMLElement>('[data-testid="criterion-operator-option"]')];
    expect(operators.map((option) => option.getAttribute('data-value'))).toEqual(['less', 'more']);
    operators[1].click();
    await harness.fixture.whenStable();
    const value = element.querySelector<HTMLInputElement>('[data-testid="criterion-value"]')!;
    value.value = '-7d';
    value.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="criteria-search"]')!.click();
    await harness.fixture.whenStable();

    const expected: SearchCriterion[] = [{ field: 'lastContact', operator: 'more', value: '-7d' }];
    const url = TestBed.inject(Router).parseUrl(TestBed.inject(Router).url);
    expect(JSON.parse(url.queryParams['criteria'])).toEqual(expected);
    expect(url.queryParams['page']).toBeUndefined();
    const request = listRequest();
    expect(JSON.parse(request.request.params.get('criteria')!)).toEqual(expected);
    expect(request.request.params.get('offset')).toBe('0');
    request.flush({ items: [], total: 0 });

    // Reset clears them from the URL too.
    element.querySelector<HTMLButtonElement>('[data-testid="criteria-reset"]')!.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/computers');
    listRequest().flush({ items: [], total: 0 });
  });

  it('numbers the criteria and sends their expression, from the URL and back to it', async () => {
    const criteria: SearchCriterion[] = [
      { field: 'software', operator: 'contains', value: 'Firefox*' },
      { field: 'name', operator: 'contains', value: 'server' },
    ];
    const harness = await open(`/computers?criteria=${encodeURIComponent(JSON.stringify(criteria))}&expression=${encodeURIComponent('AND(1, NOT(2))')}`);
    const request = listRequest();
    expect(request.request.params.get('expression')).toBe('AND(1, NOT(2))');
    request.flush({ items: [], total: 0 });
    await harness.fixture.whenStable();

    const element = harness.routeNativeElement!;
    expect([...element.querySelectorAll('[data-testid="criterion-number"]')].map((n) => n.textContent!.trim())).toEqual(['1', '2']);
    const expression = element.querySelector<HTMLInputElement>('[data-testid="criteria-expression"]')!;
    expect(expression.value).toBe('AND(1, NOT(2))');

    expression.value = 'OR(1, 2)';
    expression.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="criteria-search"]')!.click();
    await harness.fixture.whenStable();
    const router = TestBed.inject(Router);
    expect(router.parseUrl(router.url).queryParams['expression']).toBe('OR(1, 2)');
    const next = listRequest();
    expect(next.request.params.get('expression')).toBe('OR(1, 2)');

    // The server's objection shows under the expression.
    next.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid expression',
        details: [{ field: 'expression', position: 4, problems: ['criterion 2 is not used in the expression'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-testid="criteria-expression-error"]')!.textContent).toContain('criterion 2 is not used');
  });
});
