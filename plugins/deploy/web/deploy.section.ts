import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService, Bits, PageHeader, TPipe } from '@parc/web-sdk';
import { MIRROR_RIGHT, PACKAGE_RIGHT } from './deploy.model';

interface SectionTab {
  path: string;
  label: string;
  testId: string;
}

/** The deployment section: its title and one tab per list (packages, mirrors, interaction templates). */
@Component({
  selector: 'parc-deploy-section',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, PageHeader, TPipe],
  template: `
    <parc-page-header [title]="'deploy.title' | t" [subtitle]="'deploy.subtitle' | t" />
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'deploy.sectionTabs' | t">
      @for (tab of tabs(); track tab.path) {
        <a mat-tab-link [routerLink]="tab.path" routerLinkActive #active="routerLinkActive" [active]="active.isActive" [attr.data-testid]="tab.testId">
          {{ tab.label | t }}
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel class="panel">
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    .panel {
      display: block;
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeploySection {
  private readonly auth = inject(AuthService);

  protected readonly tabs = computed<SectionTab[]>(() => {
    // Reading me() makes the tabs follow the rights once /auth/me is known (and on entity changes).
    if (!this.auth.me()) return [];
    const tabs: SectionTab[] = [];
    if (this.auth.can(PACKAGE_RIGHT, Bits.READ)) {
      tabs.push({ path: 'packages', label: 'deploy.packages.title', testId: 'deploy-tab-packages' });
      tabs.push({ path: 'interaction-templates', label: 'deploy.templates.title', testId: 'deploy-tab-templates' });
    }
    if (this.auth.can(MIRROR_RIGHT, Bits.READ)) tabs.push({ path: 'mirrors', label: 'deploy.mirrors.title', testId: 'deploy-tab-mirrors' });
    return tabs;
  });
}
