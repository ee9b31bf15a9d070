import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MenuEntry } from '@parc/contracts';
import { MenuService } from './menu.service';
import { VisibleGroups } from './visible-groups';

const entry = (path: string): MenuEntry => ({ path, label: { en: path }, icon: 'x' });

describe('VisibleGroups', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), MenuService, VisibleGroups] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the groups shown in the navigation once the menu has the Groups entry, and again when asked', async () => {
    const groups = TestBed.inject(VisibleGroups);
    TestBed.tick();
    backend.expectOne('/api/ui/menu').flush({ items: [entry('/computers'), entry('/groups')] });
    TestBed.tick();
    const request = backend.expectOne((r) => r.url === '/api/groups');
    expect(request.request.params.get('visible')).toBe('true');
    expect(request.request.params.get('limit')).toBe('50');
    request.flush({ items: [{ id: 4, name: 'Labs', memberCount: 3 }], total: 1 });
    TestBed.tick();
    expect(groups.entries()).toEqual([{ id: 4, name: 'Labs' }]);

    groups.reload();
    TestBed.tick();
    backend.expectOne((r) => r.url === '/api/groups').flush({ items: [], total: 0 });
    TestBed.tick();
    expect(groups.entries()).toEqual([]);
  });

  it('asks for nothing when the user may not see groups', () => {
    const groups = TestBed.inject(VisibleGroups);
    TestBed.tick();
    backend.expectOne('/api/ui/menu').flush({ items: [entry('/computers')] });
    TestBed.tick();
    backend.expectNone((r) => r.url === '/api/groups');
    expect(groups.entries()).toEqual([]);
  });
});
