import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ComputerView, TabView } from '@parc/contracts';
import { WEB_PLUGINS, type WebPlugin } from '../../core/plugins/web-plugin';
import { ComputerPage, pluginTabs } from './computer.page';

@Component({
  selector: 'parc-fake-packages-tab',
  template: `<p data-testid="fake-tab">packages of #{{ itemId() }}</p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FakePackagesTab {
  readonly itemId = input.required<number>();
}

const deployWeb: WebPlugin = {
  name: 'deploy',
  routes: [],
  translations: { en: {} },
  tabs: [{ itemType: 'computer', key: 'deploy.packages', loadComponent: () => Promise.resolve(FakePackagesTab) }],
};

const serverTabs: TabView[] = [
  { itemType: 'computer', key: 'deploy.packages', label: { en: 'Packages', fr: 'Paquets' }, plugin: 'deploy' },
  { itemType: 'computer', key: 'other.thing', label: { en: 'No web part' }, plugin: 'other' },
];

const computer = { id: 5, name: 'pc-5', entityId: 1, entityName: 'Root', cpus: [], users: [] } as unknown as ComputerView;

describe('ComputerPage tabs', () => {
  it('keeps the plugin tabs both listed by the server and provided by a web part', () => {
    expect(pluginTabs(serverTabs, deployWeb.tabs!, 'computer').map((tab) => tab.key)).toEqual(['deploy.packages']);
    expect(pluginTabs(serverTabs, deployWeb.tabs!, 'user')).toEqual([]);
  });

  it('shows core tabs, then plugin tabs, and gives the plugin component the item id', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'computers/:id', component: ComputerPage }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: WEB_PLUGINS, useValue: [deployWeb] },
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/computers/5?tab=deploy.packages', ComputerPage);
    await harness.fixture.whenStable();
    backend.expectOne('/api/computers/5').flush(computer);
    backend.expectOne('/api/ui/tabs?itemType=computer').flush({ items: serverTabs });
    await harness.fixture.whenStable();
    await vi.waitFor(async () => {
      await harness.fixture.whenStable();
      expect(harness.routeNativeElement!.querySelector('[data-testid="fake-tab"]')?.textContent).toBe('packages of #5');
    });

    const tabs = [...harness.routeNativeElement!.querySelectorAll('[data-testid^="computer-tab-"]')].map((tab) => tab.getAttribute('data-testid'));
    expect(tabs).toEqual([
      'computer-tab-general',
      'computer-tab-hardware',
      'computer-tab-software',
      'computer-tab-disks',
      'computer-tab-network',
      'computer-tab-agents',
      'computer-tab-history',
      'computer-tab-deploy.packages',
    ]);
    expect(harness.routeNativeElement!.querySelector('[data-testid="computer-tab-deploy.packages"]')!.textContent?.trim()).toBe('Packages');
    backend.verify();
  });
});
